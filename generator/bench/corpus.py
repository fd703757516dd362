"""Corpora of any size made by varying real seeds and their records together.

Each variant of a base seed shifts its years, renames some of its actors and changes its
length; the same substitutions are applied to the base record, so every variant's record stays
valid (its quotes are still verbatim in its seed) without running the extractor.

Which actors are renamed, and to what, follows how actors recur in real briefings
(generator/bench/recurrence.py): an actor that the measured documents name in more than one
briefing (countries, big organisations, leaders) keeps its name, so it recurs across the corpus
as the head of the distribution; every other actor is replaced by a made-up actor of the same
type, and each made-up actor is named in k briefings, k drawn from the power law fitted to the
real documents (P(k) ~ k**-gamma), which makes the long tail of rarely named actors.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..records import dump_record, stamp
from ..seeds import sha256_bytes

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sa",
    "to",
    "vel",
    "an",
    "dor",
    "ith",
    "mar",
    "qu",
    "bel",
    "sor",
    "ny",
    "ga",
]


@dataclass(frozen=True)
class Base:
    """A real seed (plain text) and its record."""

    name: str
    text: str
    record: dict[str, Any]


def load_bases(pairs: list[tuple[Path, Path]]) -> list[Base]:
    """Bases from (seed, record) files; keys a record carries for evaluation only are dropped,
    as are keys YAML read without a value."""
    bases = []
    for seed, record_file in pairs:
        record = yaml.safe_load(record_file.read_text("utf-8"))
        record = {
            k: v
            for k, v in record.items()
            if k not in ("not_actors", "optional_actors", "generator")
        }
        for actor in record.get("actors", []):
            for key in [k for k, v in actor.items() if v is None]:
                del actor[key]
        for event in record.get("timeline", []):
            event.pop("uncertain", None)
        bases.append(Base(seed.stem, seed.read_text("utf-8"), record))
    return bases


def _surname(i: int, j: int) -> str:
    a = _SYLLABLES[(i * 7 + j * 3) % len(_SYLLABLES)]
    b = _SYLLABLES[(i // len(_SYLLABLES) + j * 5 + 1) % len(_SYLLABLES)]
    c = _SYLLABLES[(i // 256 + j) % len(_SYLLABLES)]
    return (a + b + c).capitalize()


def _people(record: dict[str, Any]) -> list[str]:
    """Last names of the record's people: the words to rename."""
    names = []
    for actor in record.get("actors", []):
        if actor.get("type") == "person":
            last = str(actor["name"]).split()[-1]
            if len(last) > 2 and last.isalpha() and last not in names:
                names.append(last)
    return names


def _syllables(k: int) -> str:
    """A made-up word for k >= 0, different for every k (base-16 digits of k + 16 as syllables)."""
    k += len(_SYLLABLES)
    parts = []
    while k:
        k, d = divmod(k, len(_SYLLABLES))
        parts.append(_SYLLABLES[d])
    return "".join(reversed(parts)).capitalize()


_FIRST = [
    "Amara",
    "Bruno",
    "Chen",
    "Dalia",
    "Emeka",
    "Farah",
    "Goran",
    "Hana",
    "Ivo",
    "Jun",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
]


def made_up_name(kind: str, k: int) -> str:
    """The name of the k-th made-up actor of a type (distinct for every (type, k))."""
    word = _syllables(k)
    if kind == "person":
        return f"{_FIRST[k % len(_FIRST)]} {_syllables(k // len(_FIRST))}"
    if kind == "country":
        return word + "ia"
    if kind == "organization":
        return word + " Council"
    if kind == "place":
        return "Port " + word
    return word + " Accord"


def _name_pattern(name: str) -> str:
    return r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b"


def _transform(value: Any, fn: Any) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_transform(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _transform(v, fn) for k, v in value.items()}
    return value


def variant(
    base: Base, i: int, names: dict[str, str] | None = None
) -> tuple[str, str, dict[str, Any]]:
    """The i-th variant of a base: (file name, seed text, record). `names` maps actor names of
    the base record to new names (a person's last name alone is renamed too); without it, the
    base's people get last names made up from i."""
    shift = i % 9 - 4
    if names is None:
        renames = {
            rf"\b{re.escape(old)}\b": _surname(i, j) for j, old in enumerate(_people(base.record))
        }
    else:
        renames = {}
        kinds = {str(a["name"]): a.get("type") for a in base.record.get("actors", [])}
        for old, new in names.items():
            renames[_name_pattern(old)] = new
        for old, new in names.items():  # "Thaçi" alone, once "Hashim Thaçi" is renamed
            last, new_last = old.split()[-1], new.split()[-1]
            if (
                kinds.get(old) == "person"
                and len(old.split()) > 1
                and len(last) > 2
                and last.isalpha()
                and last not in kinds
            ):
                renames.setdefault(rf"\b{re.escape(last)}\b", new_last)
    # One pass, longest names first, so that a new name is never renamed again.
    patterns = sorted(renames, key=len, reverse=True)
    rename_re = re.compile("|".join(f"({p})" for p in patterns)) if patterns else None

    def change(text: str) -> str:
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        if rename_re is not None:
            text = rename_re.sub(lambda m: renames[patterns[(m.lastindex or 1) - 1]], text)
        return text

    body = change(base.text)
    # Lengths vary too: a third of the variants repeat their last paragraphs.
    if i % 3 == 1:
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        body = body.rstrip("\n") + "\n\n" + "\n\n".join(paragraphs[-4:]) + "\n"
    record = _transform(base.record, change)
    date = str(record["date"])
    rid = f"{date[:10]}-{base.name[:40].strip('-')}-{i:05d}".lower()
    rid = re.sub(r"[^a-z0-9]+", "-", rid).strip("-")
    name = f"{rid}.txt"
    record["id"] = rid
    record["seed"] = {"path": f"seeds/{name}", "sha256": sha256_bytes(body.encode("utf-8"))}
    record["status"] = "draft"
    return name, body, record


def variants(bases: list[Base], n: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """n variants, cycling through the bases, every person renamed (the old corpus: nearly
    every briefing brings new people)."""
    for i in range(n):
        yield variant(bases[i % len(bases)], i)


def _valid(text: str, record: dict[str, Any]) -> bool:
    """Every quote of the record is verbatim (whitespace folded) in the text."""
    from ..seeds import fold_ws

    folded = fold_ws(text)
    return all(
        fold_ws(str(item["evidence"])) in folded
        for key in ("actors", "timeline", "source_chain")
        for item in record.get(key, [])
        if isinstance(item, dict) and "evidence" in item
    )


def renamable(base: Base) -> set[str]:
    """Names of the base's actors that can be renamed alone with every quote staying verbatim
    (a quote that holds a shortened name, "the International Criminal Tribunal" for the full
    name, would not)."""
    out = set()
    for actor in base.record.get("actors", []):
        name = str(actor["name"])
        _, text, record = variant(base, 0, {name: made_up_name(str(actor.get("type")), 0)})
        if _valid(text, record):
            out.add(name)
    return out


def realistic(
    bases: list[Base], n: int, head: set[str], gamma: float, seed: int = 0
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """n variants cycling through the bases whose actors recur as in real briefings: actors in
    `head` (case-folded names seen in more than one real briefing) keep their names; each other
    actor slot is filled by a made-up actor of its type that is named in k briefings, k drawn
    with P(k) ~ k**-gamma. Deterministic for a given seed."""
    rng = random.Random(seed)
    can = [renamable(b) for b in bases]
    slots: dict[str, list[tuple[int, str]]] = {}  # type -> [(variant, base actor name)]
    for i in range(n):
        for actor in bases[i % len(bases)].record.get("actors", []):
            name = str(actor["name"])
            if name.casefold() not in head and name in can[i % len(bases)]:
                slots.setdefault(str(actor.get("type", "other")), []).append((i, name))
    names: dict[int, dict[str, str]] = {}
    for kind in sorted(slots):
        todo = slots[kind]
        rng.shuffle(todo)
        k_max = max(1, min(n, 1000))
        weights = [k**-gamma for k in range(1, k_max + 1)]
        entity, left, used = -1, 0, set[int]()
        for i, old in todo:
            if left == 0 or i in used:  # a new made-up actor (never twice in one briefing)
                entity += 1
                left = rng.choices(range(1, k_max + 1), weights)[0]
                used = set()
            names.setdefault(i, {})[old] = made_up_name(kind, entity)
            used.add(i)
            left -= 1
    for i in range(n):
        made = variant(bases[i % len(bases)], i, names.get(i, {}))
        if not _valid(made[1], made[2]):  # renames that only clash together: keep the names
            made = variant(bases[i % len(bases)], i, {})
        yield made


def site_repo(project: Path, root: Path) -> Path:
    """An empty repository (seeds/, briefings/) with the project's site configuration and
    hand-written pages. The theme overrides stay in the project's package (a copy named
    generator/ would shadow the package for `python -m generator` run there)."""
    from ..render import GENERATED_DIRS

    (root / "seeds").mkdir(parents=True)
    (root / "briefings").mkdir()
    config = (project / "mkdocs.yml").read_text("utf-8")
    theme = (project / "generator" / "theme").absolute().as_posix()
    (root / "mkdocs.yml").write_text(
        config.replace("custom_dir: generator/theme", f"custom_dir: {theme}"), "utf-8"
    )
    shutil.copytree(project / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    return root


def write_corpus(
    root: Path, items: list[tuple[str, str, dict[str, Any]]], records: bool = True
) -> None:
    """Write variant seeds into root/seeds and, if asked, their records (stamped as the
    generator's, so extraction treats them as its own drafts) into root/briefings."""
    (root / "seeds").mkdir(exist_ok=True)
    (root / "briefings").mkdir(exist_ok=True)
    for name, text, record in items:
        (root / "seeds" / name).write_text(text, "utf-8")
        if records:
            (root / "briefings" / f"{record['id']}.yaml").write_text(
                dump_record(stamp(record)), "utf-8"
            )
