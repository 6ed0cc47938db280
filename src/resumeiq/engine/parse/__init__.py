"""Parse stage: sections of an ``ExtractedDocument`` → ``ResumeData`` (JSON Resume with evidence).

Lexicons first (``dates``, ``places``, ``titles``, ``skills``), then ``segment`` (sections by
heading) and ``lines`` (body lines of a section), then one module per part of the resume
(``contact``, ``work``, ``education``, ``skill_groups``, ``extras``), joined by ``resume``.
"""
