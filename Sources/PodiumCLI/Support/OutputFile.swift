import ArgumentParser
import Foundation
import Podium

/// A file named by `--out` or `--svg`: checked before any work is done, then written atomically, so that a
/// failed run leaves neither a half-written file nor a changed old one.
struct OutputFile {
    let path: String
    /// The option that named the file, for messages (`--out`, `--svg`).
    let option: String

    /// Exits with status 5 (or 2 for an empty name) when the file clearly cannot be written: its folder is
    /// missing or read-only, or the name is a folder.
    func check() {
        guard !path.isEmpty else {
            UserFacingError("\(option) needs a file name", hint: "e.g. \(option) report.md", status: .usage).exit()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            UserFacingError(
                "cannot write \(path): it is a folder", hint: "give a file name, e.g. \(option) \(example)",
                status: .output
            ).exit()
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            UserFacingError("cannot write \(path): there is no folder \(folder)", hint: "create the folder first", status: .output)
                .exit()
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            UserFacingError(
                "cannot write \(path): the folder \(folder) is not writable", hint: "choose another \(option)",
                status: .output
            ).exit()
        }
    }

    /// Writes the file whole through `body`, or exits with status 5 leaving no trace of the attempt.
    func write(_ body: (FileHandle) throws -> Void) {
        do {
            try AtomicFile.write(to: path, body)
        } catch {
            UserFacingError(
                "cannot write \(path): \(Self.reason(error))",
                hint: "check the free space and permissions of the folder, or choose another \(option)", status: .output
            ).exit()
        }
    }

    private var example: String {
        URL(fileURLWithPath: path).appendingPathComponent(option == "--svg" ? "chart.svg" : "export.md").path
    }

    /// The system's reason, without the path the message already names.
    private static func reason(_ error: Error) -> String {
        switch error as? AtomicFile.Failure {
        case .cannotCreate(_, let reason)?, .cannotWrite(_, let reason)?: return reason
        case nil: return (error as NSError).localizedDescription
        }
    }
}
