import CLibXML2

/// One parsed libxml2 HTML document. The only owner of its `xmlDoc`; frees it in `deinit`.
///
/// A document is not `Sendable`: parse and extract inside one task, and copy every string out before
/// the document dies. No node pointer leaves this type's callers in `TranscriptIngest`.
final class HTMLDocument {
    private let document: xmlDocPtr

    /// Parses `bytes` with `htmlReadMemory` (recover, no network, no error or warning output, the page's own
    /// charset declaration ignored because the caller chose the encoding, huge text nodes allowed).
    ///
    /// - Returns: `nil` when libxml2 returns no document at all.
    init?(parsing bytes: UnsafeRawBufferPointer, encoding: String, url: String) {
        LibXML2.prepareThread()
        guard let base = bytes.baseAddress, bytes.count <= Int(Int32.max) else { return nil }
        let options =
            CLIBXML2_HTML_RECOVER | CLIBXML2_HTML_NONET | CLIBXML2_HTML_NOERROR | CLIBXML2_HTML_NOWARNING
            | CLIBXML2_HTML_IGNORE_ENC | CLIBXML2_PARSE_HUGE | CLIBXML2_HTML_COMPACT
        let parsed = htmlReadMemory(
            base.assumingMemoryBound(to: CChar.self),
            Int32(bytes.count),
            url,
            encoding,
            Int32(options)
        )
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The root element (`<html>`), or `nil` for a document without elements.
    var rootElement: xmlNodePtr? { xmlDocGetRootElement(document) }
}

/// Process-wide libxml2 set-up.
enum LibXML2 {
    /// `xmlInitParser` must run once before threads parse concurrently; a `static let` runs it exactly once.
    private static let initialized: Bool = {
        xmlInitParser()
        clibxml2_silence_errors()
        return true
    }()

    /// Initializes libxml2 once per process and silences its error output on the calling thread
    /// (libxml2 keeps error handlers per thread). `xmlCleanupParser` is never called: other threads may parse.
    static func prepareThread() {
        _ = initialized
        clibxml2_silence_errors()
    }

    /// Whether libxml2 (through iconv) can decode `encoding`. libxml2 silently ignores an encoding it does
    /// not know, so an unknown declared label must be caught before parsing.
    static func canDecode(_ encoding: String) -> Bool {
        prepareThread()
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)  // frees the iconv descriptors a lookup opens
        return true
    }

    /// Bare `htmlReadMemory` + `xmlFreeDoc` over `bytes` with the reader's options: the baseline the speed
    /// benchmark compares the full parse and split against.
    package static func parseAndFree(_ bytes: UnsafeRawBufferPointer) {
        prepareThread()
        guard let base = bytes.baseAddress, bytes.count <= Int(Int32.max) else { return }
        let options =
            CLIBXML2_HTML_RECOVER | CLIBXML2_HTML_NONET | CLIBXML2_HTML_NOERROR | CLIBXML2_HTML_NOWARNING
            | CLIBXML2_PARSE_HUGE
        if let document = htmlReadMemory(
            base.assumingMemoryBound(to: CChar.self),
            Int32(bytes.count),
            nil,
            nil,
            Int32(options)
        ) {
            xmlFreeDoc(document)
        }
    }
}
