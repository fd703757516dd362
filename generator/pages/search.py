"""The site's search index: built from the records at render time, split so that a reader's
browser fetches only what a query needs (docs/assets/search.js reads it).

Layout under `search-data/` (all JSON, byte-identical for the same records):

- `manifest.json`: how many documents of each kind, the size of a metadata chunk, the
  words left out of queries, and the shards by token prefix (`{prefix: file}`).
- `t/<prefix>.json`: the tokens that start with the prefix (and with no longer prefix in the
  manifest), each with its postings `[doc, weight, doc - previous doc, weight, ...]`.
- `m/<n>.json`: documents n*CHUNK .. (n+1)*CHUNK-1, each
  `[kind as shown, title, path, date, date or period as shown, detail]`.

Documents are numbered briefings first (newest first), then entities (actors, the most
briefed first), then outlets; a lower number wins a tie. Tokens are folded (accents, case,
punctuation) and every whole name is also indexed as one token, so that "Apple" matches the
entity "Apple" as a whole name and "AppleInsider" only as a longer word starting with it.
A weight of `WHOLE` or more marks a whole-name match.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import human_date, sort_key
from .actor_pages import actor_url
from .context import SiteContext

FOLDER = "search-data"
#: Documents per metadata chunk.
CHUNK = 32
#: A shard larger than this (bytes of JSON) is split by one more character of prefix.
SHARD_BUDGET = 16_000
#: The longest prefix a shard is keyed by (a shard is not split past it).
MAX_PREFIX = 6
#: Words too common to find anything; left out of the index and of queries.
STOP = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he")
    + ("her", "his", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their")
    + ("they", "this", "to", "was", "were", "will", "with")
)
#: The weight of a whole-name match (added to the field weights).
WHOLE = 32
#: Briefing fields by weight; a token's weight in a briefing is the sum over its fields.
TITLE, ACTOR, TAG, OUTLET, SUMMARY = 8, 4, 4, 2, 1
#: An entity's or outlet's own name, and the words of its names.
NAME_WORD, ALIAS_WORD = 4, 2
SUMMARY_CHARS = 140
FORMAT = 1

_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, invisible characters or punctuation; words separated by
    one space. search.js folds queries the same way. (Names recur: folds are remembered.)"""
    text = str(text)
    if not text.isascii():
        text = "".join(
            ch
            for ch in unicodedata.normalize("NFKD", text)
            if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
        )
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def words(text: str) -> list[str]:
    """The indexed words of a text: folded, two characters or more, no stop words."""
    return [w for w in fold(text).split() if len(w) > 1 and w not in STOP]


def phrase(name: str) -> str:
    """A whole name as one token: folded, without a leading "the"."""
    parts = fold(name).split()
    if parts and parts[0] == "the":
        parts = parts[1:]
    return " ".join(parts)


@dataclass
class Index:
    docs: list[list[str]] = field(default_factory=list)
    postings: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])

    def add(self, kind: int, meta: list[str], fields: Iterable[tuple[str, int]]) -> None:
        """One document; `fields` are (token, weight); a token's weights are summed, each
        distinct (token, weight) once."""
        doc = len(self.docs)
        self.docs.append(meta)
        self.counts[kind] += 1
        seen: set[tuple[str, int]] = set()
        for token, weight in fields:
            if len(token) < 2 or (token, weight) in seen:
                continue
            seen.add((token, weight))
            here = self.postings[token]
            here[doc] = here.get(doc, 0) + weight

    def files(self) -> dict[str, str]:
        encoded = {t: _encode(p) for t, p in self.postings.items()}
        shards = self.shards(encoded)
        out: dict[str, str] = {}
        names: dict[str, str] = {}
        for prefix, tokens in sorted(shards.items()):
            name = shard_file(prefix)
            names[prefix] = name
            out[f"{FOLDER}/t/{name}.json"] = _json({t: encoded[t] for t in tokens})
        for n in range(0, len(self.docs), CHUNK):
            out[f"{FOLDER}/m/{n // CHUNK}.json"] = _json(self.docs[n : n + CHUNK])
        out[f"{FOLDER}/manifest.json"] = _json(
            {
                "format": FORMAT,
                "counts": self.counts,
                "chunk": CHUNK,
                "whole": WHOLE,
                "stop": sorted(STOP),
                "shards": names,
            }
        )
        return out

    def shards(self, encoded: dict[str, list[int]]) -> dict[str, list[str]]:
        """Tokens grouped by prefix: two characters, and one more wherever a group is larger
        than the budget (up to `MAX_PREFIX`). A token no longer than a prefix that was split
        stays under that prefix."""
        size = {t: len(_json({t: p}).encode("utf-8")) for t, p in encoded.items()}
        groups: dict[str, list[str]] = defaultdict(list)
        for token in sorted(self.postings):
            groups[token[:2]].append(token)
        out: dict[str, list[str]] = {}
        todo = list(groups.items())
        while todo:
            prefix, tokens = todo.pop()
            n = len(prefix)
            if n >= MAX_PREFIX or len(tokens) < 2 or sum(size[t] for t in tokens) <= SHARD_BUDGET:
                out[prefix] = tokens
                continue
            longer: dict[str, list[str]] = defaultdict(list)
            for token in tokens:
                if len(token) > n:
                    longer[token[: n + 1]].append(token)
                else:
                    out[prefix] = [token]
            todo += longer.items()
        return out


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _encode(postings: dict[int, int]) -> list[int]:
    """[doc, weight, gap to the next doc, weight, ...] in document order."""
    out: list[int] = []
    last = 0
    for doc in sorted(postings):
        out += [doc - last, postings[doc]]
        last = doc
    return out


def shard_file(prefix: str) -> str:
    """A file name for a prefix: letters a-z and digits as they are, anything else as
    `_<hex code point>`."""
    return "".join(
        ch if ("a" <= ch <= "z" or "0" <= ch <= "9") else f"_{ord(ch):x}" for ch in prefix
    )


def shard_of(token: str, prefixes: Iterable[str]) -> str:
    """The shard holding a token: its longest prefix among the shard keys."""
    best = ""
    for p in prefixes:
        if token.startswith(p) and len(p) > len(best):
            best = p
    return best


def _excerpt(text: str, limit: int = SUMMARY_CHARS) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _period(dates: list[str]) -> tuple[str, str, str]:
    """(newest date, newest date as shown, the years covered)."""
    ordered = sorted(dates, key=sort_key)
    last = ordered[-1]
    years = sorted({sort_key(d)[:4] for d in ordered})
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return last, human_date(last), span


def outlet_path(slug: str) -> str:
    """Where an outlet is listed on the site."""
    return f"sources/#src-{slug}"


def build_index(ctx: SiteContext) -> Index:
    index = Index()
    for rec in ctx.records:
        fields: list[tuple[str, int]] = []
        fields += [(w, TITLE) for w in words(str(rec["title"]))]
        for actor in rec.get("actors", []):
            for name in [actor.get("name"), *actor.get("aliases", [])]:
                if name:
                    fields += [(w, ACTOR) for w in words(str(name))]
                    fields.append((phrase(str(name)), ACTOR + WHOLE))
        for tag in rec.get("tags", []):
            fields += [(w, TAG) for w in words(str(tag))]
            fields.append((phrase(str(tag)), TAG + WHOLE))
        outlets = [
            str(s["name"])
            for s in rec.get("source_chain", [])
            if s.get("role") in ("original", "republisher") and s.get("name")
        ]
        for name in outlets:
            fields += [(w, OUTLET) for w in words(name)]
        fields += [(w, SUMMARY) for w in words(str(rec.get("summary", "")))]
        date = str(rec["date"])
        fields.append((sort_key(date)[:4], SUMMARY))
        detail = _excerpt(str(rec.get("summary", "")))
        if outlets:
            detail = f"{outlets[0]}: {detail}"
        meta = [
            "briefing",
            str(rec["title"]),
            f"briefings/{rec['id']}/",
            date,
            human_date(date),
            detail,
        ]
        index.add(0, meta, fields)
    for actor in ctx.actors:
        fields = [(phrase(actor.name), NAME_WORD + WHOLE)]
        fields += [(w, NAME_WORD) for w in words(actor.name)]
        for alias in actor.names:
            if phrase(alias) != phrase(actor.name):
                fields.append((phrase(alias), ALIAS_WORD + WHOLE))
                fields += [(w, ALIAS_WORD) for w in words(alias)]
        last, shown, span = _period([m.date for m in actor.mentions] or ["0000"])
        detail = f"{_plural(len(actor.mentions), 'briefing')}, the latest {shown}"
        index.add(1, [actor.type, actor.name, actor_url(actor), last, span, detail], fields)
    for src in ctx.sources:
        if src.kind != "outlet":
            continue
        fields = [(phrase(src.name), NAME_WORD + WHOLE)]
        fields += [(w, NAME_WORD) for w in words(src.name)]
        briefings = {m.briefing_id for m in src.mentions}
        last, shown, span = _period([m.date for m in src.mentions] or ["0000"])
        detail = f"{_plural(len(briefings), 'briefing')}, the latest {shown}"
        index.add(2, ["outlet", src.name, outlet_path(src.slug), last, span, detail], fields)
    return index


def pages(ctx: SiteContext) -> dict[str, str]:
    """The search index's files under search-data/."""
    return build_index(ctx).files()


# ---- what a reader's browser fetches (the same routing and ranking as search.js) ----


def _parse(query: str) -> tuple[list[str], str]:
    every = fold(query).split()
    named = every[1:] if every[:1] == ["the"] else every
    return [w for w in every if len(w) > 1 and w not in STOP], " ".join(named)


def shard_keys(s: str, keys: Iterable[str]) -> list[str]:
    """The shards holding every token that starts with `s` (search.js: shardKeys)."""
    keys = sorted(keys)
    best = shard_of(s, keys)
    return ([best] if best else []) + [k for k in keys if len(k) > len(s) and k.startswith(s)]


def needed(query: str, manifest: dict[str, Any]) -> list[str]:
    """The shard keys a query fetches (search.js: needed)."""
    found, name = _parse(query)
    strings = found + ([name] if " " in name else [])
    return sorted({k for s in strings if len(s) > 1 for k in shard_keys(s, manifest["shards"])})


def _scan(
    s: str, manifest: dict[str, Any], shards: dict[str, Any]
) -> Iterable[tuple[str, int, int]]:
    for key in shard_keys(s, manifest["shards"]):
        for token, flat in shards.get(key, {}).items():
            if token.startswith(s):
                doc = 0
                for i in range(0, len(flat), 2):
                    doc += flat[i]
                    yield token, doc, flat[i + 1]


def rank(
    query: str, manifest: dict[str, Any], shards: dict[str, Any]
) -> list[list[dict[str, int]]]:
    """Briefings, entities and outlets that match, each ranked (search.js: rank)."""
    found_words, name = _parse(query)
    whole = manifest["whole"]
    out: list[list[dict[str, int]]] = [[], [], []]
    if not found_words:
        return out
    found: dict[int, dict[str, int]] | None = None
    for w in found_words:
        best: dict[int, dict[str, int]] = {}
        for token, doc, weight in _scan(w, manifest, shards):
            if " " in token:
                continue
            exact = token == w
            score = (weight % whole) * (2 if exact else 1)
            had = best.setdefault(doc, {"score": 0, "exact": 0, "named": 0})
            had["score"] = max(had["score"], score)
            had["exact"] |= exact
            had["named"] |= exact and weight >= whole and len(found_words) == 1 and name == w
        if found is None:
            found = best
        else:
            found = {
                d: {
                    "score": found[d]["score"] + best[d]["score"],
                    "exact": found[d]["exact"] & best[d]["exact"],
                    "named": 0,
                }
                for d in found
                if d in best
            }
    assert found is not None
    if " " in name:
        phrased: set[int] = set()
        for token, doc, weight in _scan(name, manifest, shards):
            hit = found.get(doc)
            if hit is None:
                continue
            if token == name and weight >= whole:
                hit["named"] = 1
                hit["score"] += 20
            elif doc not in phrased:
                phrased.add(doc)
                hit["score"] += 10
    nb, ne = manifest["counts"][0], manifest["counts"][1]
    for doc, hit in found.items():
        kind = 0 if doc < nb else 1 if doc < nb + ne else 2
        tier = 0 if hit["named"] else 1 if hit["exact"] else 2
        out[kind].append({"doc": doc, "tier": tier, "score": hit["score"]})
    for items in out:
        items.sort(key=lambda it: (it["tier"], -it["score"], it["doc"]))
    return out


#: How many results of each kind the search box shows at first (search.js: LIMITS).
LIMITS = (10, 5, 3)


def fetched(folder: Path, query: str) -> list[str]:
    """The files under `folder` (a built search-data/) that the search box fetches for a
    query: the manifest, the shards of its words, the metadata of the results it shows."""
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    keys = needed(query, manifest)
    files = ["manifest.json"] + [f"t/{manifest['shards'][k]}.json" for k in keys]
    shards = {
        k: json.loads((folder / f).read_text("utf-8")) for k, f in zip(keys, files[1:], strict=True)
    }
    shown = [
        it
        for items, n in zip(rank(query, manifest, shards), LIMITS, strict=True)
        for it in items[:n]
    ]
    files += [f"m/{c}.json" for c in sorted({it["doc"] // manifest["chunk"] for it in shown})]
    return files


def measure(folder: Path) -> dict[str, Any]:
    """Sizes of a built index (bytes, and gzipped as a web server sends them) and what typical
    queries fetch: the names of the 30 most-briefed entities, their last words, and two long
    words of the titles of 30 briefings spread over the site."""
    sizes = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.json"))
    }
    zipped = {k: len(gzip.compress(v, 9)) for k, v in sizes.items()}
    manifest = json.loads(sizes["manifest.json"])
    chunk, (nb, ne, _no) = manifest["chunk"], manifest["counts"]

    def title(n: int) -> str:
        return str(json.loads(sizes[f"m/{n // chunk}.json"])[n % chunk][1])

    names = [title(nb + i) for i in range(min(30, ne))]
    queries = names + [n.split()[-1] for n in names if n.split()]
    for i in range(min(30, nb)):
        long_words = [w for w in title(i * nb // min(30, nb)).split() if len(w) > 4]
        if long_words:
            queries.append(" ".join(long_words[:2]))
    per_query = sorted(
        (sum(len(sizes[f]) for f in files), sum(zipped[f] for f in files), len(files))
        for files in (fetched(folder, q) for q in queries)
    )
    shards = {k: len(v) for k, v in sizes.items() if k.startswith("t/")}
    biggest = max(shards, key=lambda k: shards[k])
    mid = per_query[len(per_query) // 2]
    return {
        "documents": manifest["counts"],
        "files": len(sizes),
        "bytes": sum(len(v) for v in sizes.values()),
        "gzip": sum(zipped.values()),
        "shards": len(shards),
        "largest_shard": [biggest, shards[biggest], zipped[biggest]],
        "largest_chunk": max(len(v) for k, v in sizes.items() if k.startswith("m/")),
        "manifest": len(sizes["manifest.json"]),
        "queries": len(per_query),
        "query_median": {"bytes": mid[0], "gzip": mid[1], "files": mid[2]},
        "query_p90_bytes": per_query[len(per_query) * 9 // 10][0],
        "query_max_bytes": per_query[-1][0],
    }


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:] or ["docs/search-data"]:
        print(arg, json.dumps(measure(Path(arg))))
