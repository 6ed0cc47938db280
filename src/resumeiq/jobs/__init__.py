"""Job postings: create from text or a file, parsed requirements (cached by content), keywords."""
