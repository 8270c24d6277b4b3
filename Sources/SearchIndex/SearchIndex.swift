// The SearchIndex module.
