"""What a reviewer deliberately removed from a record, so that no later extraction offers it again.

A record may hold

    rejected:
      actors: [Fumio Kishida]          # actor names (an actor is dropped by its name or an alias)
      timeline: ['2024']               # event dates
      source_chain: [Kyodo News]       # source names
      tags: [Asia]

`briefings diff` leaves these out of what it proposes (and so does `diff --take`), and
`briefings extract --force` keeps the list and leaves them out of the new draft.
"""

from __future__ import annotations

from typing import Any

#: The lists a reviewer can reject items of, and the key an item is known by.
REJECTABLE = {"actors": "name", "timeline": "date", "source_chain": "name", "tags": ""}


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def rejections(record: Any) -> dict[str, set[str]]:
    """The record's rejected names and dates, per list, folded for comparison."""
    found = record.get("rejected") if isinstance(record, dict) else None
    if not isinstance(found, dict):
        return {}
    out: dict[str, set[str]] = {}
    for listkey, values in found.items():
        if listkey in REJECTABLE and isinstance(values, list):
            out[listkey] = {_norm(v) for v in values if isinstance(v, (str, int))}
    return out


def _rejected(listkey: str, item: Any, names: set[str]) -> bool:
    key = REJECTABLE[listkey]
    if not key:
        return _norm(item) in names
    if not isinstance(item, dict):
        return False
    keys = [item.get(key)]
    if listkey == "actors" and isinstance(item.get("aliases"), list):
        keys += item["aliases"]
    return any(k is not None and _norm(k) in names for k in keys)


def apply_rejections(new: dict[str, Any], old: Any) -> dict[str, Any]:
    """`new` (what the extractor made) without what `old` (the record as it is) rejected, and
    with `old`'s `rejected` list, so that it is kept. `new` itself is not changed."""
    if not isinstance(old, dict) or "rejected" not in old:
        return new
    out = dict(new)
    for listkey, names in rejections(old).items():
        if isinstance(out.get(listkey), list):
            out[listkey] = [x for x in out[listkey] if not _rejected(listkey, x, names)]
    out["rejected"] = old["rejected"]
    return out
