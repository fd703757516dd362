"""Tag pages drawn from the records' `tags`: an index of every tag with its count and a page
per tag listing its briefings, newest first.

Tags are third-party text: shown escaped, and each gets a page name of its own (`slugify`,
numbered on a clash, never a name the tags folder uses itself). A tag that is only a date or
a year ("August 15", "2024", "15 March 2024") is no topic and is left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..dates import sort_key
from .catalog import Mention, _newest, _unique_slug, initial
from .context import SiteContext
from .paging import ROWS_PER_PAGE, TAGS_ON_INDEX, parts

#: Page names under tags/ that no tag may take.
RESERVED_SLUGS = ("index", "by-letter")
#: How many tags the index names first, the most used.
TOP_TAGS = 12

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_YEAR = r"(?:1\d{3}|2\d{3})"
_DATE_TAG = re.compile(
    "|".join(
        [
            rf"{_YEAR}s?",  # 2024, 1990s
            rf"{_MONTH}",  # March
            rf"(?:{_WEEKDAY} )?{_MONTH} {_DAY}(?:,? {_YEAR})?",  # August 15, Aug 15 2024
            rf"(?:{_WEEKDAY} )?{_DAY} {_MONTH}(?:,? {_YEAR})?",  # 15 August 2024
            rf"{_MONTH},? {_YEAR}",  # March 2024
            rf"{_WEEKDAY}",  # Tuesday
            rf"{_YEAR}-[01]\d(?:-[0-3]\d)?",  # 2024-03-14
            rf"[0-3]?\d[/.][01]?\d[/.](?:{_YEAR}|\d{{2}})",  # 14/03/2024
            r"\d+",  # any bare number
        ]
    ),
    re.IGNORECASE,
)


def is_date_tag(tag: str) -> bool:
    """Whether the tag is only a date, a month, a weekday or a year (no topic)."""
    text = " ".join(tag.replace(",", " , ").split()).replace(" , ", ", ").strip(" .,")
    return bool(_DATE_TAG.fullmatch(text))


def tag_key(tag: str) -> str:
    """Tags that differ only in case and spacing are one tag."""
    return " ".join(tag.split()).casefold()


@dataclass
class Tag:
    slug: str
    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)


def build_tags(records: list[dict[str, Any]]) -> list[Tag]:
    """Every tag of the records that is not a date, most used first (then by name)."""
    groups: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for rec in records:
        seen: set[str] = set()
        for raw in rec.get("tags") or []:
            if not isinstance(raw, str) or is_date_tag(raw):
                continue
            key = tag_key(raw)
            if key and key not in seen:
                seen.add(key)
                groups[key].append((rec, " ".join(raw.split())))
    taken: set[str] = set(RESERVED_SLUGS)
    tags = []
    # Page names are given in the order of the keys, so that a tag keeps its page as others
    # come and go (only a new tag of the same page name ahead of it could move it).
    for key in sorted(groups):
        items = groups[key]
        names = Counter(name for _, name in items)
        name = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        mentions = _newest(
            [Mention(str(r["id"]), str(r["title"]), str(r["date"])) for r, _ in items]
        )
        tags.append(Tag(_unique_slug(name, taken, "tag"), name, mentions))
    return sorted(tags, key=lambda t: (-t.count, t.name.casefold(), t.slug))


def tag_links(tags: list[Tag]) -> dict[str, str]:
    """The page of each tag, by `tag_key`."""
    return {tag_key(t.name): t.slug for t in tags}


def links_of(record: dict[str, Any], pages: dict[str, str]) -> list[tuple[str, str]]:
    """A record's tags that have a page (no dates), as (name, page), each page once."""
    out: list[tuple[str, str]] = []
    for raw in record.get("tags") or []:
        slug = pages.get(tag_key(raw)) if isinstance(raw, str) else None
        if slug and all(slug != s for _, s in out):
            out.append((" ".join(raw.split()), slug))
    return out


def _by_letter(tags: list[Tag]) -> list[tuple[str, list[Tag]]]:
    groups: dict[str, list[Tag]] = defaultdict(list)
    for t in tags:
        groups[initial(t.name)].append(t)
    return [
        (letter, sorted(groups[letter], key=lambda t: (t.name.casefold(), t.slug)))
        for letter in sorted(groups, key=lambda x: (x == "0", x))
    ]


def pages(ctx: SiteContext) -> dict[str, str]:
    env = ctx.env
    tags = build_tags(ctx.records)
    out: dict[str, str] = {}
    letters = _by_letter(tags)
    split = len(tags) > TAGS_ON_INDEX
    out["tags/index.md"] = ctx.render(
        "tags/index.md",
        env.get_template("tags.md.j2"),
        tags=tags,
        top=tags[:TOP_TAGS] if len(tags) > TOP_TAGS else [],
        letters=letters,
        split=split,
    )
    letter_template, tag_template = (
        env.get_template("tags_letter.md.j2"),
        env.get_template("tag.md.j2"),
    )
    if split:
        for letter, group in letters:
            page = f"tags/by-letter/{letter}.md"
            out[page] = ctx.render(page, letter_template, letter=letter, tags=group)
    for tag in tags:
        chunks = parts(tag.mentions, ROWS_PER_PAGE)
        for i, chunk in enumerate(chunks):
            # Later parts live in a folder of the tag's own, `<slug>/2.md`: never another
            # tag's page name.
            path = f"tags/{tag.slug}.md" if i == 0 else f"tags/{tag.slug}/{i + 1}.md"
            pager = [
                (
                    j + 1,
                    (f"{tag.slug}/{j + 1}.md" if j else f"{tag.slug}.md")
                    if i == 0
                    else (f"{j + 1}.md" if j else f"../{tag.slug}.md"),
                    i == j,
                )
                for j in range(len(chunks))
            ]
            out[path] = ctx.render(
                path,
                tag_template,
                tag=tag,
                total=tag.count,
                years=_years(chunk),
                pager=pager if len(chunks) > 1 else [],
                up="../" if i == 0 else "../../",
                index="index.md" if i == 0 else "../index.md",
            )
    return out


def _years(items: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """Briefings grouped by the year of their date, newest first (the list is newest first)."""
    out: list[tuple[str, list[Mention]]] = []
    for m in items:
        key = sort_key(m.date)
        year = key[:4] if re.match(r"^\d{4}", key) else "Date not stated"
        if out and out[-1][0] == year:
            out[-1][1].append(m)
        else:
            out.append((year, [m]))
    return out
