"""Split a seed's text into blocks and tell article body from header lines and boilerplate.

Rules look at the *genre* of a line (share prompts, newsletter appeals, disclaimers, credits,
funding statements, captions, time stamps), its shape (length, terminal punctuation, share of
stop words, links) and its position (before the first prose paragraph = header). They never
name a site or quote one site's sentences, so they carry over to other outlets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from . import lexicon, rules
from .options import Options

HEADER, BODY, HEADING, BOILER = "header", "body", "heading", "boilerplate"

_TAG = re.compile(r"<[^>]{1,200}>")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_STOP = lexicon.STOP_WORDS


@dataclass(frozen=True)
class Block:
    """One paragraph or line of the seed, with its character span in `seed.text`."""

    index: int
    start: int
    end: int
    text: str
    """The raw slice `seed.text[start:end]` (may contain inline markup)."""
    plain: str
    """Markup removed, white space folded."""
    kind: str = BODY
    reason: str = ""


# Genres of boilerplate: rules/boilerplate.yaml (credit-line forms: rules/credits.yaml).
_GENRES = [r for r in rules.load("boilerplate") if r.boilerplate]


# A wire dateline opening the first paragraph: "WASHINGTON (AP) —", "GDANSK, Poland
# (Reuters) -", "LONDON —", "Nairobi, Kenya (Reuters) -", "(AFP) -". A place in capitals or
# a credited agency in brackets makes it a dateline; an ordinary capitalised subject
# followed by a dash does not.
_PLACE_CAPS = r"[A-Z][A-Z.'’-]{3,}(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z]{2,}(?:\s+[A-Z][A-Z.'’-]+){1,3}"
_PLACE = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_REGION = (
    r"(?:,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
    rf"(?:,?\s*{lexicon.MONTH_PREFIX}[a-z]*\.?\s+\d{{1,2}})?"
)
_AGENCY = r"\([A-Z][\w .&’'-]{0,30}?\)"
DATELINE = re.compile(
    rf"^(?:(?:(?:{_PLACE_CAPS}){_REGION}\s*(?:{_AGENCY})?)|(?:(?:{_PLACE}{_REGION}\s*)?{_AGENCY}))"
    r"\s*(?:--|[-–—])\s+(?=[A-Z0-9\"“‘'])"
)


def dateline(text: str) -> tuple[int, str]:
    """The length of a wire dateline at the start of `text` (0 when there is none) and
    the agency it credits ("" when it names none)."""
    m = DATELINE.match(text)
    if not m:
        return 0, ""
    agency = re.search(r"\(([^()]+)\)\s*(?:--|[-–—])\s+$", m.group(0))
    return m.end(), agency.group(1).strip() if agency else ""


def strip_markup(text: str) -> str:
    """Inline markup removed and white space folded (for rules; evidence uses the raw text)."""
    return " ".join(_TAG.sub("", text).split())


def split_blocks(text: str, options: Options | None = None) -> list[Block]:
    """Paragraphs (blank-line separated); a paragraph whose lines are separate items (not hard
    wrapping of one paragraph) is split into one block per line."""
    wrap = (options or Options()).wrapped_line_chars
    blocks: list[Block] = []
    for para in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        lines = list(re.finditer(r"[^\n]*\S[^\n]*", para.group(0)))
        wrapped = (
            len(lines) > 1
            and all(
                len(ln.group(0)) > wrap and not re.search(r"[.!?:”\"]\s*$", ln.group(0))
                for ln in lines[:-1]
            )
            # Lines that each open with a bullet or a quoted title, or that each cite a
            # report ('Ana Lopes. "Title" — Outlet, date'), are items of a list.
            and not all(re.match(r"\s*(?:[-*•·]\s|[\"“])", ln.group(0)) for ln in lines)
            and not all(
                _QUOTED_TITLE.search(ln.group(0)) and _DAY_MONTH.search(ln.group(0)) for ln in lines
            )
        )
        spans = (
            [(para.start(), para.end())]
            if wrapped or len(lines) <= 1
            else [(para.start() + ln.start(), para.start() + ln.end()) for ln in lines]
        )
        for s, e in spans:
            while text[s].isspace():
                s += 1
            raw = text[s:e].rstrip()
            blocks.append(Block(len(blocks), s, s + len(raw), raw, strip_markup(raw)))
    return blocks


_SEPARATOR = re.compile(r"[\W_]*")
_SENTENCE_GENRES = [r for r in _GENRES if r.scope == "sentence"]


def boilerplate_reason(plain: str, options: Options | None = None) -> str:
    """Which boilerplate genre a block belongs to, or '' when it is none. Line and short-line
    rules look at the whole block; sentence rules make it boilerplate only when most of its
    sentences are (see rules/boilerplate.yaml), so article text that mentions a keyword stays."""
    return _boilerplate_reason(plain, (options or Options()).boiler_sentence_share)


@functools.lru_cache(maxsize=4096)
def _boilerplate_reason(plain: str, share: float) -> str:
    # Cached: a seed's blocks are classified again once its byline is known.
    if _SEPARATOR.fullmatch(plain):
        return "separator"
    parts = rules.sentences(plain)
    # Which sentence rules fire on which sentences, each pair tried once.
    fired = {id(r): [bool(r.pattern.search(s)) for s in parts] for r in _SENTENCE_GENRES}
    hit = [any(f[k] for f in fired.values()) for k in range(len(parts))]
    mostly = bool(parts) and sum(hit) / len(parts) >= share
    for rule in _GENRES:
        if rule.scope != "sentence" and rule.search(plain):
            return rule.reason
        if rule.scope == "sentence" and mostly and any(fired[id(rule)]):
            return rule.reason
    words = plain.split()
    urls = _URL.findall(plain)
    if urls and len(words) - len(urls) < 6:
        return "link"
    return ""


def is_prose(plain: str, min_words: int | None = None, options: Options | None = None) -> bool:
    """A paragraph of running text: long enough, ends like a sentence, has function words."""
    opts = options or Options()
    min_words = opts.prose_min_words if min_words is None else min_words
    words = re.findall(r"[\w’'-]+", plain)
    if len(words) < min_words or not re.search(r"[.!?…][\"”’)]?\s*$", plain):
        return False
    stops = sum(w.lower() in _STOP for w in words)
    # Name-heavy wire leads have few function words; headers and link lists have almost none.
    return stops / len(words) >= opts.prose_min_stop_share


SOURCE_LIST = "source list"
_SOURCES_HEAD = re.compile(
    r"(?i)^(?:sources?|references|cited sources|bibliography|sources? (?:used|cited))\s*:?$"
)
_QUOTED_TITLE = re.compile(r"[\"“](?P<title>[^\"“”]{4,200})[\"”]")
_DAY_MONTH = re.compile(
    rf"\b{lexicon.MONTH_PREFIX}[a-z]*\.?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}\s+{lexicon.MONTH_PREFIX}[a-z]*\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
)


def is_citation(plain: str, options: Options | None = None) -> bool:
    """A line of a source list: a quoted title or a date with an outlet name, short."""
    line = re.sub(r"^[-*•·]\s+", "", plain)
    limit = (options or Options()).citation_max_words
    return len(line.split()) <= limit and bool(
        _QUOTED_TITLE.search(line) or _DAY_MONTH.search(line)
    )


def classify(
    text: str, authors: list[str] | None = None, options: Options | None = None
) -> list[Block]:
    """Blocks of `text`, each with a kind: header (before the article starts), body, heading
    (a sub-heading inside the article) or boilerplate (with the genre as reason)."""
    opts = options or Options()
    flat = [x for b in split_blocks(text, opts) for x in _trim_tail(b, opts)]
    out: list[Block] = []
    started = cited = False
    for i, b in enumerate(flat):
        b = replace(b, index=i)
        if started and _SOURCES_HEAD.match(b.plain) or cited and is_citation(b.plain, opts):
            cited = True  # a "Sources" list: the reports the article was written from
            out.append(replace(b, kind=BOILER, reason=SOURCE_LIST))
            continue
        cited = False
        b = _kind(b, started, opts)
        started = started or b.kind == BODY
        out.append(b)
    return mark_bios(out, authors or [], opts)


def _kind(b: Block, started: bool, opts: Options) -> Block:
    """The kind of one block, given whether the article has started before it."""
    reason = b.reason or boilerplate_reason(b.plain, opts)
    if not started and reason == "link" and _URL.fullmatch(b.plain):
        return replace(b, kind=HEADER, reason="url")  # the article's address
    if reason:
        return replace(b, kind=BOILER, reason=reason)
    if not started:
        return replace(b, kind=BODY if is_prose(b.plain, options=opts) else HEADER)
    if (
        is_prose(b.plain, opts.body_min_words, opts)
        or b.plain[:1].islower()
        or re.search(r"[.!?;:,]$", b.plain)
    ):
        return replace(b, kind=BODY)
    return replace(b, kind=HEADING)


def mark_bios(
    blocks: list[Block], authors: list[str], options: Options | None = None
) -> list[Block]:
    """Author notes after the article ("X is a professor ...", "X served as ...") are
    boilerplate: a body block near the end that opens with a bylined author's name."""
    if not authors:
        return blocks
    body_idx = [b.index for b in blocks if b.kind == BODY]
    if not body_idx:
        return blocks
    cut = body_idx[int(len(body_idx) * (options or Options()).bio_from_share)]
    out = []
    for b in blocks:
        if (
            b.kind in (BODY, HEADING)
            and b.index >= cut
            and any(b.plain.startswith(a) for a in authors)
        ):
            b = replace(b, kind=BOILER, reason="author bio")
        out.append(b)
    return out


_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“])")


def _trim_tail(b: Block, opts: Options) -> tuple[Block, ...]:
    """Split trailing boilerplate sentences (a republication credit at the end of a long
    paragraph) off a prose block, so that the rest still counts as body."""
    if len(b.plain.split()) < opts.trim_min_words:
        return (b,)
    cuts = [m.end() for m in _SENT_END.finditer(b.text)]
    keep_end = len(b.text)
    for c in reversed(cuts):
        reason = boilerplate_reason(strip_markup(b.text[c:keep_end]), opts)
        if reason in ("", "contact", "link"):
            break
        keep_end = c
    if keep_end == len(b.text):
        return (b,)
    head_raw = b.text[:keep_end].rstrip()
    tail_raw = b.text[keep_end:]
    head = Block(b.index, b.start, b.start + len(head_raw), head_raw, strip_markup(head_raw))
    tail_plain = strip_markup(tail_raw)
    reason = boilerplate_reason(tail_plain, opts)
    tail = Block(b.index, b.start + keep_end, b.end, tail_raw, tail_plain, BOILER, reason)
    return head, tail


# Public names of the patterns metadata.py reads (it still imports the private ones).
QUOTED_TITLE = _QUOTED_TITLE
SOURCES_HEAD = _SOURCES_HEAD
