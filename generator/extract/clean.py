"""Split a seed's text into blocks and tell article body from header lines and boilerplate.

Rules look at the *genre* of a line (share prompts, newsletter appeals, disclaimers, credits,
funding statements, captions, time stamps), its shape (length, terminal punctuation, share of
stop words, links) and its position (before the first prose paragraph = header). They never
name a site or quote one site's sentences, so they carry over to other outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

HEADER, BODY, HEADING, BOILER = "header", "body", "heading", "boilerplate"

_TAG = re.compile(r"<[^>]{1,200}>")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "his", "her", "their", "our", "not", "no", "will", "would", "can", "could", "may", "might", "should", "than", "then", "there", "which", "who", "whom", "whose", "what", "when", "where", "while", "if", "so", "also", "into", "over", "after", "before", "about", "up", "out", "more", "most", "such", "only", "other", "some", "any", "all"]
)


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


# Genres of boilerplate, by keywords those genres use. Each is (reason, pattern).
_GENRES: list[tuple[str, re.Pattern[str]]] = [
    (r, re.compile(p, re.I))
    for r, p in [
        (
            "share/follow prompt",
            r"\b(?:share (?:this|the|button|widely)|click the share|follow us|like us on|"
            r"subscribe (?:to|now|for)|sign up (?:for|to|now)|repost and share|email/forward|forward this|"
            r"join (?:us|our) on|share on (?:facebook|twitter|x)|feel free to (?:re)?post)\b",
        ),
        (
            "social network",
            r"\b(?:on|via|at) (?:our )?(?:facebook|twitter|instagram|telegram|youtube|tiktok|"
            r"whatsapp|linkedin|mastodon|bluesky)\b(?: (?:page|channel|account))?",
        ),
        (
            "newsletter/donation appeal",
            r"\b(?:newsletter|donate|donation|become a (?:member|subscriber|patron|"
            r"supporter)|support (?:us|our (?:work|journalism))|make a contribution|paywall|subscribers? only)\b",
        ),
        (
            "click here",
            r"\bclick here\b|\bread (?:the )?(?:full|original|rest of the) (?:article|story|report)\b|"
            r"\b(?:use|using|activate|tap|tapping|hit) the\s+(?:[\w-]+\s+){0,2}(?:button|icon)\b|"
            r"\bcan be read in \d+ languages\b|"
            r"\bbutton (?:above|below)\b|\b(?:activating|click(?:ing)?|press(?:ing)?) the \w+(?: \w+)? button\b",
        ),
        (
            "read more / related",
            r"^(?:read more|related(?: articles?| stories| coverage)?|see also|also read|more on "
            r"this|recommended|you may also like|watch|listen|further reading)\s*[:»>|-]",
        ),
        (
            "disclaimer / copyright",
            r"\b(?:disclaimer|fair use|copyrighted material|all rights reserved|©|creative commons|"
            r"licen[cs]ed under|available under the|our (?:editorial )?standards\s*:|"
            r"trust principles|editorial (?:guidelines|standards|policy)|"
            r"copyright|sole responsibility of the authors?|views expressed|do not necessarily reflect|"
            r"permission to (?:cross-post|repost|republish|reproduce)|media inquiries|terms of (?:use|service)|"
            r"privacy policy|cookie)\b",
        ),
        (
            "republication credit",
            r"^(?:this (?:article|story|piece|post|commentary|column|op-ed|essay|analysis) "
            r"(?:is|was|has been) (?:originally |first )?"
            r"(?:re)?published|"
            r"this (?:article|story|piece|post|commentary|column|op-ed|essay|analysis) (?:first|originally) (?:appeared|ran|was published)|"
            r"the original source of this|our thanks to|articles? by\s*:|originally (?:published|appeared) (?:on|in|by|at)|"
            r"(?:it )?first appeared (?:on|in)|comment on\b|\(?(?:additional )?reporting by\b|"
            r"(?:authored|written|submitted) by\b.{2,80}\bvia\b|(?:cross-?posted|syndicated|reposted|"
            r"reprinted) (?:from|with permission)|adapted (?:this|the) (?:story|article|report)\b|"
            r"(?:this (?:article|story|piece) (?:was|has been) )?translated from [A-Z][a-z]+\b|"
            r"^original(?: article| story)?\s*:|^(?:reporting|translation|translated by)\s*:|"
            r"^(?:i'm|i am|this is) [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}\.?$|"
            r"this (?:article|story|piece|post) (?:is|was) "
            r"(?:reprinted|reposted|syndicated)\b)|under a creative commons licen[cs]e",
        ),
        (
            "photo credit / caption",
            r"^(?:photo|image|picture|credit|photograph|caption|video|illustration|"
            r"featured image|top image)s?\s*(?::|by\b|credit\b)|\b(?:getty images|afp via|ap photo|/reuters|"
            r"reuters/|shutterstock|file photo|photo by)\b",
        ),
        (
            "time stamp",
            r"^(?:\d+|an?|one) (?:minutes?|hours?|days?|weeks?) ago$|^(?:updated|published|posted|"
            r"last (?:updated|modified))\b.{0,60}$",
        ),
        (
            "funding/disclosure",
            r"\b(?:does not work for, consult|own shares in|receiv\w*\s+(?:\w+\s+){0,3}funding|"
            r"has disclosed no|declare[sd]? no (?:competing|commercial|financial|conflicts?)|is a co-author of the|"
            r"(?:research|program|programme|project) (?:is|was) funded|funded by|grant (?:n\.|no\.|number)|"
            r"provides? (?:funding|support) as a (?:founding )?(?:member|partner)|"
            r"conflicts? of interest|affiliations? beyond)\b",
        ),
        (
            "tag line",
            r"^(?:region|theme|topic|tags?|categor(?:y|ies)|section|filed under|keywords?)s?\s*:",
        ),
        (
            "interface text",
            r"^(?:leave a (?:comment|reply)|\d+ (?:comments?|shares?)|comments?|print|e-?mail|share|"
            r"tweet|menu|home|advertisement|skip to (?:main )?content|loading|back to top|next|previous)\b.{0,20}$",
        ),
        (
            "archive notice",
            r"\b(?:this (?:page|article|story|post) (?:is|has been) archived|"
            r"no longer (?:publicly )?editable|reflect the (?:specific )?time at which they were written)\b",
        ),
        (
            "comment prompt",
            r"^(?:have an opinion|what do you think|join the (?:discussion|conversation)|"
            r"tell us what you think)\b.{0,60}$",
        ),
        ("navigation", r"^(?:[^|•·\d]{1,30}\s[|•·]\s){2,}[^|•·\d]{1,30}$"),
        ("contact", r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"),
    ]
]


# A wire dateline opening the first paragraph: "WASHINGTON (AP) —", "GDANSK, Poland
# (Reuters) -", "LONDON —", "Nairobi, Kenya (Reuters) -", "(AFP) -". A place in capitals or
# a credited agency in brackets makes it a dateline; an ordinary capitalised subject
# followed by a dash does not.
_PLACE_CAPS = r"[A-Z][A-Z.'’-]{3,}(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z]{2,}(?:\s+[A-Z][A-Z.'’-]+){1,3}"
_PLACE = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_REGION = (
    r"(?:,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
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


def split_blocks(text: str) -> list[Block]:
    """Paragraphs (blank-line separated); a paragraph whose lines are separate items (not hard
    wrapping of one paragraph) is split into one block per line."""
    blocks: list[Block] = []
    for para in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        lines = list(re.finditer(r"[^\n]*\S[^\n]*", para.group(0)))
        wrapped = (
            len(lines) > 1
            and all(
                len(ln.group(0)) > 40 and not re.search(r"[.!?:”\"]\s*$", ln.group(0))
                for ln in lines[:-1]
            )
            # Lines that each open with a bullet or a quoted title, or that each cite a
            # report ('Ana Lopes. "Title" — Outlet, date'), are items of a list.
            and not all(re.match(r"\s*(?:[-*•·]\s|[\"“])", ln.group(0)) for ln in lines)
            and not all(_QUOTED_TITLE.search(ln.group(0)) and _DAY_MONTH.search(ln.group(0))
                        for ln in lines)
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


def boilerplate_reason(plain: str) -> str:
    """Which boilerplate genre a line belongs to, or '' when it is none."""
    if re.fullmatch(r"[\W_]*", plain):
        return "separator"
    for reason, pat in _GENRES:
        if pat.search(plain):
            return reason
    words = plain.split()
    urls = _URL.findall(plain)
    if urls and len(words) - len(urls) < 6:
        return "link"
    return ""


def is_prose(plain: str, min_words: int = 10) -> bool:
    """A paragraph of running text: long enough, ends like a sentence, has function words."""
    words = re.findall(r"[\w’'-]+", plain)
    if len(words) < min_words or not re.search(r"[.!?…][\"”’)]?\s*$", plain):
        return False
    stops = sum(w.lower() in _STOP for w in words)
    # Name-heavy wire leads have few function words; headers and link lists have almost none.
    return stops / len(words) >= 0.12


SOURCE_LIST = "source list"
_SOURCES_HEAD = re.compile(
    r"(?i)^(?:sources?|references|cited sources|bibliography|sources? (?:used|cited))\s*:?$"
)
_QUOTED_TITLE = re.compile(r"[\"“](?P<title>[^\"“”]{4,200})[\"”]")
_DAY_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b"
)


def is_citation(plain: str) -> bool:
    """A line of a source list: a quoted title or a date with an outlet name, short."""
    line = re.sub(r"^[-*•·]\s+", "", plain)
    return len(line.split()) <= 40 and bool(_QUOTED_TITLE.search(line) or _DAY_MONTH.search(line))


def classify(text: str, authors: list[str] | None = None) -> list[Block]:
    """Blocks of `text`, each with a kind: header (before the article starts), body, heading
    (a sub-heading inside the article) or boilerplate (with the genre as reason)."""
    blocks = [_trim_tail(b) for b in split_blocks(text)]
    flat: list[Block] = [x for pair in blocks for x in pair]
    out: list[Block] = []
    started = False
    cited = False
    for i, b in enumerate(flat):
        b = replace(b, index=i)
        reason = boilerplate_reason(b.plain) if not b.reason else b.reason
        if started and _SOURCES_HEAD.match(b.plain):
            cited = True  # a "Sources" list: the reports the article was written from
            out.append(replace(b, kind=BOILER, reason=SOURCE_LIST))
            continue
        if cited and is_citation(b.plain):
            out.append(replace(b, kind=BOILER, reason=SOURCE_LIST))
            continue
        cited = False
        if not started and reason == "link" and _URL.fullmatch(b.plain):
            out.append(replace(b, kind=HEADER, reason="url"))  # the article's address
        elif reason:
            out.append(replace(b, kind=BOILER, reason=reason))
        elif not started and is_prose(b.plain):
            started = True
            out.append(replace(b, kind=BODY))
        elif not started:
            out.append(replace(b, kind=HEADER))
        elif is_prose(b.plain, 6) or b.plain[:1].islower() or re.search(r"[.!?;:,]$", b.plain):
            out.append(replace(b, kind=BODY))
        else:
            out.append(replace(b, kind=HEADING))
    return mark_bios(out, authors or [])


def mark_bios(blocks: list[Block], authors: list[str]) -> list[Block]:
    """Author notes after the article ("X is a professor ...", "X served as ...") are
    boilerplate: a body block near the end that opens with a bylined author's name."""
    if not authors:
        return blocks
    body_idx = [b.index for b in blocks if b.kind == BODY]
    if not body_idx:
        return blocks
    cut = body_idx[int(len(body_idx) * 0.6)]
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


def _trim_tail(b: Block) -> tuple[Block, ...]:
    """Split trailing boilerplate sentences (a republication credit at the end of a long
    paragraph) off a prose block, so that the rest still counts as body."""
    if len(b.plain.split()) < 40:
        return (b,)
    cuts = [m.end() for m in _SENT_END.finditer(b.text)]
    keep_end = len(b.text)
    for c in reversed(cuts):
        tail = strip_markup(b.text[c:keep_end])
        if (
            tail
            and boilerplate_reason(tail)
            and boilerplate_reason(tail) not in ("contact", "link")
        ):
            keep_end = c
        else:
            break
    if keep_end == len(b.text):
        return (b,)
    head_raw = b.text[:keep_end].rstrip()
    tail_raw = b.text[keep_end:]
    head = Block(b.index, b.start, b.start + len(head_raw), head_raw, strip_markup(head_raw))
    tail = Block(
        b.index,
        b.start + keep_end,
        b.end,
        tail_raw,
        strip_markup(tail_raw),
        BOILER,
        boilerplate_reason(strip_markup(tail_raw)),
    )
    return head, tail
