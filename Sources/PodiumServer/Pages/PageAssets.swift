import Foundation

/// The pages' style sheet, script and icon, read once from the target's resources and served from memory.
///
/// Only the files named here are served: `/assets/` is not a window onto the disk, so no path a request
/// spells can reach another file. Each file's URL carries a hash of its bytes (`?v=…`), so a browser may
/// keep it a year and still never show a stale sheet after an upgrade.
struct PageAssets: Sendable {
    /// One served file.
    struct Asset: Sendable {
        /// The file's name under `/assets/`.
        var name: String
        /// Its bytes.
        var bytes: [UInt8]
        /// Its `Content-Type`.
        var contentType: String
        /// A hash of its bytes, the `ETag` and the version in its URL.
        var version: String
    }

    /// The files served, their types, and whether a page cannot do without them.
    static let files: [(name: String, type: String)] = [
        ("podium.css", "text/css; charset=utf-8"),
        ("podium.js", "text/javascript; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
    ]

    /// The assets of this build, read on first use.
    static let shared = PageAssets(directory: PageAssets.resourceDirectory())

    /// The assets found, by name; a missing file is left out (the pages still work, unstyled).
    let assets: [String: Asset]

    /// Reads the files of ``files`` from `directory`.
    init(directory: URL?) {
        var found: [String: Asset] = [:]
        for file in Self.files {
            guard let directory,
                let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file.name).path)
            else { continue }
            let bytes = [UInt8](data)
            found[file.name] = Asset(
                name: file.name,
                bytes: bytes,
                contentType: file.type,
                version: Self.hash(bytes)
            )
        }
        assets = found
    }

    /// The link a page uses for `name`, versioned by its content.
    func link(_ name: StaticString) -> PageLink {
        PageLink.path("/assets/", name.description, query: [("v", assets[name.description]?.version ?? "")])
    }

    /// `Resources/assets` of this target's resource bundle, without `Bundle.module`'s trap when the bundle
    /// is not beside the binary: the server then serves pages without style rather than not at all.
    private static func resourceDirectory() -> URL? {
        let names = ["Podium_PodiumServer.resources", "Podium_PodiumServer.bundle"]
        var roots = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()].compactMap { $0 }
        roots += Bundle.allBundles.map(\.bundleURL)
        for root in roots {
            for name in names {
                for inner in ["Resources/assets", "Contents/Resources/Resources/assets"] {
                    let url = root.appendingPathComponent(name).appendingPathComponent(inner)
                    if FileManager.default.fileExists(atPath: url.appendingPathComponent("podium.css").path) {
                        return url
                    }
                }
            }
        }
        return nil
    }

    /// FNV-1a, 64 bits, in hex: enough to tell two versions of a file apart.
    private static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16)
    }
}
