"""General world knowledge the actor rules need: country names and their common short
forms, demonyms ("Japanese" → Japan) and capitals used for governments ("Tehran said").

This is generic reference data, not tuned to any document.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Countries (data/countries.tsv) and short forms of international bodies (data/org_aliases.tsv),
# general reference data kept by hand.
_DATA = Path(__file__).with_name("data")


def _rows(name: str) -> list[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _split(field: str) -> tuple[str, ...]:
    return tuple(x for x in field.split("|") if x)


# canonical name: (other names, demonyms incl. plurals, capital and its other spellings)
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    r[0]: (_split(r[1]), _split(r[2]), _split(r[3]))
    for r in (row + ["", "", ""] for row in _rows("countries.tsv"))
}
# Common short forms of international bodies (the full name is the canonical one).
ORG_ALIASES: dict[str, str] = {r[0]: r[1] for r in _rows("org_aliases.tsv")}


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).lower().removeprefix("the ")


COUNTRY_BY_NAME: dict[str, str] = {}
COUNTRY_BY_DEMONYM: dict[str, str] = {}
COUNTRY_BY_CAPITAL: dict[str, str] = {}
for _c, (_alts, _dems, _cap) in _COUNTRIES.items():
    COUNTRY_BY_NAME[_norm(_c)] = _c
    for _a in _alts:
        COUNTRY_BY_NAME[_norm(_a)] = _c
    for _d in _dems:
        COUNTRY_BY_DEMONYM[_norm(_d)] = _c
    for _spelling in _cap:  # "Kyiv|Kiev": older reports spell it the older way
        COUNTRY_BY_CAPITAL[_norm(_spelling)] = _c


def country(name: str) -> str | None:
    """The canonical country a name denotes ("US" → "United States"), or None."""
    return COUNTRY_BY_NAME.get(_norm(name))


def demonym_country(word: str) -> str | None:
    """The country of a demonym ("Japanese" → "Japan"), or None."""
    return COUNTRY_BY_DEMONYM.get(_norm(word))


def capital_country(name: str) -> str | None:
    """The country whose capital this is ("Tehran" → "Iran"), or None."""
    return COUNTRY_BY_CAPITAL.get(_norm(name))


# News agencies (data/agencies.tsv, kept by hand) and news outlets (data/outlets.tsv, built
# from openly licensed package data by data/build_outlets.py; provenance in data/README.md).


_AGENCIES: dict[str, tuple[str, ...]] = {}
_AGENCY_DOMAINS: dict[str, str] = {}
for _row in _rows("agencies.tsv"):
    _full, _short_forms, _doms = (_row + ["", ""])[:3]
    _AGENCIES[_full] = tuple(a for a in _short_forms.split("|") if a)
    for _d in _doms.split("|"):
        if _d:
            _AGENCY_DOMAINS[_d] = _full
AGENCY_BY_NAME: dict[str, str] = {
    _norm(alias): full for full, aliases in _AGENCIES.items() for alias in (full, *aliases)
}


def agency(name: str) -> str | None:
    """The full name of a news agency given by its name or abbreviation ("AP"), or None."""
    return AGENCY_BY_NAME.get(_norm(name))


def agency_aliases(name: str) -> list[str]:
    """Every name of the agency `name` names (none when it is no agency)."""
    full = agency(name)
    return [full, *_AGENCIES[full]] if full else []


# Second-level labels under a country code ("co.uk", "com.au"): the registrable name is the
# label before them.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gr", "nic"})


def domain_label(domain: str) -> str:
    """The registrable label of a web domain, hyphens dropped: "news.antiwar.com" ->
    "antiwar", "business-standard.com" -> "businessstandard", "abc.net.au" -> "abc"."""
    labels = domain.lower().removeprefix("www.").strip(".").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-2]
    else:
        labels = labels[:-1]
    return labels[-1].replace("-", "") if labels else ""


def _compact(name: str) -> str:
    """Letters and digits only, lowercased and without accents: "The Guardian" ->
    "theguardian"."""
    folded = unicodedata.normalize("NFKD", name.replace("&", "and"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


OUTLET_BY_NAME: dict[str, str] = {}
OUTLET_DOMAINS: set[str] = set()
OUTLET_BY_LABEL: dict[str, str] = {}
for _row in _rows("outlets.tsv"):
    _name, _doms = (_row + [""])[:2]
    for _d in sorted(_doms.split("|"), key=len):
        if _d:
            OUTLET_DOMAINS.add(_d)
            OUTLET_BY_LABEL.setdefault(domain_label(_d), _name)
    if _name:
        OUTLET_BY_NAME[_norm(_name)] = _name
for _d, _full in _AGENCY_DOMAINS.items():
    OUTLET_DOMAINS.add(_d)
    OUTLET_BY_LABEL.setdefault(domain_label(_d), _full)
COMMON_WORDS: frozenset[str] = frozenset(
    (_DATA / "common_words.txt").read_text(encoding="utf-8").split()
)
compact = _compact  # the public name other modules use

_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?$")


def is_common_word(name: str) -> bool:
    """A single common English word ("Logo", "Home", "News"), whatever its case."""
    word = name.strip(" .,:;|").lower()
    return " " not in word and word in COMMON_WORDS


def known_outlet(name: str) -> str | None:
    """The outlet or agency a name denotes in the gazetteer, or None: a name or short form
    it lists ("AP", "The Guardian"), a web domain of a listed outlet ("antiwar.com"), or a
    name whose letters spell a listed domain's name ("Business Standard" ->
    business-standard.com). A single common word counts only as a listed name."""
    name = " ".join(name.split()).strip(" .,:;|")
    if not name:
        return None
    listed = agency(name) or OUTLET_BY_NAME.get(_norm(name))
    if listed:
        return listed
    dm = _DOMAIN.match(name)
    if dm:
        dom = dm.group(1).lower()
        parts = dom.split(".")
        if any(".".join(parts[i:]) in OUTLET_DOMAINS for i in range(len(parts) - 1)):
            return name
        label = domain_label(dom)
        return (OUTLET_BY_LABEL[label] or name) if label in OUTLET_BY_LABEL else None
    if is_common_word(name):
        return None
    compact = _compact(name)
    if len(compact) < (2 if name.isupper() else 3):
        return None
    bare = re.sub(r"(?:news|online|com)$", "", compact)
    keys = (compact, compact.removeprefix("the"), "the" + compact, compact + "news", bare)
    for key in keys:
        if key in OUTLET_BY_LABEL:
            return OUTLET_BY_LABEL[key] or name
    return None
