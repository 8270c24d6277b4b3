import TranscriptIngest

// The ingest types the facade's results carry, named here so that an app (and the command line) imports
// only `Podium`; the rest of `TranscriptIngest` (its readers and file listing) stays behind the facade.

/// One unit of retrieval: a question with its answer, and the metadata of the briefing it belongs to.
public typealias Statement = TranscriptIngest.Statement

/// A problem met while reading a source that did not stop it (a bad JSONL line, a date that could not be
/// read), with the source's path and, for JSONL, the line.
public typealias SourceWarning = TranscriptIngest.SourceWarning

/// How reading a source ended: parsed, skipped for a `SkipReason`, or failed with the system's message.
public typealias SourceOutcome = TranscriptIngest.SourceResult.Outcome

/// Why a source was skipped rather than indexed: empty, binary, a listing page, too large…
public typealias SkipReason = TranscriptIngest.SkipReason

/// Which reader read a source: ministry transcript, generic transcript, article, Markdown, JSONL, listing.
public typealias ReaderKind = TranscriptIngest.ReaderKind

/// A page's metadata (title, date, publisher, author, language, URL), each with where it came from.
public typealias PageMetadata = TranscriptIngest.PageMetadata

/// A metadata value and where on the page it was found.
public typealias SourcedValue = TranscriptIngest.SourcedValue

/// Where on a page a metadata value was found: `article:published_time`, JSON-LD, the `<title>`…
public typealias MetadataSource = TranscriptIngest.MetadataSource
