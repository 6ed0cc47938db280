"""Resource ids in response bodies: a resource names its own id ``id``, and another resource it
refers to ``<thing>_id`` (``resume_id``, ``job_id``).

Some bodies named their own id after the resource (``analysis_id`` for a review, and for a match;
``resume_id``, ``screening_id``, ``item_id``, ``message_id``, ``preview_id``). The web app, the CLI,
the benchmarks and clients written against the earlier API read those, so ``IdAs("analysis_id")``
gives a body both: ``id``, and the former name with the same value, marked deprecated in the
OpenAPI document. Constructors may pass either name.
"""

from __future__ import annotations

import uuid
from functools import cache

from pydantic import AliasChoices, BaseModel, Field, computed_field


@cache
def IdAs(former: str) -> type[BaseModel]:  # noqa: N802 - used like a class: class X(IdAs("x_id"))
    """A base class with ``id`` and the deprecated ``former`` name of it."""

    def getter(self: BaseModel) -> uuid.UUID:
        return self.id  # type: ignore[attr-defined,no-any-return]

    namespace = {
        "__annotations__": {"id": uuid.UUID},
        "__module__": __name__,
        "id": Field(validation_alias=AliasChoices("id", former), description="This resource's id"),
        former: computed_field(  # type: ignore[call-overload]
            property(getter),
            return_type=uuid.UUID,
            description="The same as id; kept for compatibility with clients of the earlier API.",
            json_schema_extra={"deprecated": True},
        ),
    }
    return type(f"IdAs_{former}", (BaseModel,), namespace)
