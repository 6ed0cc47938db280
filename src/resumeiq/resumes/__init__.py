"""Candidates and their resume versions: upload, versions, master, files."""
