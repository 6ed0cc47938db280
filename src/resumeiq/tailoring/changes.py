"""Field-level changes to a JSON Resume document, addressed by JSON pointer (RFC 6901).

A tailoring is a list of ``Change``s to the original document; the tailored document is the
original with the accepted changes applied, so that rejecting one change leaves the others as
they were. Paths point into the **original** document:

- ``changed`` / ``added`` / ``removed``: the value at ``path`` (``added``: a new object key, or
  ``…/-`` to append to a list);
- ``moved``: the list at ``path`` reordered; ``order`` gives the original indices in their new
  order, ``before`` and ``after`` the list's values in the old and the new order.

Values are applied first, then reorders (deepest lists first), so a rename at
``/skills/0/keywords/3`` and a reorder of ``/skills/0/keywords`` compose either way round.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

Op = Literal["added", "removed", "changed", "moved"]


class PointerError(ValueError):
    """A JSON pointer that does not address a value of the document."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(slots=True)
class Change:
    id: str  # "d1", "d2", ... in the preview's diff
    path: str
    op: Op
    before: Any = None
    after: Any = None
    reason: str = ""
    order: list[int] = field(default_factory=list)  # for "moved"

    def to_json(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "path": self.path,
            "op": self.op,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }
        if self.op == "moved":
            out["order"] = list(self.order)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        return cls(
            id=data["id"],
            path=data["path"],
            op=data["op"],
            before=data.get("before"),
            after=data.get("after"),
            reason=data.get("reason", ""),
            order=list(data.get("order") or []),
        )


def split_pointer(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise PointerError(path, "a JSON pointer starts with '/'")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def pointer(*parts: str | int) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _index(path: str, container: list[Any], token: str) -> int:
    if not token.isdigit() or (len(token) > 1 and token[0] == "0"):
        raise PointerError(path, f"{token!r} is not a list index")
    i = int(token)
    if i >= len(container):
        raise PointerError(path, f"index {i} is past the end of a list of {len(container)}")
    return i


def resolve(doc: Any, path: str) -> Any:
    """The value at ``path``; raises ``PointerError``."""
    node = doc
    for token in split_pointer(path):
        if isinstance(node, list):
            node = node[_index(path, node, token)]
        elif isinstance(node, dict):
            if token not in node:
                raise PointerError(path, f"no field {token!r}")
            node = node[token]
        else:
            raise PointerError(path, "a value that has no fields")
    return node


def set_value(doc: Any, path: str, value: Any, *, create: bool = False) -> None:
    """Set the value at ``path`` (``create``: also a new object key or ``…/-`` appended to a list)."""
    tokens = split_pointer(path)
    if not tokens:
        raise PointerError(path, "the whole document cannot be replaced")
    parent = resolve(doc, pointer(*tokens[:-1]))
    last = tokens[-1]
    if isinstance(parent, list):
        if last == "-" and create:
            parent.append(value)
        else:
            parent[_index(path, parent, last)] = value
    elif isinstance(parent, dict):
        if last not in parent and not create:
            raise PointerError(path, f"no field {last!r}")
        parent[last] = value
    else:
        raise PointerError(path, "a value that has no fields")


def remove_value(doc: Any, path: str) -> None:
    tokens = split_pointer(path)
    parent = resolve(doc, pointer(*tokens[:-1]))
    last = tokens[-1] if tokens else ""
    if isinstance(parent, list):
        parent[_index(path, parent, last)] = _REMOVED  # dropped after every change is applied
    elif isinstance(parent, dict) and last in parent:
        del parent[last]
    else:
        raise PointerError(path, "nothing to remove there")


_REMOVED = object()


def _purge(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _purge(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_purge(v) for v in value if v is not _REMOVED]
    return value


def apply_changes(original: dict[str, Any], changes: list[Change]) -> dict[str, Any]:
    """The original document with ``changes`` applied (see the module doc for the order)."""
    doc = copy.deepcopy(original)
    for change in changes:
        if change.op == "changed":
            set_value(doc, change.path, copy.deepcopy(change.after))
        elif change.op == "added":
            set_value(doc, change.path, copy.deepcopy(change.after), create=True)
    moves = sorted((c for c in changes if c.op == "moved"), key=lambda c: -len(split_pointer(c.path)))
    for change in moves:
        items = resolve(doc, change.path)
        if not isinstance(items, list) or sorted(change.order) != list(range(len(items))):
            raise PointerError(change.path, "the new order is not a permutation of the list")
        items[:] = [items[i] for i in change.order]
    for change in changes:
        if change.op == "removed":
            remove_value(doc, change.path)
    return _purge(doc)
