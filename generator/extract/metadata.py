"""Read the document's own metadata: headline, date, bylines, tags and its source chain.

The copy in hand has a *publisher* (the site we are reading) and may credit an *original*
outlet it was copied from ("The original source of this article is X", "This article is
republished from X", "(Reuters) -", "Source: X", or a second "Outlet date" header line).
Everything here works from the shape of header and credit lines, not from outlet names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import gazetteer as gz
from . import lexicon, rules
from ._dates import month_no, nearest_year
from .clean import BODY, QUOTED_TITLE, SOURCE_LIST, SOURCES_HEAD, Block, dateline, strip_markup
from .header_lines import (
    BYLINE_OPENING,
    LineDate,
    date_line,
    find_dates,
    is_person_byline,
    outlet_from_url,
    parse_byline,
    preferred,
)
from .lexicon import MONTH_PREFIX

_FROM_SITE = re.compile(r"^From (?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}),\s+the\b")
_TAG_LABEL = lexicon.alternation("tag_labels")
_TAGS = re.compile(rf"\b(?P<key>{_TAG_LABEL})s?\s*:\s*(?P<val>.*?)(?=\s+{_TAG_LABEL}s?\s*:|$)")


@dataclass
class Outlet:
    """One outlet of the source chain as the seed states it."""

    name: str
    date: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    url: str = ""
    title: str = ""
    evidence: str = ""


@dataclass
class Metadata:
    """What the seed says about itself."""

    title: str = ""
    title_block: int = -1
    date: dt.date | None = None
    date_evidence: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    """The header line the authors were read from (with affiliations, if it gives them)."""
    tags: list[str] = field(default_factory=list)
    url: str = ""
    publisher: Outlet | None = None
    original: Outlet | None = None
    header_dates: list[dt.date] = field(default_factory=list)
    date_found: LineDate | None = None
    """The header date `date` was read from (None when it came from elsewhere or is unknown)."""
    cited: list[Outlet] = field(default_factory=list)
    """Reports listed under a "Sources" heading: what the article was written from."""


def header_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks before the first body paragraph."""
    out = []
    for b in blocks:
        if b.kind == BODY:
            break
        out.append(b)
    return out


def first_date(text: str) -> dt.date | None:
    """The publication date a line states, read as header dates are ("Published" before
    "Updated", a range or a month alone is no date)."""
    best = preferred(find_dates(" ".join(text.split())))
    return best.day if best else None


def header_lines(blocks: list[Block]) -> list[Block]:
    """The header region line by line: blocks before the first body paragraph, a block of
    several lines split where a line is a date line, a byline or an address (a headline with
    its date line under it); the lines of a headline wrapped over two lines stay together."""
    out = []
    for b in header_blocks(blocks):
        if "\n" not in b.text.strip():
            out.append(b)
            continue
        run: list[tuple[int, int]] = []  # spans of consecutive ordinary lines
        for ln in re.finditer(r"[^\n]*\S[^\n]*", b.text):
            lead = len(ln.group(0)) - len(ln.group(0).lstrip())
            span = (b.start + ln.start() + lead, b.start + ln.end())
            plain = strip_markup(ln.group(0))
            if find_dates(plain) or BYLINE_OPENING.match(plain) or _URL_LINE.match(plain):
                out += [_sub_block(b, *_join(run))] if run else []
                out.append(_sub_block(b, *span))
                run = []
            else:
                run.append(span)
        out += [_sub_block(b, *_join(run))] if run else []
    return out


_URL_LINE = re.compile(r"(?:https?://|www\.)\S+$")


def _join(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return spans[0][0], spans[-1][1]


def _sub_block(b: Block, start: int, end: int) -> Block:
    raw = b.text[start - b.start : end - b.start].rstrip()
    return Block(b.index, start, start + len(raw), raw, strip_markup(raw), b.kind, b.reason)


#: How far into the seed a line labelled as a date ("Published: ...", "Updated ...") counts
#: as the header's, when the page puts it after the first paragraph.
LABELLED_DATE_BLOCKS = 12
_LABELLED_MAX_WORDS = 20
_PRIORITY = {"published": 0, "": 1, "updated": 2}


def _labelled_dates(blocks: list[Block], head: list[Block]) -> list[tuple[Block, LineDate]]:
    """Short labelled date lines near the top that are not header lines ("Published: 12 Mar
    2024" printed after the lead): the date they label."""
    seen = {b.index for b in head}
    out = []
    for b in blocks[:LABELLED_DATE_BLOCKS]:
        if b.index in seen or len(b.plain.split()) > _LABELLED_MAX_WORDS:
            continue
        got = date_line(b.plain)
        if got and got[0].label:
            out.append((b, got[0]))
    return out


def _dateline_date(blocks: list[Block]) -> tuple[Block, LineDate] | None:
    """A full date in the wire dateline that opens the first paragraph ("LONDON, March 12,
    2024 (Reuters) -")."""
    first_body = next((b for b in blocks if b.kind == BODY), None)
    if first_body is None:
        return None
    n = dateline(first_body.plain)[0]
    if not n:  # "OSLO, June 3, 2022 (Agency) -": a dateline with its year
        m = _DATED_OPENING.match(first_body.plain)
        n = m.end() if m else 0
    found = find_dates(first_body.plain[:n]) if n else []
    if not found:
        return None
    rest = first_body.plain[:n][: found[0].start] + first_body.plain[:n][found[0].end :]
    words = re.findall(r"[^\W\d_][\w.'’&-]*", rest)
    if len(words) > 6 or any(w[0].islower() for w in words):
        return None  # a sentence that happens to open with a date, not a dateline
    return first_body, found[0]


_DATED_OPENING = re.compile(
    r"^[A-Z][^.!?;]{3,80}?\d{2,4}\b[^.!?;]{0,40}?\s(?:--|[-–—])\s+(?=[A-Z\"“‘'])"
)


Dated = tuple[Block, LineDate, str]
"""A dated header line: the block, the date it states and the outlet it names ("" if none)."""


@dataclass
class _Header:
    """What the header lines say, line by line (see `_scan_header`)."""

    dated: list[Dated] = field(default_factory=list)
    candidates: list[Block] = field(default_factory=list)
    """Lines that may be the headline."""
    tagline: Block | None = None
    url: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""


def _byline_date(p: str, names: list[str]) -> tuple[LineDate | None, list[str]]:
    """A byline and a date on one line ("By Aoife Brennan 12 March 2025", "By A | 12 March
    2025 | 02:30 PM", "Written by A on Tuesday 12th March 2025"): the date and the names."""
    d = preferred(find_dates(p)) if BYLINE_OPENING.match(p) else None
    if d is None:
        return None, names
    rest = re.sub(r"(?i)(?:\s+(?:on|at|published|posted|updated))+\s*$", "", p[: d.start])
    return d, names or parse_byline(f"{rest} {p[d.end :]}".strip(" |,·•-–—"))


def _header_line(h: _Header, b: Block) -> None:
    """Read one header line (kind "header") into `h`."""
    p = b.plain
    dated_byline, names = _byline_date(p, parse_byline(p))
    if dated_byline:
        h.dated.append((b, dated_byline, ""))
    if names and not h.authors:
        h.authors, h.byline = names, p
        return
    if names or dated_byline:
        return  # a second byline is not the headline
    dl = date_line(p)
    if dl:
        h.dated.append((b, dl[0], dl[1]))
    elif not _not_headline(p):
        h.candidates.append(b)


def _scan_header(blocks: list[Block]) -> _Header:
    """The header lines: the site's tag line, the page's address, time stamps, the byline,
    dated lines and the lines that may be the headline."""
    h = _Header()
    for b in header_lines(blocks):
        p = b.plain
        if _FROM_SITE.match(p):
            h.tagline = h.tagline or b  # "From Wikinews, the free news source ...": the site
        elif re.fullmatch(r"(?:https?://|www\.)\S+", p):
            h.url = h.url or p
        elif b.reason == "time stamp":
            dl = date_line(p)  # "Posted on 12 September 2024 by ...": the date
            if dl:
                h.dated.append((b, dl[0], ""))
        elif b.kind == "header":
            _header_line(h, b)
    return h


def _site(h: _Header, title_block: Block | None) -> Block | None:
    """The site's name line before the headline, else the site a tag line names."""
    if title_block is not None:
        for b in h.candidates:
            if b.index < title_block.index and _site_block(b):
                return _site_block(b)
    if h.tagline is None:
        return None
    t = h.tagline
    name = _FROM_SITE.match(t.plain).group("name")  # type: ignore[union-attr]
    return Block(t.index, t.start, t.end, t.text, name, t.kind)


def _tags(blocks: list[Block], meta: dict[str, str]) -> list[str]:
    """Tags from "Tags: a, b" lines, then from the format metadata; never a date, a year or
    a word every page of the site is filed under ("Archived", "Published")."""
    values: list[str] = []
    for b in blocks:
        for m in _TAGS.finditer(b.plain):
            values += _tag_values(m.group("val"), b.text)
    if meta.get("tags") or meta.get("keywords"):
        raw = meta.get("tags") or meta.get("keywords", "")
        values += [v.strip().strip("[]'\"") for v in re.split(r"[,;]", raw)]
    tags: list[str] = []
    for v in values:
        if v and len(v.split()) <= 4 and v not in tags and not _not_a_tag(v):
            tags.append(v)
    return tags


_LINK_TEXT = re.compile(r"(?is)<a\b[^>]*>(.*?)</a>")
_DATE_IN_TAGS = re.compile(
    rf"\b(?:{lexicon.MONTH_FULL}|{lexicon.MONTH_ABBR})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+(?:{lexicon.MONTH_FULL}|{lexicon.MONTH_ABBR})\.?,?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
_TAG_FURNITURE = lexicon.word_set("tag_furniture")
_DATE_TAG = re.compile(
    rf"(?i)^(?:(?:{lexicon.WEEKDAY},?\s+)?(?:{lexicon.MONTH_FULL}|{lexicon.MONTH_ABBR})\.?"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}\s+(?:{lexicon.MONTH_FULL}|{lexicon.MONTH_ABBR})"
    rf"|{lexicon.WEEKDAY}|\d{{4}}(?:s|[-/]\d{{2,4}})?|\d[\d\s./-]*)$"
)


def _tag_values(val: str, raw: str) -> list[str]:
    """The items of a tags line: the texts of its links when the page marks each tag as a
    link ("<a>Kenya</a> <a>Floods</a>", which read as one run of words once the markup is
    gone), else its items between commas, semicolons or bars; a full date among them
    ("Categories: March 14, 2024 | Africa") is a separator, not a tag."""
    links = [" ".join(re.sub(r"<[^>]+>", " ", x).split()) for x in _LINK_TEXT.findall(raw)]
    if len(links) >= 2 and all(x and x in val for x in links):
        return links
    return [v.strip(" .") for v in re.split(r"[,;|]", _DATE_IN_TAGS.sub("|", val))]


def _not_a_tag(value: str) -> bool:
    """A date ("August 15", "March 2024"), a year or a number, or nothing but page
    furniture ("Archived", "Published"; lexicon/tag_furniture.txt): no keyword."""
    if _DATE_TAG.match(value.strip()):
        return True
    words = re.findall(r"[^\W\d_]+", value.lower())
    return not words or all(w in _TAG_FURNITURE for w in words)


def _meta_authors(meta: dict[str, str]) -> list[str]:
    """The people the format metadata's `author` names."""
    return [a.strip() for a in re.split(r",|\band\b|;", meta["author"]) if is_person_byline(a)]


def _other_authors(
    head: list[Block], blocks: list[Block], meta: dict[str, str]
) -> tuple[list[str], str]:
    """Authors when no byline names them: name and affiliation lines, a credit line, the
    format metadata (with the byline they were read from, if any)."""
    authors, byline = _split_bylines(head)
    if not authors:
        authors = _credited_authors(blocks)
    if meta.get("author") and not authors:
        authors = _meta_authors(meta)
    return authors, byline


def _cited(blocks: list[Block]) -> list[Outlet]:
    """Reports listed under a "Sources" heading, and the agencies a "based on reports
    from" line names."""
    cited = [
        c
        for b in blocks
        if b.reason == SOURCE_LIST and not SOURCES_HEAD.match(b.plain)
        for c in [parse_citation(b.plain, b.text)]
        if c is not None
    ]
    for b in blocks:
        based = _BASED_ON.search(b.plain) if b.kind != BODY or len(b.plain.split()) < 30 else None
        if based:  # "adapted ... based on reports from The Associated Press and Reuters"
            for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", based.group("names")):
                name = re.sub(r"^the\s+(?=[A-Z])", "", name.strip(" ."), flags=re.I)
                if name[:1].isupper() and len(name.split()) <= 5:
                    cited.append(Outlet(gz.agency(name) or name, evidence=_short(b.text, name)))
    return cited


def read_metadata(blocks: list[Block], text: str, meta: dict[str, str] | None = None) -> Metadata:
    """The seed's metadata from its header lines, credit lines and format metadata."""
    meta = meta or {}
    head = header_blocks(blocks)
    h = _scan_header(blocks)
    md = Metadata(url=h.url, authors=h.authors, byline=h.byline)
    dated = h.dated + [(b, d, "") for b, d in _labelled_dates(blocks, head)]
    if not dated and (wire := _dateline_date(blocks)):
        dated.append((wire[0], wire[1], ""))
    md.header_dates = [d.day for _, d, _ in dated]
    marks = [b.start for b, _, _ in dated if b.kind == "header"]
    marks += [b.start for b in head if md.byline and b.plain == md.byline]
    title_block = _headline(h.candidates, blocks, min(marks, default=-1))
    if meta.get("title"):
        md.title = " ".join(meta["title"].split())
    elif title_block is not None:
        md.title = title_block.plain
    if title_block is not None:
        md.title_block = title_block.index
    md.tags = _tags(blocks, meta)
    if not md.authors:
        md.authors, md.byline = _other_authors(head, blocks, meta)
    md.url = meta.get("url") or md.url
    _source_chain(md, blocks, text, dated, _site(h, title_block), meta)
    md.cited = _cited(blocks)
    return md


def parse_citation(plain: str, raw: str) -> Outlet | None:
    """One item of a source list: '"Title" — Outlet, March 13, 2024', 'Outlet: "Title"
    (13 March 2024)', 'Author. "Title". Outlet, 2024-03-13'. The outlet is the short
    capitalised part that is neither the title, the date nor an author's name."""
    line = re.sub(r"^[-*•·]\s+", "", plain)
    m = QUOTED_TITLE.search(line)
    title = m.group("title").strip(" .,") if m else ""
    date = first_date(line)
    rest = line[m.end() :] if m else line
    before = line[: m.start()] if m else ""
    for d in reversed(find_dates(rest)):  # the report's date is not its outlet
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = re.sub(r"\(\s*\)", " ", rest)
    parts = [p.strip(" .,:;()") for p in re.split(r"\s[—–-]\s|[,;|]|\.\s", rest)]
    parts = [p for p in parts if p and p[0].isupper() and len(p.split()) <= 6]
    if not parts and before:
        # 'Outlet: "Title"': the name comes first.
        parts = [p.strip(" .,:;") for p in re.split(r"[:|—–]", before) if p.strip(" .,:;")]
    if not parts:
        return None
    # 'Kofi Adomako. "Title" — Reuters, ...': the report's authors come before its title.
    authors = parse_byline("By " + before.strip(" .,:")) if m and before.strip() else []
    return Outlet(parts[0], date, authors, "", title, " ".join(raw.split()))


_BASED_ON = re.compile(r"(?i)\bbased on (?:reports?|reporting) (?:from|by)\s+(?P<names>[^.;]+)")


def _site_block(b: Block) -> Block | None:
    """A site's name line before the headline ("NewsNest | Business & Law", "MERIDIAN NEWS
    · LIVE"): its first part, short and capitalised, in title case if set in capitals."""
    name = re.split(r"\s+[|·•›»]\s+", b.plain)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return None
    if name.isupper() and len(name) > 4:
        name = " ".join(w.capitalize() for w in words)
    return Block(b.index, b.start, b.end, b.text, name, b.kind)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z’'-]{2,}", text.lower()) if w not in _FUNCTION}


_FUNCTION = lexicon.STOP_WORDS | lexicon.word_set("empty_title_words")


# Page furniture that stands where a headline could: an image's alternative text ("Logo",
# "Site logo", "logo.png"), a breadcrumb ("Home > World > Asia", "News / Politics").
_FURNITURE = re.compile(
    r"(?i)^(?:[\w&'’.-]+\s+){0,3}logo(?:\.\w{3,4})?$|^(?:image|photo|icon)\s*:|"
    r"^[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,2}(?:\s+[>›»/]\s+[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,2})+$"
)


def _not_headline(line: str) -> bool:
    """Lines that are never the headline: page furniture, and a date with a word or two
    around it (a date line the date reader took for a sentence)."""
    return bool(_FURNITURE.search(line)) or bool(find_dates(line) and len(line.split()) <= 6)


def _headline(candidates: list[Block], blocks: list[Block], mark: int = -1) -> Block | None:
    """The headline among the header lines. Headlines stand above their date line and
    byline (at `mark`): the first line before those that is about the article at all (it
    shares a word with the body). Otherwise the first line long enough to be one that is
    about the article (it shares three words with the body, or most of its few words); a
    site's tag line before it shares less, and a standfirst after it does not count."""
    lines = [
        b
        for b in candidates
        if len(b.plain.split()) >= 4
        and b.plain.lstrip("'‘“\"(")[:1].isupper()
        and not re.search(r"\s[|·•›»]\s", b.plain)  # a site's or section's name line
    ]
    if not lines:
        return candidates[0] if candidates else None
    body = _content_words(" ".join(b.plain for b in blocks if b.kind == BODY))

    def shared(b: Block) -> tuple[int, float]:
        words = _content_words(b.plain)
        n = len(words & body)
        return n, n / len(words) if words else 0.0

    above = [b for b in lines if b.start < mark and shared(b)[0] >= 1]
    if above:
        return above[0]
    about = [b for b in lines if shared(b)[0] >= 3 or shared(b)[0] >= 2 and shared(b)[1] >= 0.6]
    return about[0] if about else max(lines, key=lambda b: (shared(b), -b.start))


def _credited_authors(blocks: list[Block]) -> list[str]:
    """Authors named in a credit line (an `authors` form of rules/credits.yaml): "Articles
    by: A", "Authored by A via X", "(Reporting by A and B; Editing by C)"."""
    for b in blocks:
        if b.kind == BODY and len(b.plain.split()) > 25:
            continue
        credit_line = b.kind == "header" or b.reason == "republication credit"
        for found in rules.credits(b.plain, "authors", credit_line):
            names = parse_byline("By " + found.authors) if found.authors else []
            if names:
                return names
    return []


def _split_bylines(head: list[Block]) -> tuple[list[str], str]:
    """Authors printed as a name line followed by an affiliation line ("Ingrid Solheim" /
    "Associate Professor of Arctic Governance, UiT ..."), and those lines as the byline."""
    names, lines = [], []
    for b, nxt in zip(head, head[1:], strict=False):
        line = f"{b.plain}, {nxt.plain}"
        if b.kind == "header" and nxt.kind == "header" and parse_byline(line):
            names.append(b.plain)
            lines.append(line)
    return names, "; ".join(lines)


def _credit(blocks: list[Block]) -> tuple[str, Block] | None:
    """An explicit credit to an original outlet anywhere in the seed."""
    first_body = next((b for b in blocks if b.kind == BODY), None)
    if first_body is not None:
        agency = dateline(first_body.plain)[1]
        if agency:
            return gz.agency(agency) or agency, first_body
    for b in blocks:
        if b.kind == BODY and b is not first_body and len(b.plain.split()) > 30:
            continue  # credits are short lines (or trimmed tails), not article paragraphs
        for found in rules.credits(b.plain, "outlet"):
            name = re.sub(r"^(?:the website|the site)\s+", "", found.outlet)
            if 0 < len(name.split()) <= 6 and name[0].isupper():
                return gz.agency(name) or name, b
    return None


@dataclass
class _Side:
    """One end of the source chain while it is decided: the name, the date and the quote."""

    name: str = ""
    date: dt.date | None = None
    evidence: str = ""
    url: str = ""


def _publisher_side(meta: dict[str, str], text: str, site: Block | None) -> _Side:
    """The copy in hand's outlet as the format metadata, its address or a site line names it."""
    keys = ("publisher", "site", "site_name", "source", "outlet")
    meta_site = next((meta[k] for k in keys if meta.get(k)), "")
    if meta_site:
        return _Side(meta_site)
    if meta.get("url"):  # the copy's own address names its site, not a logo line
        return _Side(outlet_from_url(meta["url"], text))
    if site is not None:
        return _Side(site.plain, evidence=site.text)
    return _Side()


def _original_side(credit: tuple[str, Block] | None, meta: dict[str, str], text: str) -> _Side:
    """The original outlet a credit line or the page's canonical link names."""
    if credit:
        side = _Side(credit[0], evidence=_short(credit[1].text, credit[0]))
        if credit[1].kind != BODY:
            # "... originally published by X on 30 June 2024": the original's date.
            side.date = first_date(credit[1].plain)
        return side
    if meta.get("original_url"):  # a republished page's canonical link to its original
        return _Side(outlet_from_url(meta["original_url"], text), url=meta["original_url"])
    return _Side()


def _named_lines(pub: _Side, orig: _Side, named: list[tuple[Block, dt.date, str]]) -> None:
    """Header lines that name an outlet and a date ("Outlet, 12 March 2024"): each dates the
    end of the chain it names, or is the publisher, or else the original."""
    for b, d, n in named:
        if orig.name and _same(n, orig.name):
            orig.date, orig.evidence = d, b.text
        elif not pub.name or _same(n, pub.name):
            pub.name, pub.date, pub.evidence = pub.name or n, d, b.text
        elif not orig.name:
            orig.name, orig.date, orig.evidence = n, d, b.text


def _publication_date(md: Metadata, dated: list[Dated], meta: dict[str, str], pub: _Side) -> None:
    """The publication date: the format metadata's, else a header date (labelled
    "Published" first, then unlabelled, "Updated" last), else the publisher line's."""
    nameless = sorted((d for b, d, n in dated if not n), key=lambda d: _PRIORITY[d.label])
    if meta.get("date"):
        md.date = first_date(str(meta["date"]))
        pub.date = md.date or pub.date  # the copy's own date is the copy in hand's
    if not md.date and not pub.date and nameless:
        md.date, md.date_found = nameless[0].day, nameless[0]
        md.date_evidence = nameless[0].text
    md.date = md.date or pub.date
    if md.date and not pub.date:
        pub.date = md.date


def _source_chain(
    md: Metadata,
    blocks: list[Block],
    text: str,
    dated: list[Dated],
    site: Block | None,
    meta: dict[str, str],
) -> None:
    """Decide publisher (copy in hand) and original outlet, with dates and authors."""
    named = [(b, d.day, n) for b, d, n in dated if n]
    credit = _credit(blocks)
    pub = _publisher_side(meta, text, site)
    orig = _original_side(credit, meta, text)
    _named_lines(pub, orig, named)
    if len(named) >= 2 and not credit and orig.date and pub.date and orig.date > pub.date:
        # Two outlet lines and no credit: the later one is the copy in hand.
        pub.name, orig.name = orig.name, pub.name
        pub.date, orig.date = orig.date, pub.date
        pub.evidence, orig.evidence = orig.evidence, pub.evidence
    if not pub.name and md.url:
        pub.name, pub.evidence = outlet_from_url(md.url, text), md.url
    _publication_date(md, dated, meta, pub)
    if credit and orig.date is None and md.date is not None:
        orig.date = _dateline_day(credit[1].plain, md.date)  # "ASTANA, March 13 (Reuters) -"
    if orig.name and pub.name and _same(orig.name, pub.name):
        orig.name = ""
    if pub.name:
        md.publisher = Outlet(pub.name, pub.date, [], md.url, md.title, pub.evidence)
    if orig.name:
        md.original = Outlet(orig.name, orig.date, list(md.authors), orig.url, "", orig.evidence)
    elif md.publisher:
        md.publisher.authors = list(md.authors)
    if md.original and md.publisher and meta.get("author"):  # the copy's own byline
        md.publisher.authors = _meta_authors(meta)


def _dateline_day(plain: str, anchor: dt.date) -> dt.date | None:
    """The day a wire dateline states ("ABUJA, Nigeria, March 3 (Reuters) -"), in the year
    that puts it nearest the copy's date; None when the dateline gives no day."""
    n, agency = dateline(plain)
    m = re.search(rf"\b({MONTH_PREFIX})[a-z]*\.?\s+(\d{{1,2}})\b", plain[:n])
    if not agency or not m:
        return None
    month, day = month_no(m.group(1)), int(m.group(2))
    try:
        return dt.date(nearest_year(anchor, month, day), month, day)
    except ValueError:
        return None


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", s.lower()))

    return norm(a) == norm(b) or norm(a).startswith(norm(b)) or norm(b).startswith(norm(a))


def _short(raw: str, name: str) -> str:
    """A short quote of a credit line: its first sentence (markup is kept verbatim)."""
    first = re.split(r"(?<=[.!?])\s+", raw.strip())[0]
    return first if len(first.split()) <= 25 else " ".join(first.split()[:25])
