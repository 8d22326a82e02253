"""Text in: input checks, fetching and extracting articles from web pages, batch sources."""
