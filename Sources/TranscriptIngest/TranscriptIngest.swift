// The TranscriptIngest module.
