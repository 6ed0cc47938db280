"""A preview's mode, ``deterministic`` or ``llm``, decided and reported the same way by the
service (``POST /tailorings/preview``, the Tailoring page) and by ``resumeiq tailor``, which has
no database:

- ``choose_mode(asked, llm)``: the mode asked for, else ``llm`` when a model is configured;
  ``llm`` without one is ``LLMNotConfigured`` (422 ``llm_not_configured``).
- ``model_rewrites(mode, llm, resume, ...)``: the model's rewrites and the warnings of that step;
  a model that cannot be used (down, slow, garbage) gives none and a warning saying why.
- ``settle_mode(outcome, mode, llm, rewrites, warnings)``: the engine's outcome with the mode and
  the model it really came from (``ai_model_used`` only when a rewrite of the model was kept) and
  every warning, the model's first.
"""

from __future__ import annotations

import logging
from typing import Any

from resumeiq.errors import LLMNotConfigured
from resumeiq.llm import ChatClient, LLMError
from resumeiq.tailoring.llm import LLMSettings, has_rewritable_text, propose_rewrites

log = logging.getLogger(__name__)

MODES = ("deterministic", "llm")


def choose_mode(asked: str | None, llm: LLMSettings | None) -> str:
    mode = asked or ("llm" if llm is not None else "deterministic")
    if mode == "llm" and llm is None:
        raise LLMNotConfigured(
            "mode 'llm' is not available: this resumeiq has no language model configured "
            "(RESUMEIQ_LLM_BASE_URL and RESUMEIQ_LLM_MODEL). Leave mode out (or use 'deterministic') "
            "for the offline tailoring."
        )
    return mode


async def model_rewrites(
    mode: str,
    llm: LLMSettings | None,
    resume_doc: dict[str, Any],
    requirements: dict[str, Any],
    description: str,
    title: str | None,
    company: str | None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """(rewrites, warnings): nothing to ask in ``deterministic`` mode."""
    if mode != "llm" or llm is None:
        return [], []
    if not has_rewritable_text(resume_doc):
        return [], [
            "The resume has no summary or bullets for the language model to reword, so it was not "
            "asked; this is the deterministic tailoring (mode 'deterministic')."
        ]
    return await _ask_model(llm, resume_doc, requirements, description, title, company)


def settle_mode(
    outcome: dict[str, Any],
    mode: str,
    llm: LLMSettings | None,
    rewrites: list[dict[str, Any]],
    llm_warnings: list[str],
) -> dict[str, Any]:
    """``outcome`` (the engine's preview; its ``llm_kept`` is taken out) with ``mode``,
    ``ai_model_used`` and ``warnings`` as they really were."""
    kept = outcome.pop("llm_kept", 0)
    used_model = llm.model if (mode == "llm" and llm is not None and kept) else None
    warnings = list(llm_warnings)
    if mode == "llm" and llm is not None and rewrites and not kept:
        warnings.append(
            f"The language model {llm.model} was used, but none of its rewrites kept the tailoring "
            "guarantees, so this is the deterministic tailoring (mode 'deterministic')."
        )
    outcome["warnings"] = [*warnings, *outcome.get("warnings", [])]
    return {**outcome, "mode": "llm" if used_model else "deterministic", "ai_model_used": used_model}


async def _ask_model(
    llm: LLMSettings,
    resume_doc: dict[str, Any],
    requirements: dict[str, Any],
    description: str,
    title: str | None,
    company: str | None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """The model's rewrites, and warnings; a model that cannot be used gives no rewrites and a
    warning saying why (the preview then is the deterministic one). Never raises ``LLMError``."""
    skills = [
        s["name"]
        for s in (requirements or {}).get("required_skills") or []
        if isinstance(s, dict) and s.get("name")
    ]
    try:
        async with ChatClient(
            base_url=llm.base_url,
            model=llm.model,
            api_key=llm.api_key,
            timeout=llm.timeout_seconds,
            max_retries=llm.max_retries,
        ) as client:
            proposal = await propose_rewrites(
                client,
                resume_doc,
                job_title=title,
                company=company,
                job_text=description or "",
                skills=skills,
            )
    except LLMError as exc:
        log.warning("tailoring: the language model %s could not be used: %s", llm.model, exc.reason)
        return [], [
            f"The language model {llm.model} could not be used: {exc.reason}. This is the deterministic "
            "tailoring (mode 'deterministic')."
        ]
    except Exception as exc:  # noqa: BLE001  (a bug must not cost the user the preview)
        log.error("tailoring: the language model step failed: %s", type(exc).__name__, exc_info=True)
        return [], [
            f"The language model {llm.model} could not be used: resumeiq failed while asking it "
            f"({type(exc).__name__}). This is the deterministic tailoring (mode 'deterministic')."
        ]
    if not proposal.changes:
        proposal.warnings.append(
            f"The language model {llm.model} proposed no rewrite, so this is the deterministic tailoring "
            "(mode 'deterministic')."
        )
    return proposal.changes, proposal.warnings
