"""Corpora of any size made by varying real seeds and their records together.

Each variant of a base seed shifts its years, renames its people and changes its length; the
same substitutions are applied to the base record, so every variant's record stays valid
(its quotes are still verbatim in its seed) without running the extractor.
"""

from __future__ import annotations

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
_SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vel", "an", "dor", "ith", "mar", "qu",
              "bel", "sor", "ny", "ga"]


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
        record = {k: v for k, v in record.items()
                  if k not in ("not_actors", "optional_actors", "generator")}
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


def _transform(value: Any, fn: Any) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_transform(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _transform(v, fn) for k, v in value.items()}
    return value


def variant(base: Base, i: int) -> tuple[str, str, dict[str, Any]]:
    """The i-th variant of a base: (file name, seed text, record)."""
    shift = i % 9 - 4
    renames = {old: _surname(i, j) for j, old in enumerate(_people(base.record))}
    rename_re = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b") if renames \
        else None

    def change(text: str) -> str:
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        if rename_re is not None:
            text = rename_re.sub(lambda m: renames[m.group(1)], text)
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
    """n variants, cycling through the bases."""
    for i in range(n):
        yield variant(bases[i % len(bases)], i)


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
        config.replace("custom_dir: generator/theme", f"custom_dir: {theme}"), "utf-8")
    shutil.copytree(project / "docs", root / "docs",
                    ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    return root


def write_corpus(root: Path, items: list[tuple[str, str, dict[str, Any]]],
                 records: bool = True) -> None:
    """Write variant seeds into root/seeds and, if asked, their records (stamped as the
    generator's, so extraction treats them as its own drafts) into root/briefings."""
    (root / "seeds").mkdir(exist_ok=True)
    (root / "briefings").mkdir(exist_ok=True)
    for name, text, record in items:
        (root / "seeds" / name).write_text(text, "utf-8")
        if records:
            (root / "briefings" / f"{record['id']}.yaml").write_text(
                dump_record(stamp(record)), "utf-8")
