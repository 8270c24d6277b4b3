// The SearchQuery module.
