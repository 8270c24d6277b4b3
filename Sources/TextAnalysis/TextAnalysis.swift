// The TextAnalysis module.
