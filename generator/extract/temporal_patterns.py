"""The pattern table of `temporal.find_temporal`: one named regex per kind of temporal
expression, in priority order (earlier names win ties between overlapping matches)."""

from __future__ import annotations

import re

from .lexicon import MONTH_ABBR, MONTH_FULL, WEEKDAY

_Q = r"(?P<qual>(?i:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle\s+of|end\s+of|beginning\s+of|start\s+of))[\s-]*)?"
_WD = rf"(?:{WEEKDAY},?\s+(?:the\s+)?)?"
_ORD = r"(?:st|nd|rd|th)?"
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
_DASH = r"\s*(?:-|–|—|to|and|through|until)\s*"
_PREP = (
    r"(?P<prep>\b(?i:in|on|by|for|or|into|since|until|till|from|through|during|before|after|at|between|and|"
    r"to|of|last|next|this|early|late|mid|until|around|throughout)\s+|mid-)"
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(
            r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
            r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"
        ),
    ),
    (
        "mdy",
        re.compile(
            _WD + _Q + rf"\b(?P<mon>{MONTH_FULL}|{MONTH_ABBR})\.?\s+(?P<d>\d{{1,2}}){_ORD}"
            rf"(?:{_DASH}(?:(?P<mon2>{MONTH_FULL}|{MONTH_ABBR})\.?\s+)?(?P<d2>\d{{1,2}}){_ORD})?"
            r"(?:,?\s+(?P<y>\d{4}))?(?![\d:])"
        ),
    ),
    (
        "dmy",
        re.compile(
            _WD
            + rf"(?<![\w.,])(?P<d>\d{{1,2}}){_ORD}(?:{_DASH}(?P<d2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?"
            rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR})\.?(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"
        ),
    ),
    (
        "dmy2",
        re.compile(
            rf"(?<![\w])(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH_ABBR})\.?\s+'?(?P<y2>\d{{2}})(?![\w:])"
        ),
    ),
    (
        "my",
        re.compile(
            _Q + rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})(?![\d])"
        ),
    ),
    (
        "month",
        re.compile(
            _PREP + _Q + rf"(?P<mon>{MONTH_FULL})\b(?!\s+\d)"
            r"(?P<rel>\s+(?:of\s+)?(?:this|last|next|that|the\s+same|the\s+following|"
            r"the\s+previous)\s+year)?"
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?P<rel>this|last|next|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b"
        ),
    ),
    (
        "yrange",
        re.compile(
            r"(?:(?P<prep>\b(?:from|between)\s+))?(?<![\d$£€.,/-])(?P<y>1[5-9]\d{2}|20\d{2})"
            r"(?:\s*(?:-|–|—)\s*|\s+(?:to|and|until|through)\s+)(?P<y2>\d{4}|\d{2})(?![\d%]|-\d)"
        ),
    ),
    (
        "decade",
        re.compile(
            r"\b(?:the\s+)?(?P<qual>early|late|mid)?[\s-]*(?P<y>1[5-9]\d0|20\d0)(?:’|')?s\b"
        ),
    ),
    (
        "part",
        re.compile(
            r"\b(?:the\s+)?(?P<part>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
            r"(?P<unit>half|quarter)\s+of\s+(?:(?P<rel>the|this|next|last)\s+year|(?P<y>\d{4}))\b"
            r"|\b(?P<code>[QH][1-4])\s+(?P<y2>\d{4})\b",
            re.I,
        ),
    ),
    (
        "century",
        re.compile(
            r"\bthe\s+(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<rel>past|last|previous|this))"
            r"\s+century\b",
            re.I,
        ),
    ),
    (
        "decword",
        re.compile(
            r"\bthe\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
            r"nineties)\b",
            re.I,
        ),
    ),
    (
        "vagueago",
        re.compile(
            r"\b(?:several|a\s+few|a\s+couple\s+of|some)\s+(?:days|weeks|months|years)\s+"
            r"(?:ago|back)\b",
            re.I,
        ),
    ),
    (
        "qyear",
        re.compile(
            _Q
            + r"(?<![\d$£€.,/])(?<!\d-)(?P<y>1[5-9]\d{2}|20\d{2})(?![\d%]|[.,]\d|-\d|(?:’|')?s\b)"
        ),
    ),
    (
        "rel",
        re.compile(
            r"\b(?P<mod>(?:earlier|later)\s+(?:in\s+)?this|this|last|past|previous|next|coming|"
            r"(?:earlier|later)\s+(?:in\s+)?the|the\s+end\s+of\s+(?:the|this|next|last))\s+"
            r"(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "yearend",
        re.compile(r"\b(?:the\s+)?year(?:\s+end\b(?!-)|-end\b(?!\s+[a-z]))", re.I),
    ),
    (
        "ago",
        re.compile(
            rf"(?<![\w-])\[?(?P<n>a|an|{_NUMBER_WORDS}|\d{{1,2}})\]?\s+"
            r"(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|away|from now|later)\b",
            re.I,
        ),
    ),
    (
        "span",
        re.compile(
            rf"\b(?:the\s+)?(?:past|last)\s+(?P<n>{_NUMBER_WORDS}|\d{{1,3}})\s+years\b",
            re.I,
        ),
    ),
    (
        "follow",
        re.compile(
            r"\b(?P<mod>the\s+following|the\s+next|the\s+previous|the\s+same|that|the|a)\s+"
            r"(?P<unit>year)\b(?P<later>\s+later|\s+earlier|\s+(?:before|after)\b"
            r"(?!\s+(?:the|a|an|his|her|its|their|this|that|[A-Z0-9])))?",
            re.I,
        ),
    ),
    (
        "day",
        re.compile(
            r"\b(?P<w>today|yesterday|tomorrow|tonight|last\s+night|this\s+morning|"
            r"this\s+afternoon|this\s+evening)\b",
            re.I,
        ),
    ),
    (
        "recent",
        re.compile(
            r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last\s+few)\s+(?P<unit>days|weeks)\b",
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(
            r"\b(?:(?P<mod>this|last|next|the|that)\s+)weekend\b(?:’s|'s)?",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"(?<!Good )(?<!Black )(?<!Holy )(?<!Super )(?<!Ash )(?<!Cyber )(?<!Easter )"
            r"(?<!Bloody )(?<!Palm )(?<!\b[Aa] )(?<!\b[Ee]very )(?<!\b[Ee]ach )"
            r"\b(?:(?P<mod>last|next|this)\s+)?"
            rf"(?P<wd>{WEEKDAY})(?:’s|'s)?\b"
        ),
    ),
]
PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}
