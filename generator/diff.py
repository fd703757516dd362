"""What the current extractor would change in a record, field by field.

A reviewer who has corrected a record does not want to regenerate it (that would lose the
corrections), but does want to see what a newer extractor, or a changed seed, would bring.
`diff_records` compares two records the way a reviewer reads them: scalar fields one by one,
actors by name, events by date and source links by name and role, each change printed as the
YAML lines the record holds, so they can be copied into it.

`status` and the `generator` stamp are not compared: they say who made the record, not what
it says. What the record lists under `rejected` (see `generator.rejected`) is never proposed.
`take_fields` writes whole fields of the extractor's version into the record and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .entities import load_registry
from .errors import BriefingError
from .project import command, folder_lock, make_record, prepare_seed, schema_ref
from .records import (
    NESTED_ORDER,
    TOP_ORDER,
    atomic_write,
    dump_field,
    dump_item,
    dump_record,
    has_comments,
    parse_record,
    read_record,
)
from .records import record_path as record_file
from .rejected import apply_rejections
from .seeds import list_seeds, seed_id

IGNORED = {"status", "generator", "rejected"}
#: The fields `diff --take` can write: every field the extractor makes, but the id.
TAKEABLE = [k for k in TOP_ORDER if k not in IGNORED and k != "id"]


@dataclass(frozen=True)
class Change:
    """One difference: `+` the extractor would add it, `-` remove it, `~` change it."""

    sign: str
    where: str
    old: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)

    @property
    def field(self) -> str:
        """The record's top-level key the change is in."""
        found = re.match(r"[A-Za-z_$][\w$-]*", self.where)
        return found.group(0) if found else self.where

    def lines(self) -> list[str]:
        return (
            [f"{self.sign} {self.where}"]
            + [f"    - {ln}" for ln in self.old]
            + [f"    + {ln}" for ln in self.new]
        )


def _actor_key(item: dict[str, Any]) -> Hashable:
    return str(item.get("name"))


def _event_key(item: dict[str, Any]) -> Hashable:
    return str(item.get("date"))


def _link_key(item: dict[str, Any]) -> Hashable:
    return (str(item.get("name")), str(item.get("role")))


def _actor_label(item: dict[str, Any]) -> str:
    return f"actors[{item.get('name')}]"


def _event_label(item: dict[str, Any]) -> str:
    return f"timeline['{item.get('date')}']"


def _link_label(item: dict[str, Any]) -> str:
    return f"source_chain[{item.get('name')}, {item.get('role')}]"


#: The lists compared item by item: how an item is matched, and how it is named.
LISTS: dict[str, tuple[Callable[[dict[str, Any]], Hashable], Callable[[dict[str, Any]], str]]] = {
    "actors": (_actor_key, _actor_label),
    "timeline": (_event_key, _event_label),
    "source_chain": (_link_key, _link_label),
}


def _ordered_keys(old: dict[str, Any], new: dict[str, Any], order: list[str]) -> list[str]:
    keys = [k for k in order if k in old or k in new]
    for k in [*new, *old]:
        if k not in keys:
            keys.append(k)
    return keys


def _field(key: str, old: Any, new: Any, where: str, missing: object) -> list[Change]:
    if old == new:
        return []
    if old is missing:
        return [Change("+", where, [], dump_field(key, new))]
    if new is missing:
        return [Change("-", where, dump_field(key, old), [])]
    return [Change("~", where, dump_field(key, old), dump_field(key, new))]


def _pair(
    old: list[dict[str, Any]], new: list[dict[str, Any]], key: Callable[[dict[str, Any]], Hashable]
) -> list[tuple[Any, Any]]:
    """Match items with the same key: equal ones first, then the rest in order.
    Unmatched items come paired with None. The result follows the new list's order."""
    groups: dict[Hashable, tuple[list[Any], list[Any]]] = {}
    for item in new:
        groups.setdefault(key(item), ([], []))[1].append(item)
    for item in old:
        groups.setdefault(key(item), ([], []))[0].append(item)
    pairs: list[tuple[Any, Any]] = []
    for olds, news in groups.values():
        olds, news = list(olds), list(news)
        for item in list(news):
            if item in olds:
                olds.remove(item)
                news.remove(item)
        pairs += list(zip(olds, news, strict=False))
        n = min(len(olds), len(news))
        pairs += [(o, None) for o in olds[n:]] + [(None, x) for x in news[n:]]
    return pairs


def _list(listkey: str, old: list[Any], new: list[Any]) -> list[Change]:
    key, label = LISTS[listkey]
    changes: list[Change] = []
    for a, b in _pair(old, new, key):
        if a is None:
            changes.append(Change("+", label(b), [], dump_item(listkey, b)))
        elif b is None:
            changes.append(Change("-", label(a), dump_item(listkey, a), []))
        else:
            missing = object()
            for k in _ordered_keys(a, b, NESTED_ORDER[listkey]):
                changes += _field(
                    k, a.get(k, missing), b.get(k, missing), f"{label(b)}.{k}", missing
                )
    return changes


def _tags(old: list[Any], new: list[Any]) -> list[Change]:
    return [Change("+", "tags", [], dump_item("tags", t)) for t in new if t not in old] + [
        Change("-", "tags", dump_item("tags", t), []) for t in old if t not in new
    ]


def _is_items(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, dict) for x in value)


def diff_records(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change that turning `old` into `new` would make, in the record's key order."""
    missing = object()
    changes: list[Change] = []
    for key in _ordered_keys(old, new, TOP_ORDER):
        if key in IGNORED:
            continue
        a, b = old.get(key, missing), new.get(key, missing)
        if key in LISTS and _is_items(a) and _is_items(b):
            changes += _list(key, a, b)
        elif key == "tags" and isinstance(a, list) and isinstance(b, list):
            changes += _tags(a, b)
        elif key == "seed" and isinstance(a, dict) and isinstance(b, dict):
            for k in _ordered_keys(a, b, NESTED_ORDER["seed"]):
                changes += _field(k, a.get(k, missing), b.get(k, missing), f"seed.{k}", missing)
        else:
            changes += _field(key, a, b, key, missing)
    return changes


@dataclass
class RecordDiff:
    """The outcome of `diff_record`."""

    record: str
    """The record file, as shown to the user."""
    seed: str
    """The seed's path in the repository (`seeds/...`)."""
    exists: bool
    changes: list[Change]
    rid: str = ""
    path: Path | None = None
    old: dict[str, Any] = field(default_factory=dict, repr=False)
    new: dict[str, Any] = field(default_factory=dict, repr=False)

    def fields(self) -> list[str]:
        """The fields that would change, in the record's order."""
        return list(dict.fromkeys(c.field for c in self.changes))

    def lines(self) -> list[str]:
        if not self.exists:
            return [
                f"diff: {self.record} does not exist; create it with: "
                f"{command('extract', self.seed)}"
            ]
        if not self.changes:
            return [f"diff: {self.record}: the current extractor would change nothing"]
        out = [
            f"diff: {self.record} against what the extractor makes of {self.seed} now "
            "(- as it is, + as it would be)"
        ]
        for change in self.changes:
            out += change.lines()
        take = command("diff", self.rid or self.seed, "--take", ",".join(self.fields()))
        out.append(
            f"diff: {len(self.changes)} change(s); copy the parts you want into the "
            f"record by hand, or write whole fields with: {take} (it writes only the "
            "fields you name; the others, and the record's status, stay as they are). "
            "To have an item never proposed again, list its name or date under "
            "rejected: (see docs/record-format.md)"
        )
        return out


def find_seed(rid: str, seeds_dir: Path) -> Path:
    """The seed whose file name gives the id `rid`."""
    found = [p for p in list_seeds(seeds_dir) if seed_id(p) == rid]
    if not found:
        raise BriefingError(
            seeds_dir,
            f"no seed gives the record id '{rid}'",
            "give a record's id (its file name without .yaml) or a seed's path",
        )
    if len(found) > 1:
        raise BriefingError(
            found[0], f"gives the same record id '{rid}' as {found[1]}", "rename one of them"
        )
    return found[0]


def diff_record(
    target: str,
    root: Path,
    seeds_dir: Path,
    out_dir: Path,
    options: Any = None,
    show: Callable[[Path], str] = str,
) -> RecordDiff:
    """Compare the record `target` (an id, a record file or a seed file) with what the current
    extractor makes of its seed. Raises BriefingError if either cannot be read."""
    rid = seed_id(Path(target))
    if not rid:
        raise BriefingError(
            target, "is not a record id", "give e.g. 2023-05-05-nato-opens-japan-office"
        )
    seed = prepare_seed(find_seed(rid, seeds_dir), root, seeds_dir)
    record_path = record_file(out_dir, rid)
    if not record_path.exists() and (out_dir / f"{rid}.yml").exists():
        record_path = out_dir / f"{rid}.yml"
    if not record_path.exists():
        return RecordDiff(show(record_path), seed.rel_path, False, [])
    old = read_record(record_path).data
    if not isinstance(old, dict):
        regen = command("extract", "--force", seed.rel_path)
        raise BriefingError(
            show(record_path),
            "is not a mapping of keys to values",
            f"fix it, or replace it with a fresh draft (discarding what it holds): {regen}",
        )
    new = apply_rejections(make_record(seed, options, load_registry(out_dir)), old)
    return RecordDiff(
        show(record_path), seed.rel_path, True, diff_records(old, new), rid, record_path, old, new
    )


def parse_fields(text: str) -> list[str]:
    """The fields named by `--take` ('actors,timeline'), each one `diff` can write."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    bad = [n for n in names if n not in TAKEABLE]
    if bad or not names:
        raise BriefingError(
            "--take",
            f"'{bad[0] if bad else text}' is not a field diff can take",
            f"name some of: {','.join(TAKEABLE)}",
        )
    return list(dict.fromkeys(names))


def take_fields(diff: RecordDiff, fields: list[str], root: Path, out_dir: Path) -> list[str]:
    """Write the extractor's version of `fields` (and nothing else) into the record; its other
    fields, its status and its `generator` stamp stay as they are (so a draft taken into
    counts as edited by hand, and a reviewed record stays reviewed). Returns the fields that
    changed. Refuses a record with comments, which rewriting it would lose."""
    path = diff.path
    if path is None or not diff.exists:
        raise BriefingError(
            diff.record, "does not exist", f"create it with: {command('extract', diff.seed)}"
        )
    changed = [f for f in fields if f in diff.fields()]
    if not changed:
        return []
    with folder_lock(out_dir):
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        if parse_record(text, path).data != diff.old:
            raise BriefingError(diff.record, "changed while diff ran", "run the diff again")
        if has_comments(text):
            raise BriefingError(
                diff.record,
                "holds comments, which writing fields into it would lose",
                "copy the parts you want by hand, or delete the comments first",
            )
        merged = dict(diff.old)
        for name in changed:
            if name in diff.new:
                merged[name] = diff.new[name]
            else:
                merged.pop(name, None)
        ref = schema_ref(root, out_dir) if text.startswith("# yaml-language-server") else None
        atomic_write(path, dump_record(merged, ref).encode("utf-8"))
    return changed
