"""Candidates as people: found by identity, searched, shown with their versions, screenings and
matches, edited and deleted with everything they own."""
