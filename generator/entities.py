"""Entities across briefings: which actors of different records are one entity, and the
reviewed entity registry (`briefings/entities.yaml`) that overrules every guess.

Records name their actors as their texts do, so one entity comes under several names
("Apple", "Apple Inc.", "Apple Computer"; "Putin", "Vladimir Putin"; "UN", "United
Nations"). `resolve` groups the actor mentions of all records into entities:

1. the registry first: a name or alias it lists is its entity; a name in `not_actors` is
   no actor; a name in an entity's `not_same_as` never joins that entity;
2. one name key, one entity (case, accents, punctuation and a leading "the" do not count);
3. organisations whose names are equal once trailing words of the lexicon list
   `org_suffixes` are dropped (and
   "-isation" is read as "-ization") ("Apple Computer", "Apple Inc." and "Apple");
4. an alias a record gives an actor joins another record's actor of that name when the
   alias is an acronym of the actor's name ("UN" of "United Nations") or, for a country,
   one of the country's names in the gazetteer; a part of the name ("Helsinki" of
   "University of Helsinki") is not enough, and a city or place is never taken for a
   country (Moscow is not Russia); an alias two entities claim joins neither;
5. a surname alone ("Putin", "Bush", "de la Cruz") joins the one person whose name ends
   with it: the one in the same briefing if there is one, else the one on the whole site;
   when two or more fit, it stays apart (a full name never joins a longer one).

Names of different types never join (person, organisation, place or country, other; a
country and a place are compatible only when they share a name), and an entity takes the
type most of its mentions give it. Its display name is the registry's name, else the most
used of its full forms (a form that is not the surname, suffix-less base or acronym of
another of its forms).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .extract import gazetteer
from .extract.lexicon import name_key as _lexicon_name_key
from .extract.lexicon import word_set
from .problems import Problem, display_path, problem_from_error
from .records import REGISTRY_ID, read_record

#: The registry's file, in the records folder. No seed may produce a record of this name.
REGISTRY_NAME = f"{REGISTRY_ID}.yaml"
TYPES = ("person", "organization", "country", "place", "other")
_ENTITY_KEYS = ("name", "type", "aliases", "not_same_as")
_TOP_KEYS = ("entities", "not_actors")
DOC = "docs/reviewing.md"


_KEYS: dict[str, str] = {}
"""Name → key: each name is keyed many times per render, and the render cache keeps them for
the next render (`remember_keys`)."""


def key(name: str) -> str:
    """The name key (see `generator.extract.lexicon.name_key`)."""
    found = _KEYS.get(name)
    if found is None:
        found = _KEYS[name] = _lexicon_name_key(name)
    return found


def remember_keys(keys: dict[str, str]) -> None:
    """Keys made by an earlier run of the same generator (the render cache checks that)."""
    _KEYS.update({n: k for n, k in keys.items() if isinstance(n, str) and isinstance(k, str)})


def known_keys() -> dict[str, str]:
    return dict(_KEYS)


def type_class(kind: str) -> str:
    """The class two types must share to be one entity: country and place are one class."""
    return "geo" if kind in ("country", "place") else kind


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class RegistryEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    not_same_as: tuple[str, ...] = ()
    line: int | None = None

    @property
    def keys(self) -> list[str]:
        return [k for k in (key(n) for n in (self.name, *self.aliases)) if k]

    @property
    def blocked(self) -> frozenset[str]:
        return frozenset(k for k in map(key, self.not_same_as) if k)


@dataclass
class Registry:
    """The valid part of a registry file (entries with a problem are left out), and the
    problems `briefings check` reports about it."""

    entities: list[RegistryEntity] = field(default_factory=list)
    not_actors: frozenset[str] = frozenset()
    """Name keys of names that are never actors."""
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key = {k: e for e in self.entities for k in e.keys}

    def entity(self, name: str) -> RegistryEntity | None:
        """The registry entity a name (or alias) belongs to."""
        return self._by_key.get(key(name))

    def is_not_actor(self, name: str) -> bool:
        return key(name) in self.not_actors

    def __bool__(self) -> bool:
        return bool(self.entities or self.not_actors)


def registry_path(records_dir: Path) -> Path:
    return records_dir / REGISTRY_NAME


def is_registry_file(path: Path) -> bool:
    """Whether a file in the records folder is the registry (never a record)."""
    return path.stem == REGISTRY_ID and path.suffix in (".yaml", ".yml")


def load_registry(records_dir: Path, root: Path | None = None) -> Registry:
    """The registry of a records folder: empty if there is none. Never raises: what is wrong
    in it is in `problems` (one per line of the file) and left out of the result."""
    path = registry_path(records_dir)
    if not path.is_file():
        alt = path.with_suffix(".yml")
        if not alt.is_file():
            return Registry()
        path = alt
    file = display_path(path, root) if root is not None else str(path)
    try:
        loaded = read_record(path)
    except BriefingError as exc:
        return Registry(problems=[problem_from_error(exc, file)])
    return parse_registry(loaded.data, loaded.line, file)


def parse_registry(data: Any, line: Any = None, file: str = REGISTRY_NAME) -> Registry:
    """A registry from parsed YAML; `line(keypath)` gives a key path's line."""
    problems: list[Problem] = []

    def add(keypath: str, message: str) -> None:
        problems.append(Problem(file, line(keypath) if line else None, keypath, message))

    if data is None:
        return Registry()
    if not isinstance(data, dict):
        add(
            "",
            "is not a mapping; the registry holds 'entities:' (a list) and optionally "
            f"'not_actors:' (see {DOC})",
        )
        return Registry(problems=problems)
    for k in data:
        if k not in _TOP_KEYS:
            add(
                str(k),
                f"unknown key '{k}'; the registry holds only 'entities:' and 'not_actors:' "
                f"(see {DOC})",
            )
    entities: list[RegistryEntity] = []
    claimed: dict[str, tuple[str, str]] = {}  # key -> (name, keypath)
    raw = data.get("entities")
    if raw is not None and not isinstance(raw, list):
        add("entities", "must be a list of entities, each '- name: ...' with type and aliases")
        raw = []
    for i, item in enumerate(raw or []):
        where = f"entities[{i}]"
        entity = _entity(item, where, add)
        if entity is None:
            continue
        ok = True
        for j, form in enumerate((entity.name, *entity.aliases)):
            sub = f"{where}.name" if j == 0 else f"{where}.aliases[{j - 1}]"
            k = key(form)
            if k in claimed and claimed[k][1].split(".")[0] != where:
                other, other_path = claimed[k]
                add(
                    sub,
                    f"'{form}' is claimed by two entities (also by '{other}' at line "
                    f"{line(other_path) if line else '?'}); keep it under one of them",
                )
                ok = False
            claimed.setdefault(k, (entity.name, sub))
        for j, form in enumerate(entity.not_same_as):
            if key(form) in entity.keys:
                add(
                    f"{where}.not_same_as[{j}]",
                    f"'{form}' is both a name of '{entity.name}' and in its not_same_as; "
                    "remove it from one of them",
                )
                ok = False
        if ok:
            entities.append(entity)
    not_actors: set[str] = set()
    raw_not = data.get("not_actors")
    if raw_not is not None and not isinstance(raw_not, list):
        add("not_actors", "must be a list of names, e.g. not_actors: [Music Store]")
        raw_not = []
    for j, name in enumerate(raw_not or []):
        sub = f"not_actors[{j}]"
        if not isinstance(name, str) or not key(name):
            add(sub, "must be a name (a non-empty string)")
        elif key(name) in claimed:
            add(
                sub,
                f"'{name}' is a name of the entity '{claimed[key(name)][0]}' and in "
                "not_actors; remove it from one of them",
            )
        else:
            not_actors.add(key(name))
    return Registry(entities, frozenset(not_actors), problems)


def _names(value: Any, keypath: str, add: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if not isinstance(value, list):
        add(keypath, "must be a list of names, e.g. [Apple, Apple Computer]")
        return None
    out: list[str] = []
    for j, item in enumerate(value):
        if not isinstance(item, str) or not key(item):
            add(f"{keypath}[{j}]", "must be a name (a non-empty string)")
            return None
        out.append(item)
    return tuple(out)


def _entity(item: Any, where: str, add: Any) -> RegistryEntity | None:
    if not isinstance(item, dict):
        add(where, "must be a mapping: '- name: ...' with 'type:' and optionally 'aliases:'")
        return None
    ok = True
    for k in item:
        if k not in _ENTITY_KEYS:
            add(
                f"{where}.{k}",
                f"unknown key '{k}'; an entity has {', '.join(_ENTITY_KEYS)} (see {DOC})",
            )
            ok = False
    name = item.get("name")
    if not isinstance(name, str) or not key(name):
        add(f"{where}.name" if "name" in item else where, "needs 'name:', the entity's name")
        ok = False
    kind = item.get("type")
    if kind not in TYPES:
        add(
            f"{where}.type" if "type" in item else where,
            f"type {kind!r} is not one of {', '.join(TYPES)}; write one of them"
            if "type" in item
            else f"needs 'type:', one of {', '.join(TYPES)}",
        )
        ok = False
    aliases = _names(item.get("aliases"), f"{where}.aliases", add)
    not_same = _names(item.get("not_same_as"), f"{where}.not_same_as", add)
    if not ok or aliases is None or not_same is None:
        return None
    return RegistryEntity(str(name), str(kind), aliases, not_same)


def registry_problems(records_dir: Path, root: Path) -> list[Problem]:
    """What `briefings check` reports about the registry of a records folder."""
    return load_registry(records_dir, root).problems


# --------------------------------------------------------------------------- drafts


def apply_registry(record: dict[str, Any], registry: Registry | None) -> dict[str, Any]:
    """A draft as the registry has it: actors in `not_actors` dropped, an actor the registry
    knows renamed to its canonical name and type (the name the text used is kept among the
    aliases), and two actors that became one merged."""
    actors = record.get("actors")
    if not registry or not isinstance(actors, list):
        return record
    out: list[Any] = []
    at: dict[str, int] = {}
    for actor in actors:
        if not isinstance(actor, dict) or not isinstance(actor.get("name"), str):
            out.append(actor)
            continue
        name = actor["name"]
        if registry.is_not_actor(name):
            continue
        entity = registry.entity(name)
        if entity is not None:
            actor = dict(actor, name=entity.name, type=entity.type)
            aliases = [
                a for a in actor.get("aliases") or [] if isinstance(a, str) and a != entity.name
            ]
            if name not in aliases and name != entity.name:
                aliases.append(name)
            if aliases:
                actor["aliases"] = aliases
            else:
                actor.pop("aliases", None)
        k = key(actor["name"])
        if k in at:  # the same entity twice: the first keeps its place, gains the names
            first = out[at[k]]
            merged = [a for a in first.get("aliases") or [] if isinstance(a, str)]
            for a in [actor["name"], *(actor.get("aliases") or [])]:
                if isinstance(a, str) and a != first["name"] and a not in merged:
                    merged.append(a)
            out[at[k]] = dict(first, aliases=merged) if merged else first
            continue
        at[k] = len(out)
        out.append(actor)
    return dict(record, actors=out)


# --------------------------------------------------------------------------- resolution


_SUFFIXES = frozenset(_lexicon_name_key(w).replace(" ", "") for w in word_set("org_suffixes"))


def base_key(k: str) -> str:
    """A name key without trailing suffix words of organisations ("apple computer inc" →
    "apple"; dotted forms count: "s a" is "SA"; at least one word stays), with "-isation"
    spelt "-ization" ("world health organisation" → "world health organization")."""
    tokens = [re.sub(r"isation(s?)$", r"ization\1", t) for t in k.split()]
    while len(tokens) > 1:
        if tokens[-1] in _SUFFIXES:
            tokens.pop()
            continue
        run = 0
        while run < len(tokens) - 1 and len(tokens[-1 - run]) == 1:
            run += 1
        if run >= 2 and "".join(tokens[-run:]) in _SUFFIXES:
            del tokens[-run:]
            continue
        break
    return " ".join(tokens)


_ACRONYM = re.compile(r"^[A-Z](?:[A-Za-z]?\.?){1,7}$")
_MINOR = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "des", "du", "&", "to"})


def is_acronym_of(alias: str, name: str) -> bool:
    """Whether `alias` is the initials of `name` ("UN", "U.S." of "United States"; "IDF" of
    "Israel Defense Forces"), with or without its minor words."""
    compact = alias.replace(" ", "")
    if not _ACRONYM.match(compact) or sum(ch.isupper() for ch in compact) < 2:
        return False
    letters = "".join(ch for ch in compact if ch.isalpha()).upper()
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalnum()]
    if len(words) < 2:
        return False
    full = "".join(w[0] for w in words).upper()
    major = "".join(w[0] for w in words if w.casefold() not in _MINOR).upper()
    return letters in (full, major)


@dataclass
class _Mention:
    record: int
    index: int
    name: str
    type: str
    role: str
    aliases: list[str]
    key: str
    group: int = -1


@dataclass
class Entity:
    """One entity of the site: its mentions (at most one per record) and its names."""

    name: str
    type: str
    names: list[str]
    """Every form its mentions use, sorted."""
    mentions: list[tuple[int, int]]
    """(record index, actor index) of each mention, in record order; one per record."""
    keys: list[str] = field(default_factory=list)
    """The name keys that lead to this entity anywhere on the site (links)."""


@dataclass
class Resolution:
    entities: list[Entity]
    """Most-mentioned first."""
    of: dict[tuple[int, int], int]
    """(record index, actor index) → entity index, for every actor that is one."""
    overrides: dict[int, dict[str, int]]
    """record index → {name key → entity index} where a record's name means another
    entity than the same name elsewhere (a surname resolved in its briefing)."""


class _Groups:
    """Union-find over name keys that refuses unions the types or the registry forbid."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.classes: dict[str, Counter[str]] = {}
        self.registry: dict[str, RegistryEntity | None] = {}
        self.blocked: dict[str, frozenset[str]] = {}
        self.members: dict[str, set[str]] = {}

    def add(self, k: str, classes: Counter[str], entity: RegistryEntity | None) -> None:
        self.parent[k] = k
        self.classes[k] = Counter(classes)
        self.registry[k] = entity
        self.blocked[k] = entity.blocked if entity else frozenset()
        self.members[k] = {k}

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def cls(self, k: str) -> str:
        root = self.find(k)
        entity = self.registry[root]
        if entity is not None:
            return type_class(entity.type)
        counts = self.classes[root]
        return max(sorted(counts), key=lambda c: counts[c]) if counts else "other"

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.cls(ra) != self.cls(rb):
            return False
        ea, eb = self.registry[ra], self.registry[rb]
        if ea is not None and eb is not None and ea != eb:
            return False
        if self.blocked[ra] & self.members[rb] or self.blocked[rb] & self.members[ra]:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.classes[ra] += self.classes[rb]
        self.registry[ra] = ea or eb
        self.blocked[ra] = self.blocked[ra] | self.blocked[rb]
        self.members[ra] |= self.members.pop(rb)
        return True


def _country_alias_ok(alias: str, name: str, kind: str, alias_kind: str | None) -> bool:
    """Whether an alias may join a country or a place: a country only takes the names the
    gazetteer gives it (never a city, a capital or a place), a place never a country."""
    if kind == "country":
        if alias_kind == "place" or gazetteer.capital_country(alias):
            return False
        own = gazetteer.country(name)
        return own is not None and (
            gazetteer.country(alias) == own or gazetteer.demonym_country(alias) == own
        )
    if kind == "place":
        return alias_kind != "country" and gazetteer.country(alias) is None
    return True


def _is_part(alias_key: str, name_key: str) -> bool:
    """Whether every word of the alias is a word of the name (a part, not another name)."""
    return set(alias_key.split()) <= set(name_key.split())


_PARTICLES = frozenset(w.casefold() for w in word_set("name_particles"))


def is_surname(tokens: tuple[str, ...]) -> bool:
    """Whether a name key's words can be a surname alone: one word, after any lower-case
    particles ("putin", "de la cruz"); "george w bush" is a full name, not a surname."""
    return bool(tokens) and all(t in _PARTICLES for t in tokens[:-1])


def _majority(counts: Counter[str]) -> str:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def resolve(records: list[dict[str, Any]], registry: Registry | None = None) -> Resolution:
    """The entities of the actors of `records` (see the module docstring)."""
    registry = registry or Registry()
    mentions: list[_Mention] = []
    for r, rec in enumerate(records):
        actors = rec.get("actors")
        for i, actor in enumerate(actors if isinstance(actors, list) else []):
            if not isinstance(actor, dict):
                continue
            name = str(actor.get("name") or "")
            k = key(name)
            if not k or registry.is_not_actor(name):
                continue
            aliases = [str(a) for a in actor.get("aliases") or [] if isinstance(a, str)]
            entity = registry.entity(name)
            kind = str(actor.get("type") or "other")
            if entity is not None:
                k, kind = key(entity.name), entity.type
            mentions.append(_Mention(r, i, name, kind, str(actor.get("role") or ""), aliases, k))

    # Name keys: the nodes that unions join.
    node_types: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        node_types[m.key][m.type] += 1
    groups = _Groups()
    for k, types in node_types.items():
        groups.add(k, Counter({type_class(t): n for t, n in types.items()}), registry.entity(k))

    def node_kind(k: str) -> str | None:
        return _majority(node_types[k]) if k in node_types else None

    # 3. Organisations equal but for company suffixes.
    by_base: dict[str, list[str]] = defaultdict(list)
    for k in node_types:
        if groups.cls(k) == "organization":
            by_base[base_key(k)].append(k)
    for keys in by_base.values():
        for other in keys[1:]:
            groups.union(keys[0], other)

    # 4. Aliases the records give, where they name another record's actor (merge), or
    # no actor at all (a link only).
    claims: dict[str, set[str]] = defaultdict(set)
    link_claims: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        for alias in m.aliases:
            ak = key(alias)
            if not ak or ak == m.key:
                continue
            if registry.entity(alias) is not None or registry.is_not_actor(alias):
                continue
            if ak in node_types:
                if _alias_ok(alias, ak, m, node_kind(ak)):
                    claims[ak].add(m.key)
            elif _alias_ok(alias, ak, m, None) or (
                m.type == "person" and m.key.split()[-len(ak.split()) :] == ak.split()
            ):
                link_claims[ak].add(m.key)
    for ak, owners in sorted(claims.items()):
        if len({groups.find(o) for o in owners}) == 1:
            groups.union(next(iter(owners)), ak)

    # 5. Surnames: per mention, in its briefing first, then site-wide.
    person_roots: dict[str, bool] = {}

    def is_person(k: str) -> bool:
        root = groups.find(k)
        if root not in person_roots:
            person_roots[root] = groups.cls(root) == "person"
        return person_roots[root]

    person_ends: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k in node_types:
        if is_person(k):
            tokens = tuple(k.split())
            for j in range(1, len(tokens)):
                person_ends[tokens[j:]].add(k)
    by_record: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_record[m.record].append(m)
    moved: dict[int, str] = {}
    for n, m in enumerate(mentions):
        tokens = tuple(m.key.split())
        if m.type != "person" or tokens not in person_ends or not is_surname(tokens):
            continue
        if registry and registry.entity(m.name) is not None:
            continue
        size = len(tokens)
        here = {
            groups.find(o.key)
            for o in by_record[m.record]
            if o is not m
            and o.type == "person"
            and o.key.count(" ") >= size
            and tuple(o.key.split()[-size:]) == tokens
        }
        fits = here or {groups.find(k) for k in person_ends.get(tokens, ())}
        fits = {g for g in fits if is_person(g) and m.key not in groups.blocked[g]}
        if len(fits) == 1:
            target = next(iter(fits))
            if target != groups.find(m.key):
                moved[n] = target

    # Entities: one per group that keeps a mention.
    per_group: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(mentions):
        per_group[moved.get(n, groups.find(m.key))].append(n)
    order = sorted(per_group, key=lambda g: (-len({mentions[n].record for n in per_group[g]}), g))
    index = {g: e for e, g in enumerate(order)}
    entities: list[Entity] = []
    of: dict[tuple[int, int], int] = {}
    for g in order:
        picked: dict[int, int] = {}
        for n in per_group[g]:
            m = mentions[n]
            of[(m.record, m.index)] = index[g]
            if m.record not in picked or m.index < mentions[picked[m.record]].index:
                picked[m.record] = n
        forms = Counter(mentions[n].name for n in per_group[g])
        kinds = Counter(mentions[n].type for n in per_group[g])
        entity = groups.registry[g]
        entities.append(
            Entity(
                entity.name if entity else display_name(forms),
                entity.type if entity else _majority_type(kinds),
                sorted(forms),
                sorted((mentions[n].record, mentions[n].index) for n in picked.values()),
            )
        )
    # Links: each key leads where most of its mentions went; a record whose mention of a
    # key went elsewhere gets its own link for it.
    went: dict[str, Counter[int]] = defaultdict(Counter)
    for n, m in enumerate(mentions):
        went[key(m.name)][index[moved.get(n, groups.find(m.key))]] += 1
        if m.key != key(m.name):
            went[m.key][index[moved.get(n, groups.find(m.key))]] += 1
    lead: dict[str, int] = {k: _majority_int(c) for k, c in went.items()}
    for entity_def in registry.entities:
        g = key(entity_def.name)
        if g in node_types and groups.find(g) in index:
            for k in entity_def.keys:
                lead.setdefault(k, index[groups.find(g)])
    for ak, owners in sorted({**link_claims, **claims}.items()):
        roots = {groups.find(o) for o in owners}
        if len(roots) == 1 and (root := next(iter(roots))) in index:
            lead.setdefault(ak, index[root])
    overrides: dict[int, dict[str, int]] = defaultdict(dict)
    for n, m in enumerate(mentions):
        e = index[moved.get(n, groups.find(m.key))]
        if lead.get(key(m.name)) != e:
            overrides[m.record][key(m.name)] = e
    for k, e in lead.items():
        entities[e].keys.append(k)
    for entity_obj in entities:
        entity_obj.keys.sort()
    return Resolution(entities, of, dict(overrides))


def _majority_int(counts: Counter[int]) -> int:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _majority_type(kinds: Counter[str]) -> str:
    """The type most mentions give; a tie goes to the more specific (country before place,
    anything before other)."""
    rank = {t: i for i, t in enumerate(TYPES)}
    return sorted(kinds.items(), key=lambda kv: (-kv[1], rank.get(kv[0], 9), kv[0]))[0][0]


def _alias_ok(alias: str, ak: str, m: _Mention, alias_kind: str | None) -> bool:
    """Whether a record's alias is evidence enough to join another actor of that name."""
    if not any(ch.isupper() for ch in alias):
        return False  # "the alliance": a description, not a name
    if alias_kind is not None and type_class(alias_kind) != type_class(m.type):
        return False
    if m.type in ("country", "place") or alias_kind in ("country", "place"):
        return _country_alias_ok(alias, m.name, m.type, alias_kind) or (
            m.type != "country" and is_acronym_of(alias, m.name)
        )
    if is_acronym_of(alias, m.name):
        return True
    return not _is_part(ak, m.key)


def _short_of(form: str, other: str) -> bool:
    """Whether `form` is a shortened form of `other`: its last words (a surname), its
    suffix-less base, or its acronym."""
    a, b = key(form), key(other)
    if not a or a == b:
        return False
    ta, tb = a.split(), b.split()
    if len(ta) < len(tb) and tb[-len(ta) :] == ta:
        return True
    if base_key(b) == a or (base_key(a) == base_key(b) and len(ta) < len(tb)):
        return True
    return is_acronym_of(form, other)


def display_name(forms: Counter[str]) -> str:
    """The most used full form: forms of one name key count together, and a form that is
    the surname, suffix-less base or acronym of another form is not full. On a tie, the
    longest; then, among the spellings of that name, a plain one (no invisible characters,
    one script), one without a leading "the", the most used, the longest."""
    from .pages.catalog import lookalike

    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for form, n in forms.items():
        by_key[key(form)][form] += n
    spelt = {k: _spelling(c, lookalike) for k, c in by_key.items()}
    full = [k for k in by_key if not any(_short_of(spelt[k], spelt[o]) for o in by_key if o != k)]
    best = sorted(
        full or list(by_key),
        key=lambda k: (-sum(by_key[k].values()), -len(k), k),
    )[0]
    return spelt[best]


def _spelling(forms: Counter[str], lookalike: Any) -> str:
    return sorted(
        forms,
        key=lambda f: (
            lookalike(f) is not None,
            f.casefold().startswith("the "),
            -forms[f],
            -len(f),
            f,
        ),
    )[0]
