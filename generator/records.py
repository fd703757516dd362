"""The record store: reading records strictly and writing them deterministically and atomically.

Records are edited by people, so reading is strict (duplicate keys, anchors and aliases are
refused; every error has a line and column) and writing never loses work: the store refuses
to overwrite a reviewed record or a draft a person has edited, and every write is a temporary
file renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .errors import BriefingError

TOP_ORDER = [
    "id",
    "title",
    "date",
    "seed",
    "status",
    "review",
    "tags",
    "summary",
    "actors",
    "timeline",
    "source_chain",
    "rejected",
    "generator",
]
NESTED_ORDER = {
    "seed": ["path", "sha256"],
    "actors": ["name", "type", "role", "aliases", "evidence"],
    "timeline": ["date", "event", "status", "evidence"],
    "source_chain": ["name", "role", "date", "authors", "url", "title", "evidence"],
    "generator": ["version", "digest"],
    "review": ["field", "question"],
    "rejected": ["actors", "timeline", "source_chain", "tags"],
}
DATE_KEYS = {"date"}
FOLD_WIDTH = 96
RECORD_SUFFIXES = (".yaml", ".yml")
#: The stem of the entity registry in the records folder (`briefings/entities.yaml`, see
#: generator/entities.py): it is no record, and no seed may produce a record of that name.
REGISTRY_ID = "entities"
#: Ids no record may have: a page the site makes itself (docs/briefings/index.md), and the
#: entity registry's file.
RESERVED_IDS = frozenset({"index", REGISTRY_ID})


# --------------------------------------------------------------------------- reading


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a record may not use; `fix` says what to write instead."""

    def __init__(self, problem: str, mark: Any, fix: str) -> None:
        super().__init__(None, None, problem, mark)
        self.fix = fix


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases (no alias bombs) and duplicate keys."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        # Refused on the event, before anything is composed or expanded.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                "anchors (&name) and aliases (*name) are not allowed in a record",
                event.start_mark,
                "write the value out in full",
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) or key is None:
                if key in seen:
                    raise _Refused(
                        f"duplicate key '{key}' (the later one would silently win)",
                        key_node.start_mark,
                        "keep one of them",
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


_CLoader = getattr(yaml, "CSafeLoader", None)


def _refuse_duplicate_keys(node: Any) -> None:
    """What _StrictLoader.construct_mapping checks, on a composed node tree."""
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        raise _Refused(
                            f"duplicate key '{key_node.value}' (the later one would silently win)",
                            key_node.start_mark,
                            "keep one of them",
                        )
                    seen.add(key_node.value)
                todo.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            todo.extend(current.value)


# The node tree is walked separately to map key paths to line numbers.
def _line_map(node: Any, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            sub = f"{path}.{key}" if path else str(key)
            _line_map(value_node, sub, lines)
            lines[sub] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, f"{path}[{i}]", lines)


@dataclass
class Loaded:
    """A record read from disk."""

    path: Path
    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, keypath: str) -> int | None:
        """The line of a key path, or of its nearest parent that has one."""
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            cut = max(keypath.rfind("."), keypath.rfind("["))
            keypath = keypath[:cut] if cut > 0 else ""
        return self.lines.get("")


def _load(text: str, loader_class: Any, fast: bool) -> tuple[Any, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if fast and node is not None:
            _refuse_duplicate_keys(node)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


#: A record needs four levels (a key, a list, an item, its keys); this leaves room for
#: optional keys and stops a hostile file from exhausting the stack of every later step.
MAX_DEPTH = 16


def _depth(data: Any) -> int:
    deepest, todo = 0, [(data, 1)]
    while todo:
        value, level = todo.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            items = value.values() if isinstance(value, dict) else value
            todo.extend((item, level + 1) for item in items)
    return deepest


def parse_record(text: str, path: Path) -> Loaded:
    """Parse record YAML. Raises BriefingError with line and column on any syntax problem."""
    if "\t" in text:
        at = text.index("\t")
        lineno = text[:at].count("\n") + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise BriefingError(
            f"{path}:{lineno}:{column}",
            "tab character in the YAML",
            "indent with spaces; YAML does not allow tabs",
        )
    # libyaml is ten times faster; it cannot refuse aliases as they are read, so it is used
    # only when the text holds no anchor or alias marker at all.
    fast = _CLoader is not None and "&" not in text and "*" not in text
    try:
        try:
            node, data = _load(text, _CLoader if fast else _StrictLoader, fast)
        except yaml.YAMLError:
            if not fast:
                raise
            # Report every syntax error in the pure-Python parser's words, whichever ran.
            node, data = _load(text, _StrictLoader, False)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = exc.problem or exc.context or "invalid YAML"
        began = _construct_start(exc)
        fix = getattr(exc, "fix", None) or (
            f"look from line {began[1]} to line {mark.line + 1} for a quote or bracket left "
            "open or a line indented unlike its neighbours"
            if began and mark
            else "fix the syntax at that line and column"
        )
        if began:
            problem += f" (noticed here, in {began[0]} that begins at line {began[1]})"
        raise BriefingError(where, f"YAML error: {problem}", fix) from None
    except yaml.YAMLError as exc:
        raise BriefingError(path, f"YAML error: {exc}", "fix the YAML syntax") from None
    except RecursionError:
        raise BriefingError(
            path,
            "is nested too deeply to read",
            f"a record needs at most {MAX_DEPTH} levels of nesting",
        ) from None
    if _depth(data) > MAX_DEPTH:
        raise BriefingError(
            path,
            f"is nested more than {MAX_DEPTH} levels deep",
            "a record needs no more; remove the extra levels",
        )
    lines: dict[str, int] = {}
    if node is not None:
        _line_map(node, "", lines)
    return Loaded(path=path, data=data, lines=lines)


#: What PyYAML's "while parsing a ..." contexts are, in a reviewer's words.
_CONSTRUCTS = {
    "quoted scalar": "a quoted value",
    "flow sequence": "a [...] list",
    "flow mapping": "a {...} mapping",
    "block collection": "an indented block",
    "block mapping": "an indented block",
    "simple key": "a key",
    "plain scalar": "a value",
    "block scalar": "a '|' or '>' text",
    "directive": "a directive",
    "anchor": "an anchor",
    "alias": "an alias",
    "tag": "a tag",
    "a node": "a value",
}


def _construct_start(exc: Any) -> tuple[str, int] | None:
    """The construct a syntax error is in and the line it begins on, when that is an earlier
    line than where the parser noticed the error (a quote or bracket left open)."""
    context, start, seen = exc.context, exc.context_mark, exc.problem_mark
    if not context or start is None or seen is None or start.line >= seen.line:
        return None
    thing = next((v for k, v in _CONSTRUCTS.items() if k in context), "the construct")
    return thing, start.line + 1


def read_record(path: Path) -> Loaded:
    """Read and parse one record file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefingError(path, f"cannot be read ({exc.strerror})", "check the file") from None
    return decode_record(raw, path)


def decode_record(raw: bytes, path: Path) -> Loaded:
    """Parse the bytes of the record file `path` as `read_record` does (for a caller that
    needs the bytes too, e.g. to fingerprint exactly what was parsed)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BriefingError(
            f"{path}:{line}:{column}",
            f"is not UTF-8 (byte 0x{raw[exc.start]:02x})",
            "save it as UTF-8",
        ) from None
    return parse_record(text, path)


def record_path(folder: Path, rid: str) -> Path:
    """The file of record `rid` in a folder: `<rid>.yaml`, or `<rid>.yml` where a person
    saved it so (and there is no `.yaml`)."""
    path = folder / f"{rid}.yaml"
    alt = folder / f"{rid}.yml"
    return alt if not path.exists() and alt.exists() else path


def list_records(folder: Path) -> list[Path]:
    """Every record file in a folder, sorted by name (not the entity registry)."""
    if not folder.is_dir():
        return []
    names = []
    with os.scandir(folder) as entries:  # is_file() from the directory entry, no stat
        for entry in entries:
            stem, dot, suffix = entry.name.rpartition(".")
            if (
                dot
                and f".{suffix}" in RECORD_SUFFIXES
                and stem != REGISTRY_ID
                and not entry.name.startswith(".")
                and entry.is_file()
            ):
                names.append(entry.name)
    return [folder / name for name in sorted(names)]


# --------------------------------------------------------------------------- writing


def _scalar(value: Any, key: str = "") -> str:
    if isinstance(value, str) and key in DATE_KEYS and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    style = '"' if isinstance(value, str) and ("\n" in value or "\r" in value) else None
    out = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style=style)
    return out.removesuffix("\n...\n").removesuffix("\n")


def _foldable(text: str) -> bool:
    return (
        len(text) > FOLD_WIDTH - 20
        and text == " ".join(text.split())
        and text.isprintable()
        and not text.startswith(("#", "-", "'", '"'))
    )


def _fold(text: str, indent: str) -> str:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(indent) + len(current) + 1 + len(word) > FOLD_WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return ">-\n" + "\n".join(indent + line for line in lines)


def _ordered(mapping: dict[str, Any], order: list[str]) -> list[str]:
    known = [k for k in order if k in mapping]
    return known + [k for k in mapping if k not in order]


def _emit(key: str, value: Any, indent: str, out: list[str], parent: str) -> None:
    prefix = f"{indent}{key}:"
    child = indent + "  "
    if isinstance(value, dict):
        if not value:
            out.append(f"{prefix} {{}}")
            return
        out.append(prefix)
        for k in _ordered(value, NESTED_ORDER.get(key, [])):
            _emit(k, value[k], child, out, key)
    elif isinstance(value, list):
        if not value:
            out.append(f"{prefix} []")
            return
        out.append(prefix)
        for item in value:
            _emit_item(item, child, out, key)
    elif isinstance(value, str) and _foldable(value):
        out.append(f"{prefix} {_fold(value, child)}")
    else:
        out.append(f"{prefix} {_scalar(value, key)}")


def _emit_item(item: Any, indent: str, out: list[str], listkey: str) -> None:
    if isinstance(item, dict) and item:
        sub: list[str] = []
        for k in _ordered(item, NESTED_ORDER.get(listkey, [])):
            _emit(k, item[k], indent + "  ", sub, listkey)
        sub[0] = indent + "- " + sub[0][len(indent) + 2 :]
        out.extend(sub)
    elif isinstance(item, (dict, list)):
        out.append(f"{indent}- {'{}' if isinstance(item, dict) else '[]'}")
    else:
        out.append(f"{indent}- {_scalar(item)}")


def dump_record(record: dict[str, Any], schema_ref: str | None = None) -> str:
    """Serialise a record: fixed key order, quoted dates, folded long text, one item a line."""
    out: list[str] = []
    if schema_ref:
        out.append(f"# yaml-language-server: $schema={schema_ref}")
    for key in _ordered(record, TOP_ORDER):
        _emit(key, record[key], "", out, "")
    text = "\n".join(out) + "\n"
    # A serialiser bug must never write a record that reads back differently.
    # (libyaml's loader when installed: the same data, ten times faster than the Python one)
    back = yaml.load(text, Loader=_CLoader or yaml.SafeLoader)
    if back != record:
        raise AssertionError(f"record {record.get('id')!r} does not survive a YAML round trip")
    return text


def dump_item(listkey: str, item: Any) -> list[str]:
    """One list item (an actor, an event, a link) as the lines a record holds for it."""
    out: list[str] = []
    _emit_item(item, "", out, listkey)
    return "\n".join(out).split("\n")


def dump_field(key: str, value: Any, parent: str = "") -> list[str]:
    """One `key: value` (folded, quoted and ordered as in a record) as lines."""
    out: list[str] = []
    _emit(key, value, "", out, parent)
    return "\n".join(out).split("\n")


def content_digest(record: dict[str, Any]) -> str:
    """Digest of a record's content, without its `generator` stamp: detects hand edits."""
    body = {k: v for k, v in record.items() if k != "generator"}
    return hashlib.sha256(
        json.dumps(body, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    ).hexdigest()


def stamp(record: dict[str, Any]) -> dict[str, Any]:
    """Add the `generator` key: the version that made the record and a digest of its content."""
    out = {k: v for k, v in record.items() if k != "generator"}
    out["generator"] = {"version": __version__, "digest": content_digest(out)}
    return out


def _file_mode(path: Path) -> int:
    """The mode a new file gets: the existing file's, else 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that a reader (or a crash) sees the old or the new bytes, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    # Make the rename itself durable, so a power cut cannot bring back the old version.
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def has_comments(text: str) -> bool:
    """Whether record YAML holds a comment of a person's (the `$schema` line the generator
    writes at the top is not one). Comments are not data, so the content digest cannot see
    them; a `#` inside a quoted or plain value is no comment."""
    lines = text.split("\n")
    if lines and lines[0].startswith("# yaml-language-server: $schema="):
        lines[0] = ""
    body = "\n".join(lines)
    if "#" not in body:
        return False
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(body, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return True  # unreadable as YAML: certainly not as the generator wrote it
    spans.sort()
    k = 0
    for at, ch in enumerate(body):
        if ch != "#" or (at and body[at - 1] not in " \t\n"):
            continue
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if not (k < len(spans) and spans[k][0] <= at < spans[k][1]):
            return True
    return False


def hand_edited(data: Any) -> bool:
    """Whether a draft record was changed by a person since the generator wrote it."""
    if not isinstance(data, dict):
        return True
    gen = data.get("generator")
    if not isinstance(gen, dict) or "digest" not in gen:
        return True
    return gen.get("digest") != content_digest(data)
