"""Text in: bytes to text, input checks, fetching and extracting web pages, batch sources."""
