"""Screenings: many resumes ranked against one job, item by item, with export and e-mails."""
