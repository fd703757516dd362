"""Rule tables: extraction rules kept as data, one YAML file per table.

A table file holds `rules:`, a list of rows. Each row has

- `id`: unique within the table;
- `pattern`: a Python regular expression, or a list of pieces joined without separator (so a
  long alternation reads one alternative a line); matched case-insensitively unless the row
  says `case: true` (use `(?i:...)` for a case-insensitive part of a case-sensitive row);
- `scope`: where the pattern may fire:
  `line` (the whole block; anchors `^`/`$` are its ends), `words:N` (the whole block, and only
  when it has at most N words: a short line), or `sentence` (each sentence of the block on
  its own; `^`/`$` are the sentence's ends; lines joined by ` | ` or ` · ` count as sentences);
- `action`: what a hit means to the stage that reads the table (e.g. `boilerplate`, `credit`);
- `reason`: the label a hit gives (e.g. the boilerplate genre);
- `match:` and `no_match:`: example texts the row must and must not fire on (run by
  tests/test_rules.py); examples are generic, never one site's sentence;
- `boilerplate: false` (optional): a credit form that metadata reads but cleaning does not drop
  (a line that names a source yet may be part of the article);
- `only: credit-lines` (optional): the row fires only on header lines and lines already found
  to be credits, never on article text.

A row `include: NAME` inserts the rows of table NAME at that place (so one credit-line form
serves both cleaning and metadata).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SCOPES = ("line", "sentence", "words")

# Sentence ends inside a block, and the ' | ' / ' · ' joints of a line of items.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“‘(])|\s+[|·•]\s+")


class RuleError(ValueError):
    """A rule table that cannot be read; the message names the file and the row."""


@dataclass(frozen=True)
class Rule:
    """One row of a rule table."""

    table: str
    id: str
    pattern: re.Pattern[str]
    scope: str
    max_words: int | None
    action: str
    reason: str
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    boilerplate: bool = True
    credit_lines_only: bool = False

    def search(self, text: str) -> re.Match[str] | None:
        """The first hit of the pattern in `text` within the row's scope, else None."""
        if self.scope == "sentence":
            for part in sentences(text):
                m = self.pattern.search(part)
                if m:
                    return m
            return None
        if self.max_words is not None and len(text.split()) > self.max_words:
            return None
        return self.pattern.search(text)


def sentences(text: str) -> list[str]:
    """The sentences of a block (and the items of a ' | '-joined line); a piece without a
    letter (a list number, a bullet) is not a sentence."""
    return [s.strip() for s in _SENTENCE_END.split(text) if re.search(r"[^\W\d_]", s)]


def _scope(value: object, where: str) -> tuple[str, int | None]:
    text = str(value or "").strip()
    m = re.fullmatch(r"(line|sentence)|words:(\d+)", text)
    if not m:
        raise RuleError(f"{where}: scope {text!r} is not line, sentence or words:N; fix the row")
    return (m.group(1), None) if m.group(1) else ("words", int(m.group(2)))


def _examples(row: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = row.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: {key} must be a list of strings; fix the row")
    return tuple(value)


def _row(table: str, row: dict[str, object], where: str) -> Rule:
    for key in ("id", "pattern", "scope", "action"):
        if not row.get(key):
            raise RuleError(f"{where}: the row has no {key}; add one")
    scope, limit = _scope(row["scope"], where)
    flags = 0 if row.get("case") else re.I
    raw = row["pattern"]
    source = "".join(map(str, raw)) if isinstance(raw, list) else str(raw)
    try:
        pattern = re.compile(source, flags)
    except re.error as exc:
        raise RuleError(f"{where}: pattern does not compile ({exc}); fix the regex") from None
    return Rule(
        table,
        str(row["id"]),
        pattern,
        scope,
        limit,
        str(row["action"]),
        str(row.get("reason") or row["action"]),
        _examples(row, "match", where),
        _examples(row, "no_match", where),
        row.get("boilerplate", True) is not False,
        _only(row.get("only"), where),
    )


def _only(value: object, where: str) -> bool:
    if value in (None, ""):
        return False
    if value != "credit-lines":
        raise RuleError(f"{where}: only {value!r} is not credit-lines; fix the row")
    return True


@functools.cache
def load(name: str) -> tuple[Rule, ...]:
    """The rows of table `name` (rules/NAME.yaml), includes expanded, read once."""
    path = HERE / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read the rule table ({exc}); restore the file") from None
    rows = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise RuleError(f"{path}: no 'rules:' list; the table must hold one")
    out: list[Rule] = []
    for i, row in enumerate(rows):
        where = f"{path.name} row {i + 1}"
        if not isinstance(row, dict):
            raise RuleError(f"{where}: a row must be a mapping; fix the row")
        if "include" in row:
            out.extend(load(str(row["include"])))
        else:
            out.append(_row(name, row, f"{where} ({row.get('id', '?')})"))
    ids = [r.id for r in out]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise RuleError(f"{path}: ids {', '.join(dup)} are used twice; make them unique")
    return tuple(out)


def tables() -> list[str]:
    """The names of all rule tables."""
    return sorted(p.stem for p in HERE.glob("*.yaml"))


@dataclass(frozen=True)
class Credit:
    """A credit line's reading: which form, the outlet and the authors it names."""

    rule: str
    outlet: str
    authors: str
    text: str


def credits(text: str, group: str = "", credit_line: bool = True) -> list[Credit]:
    """Every credit-line form (rules/credits.yaml, in table order) that fires on `text`, with
    the outlet (`outlet` group) and the authors (`authors` group) it names ("" when it names
    none); with `group`, only the forms that have that group; a form marked `only:
    credit-lines` fires only when `credit_line` (a header line or a line found to be a credit)."""
    out = []
    for rule in load("credits"):
        if group and group not in rule.pattern.groupindex:
            continue
        if rule.credit_lines_only and not credit_line:
            continue
        m = rule.search(text)
        if m:
            groups = m.groupdict()
            outlet = (groups.get("outlet") or "").strip(" .,:;")
            authors = (groups.get("authors") or "").strip(" .,:;")
            out.append(Credit(rule.id, outlet, authors, m.group(0)))
    return out


def credit(text: str) -> Credit | None:
    """The first credit-line form (rules/credits.yaml) that fires on `text`, with the outlet
    and the authors it names ("" when it names none)."""
    found = credits(text)
    return found[0] if found else None
