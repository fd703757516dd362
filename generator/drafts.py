"""The last step of every draft: what `briefings check` would reject never reaches a record.

The extractor's rules are general and the documents are not, so now and then a rule yields
an item the record format refuses (a date no EDTF reader takes, an evidence quote that is not
verbatim, an empty name, one item too many). Such an item is dropped, or just its bad key
where the key is optional, so that one odd sentence never makes a draft that fails `check`
and stops a build.
"""

from __future__ import annotations

import re
from typing import Any

from .entities import Registry, apply_registry
from .validate import (
    MAX_SUMMARY_WORDS,
    date_problems,
    evidence_problems,
    schema,
    schema_problems,
    summary_problems,
    text_problems,
)

#: Keys of a list item that may be dropped alone (the item stands without them).
_OPTIONAL = {
    "evidence",
    "role",
    "aliases",
    "date",
    "authors",
    "url",
    "title",
    "status",
    "anonymous",
}
_ITEM = re.compile(r"^(actors|timeline|source_chain)\[(\d+)\](?:\.(\w+))?")


def draft_errors(data: dict[str, Any], seed_text: str) -> list[tuple[str, str]]:
    """(key path, message) for every error `check` reports about a record that needs no file:
    schema, EDTF dates, characters, the summary's length and verbatim evidence."""
    return (
        schema_problems(data)
        + date_problems(data)
        + text_problems(data)
        + summary_problems(data)
        + evidence_problems(data, seed_text)
    )


def _cap_words(text: str, limit: int) -> str:
    """The text cut after its last whole sentence within `limit` words (else at `limit`)."""
    words = text.split()
    if len(words) <= limit:
        return text
    cut = " ".join(words[:limit])
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > 0 else cut


def _limits(data: dict[str, Any]) -> None:
    """Lists and strings cut to the lengths the schema allows."""
    props = schema()["properties"]
    for key, value in list(data.items()):
        spec = props.get(key, {})
        if isinstance(value, list) and "maxItems" in spec:
            data[key] = value[: spec["maxItems"]]
        elif isinstance(value, str) and "maxLength" in spec:
            data[key] = value[: spec["maxLength"]]
    if isinstance(data.get("summary"), str):
        data["summary"] = _cap_words(data["summary"], MAX_SUMMARY_WORDS)


def repair_draft(
    record: dict[str, Any], seed_text: str, registry: Registry | None = None
) -> dict[str, Any]:
    """The draft without what `check` would reject in it: bad optional keys are dropped from
    their items, bad items from their lists, over-long lists and texts are cut. What cannot
    be repaired so (a bad title or id) is left for `check` to report. With the entity
    registry of the records folder, actors are named as it says (`apply_registry`)."""
    record = apply_registry(record, registry)
    data = {k: (list(v) if isinstance(v, list) else v) for k, v in record.items()}
    _limits(data)
    for _ in range(3):  # dropping an item renumbers the rest: check again
        errors = draft_errors(data, seed_text)
        drop: dict[str, set[int]] = {}
        changed = False
        for keypath, _message in errors:
            m = _ITEM.match(keypath)
            if not m:
                continue
            listkey, index, key = m.group(1), int(m.group(2)), m.group(3)
            items = data.get(listkey)
            if not isinstance(items, list) or index >= len(items):
                continue
            item = items[index]
            required = key is None or (listkey == "timeline" and key == "date")
            if not required and key in _OPTIONAL and isinstance(item, dict) and key in item:
                items[index] = {k: v for k, v in item.items() if k != key}
                changed = True
                continue
            drop.setdefault(listkey, set()).add(index)
        for listkey, indexes in drop.items():
            data[listkey] = [x for i, x in enumerate(data[listkey]) if i not in indexes]
            changed = True
        if not changed:
            break
    return data
