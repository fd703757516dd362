"""The site's sources: outlets, named sources and anonymous sources, merged across briefings,
and the Sources pages.

Every entry of a record's source chain is one of:

- an **outlet** (`original` or `republisher`): merged across briefings by name;
- a **named source**: a person or body the report quotes by a proper name ("Jens
  Stoltenberg", "Ministry of Education", "UNHCR"); merged across briefings by name;
- an **anonymous source**: one the report does not name, either marked `anonymous: true` or
  a generic phrase ("officials", "U.S. officials", "a FIFA spokesperson", "the presiding
  judge"); listed under its own briefing, never merged across briefings;
- a **fragment**: words that name no source at all ("the deal", "past year", "17 to 24",
  "He"); never listed (older drafts hold such entries; the record keeps them for its reviewer).

The words the rules need are in `source_words.yaml`, next to this module, and in the
extraction lexicon. A single capitalised word that may just start a sentence ("Deaths",
"Kestrel") is decided by how the site's own text writes it: a proper name if some quote writes
it capitalised inside a sentence, or if the records never write it in lower case more often
than capitalised inside a sentence.

Pages (under docs/sources/): an overview (`index.md`), the outlets (`outlets/`), the named
sources (`named/`) and the anonymous sources by briefing (`anonymous/`). A kind fits on one page
(`<kind>/index.md`) until it holds more than `LINES_PER_PAGE` lines; then its index links the
parts: a page per initial (outlets, named) or per year (anonymous), cut in numbered pages when
one is still too long. Each source lists its newest `BRIEFINGS_PER_SOURCE` briefings and
counts the others.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from markupsafe import Markup

from ..dates import sort_key
from ..extract import lexicon
from ..extract.plausible import is_anonymous
from .catalog import Mention, _most_common, _newest, _unique_slug, initial, name_key
from .context import SiteContext

#: List lines (a source's head, a briefing under it) a page holds before the kind is split.
LINES_PER_PAGE = 110
#: Briefings listed under one source; the older ones are counted.
BRIEFINGS_PER_SOURCE = 10
#: Anonymous sources listed under one briefing; the others are counted.
ANONYMOUS_PER_BRIEFING = 40
#: Outlets and named sources on the overview, most briefings first.
OVERVIEW_TOP = 25

OUTLET, NAMED, ANONYMOUS, FRAGMENT, CASE = "outlet", "named", "anonymous", "fragment", "case"
KIND_DIRS = {OUTLET: "outlets", NAMED: "named", ANONYMOUS: "anonymous"}


@dataclass
class Source:
    slug: str
    name: str
    counts: Counter[str]
    """Briefings in which it plays each role (`primary`, `original`, `republisher`)."""
    mentions: list[Mention]
    """One per briefing, newest first; `role` lists its roles there."""
    key: str = ""
    """What the briefing pages link it by (`source_key`)."""
    kind: str = NAMED
    """'outlet' (an original or a republisher somewhere), 'named' (a person or body the
    reports attribute information to by name) or 'anonymous' (a source the report does not
    name, one per briefing)."""
    page: str = ""
    """Its page, relative to docs/sources/ ("named/j.md")."""

    @property
    def briefing(self) -> Mention:
        """The (first) briefing that cites it: an anonymous source's only one."""
        return self.mentions[0]

    @property
    def href(self) -> Markup:
        """Its entry, relative to docs/sources/: the page and the anchor, percent-encoded."""
        page = "/".join(urllib.parse.quote(p, safe="-_.~") for p in self.page.split("/"))
        return Markup(f"{page}#src-{urllib.parse.quote(self.slug, safe='-_.~')}")


# --- telling names from phrases ----------------------------------------------------------


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    path = Path(__file__).with_name("source_words.yaml")
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuntimeError(
            f"{path}: cannot read the word lists ({exc}); restore the file"
        ) from None
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in data.values()
    ):
        raise RuntimeError(
            f"{path}: each list must hold words in quotes where YAML reads them "
            "as something else; fix the file"
        )
    out = {k: frozenset(w.casefold() for w in v) for k, v in data.items()}
    out["heads"] = (
        frozenset(
            w.casefold()
            for name in ("speaker_heads", "anaphoric_heads", "document_nouns", "statement_nouns")
            for w in lexicon.words(name)
        )
        | out["body_heads"]
        | out["collective_heads"]
    )
    return out


_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[\w.])?|&")
_NUMBERISH = re.compile(r"(?i)^(?:[\d.,%/–-]+|to|and|or|per|cent|percent|million|billion)$")
_POSSESSIVE = re.compile(r"['’]s?$")


def _bare(token: str) -> str:
    """A token without a possessive ending or a closing full stop, case-folded."""
    return _POSSESSIVE.sub("", token.rstrip(".")).casefold()


def _lower_word(token: str) -> bool:
    """A word written all in lower case ("officials"; not "eBay", "17" or "&")."""
    return token[:1].isalpha() and token[:1].islower() and not any(c.isupper() for c in token)


def _pronoun(token: str) -> bool:
    return token.casefold() in _words()["pronouns"] and not (len(token) > 1 and token.isupper())


def _has_head(tokens: list[str]) -> bool:
    """Whether a phrase's noun, before any "of", can speak or be cited: "a new study
    documenting iodine", "a UN commission of inquiry"; not "news of the police response"."""
    for tok in tokens:
        if tok.casefold() == "of":
            return False
        if _is_head(tok):
            return True
    return False


def _is_head(token: str) -> bool:
    return _bare(token) in _words()["heads"]


def _many(token: str) -> bool:
    """A head that names several: a plural ("officials") or a collective ("media")."""
    bare = _bare(token)
    return bare in _words()["collective_heads"] or (
        bare.endswith("s") and not bare.endswith("ss") and len(bare) > 3
    )


def _chunk(tokens: list[str]) -> tuple[list[str], bool]:
    """The part of a phrase that says who it is, up to a preposition or relative word that
    starts what it did ("officials | from both countries"); and whether anything follows."""
    cut = _words()["cut_words"]
    for i, tok in enumerate(tokens):
        if i and _lower_word(tok) and tok.casefold() in cut:
            return tokens[:i], True
    return tokens, False


@functools.lru_cache(maxsize=1 << 14)
def name_kind(name: str) -> str:
    """What a primary source's name is by its words alone: NAMED (a proper name),
    ANONYMOUS (a generic or unnamed speaker), FRAGMENT (no source at all) or CASE (one
    capitalised word that may only start a sentence: the site's text decides)."""
    words = _words()
    tokens = _TOKEN.findall(" ".join(str(name).split()))
    if not tokens or sum(ch.isalpha() for ch in name) < 2:
        return FRAGMENT
    if all(_NUMBERISH.match(t) for t in tokens):
        return FRAGMENT  # "17 to 24", "1,709"
    if _pronoun(tokens[0]):
        return FRAGMENT  # "He", "this report", "their lawyer"; not "US"
    the = tokens[0].casefold() == "the" and len(tokens) > 1
    if the:
        tokens = tokens[1:]
    chunk, tail = _chunk(tokens)
    first = tokens[0]
    if first.casefold() in words["quantifiers"] or _NUMBERISH.match(first):
        # "a spokesman", "two diplomats", "both ministers", "no injuries or deaths"
        return ANONYMOUS if _has_head(chunk[1:]) else FRAGMENT
    if _lower_word(first) and first.casefold() not in words["particles"]:
        # "officials", "the presiding judge", "the deal"; but "curator Elaine Gustafon"
        lead = 0
        while lead < len(tokens) and _lower_word(tokens[lead]):
            lead += 1
        if 0 < lead <= 2 and not tail and _proper_run(tokens[lead:]):
            return NAMED
        return ANONYMOUS if _has_head(chunk) else FRAGMENT
    if len(tokens) == 1:
        word = tokens[0]
        if _is_head(word):
            return ANONYMOUS  # "Officials", "Scientists", "Polls"
        if not the and word.isalpha() and word[1:].islower():
            return CASE  # "Deaths" or "Kestrel"
        return NAMED  # "UNHCR", "KenGen", "the Crown"
    lower = [
        i for i, t in enumerate(chunk) if _lower_word(t) and _bare(t) not in words["particles"]
    ]
    if not lower:
        return NAMED if not tail else FRAGMENT  # "Ministry of Education"; "Bolden to the crowd"
    if lower != list(range(lower[0], len(chunk))):
        return FRAGMENT  # lower-case words inside: "Lydia Chen of the Boston firm Chen"
    head = chunk[-1]
    if _is_head(head) and _many(head) or (_many(head) and not tail):
        return ANONYMOUS  # "U.S. officials", "South Korean media", "North Korean athletes"
    if _is_head(head) and not tail:
        return NAMED  # "New Zealand government", "Cornyn's statement"
    return FRAGMENT  # "Facebook co", "World Health Organization figures cited in the paper"


def _proper_run(tokens: list[str]) -> bool:
    """Capitalised words and name particles only, at least one capitalised."""
    particles = _words()["particles"]
    return any(not _lower_word(t) for t in tokens) and all(
        not _lower_word(t) or t.casefold() in particles for t in tokens
    )


def _outlet_name(name: str) -> bool:
    """Whether an outlet's name can be one: a capitalised name or a domain, not a number,
    a pronoun or a lower-case phrase."""
    tokens = _TOKEN.findall(" ".join(str(name).split()))
    if not tokens or sum(ch.isalpha() for ch in name) < 2:
        return False
    if all(_NUMBERISH.match(t) for t in tokens) or _pronoun(tokens[0]):
        return False
    if tokens[0].casefold() == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return any(not _lower_word(t) for t in tokens) or any("." in t[1:-1] for t in tokens)


def link_kind(link: dict[str, Any]) -> str:
    """What one source-chain entry is, from the entry alone (CASE: the site's text decides)."""
    return _link_kind(
        " ".join(str(link.get("name", "")).split()),
        link.get("anonymous") is True,
        link.get("role") in ("original", "republisher"),
        str(link.get("evidence", "")),
    )


@functools.lru_cache(maxsize=1 << 16)
def _link_kind(name: str, anonymous: bool, outlet: bool, evidence: str) -> str:
    """`link_kind` of what it reads of an entry (each entry is asked several times a render:
    by the catalogue, by its briefing's page and by the overview's count)."""
    if anonymous:
        return ANONYMOUS
    if outlet:
        return OUTLET if _outlet_name(name) else FRAGMENT
    kind = name_kind(name)
    if kind != FRAGMENT and is_anonymous(name, evidence):
        return ANONYMOUS  # "officials who asked not to be named", "a source familiar with"
    return kind


def source_key(link: dict[str, Any], briefing_id: str) -> str:
    """The key a source-chain link is merged by: its name's key, and for a source the seed
    does not name also its briefing, so that the same phrase from unrelated stories ("a
    person familiar with the talks", "officials") is never one source. Empty for a
    fragment, which no page lists."""
    kind = link_kind(link)
    key = name_key(str(link.get("name", "")))
    if not key or kind == FRAGMENT:
        return ""
    if kind == ANONYMOUS:
        key += "\x00" + briefing_id
    return key


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 40) : at].rstrip(" \t\"“‘'([*")
    return not before or before[-1] in ".!?:;\n•—–-|"


def _proper_by_use(candidates: dict[str, str], records: list[dict[str, Any]]) -> set[str]:
    """Which single capitalised words (by key; value: the word) the site's text writes as a
    proper name: capitalised inside a sentence at least as often as in lower case."""
    if not candidates:
        return set()
    pattern = re.compile(
        r"(?<![\w'’-])("
        + "|".join(re.escape(w) for w in sorted(set(candidates.values())))
        + r")(?![\w'’-])",
        re.IGNORECASE,
    )
    inside: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    text = "\n".join(_texts(records))  # one pass over all of it; a line starts a sentence
    for m in pattern.finditer(text):
        word = m.group(1)
        if word[0].islower():
            lower[word.casefold()] += 1
        elif not _sentence_start(text, m.start()):
            inside[word.casefold()] += 1
    return {
        key for key, word in candidates.items() if inside[word.casefold()] >= lower[word.casefold()]
    }


def _texts(records: list[dict[str, Any]]) -> Iterator[str]:
    for rec in records:
        yield str(rec.get("summary", ""))
        for part in ("actors", "timeline", "source_chain"):
            for item in rec.get(part, []) or []:
                if isinstance(item, dict):
                    if part == "timeline":
                        yield str(item.get("event", ""))
                    if item.get("evidence"):
                        yield str(item["evidence"])


# --- the catalogue ------------------------------------------------------------------------


@dataclass
class _Group:
    kind: str
    kinds: set[str] = field(default_factory=set)
    links: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def build_sources(records: list[dict[str, Any]]) -> list[Source]:
    """Every outlet, named and anonymous source, with the briefings in which it plays each
    role; fragments left out. Most briefings first. Anonymous sources are one per briefing
    and never merged across briefings."""
    groups: dict[str, _Group] = {}
    case_words: dict[str, str] = {}
    for rec in records:
        for link in rec.get("source_chain", []) or []:
            if not isinstance(link, dict):
                continue
            kind = link_kind(link)
            key = source_key(link, str(rec.get("id")))
            if not key:
                continue
            group = groups.setdefault(key, _Group(kind))
            group.kinds.add(kind)
            group.links.append((rec, link))
            if kind == CASE:
                case_words.setdefault(key, " ".join(str(link["name"]).split()))
    for group in groups.values():
        # An outlet anywhere is an outlet; a name written as a proper name anywhere is one.
        group.kind = next(k for k in (OUTLET, ANONYMOUS, NAMED, CASE) if k in group.kinds)
    proper = _proper_by_use(
        {k: w for k, w in case_words.items() if groups[k].kind == CASE}, records
    )
    for key in list(groups):
        group = groups[key]
        if group.kind == CASE:
            if key in proper or any(_written_inside(lnk) for _, lnk in group.links):
                group.kind = NAMED
            else:
                del groups[key]
    taken: set[str] = set()
    out = []
    for key in sorted(groups, key=lambda k: (-_briefings(groups[k]), k)):
        group = groups[key]
        name = _most_common(Counter(" ".join(str(lnk["name"]).split()) for _, lnk in group.links))
        roles: dict[str, set[str]] = defaultdict(set)
        recs: dict[str, dict[str, Any]] = {}
        for rec, lnk in group.links:
            rid = str(rec.get("id"))
            roles[rid].add(str(lnk.get("role", "")))
            recs.setdefault(rid, rec)
        counts: Counter[str] = Counter(role for rs in roles.values() for role in rs)
        mentions = _newest(
            [
                Mention(
                    rid, str(rec.get("title", "")), str(rec.get("date", "")), _roles(roles[rid])
                )
                for rid, rec in recs.items()
            ]
        )
        out.append(
            Source(_unique_slug(name, taken, "source"), name, counts, mentions, key, group.kind)
        )
    place(out)
    return out


def _briefings(group: _Group) -> int:
    return len({str(rec.get("id")) for rec, _ in group.links})


ROLE_ORDER = ("original", "republisher", "primary")


def _roles(roles: set[str]) -> str:
    return ", ".join(sorted(roles, key=lambda r: (ROLE_ORDER + (r,)).index(r)))


def _written_inside(link: dict[str, Any]) -> bool:
    """Whether the link's own quote writes its one-word name capitalised inside a sentence
    ("the Church denied")."""
    name = " ".join(str(link.get("name", "")).split())
    evidence = " ".join(str(link.get("evidence", "")).split())
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", evidence):
        if not _sentence_start(evidence, m.start()):
            return True
    return False


def anonymous_by_briefing(sources: list[Source]) -> list[tuple[Mention, list[Source]]]:
    """The anonymous sources grouped under the briefing that cites them, newest first."""
    groups: dict[str, tuple[Mention, list[Source]]] = {}
    for src in sources:
        if src.kind == ANONYMOUS:
            groups.setdefault(src.briefing.briefing_id, (src.briefing, []))[1].append(src)
    return sorted(
        groups.values(), key=lambda g: (sort_key(g[0].date), g[0].briefing_id), reverse=True
    )


# --- pages --------------------------------------------------------------------------------

T = TypeVar("T")


@dataclass
class Part(Generic[T]):
    """One page of a kind: its file stem under the kind's folder, the groups it holds (each
    an initial or a year with its items, in order), and its number when one group is cut
    into several pages (1 otherwise)."""

    stem: str
    groups: list[tuple[str, list[T]]]
    number: int = 1

    @property
    def items(self) -> list[T]:
        return [i for _, items in self.groups for i in items]

    @property
    def labels(self) -> tuple[str, str]:
        """The first and the last group on the page."""
        return self.groups[0][0], self.groups[-1][0]


def split(
    groups: Sequence[tuple[str, list[T]]], weight: Callable[[T], int], budget: int = LINES_PER_PAGE
) -> list[Part[T]]:
    """The pages of a kind: one (stem "index") if all its items fit the budget of lines; else
    pages of consecutive groups that together fit ("a-d", "e", ...), a group too long for one
    page cut into numbered pages ("s", "s-2", ...)."""
    groups = [(label, items) for label, items in groups if items]
    lines = {label: sum(weight(i) for i in items) for label, items in groups}
    if sum(lines.values()) <= budget:
        return [Part("index", list(groups))]
    parts: list[Part[T]] = []
    packed: list[tuple[str, list[T]]] = []

    def flush() -> None:
        if packed:
            first, last = packed[0][0], packed[-1][0]
            parts.append(Part(first if first == last else f"{first}-{last}", list(packed)))
            packed.clear()

    for label, items in groups:
        if lines[label] > budget:
            flush()
            chunk: list[T] = []
            used, number = 0, 1
            for item in items:
                if chunk and used + weight(item) > budget:
                    parts.append(Part(_stem(label, number), [(label, chunk)], number))
                    number, chunk, used = number + 1, [], 0
                chunk.append(item)
                used += weight(item)
            parts.append(Part(_stem(label, number), [(label, chunk)], number))
        else:
            if packed and sum(lines[lb] for lb, _ in packed) + lines[label] > budget:
                flush()
            packed.append((label, items))
    flush()
    return parts


def _stem(label: str, number: int) -> str:
    return label if number == 1 else f"{label}-{number}"


def _source_weight(src: Source) -> int:
    if len(src.mentions) == 1:
        return 1  # its one briefing on the same line
    shown = min(len(src.mentions), BRIEFINGS_PER_SOURCE)
    return 1 + shown + (1 if len(src.mentions) > shown else 0)


def _anon_weight(group: tuple[Mention, list[Source]]) -> int:
    shown = min(len(group[1]), ANONYMOUS_PER_BRIEFING)
    return 1 + shown + (1 if len(group[1]) > shown else 0)


def _by_initial(sources: Iterable[Source]) -> list[tuple[str, list[Source]]]:
    by: dict[str, list[Source]] = defaultdict(list)
    for src in sorted(sources, key=lambda s: (name_key(s.name), s.slug)):
        by[initial(src.name)].append(src)
    return sorted(by.items())


def _year(date: str) -> str:
    return date[:4] if date[:4].isdigit() else "undated"


def _by_year(
    groups: list[tuple[Mention, list[Source]]],
) -> list[tuple[str, list[tuple[Mention, list[Source]]]]]:
    by: dict[str, list[tuple[Mention, list[Source]]]] = {}
    for group in groups:  # newest first already; "undated" sorts last
        by.setdefault(_year(group[0].date), []).append(group)
    return list(by.items())


def place(sources: list[Source]) -> dict[str, list[Part[Any]]]:
    """Split each kind into its pages and set each source's `page`. Returns the parts by kind."""
    outlets = [s for s in sources if s.kind == OUTLET]
    named = [s for s in sources if s.kind == NAMED]
    parts: dict[str, list[Part[Any]]] = {
        OUTLET: split(_by_initial(outlets), _source_weight),
        NAMED: split(_by_initial(named), _source_weight),
        ANONYMOUS: split(_by_year(anonymous_by_briefing(sources)), _anon_weight),
    }
    for kind in (OUTLET, NAMED):
        for part in parts[kind]:
            for src in part.items:
                src.page = f"{KIND_DIRS[kind]}/{part.stem}.md"
    for part in parts[ANONYMOUS]:
        for _, group in part.items:
            for n, src in enumerate(group):
                # Past the cap a source is counted, not listed: nothing links to it.
                src.page = f"anonymous/{part.stem}.md" if n < ANONYMOUS_PER_BRIEFING else ""
    return parts


def _label(kind: str, label: str) -> str:
    if kind == ANONYMOUS:
        return "date not stated" if label == "undated" else label
    return "0–9 and others" if label == "0" else label.upper()


def _part_label(kind: str, part: Part[Any]) -> str:
    """What a page of a kind holds: "A", "A–D", "2024", "S (2)"."""
    first, last = (_label(kind, x) for x in part.labels)
    label = first if first == last else f"{first} – {last}"
    return f"{label} ({part.number})" if part.number > 1 else label


def pages(ctx: SiteContext) -> dict[str, str]:
    """The overview and the pages of each kind of source."""
    env, sources = ctx.env, ctx.sources
    parts = place(sources)
    outlets = [s for s in sources if s.kind == OUTLET]
    named = [s for s in sources if s.kind == NAMED]
    anonymous = [s for s in sources if s.kind == ANONYMOUS]

    def most(of: list[Source]) -> list[Source]:
        return sorted(of, key=lambda s: (-len(s.mentions), name_key(s.name)))[:OVERVIEW_TOP]

    out = {
        "sources/index.md": ctx.render(
            "sources/index.md",
            env.get_template("sources.md.j2"),
            outlets=most(outlets),
            named=[s for s in most(named) if len(s.mentions) > 1],
            totals={
                "outlets": len(outlets),
                "named": len(named),
                "anonymous": len(anonymous),
                "anonymous_briefings": len({s.briefing.briefing_id for s in anonymous}),
                "left_out": _left_out(ctx.records, {s.key for s in sources}),
            },
            parts={kind: _links(kind, ps) for kind, ps in parts.items()},
        )
    }
    titles = {OUTLET: "Outlets", NAMED: "Named sources", ANONYMOUS: "Anonymous sources"}
    for kind, kind_parts in parts.items():
        folder = KIND_DIRS[kind]
        template = env.get_template(
            "sources_anonymous.md.j2" if kind == ANONYMOUS else "sources_list.md.j2"
        )
        single = len(kind_parts) <= 1
        total = _count(kind, kind_parts)
        if not single:
            out[f"sources/{folder}/index.md"] = ctx.render(
                f"sources/{folder}/index.md",
                env.get_template("sources_parts.md.j2"),
                kind=kind,
                title=titles[kind],
                parts=_links(kind, kind_parts),
                total=total,
            )
        for part in kind_parts or [Part[Any]("index", [])]:
            title = titles[kind] if single else f"{titles[kind]}: {_part_label(kind, part)}"
            out[f"sources/{folder}/{part.stem}.md"] = ctx.render(
                f"sources/{folder}/{part.stem}.md",
                template,
                kind=kind,
                title=title,
                single=single,
                groups=[(_label(kind, label), items) for label, items in part.groups],
                cap=BRIEFINGS_PER_SOURCE,
                anon_cap=ANONYMOUS_PER_BRIEFING,
                total=total,
            )
    return out


def _count(kind: str, parts: list[Part[Any]]) -> int:
    if kind == ANONYMOUS:
        return sum(len(g[1]) for p in parts for g in p.items)
    return sum(len(p.items) for p in parts)


def _links(kind: str, parts: list[Part[Any]]) -> list[dict[str, Any]]:
    """What a kind's index links: each page with its label and how many it lists."""
    if len(parts) <= 1:
        return []
    return [
        {
            "stem": part.stem,
            "label": _part_label(kind, part),
            "count": sum(len(g[1]) for g in part.items) if kind == ANONYMOUS else len(part.items),
        }
        for part in parts
    ]


def _left_out(records: list[dict[str, Any]], listed: set[str]) -> int:
    """How many source-chain entries name no source (fragments): never listed."""
    return sum(
        1
        for rec in records
        for link in rec.get("source_chain", []) or []
        if isinstance(link, dict) and source_key(link, str(rec.get("id"))) not in listed
    )
