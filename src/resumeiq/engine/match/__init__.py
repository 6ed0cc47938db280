"""Match stage: job postings → requirements (``jobs``), a resume × a job → ``MatchResult``
(``match``, its ``components``, ``report`` and lexical ``text`` relevance), many × many →
rankings (``rank``). ``results`` holds the result models."""
