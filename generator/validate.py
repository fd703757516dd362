"""Validation of records: the JSON Schema plus what no schema can say.

`validate_record` and `validate_repository` return every problem at once; nothing here raises
for bad input. Errors fail `briefings check`; what a problem does to the published site is
`publish_level`'s: a draft never blocks it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .entities import registry_problems
from .errors import BriefingError
from .filehash import stat_of
from .owned import ownership_problems
from .problems import Problem, command, display_path, problem_from_error
from .records import (
    RESERVED_IDS,
    Loaded,
    decode_record,
    hand_edited,
    list_records,
    read_record,
)
from .seeds import Seed, fold_ws, list_seeds, prepare_seed, read_seed, seed_id, sha256_bytes
from .siteconfig import load_site_config

if TYPE_CHECKING:
    from .checkcache import CheckCache

MAX_SUMMARY_WORDS = 90


@functools.cache
def schema() -> dict[str, Any]:
    """The record's JSON Schema, as shipped in the package."""
    text = resources.files("generator").joinpath("schema/record.schema.json").read_text("utf-8")
    return json.loads(text)


def schema_path() -> Path:
    return Path(str(resources.files("generator").joinpath("schema/record.schema.json")))


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


@functools.cache
def _quick_check() -> Any:
    """The same schema compiled to Python: some twenty times faster than `jsonschema`, used
    only to tell a valid record quickly. Any record it rejects goes through `jsonschema`,
    whose errors carry the paths the messages need."""
    try:
        import fastjsonschema
    except ImportError:
        return None
    return fastjsonschema.compile(schema())


def schema_errors(data: Any) -> list[Any]:
    """The schema's errors for a record (jsonschema ValidationErrors), sorted by path."""
    quick = _quick_check()
    if quick is not None:
        try:
            quick(data)
            return []
        except Exception:  # JsonSchemaException or a type it did not expect: ask jsonschema
            pass
    return sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))


def _keypath(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _schema_message(err: Any) -> str:
    inst = err.instance
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"missing required key '{missing}'; add it (see docs/record-format.md)"
    if err.validator == "type":
        if isinstance(inst, (_dt.date, _dt.datetime)):
            return f"unquoted date {inst}; write it as a quoted string: '{inst.isoformat()}'"
        wants = (
            err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        )
        want = " or ".join(_TYPE_NAMES.get(str(w), str(w)) for w in wants)
        return f"{_short(inst)} is not {want}; write {want} here"
    if err.validator == "enum":
        return (
            f"{_short(inst)} is not one of {', '.join(map(str, err.validator_value))}; "
            "use one of them"
        )
    if err.validator == "pattern":
        return f"{_short(inst)} does not match {err.validator_value}"
    if err.validator == "minLength":
        return "is empty; write a value or remove the key"
    if err.validator == "maxLength":
        return f"is {len(inst)} characters long, more than {err.validator_value}; shorten it"
    if err.validator == "maxItems":
        return (
            f"has {len(inst)} items, more than the {err.validator_value} a record may hold; "
            "keep the ones that matter"
        )
    return err.message


_TYPE_NAMES = {
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_keys(data: Any, sch: dict[str, Any], path: str, out: list[tuple[str, str]]) -> None:
    defs = schema()["$defs"]
    if "$ref" in sch:
        sch = defs[sch["$ref"].rsplit("/", 1)[1]]
    if isinstance(data, dict) and "properties" in sch:
        for key, value in data.items():
            sub = f"{path}.{key}" if path else str(key)
            if key not in sch["properties"]:
                out.append((sub, str(key)))
            else:
                _unknown_keys(value, sch["properties"][key], sub, out)
    elif isinstance(data, list) and "items" in sch:
        for i, item in enumerate(data):
            _unknown_keys(item, sch["items"], f"{path}[{i}]", out)


def _dates(data: dict[str, Any]) -> list[tuple[str, Any]]:
    found = [("date", data.get("date"))]
    for listkey in ("timeline", "source_chain"):
        items = data.get(listkey)
        if isinstance(items, list):
            found += [
                (f"{listkey}[{i}].date", it.get("date"))
                for i, it in enumerate(items)
                if isinstance(it, dict) and "date" in it
            ]
    return found


def _evidences(data: dict[str, Any]) -> list[tuple[str, Any]]:
    found = []
    for listkey in ("actors", "timeline", "source_chain"):
        items = data.get(listkey)
        if isinstance(items, list):
            found += [
                (f"{listkey}[{i}].evidence", it["evidence"])
                for i, it in enumerate(items)
                if isinstance(it, dict) and isinstance(it.get("evidence"), str)
            ]
    return found


_SIMPLE_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?[~?%]?$")


def _simple_date_ok(part: str) -> bool | None:
    """True/False for a plain EDTF date ('2023', '2023-05', '2023-05-05', with ~ ? %),
    None for any other form (left to the full parser)."""
    m = _SIMPLE_DATE.match(part)
    if not m:
        return None
    year, month, day = m.groups()
    if month is None:
        return True
    if day is None and 21 <= int(month) <= 41:
        return None  # a season or quarter ('2011-22': summer 2011): the full parser decides
    if not 1 <= int(month) <= 12:
        return False
    if day is None:
        return True
    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def edtf_problem(value: str) -> str | None:
    """Why a string is not a valid EDTF date, or None. The common forms (a day, month or
    year, or an interval of them) are checked directly: the full EDTF grammar costs some
    15 ms a date, more than the rest of a record's checks together."""
    if not value.isascii():
        return (
            f"{_short(value)} holds characters other than ASCII (digits must be 0-9); "
            "write the date as e.g. '2023-05-05'"
        )
    parts = value.split("/")
    simple = [_simple_date_ok(p) for p in parts] if len(parts) <= 2 else [None]
    if None not in simple:
        if all(simple) and (len(parts) == 1 or parts[0].rstrip("~?%") <= parts[1].rstrip("~?%")):
            return None
        if not all(simple):
            return (
                f"'{value}' is not a valid EDTF date; write e.g. '2023-05-05', '2023-05', "
                "'2023', '2023-07-11/2023-07-12' or '2023-01~'"
            )
    return _edtf_problem_full(value)


def _edtf_problem_full(value: str) -> str | None:
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parse_edtf(value)
    except EDTFParseException:
        return (
            f"'{value}' is not a valid EDTF date; write e.g. '2023-05-05', '2023-05', '2023', "
            "'2023-07-11/2023-07-12' or '2023-01~'"
        )
    except Exception:  # the parser raises assorted errors on odd input
        return f"'{value}' is not a valid EDTF date"
    return None


def seed_path_problem(value: str) -> str | None:
    """Why a `seed.path` is not a relative path inside seeds/, or None."""
    if not value.isprintable():
        return f"{_short(value)} holds a control character; give the seed's file name"
    if "://" in value or value.startswith(("http:", "https:", "file:")):
        return f"'{value}' is a URL; give the seed's path in the repository, e.g. seeds/<name>.txt"
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or (len(value) > 1 and value[1] == ":"):
        return (
            f"'{value}' is an absolute path; give it relative to the repository, e.g. seeds/<name>"
        )
    if ".." in pure.parts:
        return f"'{value}' contains '..'; the seed must lie inside seeds/"
    if not pure.parts or pure.parts[0] != "seeds" or len(pure.parts) < 2:
        return f"'{value}' is not inside seeds/; move the seed into seeds/ and point to it"
    return None


def _lookalike_names(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Names that may pass for another actor's or source's name on the site."""
    from .pages.catalog import lookalike

    out = []
    for listkey, keys in (("actors", ("name", "aliases")), ("source_chain", ("name", "authors"))):
        items = data.get(listkey)
        for i, item in enumerate(items if isinstance(items, list) else []):
            for key in keys:
                value = item.get(key) if isinstance(item, dict) else None
                values = value if isinstance(value, list) else [value]
                for j, name in enumerate(values):
                    if isinstance(name, str) and (why := lookalike(name)):
                        where = f"{listkey}[{i}].{key}" + (
                            f"[{j}]" if isinstance(value, list) else ""
                        )
                        out.append(
                            (
                                where,
                                f"{_short(name)} {why}; retype it in plain letters "
                                "so that the site lists it under its real name",
                            )
                        )
    return out


#: The characters `_char_problem` refuses, to find the first one without a loop in Python.
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _char_problem(text: str) -> str | None:
    """Why a string may not stand in a record: characters that cannot be written as UTF-8,
    that XML (the feed) refuses, or that control a terminal."""
    found = _BAD_CHAR.search(text)
    if found is None:
        return None
    for ch in text[found.start() :]:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return (
                f"holds a lone surrogate (U+{code:04X}), which is no character; "
                "delete it or write the character it was meant to be"
            )
        if (
            code in (0xFFFE, 0xFFFF)
            or (code < 0x20 and ch not in "\t\n\r")
            or code == 0x7F
            or 0x80 <= code <= 0x9F
        ):
            return f"holds the control character U+{code:04X}; delete it"
    return None


def text_problems(data: Any, path: str = "") -> list[tuple[str, str]]:
    """(key path, why) for every string in a record, keys included, that holds a character
    a page, the feed or a terminal cannot take."""
    out: list[tuple[str, str]] = []
    todo: list[tuple[str, Any]] = [(path, data)]
    while todo:
        where, value = todo.pop()
        if isinstance(value, str):
            if (why := _char_problem(value)) is not None:
                out.append((where, why))
        elif isinstance(value, dict):
            for key, item in value.items():
                sub = f"{where}.{key}" if where else str(key)
                if sub == "seed":
                    continue  # its path and fingerprint have checks of their own
                if isinstance(key, str) and (why := _char_problem(key)) is not None:
                    out.append((where, f"a key {why}"))
                todo.append((sub, item))
        elif isinstance(value, list):
            todo.extend((f"{where}[{i}]", item) for i, item in enumerate(value))
    return sorted(out)


def schema_problems(data: Any) -> list[tuple[str, str]]:
    """(key path, message) for each way a record breaks the schema."""
    return [(_keypath(err.absolute_path), _schema_message(err)) for err in schema_errors(data)]


def date_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(key path, message) for each date that is no valid EDTF."""
    return [(k, why) for k, v in _dates(data) if isinstance(v, str) and (why := edtf_problem(v))]


def summary_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The summary's length, if it is over the limit."""
    summary = data.get("summary")
    if isinstance(summary, str) and len(summary.split()) > MAX_SUMMARY_WORDS:
        words = len(summary.split())
        return [("summary", f"has {words} words, more than {MAX_SUMMARY_WORDS}; shorten it")]
    return []


def evidence_problems(data: dict[str, Any], seed_text: str) -> list[tuple[str, str]]:
    """(key path, message) for each evidence that is not a verbatim quote of the seed."""
    folded = fold_ws(seed_text)
    return [
        (k, f"evidence {_short(quote)} is not in the seed; quote the seed verbatim")
        for k, quote in _evidences(data)
        if fold_ws(quote) not in folded
    ]


def validate_record(
    loaded: Loaded, root: Path, seeds_dir: Path | None = None, seen: dict[str, Seed] | None = None
) -> list[Problem]:
    """Every problem with one record: schema, dates, id, seed, freshness and evidence.
    The seed read for the checks is left in `seen` (by record id), for callers that need it
    too."""
    file = display_path(loaded.path, root)
    problems: list[Problem] = []
    draft = is_draft(loaded.data)

    def add(keypath: str, message: str, level: str = "error", kind: str = "") -> None:
        problems.append(
            Problem(
                file, loaded.line(keypath), keypath, message, level, kind="draft" if draft else kind
            )
        )

    data = loaded.data
    if not isinstance(data, dict):
        add(
            "",
            "is not a mapping of keys to values; a record starts with 'id: ...' "
            "(see docs/record-format.md)",
        )
        return problems
    for keypath, message in schema_problems(data):
        add(keypath, message)
    unknown: list[tuple[str, str]] = []
    _unknown_keys(data, schema(), "", unknown)
    for keypath, key in unknown:
        add(
            keypath,
            f"unknown key '{key}' is ignored; check its spelling (see docs/record-format.md)",
            "warning",
        )
    for keypath, why in date_problems(data):
        add(keypath, why)
    stem = loaded.path.stem
    if isinstance(data.get("id"), str) and data["id"] != stem:
        add("id", f"'{data['id']}' differs from the file name '{stem}'; make them equal")
    if stem in RESERVED_IDS:
        add(
            "id",
            f"'{stem}' is the name of a page the site makes itself; rename the seed and "
            "its record (e.g. add the date in front)",
        )
    for keypath, why in text_problems(data):
        add(keypath, why)
    for keypath, why in _lookalike_names(data):
        add(keypath, why, "warning", "note")
    for keypath, message in summary_problems(data):
        add(keypath, message)
    for keypath, message, level in open_questions(data):
        add(keypath, message, level)
    problems += _seed_problems(
        data, loaded, root, seeds_dir or root / "seeds", file, seen, "draft" if draft else ""
    )
    return problems


def is_draft(data: Any) -> bool:
    """Whether a record says it is a draft. Anything else (reviewed, a misspelt status, no
    mapping at all) is handled as a reviewed record: its problems block publishing."""
    return isinstance(data, dict) and data.get("status") == "draft"


_DRAFT_LINE = re.compile(r"^status:[ \t]*(['\"]?)draft\1[ \t]*(#.*)?$", re.M)
_REVIEWED_LINE = re.compile(r"^status:[ \t]*['\"]?reviewed", re.M)


def unreadable_is_draft(path: Path) -> bool:
    """Whether a record that cannot be parsed says plainly that it is a draft (a top-level
    `status: draft` line). Anything else is handled as a reviewed record: its problems block
    publishing."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return False
    return bool(_DRAFT_LINE.search(text)) and not _REVIEWED_LINE.search(text)


def publish_level(problem: Problem) -> str:
    """How a problem counts when the site is published, whatever `check` says of it:

    - 'error': the build fails (an error in a reviewed record, or in the repository);
    - 'leave-out': the record is left out of the site and the rest is published (an error in
      a draft; a seed without a record has nothing to publish);
    - 'warning': a MkDocs warning, which fails a strict build (a reviewed record's warnings,
      e.g. a stale one);
    - 'info': shown, never blocks (every note on a draft, plausibility notes and look-alike
      names).

    Drafts never block publishing; `briefings check` (the pull-request gate) still fails on
    every error."""
    if problem.level == "error":
        return "leave-out" if problem.kind in ("draft", "seed") else "error"
    return "warning" if problem.kind == "" else "info"


def open_questions(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The record's open questions for the reviewer (`review:`), as (keypath, message,
    level): a warning on a draft, an error on a reviewed record, which must have none."""
    items = data.get("review")
    if not isinstance(items, list):
        return []
    reviewed = data.get("status") == "reviewed"
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue  # the schema check reports its shape
        about = f" about '{item.get('field')}'" if item.get("field") else ""
        question = " ".join(str(item.get("question", "")).split())
        if reviewed:
            out.append(
                (
                    f"review[{i}]",
                    f"is reviewed but still has an open question{about}: "
                    f"{question} — answer it in the record and delete the item, or set "
                    "status: draft",
                    "error",
                )
            )
        else:
            out.append(
                (
                    f"review[{i}]",
                    f"open question{about}: {question} — answer it in "
                    "the record and delete the item before setting status: reviewed",
                    "warning",
                )
            )
    return out


def _seed_problems(
    data: dict[str, Any],
    loaded: Loaded,
    root: Path,
    seeds_dir: Path,
    file: str,
    seen: dict[str, Seed] | None = None,
    kind: str = "",
) -> list[Problem]:
    problems: list[Problem] = []

    def add(keypath: str, message: str, level: str = "error", note: bool = False) -> None:
        problems.append(
            Problem(
                file,
                loaded.line(keypath),
                keypath,
                message,
                level,
                kind=kind or ("note" if note else ""),
            )
        )

    seed = data.get("seed")
    if not isinstance(seed, dict) or not isinstance(seed.get("path"), str):
        return problems
    rel = seed["path"]
    if why := seed_path_problem(rel):
        add("seed.path", why)
        return problems
    target = seeds_dir.joinpath(*PurePosixPath(rel).parts[1:])
    try:
        inside = target.resolve().is_relative_to(seeds_dir.resolve())
    except OSError:
        inside = False
    if not inside:
        add("seed.path", f"'{rel}' leads outside seeds/ (through a link); keep seeds inside seeds/")
        return problems
    if not target.is_file():
        add("seed.path", f"'{rel}' does not exist; restore the seed or delete this record")
        return problems
    if (own := seed_id(target)) != loaded.path.stem:
        add(
            "seed.path",
            f"'{rel}' is the seed of the record '{own}', not of this one; a record "
            "cites its own seed, the one whose file name gives its id",
        )
        return problems
    try:
        seed_doc = read_seed(target, root)
    except BriefingError as exc:
        add("seed.path", f"the seed cannot be read: {exc.problem}")
        return problems
    if seen is not None:
        seen[loaded.path.stem] = seed_doc
    if isinstance(seed.get("sha256"), str) and seed["sha256"] != seed_doc.sha256:
        add("seed.sha256", stale_message(data, loaded.path.stem, rel, seed_doc.sha256), "warning")
    for keypath, message in evidence_problems(data, seed_doc.text):
        add(keypath, message)
    from .extract.plausible import findings  # the extractor's own plausibility checks

    for f in findings(data, seed_doc.text):
        add(f.path, f"implausible: {f.message()}", "warning", note=True)
    return problems


def stale_message(data: dict[str, Any], rid: str, rel: str, sha: str) -> str:
    """What a reviewer must do about a record whose seed changed since it was made."""
    diff = command("diff", rid)
    if data.get("status") == "reviewed":
        return (
            f"stale: the seed changed after this record was reviewed, so strict site builds "
            f"stop until it is re-reviewed: run {diff} to see what the new seed changes "
            f"(--take FIELDS writes those fields), correct the rest by hand, then set "
            f"seed.sha256 to {sha}"
        )
    if hand_edited(data):
        return (
            f"stale: the seed changed after this draft was edited by hand (extract keeps "
            f"your edits); run {diff} to see what the new seed changes, take what you want "
            f"(--take FIELDS), then set seed.sha256 to {sha}; or regenerate it with "
            f"{command('extract', '--force', rel)}, which discards your edits"
        )
    return "stale: the seed changed since this draft was made; regenerate it: " + command(
        "extract", rel
    )


def validate_repository(
    root: Path,
    records_dir: Path | None = None,
    seeds_dir: Path | None = None,
    cache: CheckCache | None = None,
) -> list[Problem]:
    """Every problem in a repository: each record, plus seeds without records and shared ids.
    With a `cache`, a record whose bytes and seed are those of the last check is not read
    again: its problems are the cache's (the same a full check finds); the cache is saved."""
    records_dir = records_dir or root / "briefings"
    seeds_dir = seeds_dir or root / "seeds"
    problems: list[Problem] = []
    by_id: dict[str, list[str]] = defaultdict(list)
    names: set[str] = set()
    for path in list_records(records_dir):
        file = display_path(path, root)
        by_id[path.stem].append(file)
        names.add(path.name)
        if cache is None:
            try:
                loaded = read_record(path)
            except BriefingError as exc:
                problems.append(unreadable_problem(exc, file, path))
                continue
            problems += validate_record(loaded, root, seeds_dir)
            continue
        found = cache.lookup(path)
        if found is None:
            found = _check_and_store(path, file, root, seeds_dir, cache)
        problems += found
    if cache is not None:
        cache.keep_only(names)
        cache.save()
    for rid, files in sorted(by_id.items()):
        if len(files) > 1:
            for f in files:
                problems.append(
                    Problem(
                        f,
                        None,
                        "id",
                        f"id '{rid}' is shared by {' and '.join(files)}; keep one record per id",
                    )
                )
    seed_ids: dict[str, list[Path]] = defaultdict(list)
    try:
        seed_files = list_seeds(seeds_dir)
    except BriefingError:
        seed_files = []
    seeds_real = seeds_dir.resolve() if seed_files else seeds_dir
    for seed_file in seed_files:
        # A file listed in the folder lies in it, unless it is a link.
        if seed_file.is_symlink() and not seed_file.resolve().is_relative_to(seeds_real):
            problems.append(
                Problem(
                    display_path(seed_file, root),
                    None,
                    "",
                    "is a link to a file outside seeds/; copy the article into seeds/ instead",
                )
            )
            continue
        seed_ids[seed_id(seed_file)].append(seed_file)
    for sid, paths in sorted(seed_ids.items()):
        if len(paths) == 1 and sid in by_id:
            continue
        rel = [display_path(p, root) for p in paths]
        if len(paths) > 1:
            for r in rel:
                problems.append(
                    Problem(
                        r,
                        None,
                        "",
                        f"its name gives the same record id '{sid}' "
                        f"as {', '.join(x for x in rel if x != r)}; rename one",
                    )
                )
        elif sid not in by_id:
            problems.append(
                Problem(
                    rel[0],
                    None,
                    "",
                    _unrecorded(paths[0], root, seeds_dir, records_dir),
                    kind="seed",
                )
            )
    problems += registry_problems(records_dir, root)
    problems += ownership_problems(root, root / load_site_config(root).docs_dir)
    return sorted(problems)


def _cited_seed(data: Any) -> str | None:
    """The `seed.path` a record cites, if it is one the seed checks follow."""
    seed = data.get("seed") if isinstance(data, dict) else None
    rel = seed.get("path") if isinstance(seed, dict) else None
    return rel if isinstance(rel, str) and seed_path_problem(rel) is None else None


def _check_and_store(
    path: Path, file: str, root: Path, seeds_dir: Path, cache: CheckCache
) -> list[Problem]:
    """A record's problems, found afresh and left in the cache with what they depend on
    (unless the record or its seed changed while it was checked)."""
    before = stat_of(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        error = BriefingError(path, f"cannot be read ({exc.strerror})", "check the file")
        return [unreadable_problem(error, file, path)]
    record_sha = sha256_bytes(raw)
    cache.hashes.remember(path, before, record_sha)
    try:
        loaded = decode_record(raw, path)
    except BriefingError as exc:
        found = [unreadable_problem(exc, file, path)]
        cache.store(path, record_sha, None, found)
        return found
    rel = _cited_seed(loaded.data)
    state = cache.seed_state(rel) if rel is not None else None
    seen: dict[str, Seed] = {}
    found = validate_record(loaded, root, seeds_dir, seen)
    if rel is not None:
        read = seen.get(path.stem)
        if (
            state is None
            or (read is not None and read.sha256 != state[3])
            or cache.seed_state(rel) != state
        ):
            cache.forget(path)
            return found
    cache.store(path, record_sha, state, found)
    return found


def unreadable_problem(exc: BriefingError, file: str, path: Path) -> Problem:
    """The problem for a record that cannot be read; a plain draft's is a draft's problem."""
    problem = problem_from_error(exc, file)
    if unreadable_is_draft(path):
        return Problem(
            problem.file,
            problem.line,
            problem.keypath,
            problem.message,
            problem.level,
            problem.column,
            kind="draft",
        )
    return problem


def _unrecorded(seed: Path, root: Path, seeds_dir: Path, records_dir: Path) -> str:
    """What to say about a seed without a record: the command to run, or why it cannot have one."""
    from .runner import failed_before

    try:
        prepared = prepare_seed(seed, root, seeds_dir)
    except BriefingError as exc:
        return f"has no record and cannot have one: {exc.problem}; {exc.fix}"
    if why := failed_before(records_dir, prepared.sha256):
        return (
            f"has no record: its extraction failed ({why}); edit the seed, or try again "
            f"with: {command('extract', '--force', display_path(seed, root))}"
        )
    return "has no record; run: " + command("extract", display_path(seed, root))
