"""Why a language model could not be used, in words a person understands.

::

    LLMError                  (reason: str, shown to the user as is)
    ├── LLMUnavailable        the server could not be reached, timed out, or kept answering 429/5xx
    ├── LLMRefused            the server refused the request (4xx other than 429: bad key, no such model)
    └── LLMBadAnswer          the answer was not the JSON asked for, in every format tried

The messages never carry the server's own error text (a server may echo part of the API key)
nor the base URL (it may hold credentials); they name the status, the time limit or the problem.
"""

from __future__ import annotations


class LLMError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LLMUnavailable(LLMError):
    pass


class LLMRefused(LLMError):
    def __init__(self, reason: str, status: int = 0) -> None:
        super().__init__(reason)
        self.status = status


class LLMBadAnswer(LLMError):
    pass
