"""Optional language model behind an OpenAI-compatible Chat Completions interface."""

from resumeiq.llm.client import ChatClient, extract_json
from resumeiq.llm.errors import LLMBadAnswer, LLMError, LLMRefused, LLMUnavailable

__all__ = ["ChatClient", "LLMBadAnswer", "LLMError", "LLMRefused", "LLMUnavailable", "extract_json"]
