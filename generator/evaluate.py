"""Scoring fresh extraction against reviewed records (`briefings evaluate`).

The definitions are fixed so that figures compare across versions and corpora:

- actors: a predicted actor matches a gold actor when a name or alias of one equals a name or
  alias of the other after case-folding, dropping punctuation and a leading "the" (a country's
  common short forms count as its name), or, for people, when first and last tokens agree;
  each gold actor matches once. Predicted actors matching `optional_actors` (named in the
  text but not salient) count for nothing: neither a hit nor a false positive. Type accuracy
  is over matched pairs. Every predicted actor in `not_actors` is listed.
- timeline: a predicted event matches a gold event with the same EDTF date, qualifiers
  (~ ? %) ignored; gold events with `uncertain: true` are optional. Status accuracy is over
  matched pairs.
- source chain: the share of gold `original` and `republisher` links found by name, whether
  the original's date is right (absent when absent), the recall of the original's authors and
  the recall of `primary` links (at least half of a gold name's words shared).
- summary: ROUGE-1, ROUGE-2 and ROUGE-L F1 with stemming, and the word count. A gold file may
  give one `summary` or several reference `summaries`: `rouge1`, `rouge2`, `rougeL` are the mean
  over the references, `rouge1_best` etc. the best single reference.
- dates: the temporal expressions the extractor's `find_temporal` finds in the seed's readable
  text (what `briefings dates FILE --anchor D` prints for a .txt seed), resolved against the
  extracted record's `date` (a seed without one, refused or undated, finds nothing), against the
  gold `dates` ({text, value}, in document order; each gold text is located in the seed at its
  next whole-word occurrence). A found expression hits a gold date when their spans overlap and
  their values are equal: they cover the same days ("1930/1939" equals
  "1930-01-01/1939-12-31", "2006-02" equals "2006-02-01/2006-02-28", EDTF seasons 21-24 are
  northern spring to winter by months), qualifiers (~ ? %) dropped, an open or unknown interval
  end alike; values this cannot read (times, recurring months) must be the same string. An
  interval spanning two gold dates whose values are its two ends hits both, and a gold interval
  a/b is hit by two found expressions a and b inside its text. Each gold date is hit once.
  Precision counts the found expressions that hit; a found expression outside every gold date
  whose value is the publication date itself (a date line, "today": right, but not always
  annotated) counts neither way. Each row lists the gold dates missed and the found ones wrong.
- date: the record's `date` equals the gold `published` (else the gold `date`), exactly.
- title: the record's title equals the gold `title` after folding white space and case.

A gold file is a reviewed record (`status: reviewed`, its seed named by `seed.path`) or a partial
gold file without `status` (as in tests/data/wikinews/gold), whose seed is named by `seed.path`
if it has one, else it is the file of the same stem in the seed folder. Only the fields a gold
file has are scored; the others are None ("–" in the table) and left out of the means.
`optional_actors` and `not_actors` entries are names or {name, aliases} mappings.
"""

from __future__ import annotations

import datetime as dt
import re
import resource
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .records import list_records, read_record
from .seeds import Seed, is_seed_file, read_seed

METRICS = [
    "actor_p",
    "actor_r",
    "actor_f1",
    "type_acc",
    "event_p",
    "event_r",
    "event_f1",
    "status_acc",
    "outlets",
    "original_date",
    "original_authors",
    "primaries",
    "rouge1",
    "rouge2",
    "rougeL",
    "rouge1_best",
    "rouge2_best",
    "rougeL_best",
    "words",
    "dates_p",
    "dates_r",
    "dates_f1",
    "date",
    "title",
]


def norm(name: str) -> str:
    """Case-folded, accents and punctuation dropped, without a leading "the"."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w\s]", " ", text.replace("’", "").replace("'", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _country(name: str) -> str | None:
    from .extract import gazetteer

    return gazetteer.country(name)


def names_of(actor: dict[str, Any]) -> set[str]:
    """Every normalised form of an actor's name and aliases, countries by their canonical name."""
    out = set()
    for n in [actor.get("name", ""), *(actor.get("aliases") or [])]:
        out.add(norm(n))
        canon = _country(str(n))
        if canon:
            out.add(norm(canon))
    return out - {""}


def _person_match(a: str, b: str) -> bool:
    ta, tb = norm(a).split(), norm(b).split()
    return len(ta) > 1 and len(tb) > 1 and ta[0] == tb[0] and ta[-1] == tb[-1]


def actors_match(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if names_of(pred) & names_of(gold):
        return True
    if pred.get("type") == "person" or gold.get("type") == "person":
        return any(
            _person_match(a, b)
            for a in [pred.get("name", ""), *(pred.get("aliases") or [])]
            for b in [gold.get("name", ""), *(gold.get("aliases") or [])]
        )
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _as_actor(entry: Any) -> dict[str, Any]:
    """An `optional_actors`/`not_actors` entry: a bare name or a {name, aliases} mapping."""
    return dict(entry) if isinstance(entry, dict) else {"name": str(entry)}


def score_actors(pred: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    gold_actors = list(gold.get("actors") or [])
    optional = [_as_actor(n) for n in gold.get("optional_actors") or []]
    forbidden = [_as_actor(n) for n in gold.get("not_actors") or []]
    used: set[int] = set()
    tp = typed = 0
    counted = 0
    for a in pred:
        hit = next(
            (i for i, g in enumerate(gold_actors) if i not in used and actors_match(a, g)), None
        )
        if hit is not None:
            used.add(hit)
            tp += 1
            counted += 1
            typed += a.get("type") == gold_actors[hit].get("type")
        elif not any(actors_match(a, o) for o in optional):
            counted += 1
    p, r, f1 = _prf(tp, counted, len(gold_actors))
    bad = [a["name"] for a in pred if any(actors_match(a, f) for f in forbidden)]
    return {
        "actor_p": p,
        "actor_r": r,
        "actor_f1": f1,
        "type_acc": typed / tp if tp else None,
        "not_actors": bad,
    }


def _date(value: Any) -> str:
    return re.sub(r"[~?%]", "", str(value or ""))


def score_timeline(pred: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    events = list(gold.get("timeline") or [])
    used: set[int] = set()
    tp = statuses = optional_hits = 0
    for e in pred:
        hit = next(
            (
                i
                for i, g in enumerate(events)
                if i not in used and _date(g.get("date")) == _date(e.get("date"))
            ),
            None,
        )
        if hit is None:
            continue
        used.add(hit)
        if events[hit].get("uncertain"):
            optional_hits += 1
            continue
        tp += 1
        statuses += e.get("status") == events[hit].get("status")
    required = sum(1 for g in events if not g.get("uncertain"))
    p, r, f1 = _prf(tp, len(pred) - optional_hits, required)
    return {"event_p": p, "event_r": r, "event_f1": f1, "status_acc": statuses / tp if tp else None}


def _link_found(gold_name: str, links: list[dict[str, Any]]) -> dict[str, Any] | None:
    g = norm(gold_name)
    for link in links:
        n = norm(link.get("name", ""))
        if n and (n == g or f" {g} " in f" {n} " or f" {n} " in f" {g} "):
            return link
    return None


def score_sources(pred: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    chain = list(gold.get("source_chain") or [])
    outlets = [g for g in chain if g.get("role") in ("original", "republisher")]
    found = sum(
        1
        for g in outlets
        if _link_found(g["name"], [p for p in pred if p.get("role") != "primary"])
    )
    out: dict[str, Any] = {
        "outlets": found / len(outlets) if outlets else None,
        "original_date": None,
        "original_authors": None,
        "primaries": None,
    }
    original = next((g for g in chain if g.get("role") == "original"), None)
    if original:
        mine = next((p for p in pred if p.get("role") == "original"), None)
        out["original_date"] = float(_date((mine or {}).get("date")) == _date(original.get("date")))
        wanted = original.get("authors") or []
        if wanted:
            have = (mine or {}).get("authors") or []
            out["original_authors"] = sum(
                1 for w in wanted if any(norm(w) == norm(h) or _person_match(w, h) for h in have)
            ) / len(wanted)
    primaries = [g for g in chain if g.get("role") == "primary"]
    if primaries:
        mine_p = [set(norm(p["name"]).split()) for p in pred if p.get("role") == "primary"]
        hits = 0
        for g in primaries:
            words = set(norm(g["name"]).split())
            hits += any(len(words & m) * 2 >= len(words) for m in mine_p) if words else 0
        out["primaries"] = hits / len(primaries)
    return out


_ROUGE = ("rouge1", "rouge2", "rougeL")


def score_summary(pred: str, gold: str | list[str]) -> dict[str, Any]:
    """ROUGE F1 of `pred` against one reference or several: the mean and the best."""
    from rouge_score import rouge_scorer

    refs = [gold] if isinstance(gold, str) else [str(g) for g in gold] or [""]
    scorer = rouge_scorer.RougeScorer(list(_ROUGE), use_stemmer=True)
    each = [scorer.score(ref, pred) for ref in refs]
    out: dict[str, Any] = {}
    for key in _ROUGE:
        values = [s[key].fmeasure for s in each]
        out[key] = sum(values) / len(values)
        out[f"{key}_best"] = max(values)
    out["references"] = len(refs)
    out["words"] = len(pred.split())
    return out


_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # EDTF spring ... winter


def _days(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an EDTF date (year, month, day or season) covers."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    first, last = (1, 12) if not month else _SEASONS.get(month, (month, month))
    if day and first != last:
        return None  # a day of a season
    try:
        if day:
            one = dt.date(year, month, day)
            return one, one
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        end = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, first, 1), end
    except ValueError:
        return None


def _edtf_key(value: Any) -> str:
    """An EDTF value as the span of days it covers ("first/last", ".." for an open or unknown
    end), qualifiers dropped; a value this cannot read (times, recurring months, unspecified
    digits) stays as written."""
    text = _date(value).strip()
    ends = text.split("/", 1)
    spans = [None if end in ("", "..") else _days(end) for end in ends]
    if any(span is None and end not in ("", "..") for span, end in zip(spans, ends, strict=True)):
        return "/".join(end or ".." for end in ends)
    if len(ends) == 1 or all(span is None for span in spans):
        return f"{spans[0][0]}/{spans[0][1]}" if spans[0] else text
    lo, hi = spans
    return f"{lo[0] if lo else '..'}/{hi[1] if hi else '..'}"


def _ends(value: Any) -> tuple[str, str] | None:
    """The two ends of an interval value, each as a key; None for a single date."""
    text = _date(value).strip()
    if "/" not in text:
        return None
    lo, hi = text.split("/", 1)
    return _edtf_key(lo or ".."), _edtf_key(hi or "..")


def _locate(text: str, gold_dates: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Where each gold date's text is in the seed: the next whole-word occurrence after the
    previous gold date's (gold dates are in document order), else the first anywhere."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for g in gold_dates:
        words = str(g.get("text") or "").split()
        if not words:
            spans.append(None)
            continue
        pat = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
        m = pat.search(text, cursor) or pat.search(text)
        spans.append((m.start(), m.end()) if m else None)
        if m and m.start() >= cursor:
            cursor = m.end()
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def score_dates(
    found: list[tuple[int, int, str]], gold: dict[str, Any], text: str
) -> dict[str, Any]:
    """Dates P/R/F1 of found (start, end, EDTF value) expressions against gold `dates`."""
    gold_dates = [g for g in gold.get("dates") or [] if isinstance(g, dict)]
    spans = _locate(text, gold_dates)
    keys = [_edtf_key(g.get("value")) for g in gold_dates]
    hit_gold: set[int] = set()
    hit_found: set[int] = set()

    def free_gold(
        span: tuple[int, int], key: str, skip: frozenset[int] = frozenset()
    ) -> int | None:
        return next(
            (
                i
                for i, k in enumerate(keys)
                if i not in hit_gold and i not in skip and k == key and _overlaps(span, spans[i])
            ),
            None,
        )

    for n, (s, e, value) in enumerate(found):
        i = free_gold((s, e), _edtf_key(value))
        if i is not None:
            hit_gold.add(i)
            hit_found.add(n)
    # Granularity: one side's interval may be the other side's two ends.
    for n, (s, e, value) in enumerate(found):
        pair = _ends(value)
        if n in hit_found or pair is None:
            continue
        lo, hi = pair
        i = free_gold((s, e), lo)
        j = free_gold((s, e), hi, frozenset({i})) if i is not None else None
        if i is not None and j is not None:
            hit_gold |= {i, j}
            hit_found.add(n)
    for i, g in enumerate(gold_dates):
        span, pair = spans[i], _ends(g.get("value"))
        if i in hit_gold or pair is None or span is None:
            continue
        lo, hi = pair
        inside = [
            n for n, (s, e, _) in enumerate(found) if n not in hit_found and _overlaps((s, e), span)
        ]
        a = next((n for n in inside if _edtf_key(found[n][2]) == lo), None)
        b = next((n for n in inside if n != a and _edtf_key(found[n][2]) == hi), None)
        if a is not None and b is not None:
            hit_gold.add(i)
            hit_found |= {a, b}
    # The publication date where the gold marks no date (a date line, "today") is right but
    # not annotated: it counts neither way.
    published = _edtf_key(gold.get("published", gold.get("date")))
    unmarked = {
        n
        for n, (s, e, value) in enumerate(found)
        if n not in hit_found
        and _edtf_key(value) == published
        and not any(_overlaps((s, e), span) for span in spans)
    }
    # One found interval may hit two gold dates and the other way round: precision counts
    # the found expressions that hit, recall the gold dates hit.
    p = _prf(len(hit_found), len(found) - len(unmarked), len(gold_dates))[0]
    r = _prf(len(hit_gold), len(found) - len(unmarked), len(gold_dates))[1]
    return {
        "dates_p": p,
        "dates_r": r,
        "dates_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "dates_found": len(found),
        "dates_gold": len(gold_dates),
        "dates_hit": len(hit_gold),
        "dates_missed": [
            {"text": g.get("text"), "value": g.get("value")}
            for i, g in enumerate(gold_dates)
            if i not in hit_gold
        ],
        "dates_wrong": [
            {"text": text[s:e], "value": value}
            for n, (s, e, value) in enumerate(found)
            if n not in hit_found and n not in unmarked
        ],
    }


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def find_dates(text: str, record_date: Any) -> list[tuple[int, int, str]]:
    """The temporal expressions of `text` resolved against the record's date; none without
    one (a refused or undated record)."""
    anchor = _iso_date(record_date)
    if anchor is None or not text:
        return []
    from .extract.temporal import find_temporal

    return [(t.start, t.end, t.value) for t in find_temporal(text, anchor)]


def _fold(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


def _none(*keys: str) -> dict[str, Any]:
    return dict.fromkeys(keys)


def score(
    pred: dict[str, Any], gold: dict[str, Any], text: str = "", name: str | None = None
) -> dict[str, Any]:
    """Every figure for one document; figures for fields the gold lacks are None. `text` is
    the seed's readable text (for `dates`), `name` the row's id when the gold has none."""
    out: dict[str, Any] = {"id": gold.get("id") or name}
    if "actors" in gold:
        out.update(score_actors(pred.get("actors") or [], gold))
    else:
        out.update(_none("actor_p", "actor_r", "actor_f1", "type_acc"), not_actors=[])
    if "timeline" in gold:
        out.update(score_timeline(pred.get("timeline") or [], gold))
    else:
        out.update(_none("event_p", "event_r", "event_f1", "status_acc"))
    if "source_chain" in gold:
        out.update(score_sources(pred.get("source_chain") or [], gold))
    else:
        out.update(_none("outlets", "original_date", "original_authors", "primaries"))
    refs = gold.get("summaries") if "summaries" in gold else gold.get("summary")
    if "summaries" in gold or "summary" in gold:
        refs = [str(r) for r in refs or []] if isinstance(refs, list) else str(refs or "")
        out.update(score_summary(str(pred.get("summary") or ""), refs))
    else:
        out.update(_none(*_ROUGE, *(f"{k}_best" for k in _ROUGE), "words"))
    if "dates" in gold:
        out.update(score_dates(find_dates(text, pred.get("date")), gold, text))
    else:
        out.update(_none("dates_p", "dates_r", "dates_f1"))
    wanted = gold.get("published", gold.get("date"))
    out["date"] = (
        float(str(pred.get("date") or "") == str(wanted))
        if "published" in gold or "date" in gold
        else None
    )
    out["title"] = (
        float(_fold(pred.get("title")) == _fold(gold["title"])) if "title" in gold else None
    )
    out["record_date"] = None if pred.get("date") is None else str(pred["date"])
    return out


@dataclass
class Report:
    rows: list[dict[str, Any]] = field(default_factory=list)
    mean: dict[str, Any] = field(default_factory=dict)
    seeds_per_second: float = 0.0
    peak_mb: float = 0.0

    @property
    def refused(self) -> int:
        """Seeds the extractor refused (scored as empty records)."""
        return sum(1 for r in self.rows if r.get("error"))

    @property
    def undated(self) -> int:
        """Records without a usable date (refused ones included)."""
        return sum(1 for r in self.rows if _iso_date(r.get("record_date")) is None)

    def as_json(self) -> dict[str, Any]:
        return {
            "documents": self.rows,
            "mean": self.mean,
            "refused": self.refused,
            "undated": self.undated,
            "speed": {"seeds_per_second": self.seeds_per_second, "peak_mb": self.peak_mb},
        }


def _mean(rows: list[dict[str, Any]]) -> dict[str, Any]:
    mean: dict[str, Any] = {"id": "mean"}
    for key in METRICS:
        values = [r[key] for r in rows if r.get(key) is not None]
        mean[key] = sum(values) / len(values) if values else None
    mean["not_actors"] = [n for r in rows for n in r.get("not_actors", [])]
    return mean


def _seed_by_stem(path: Path, seeds_dir: Path) -> Path:
    """The seed of a partial gold file: the one seed file in `seeds_dir` with its stem."""
    found = (
        sorted(p for p in seeds_dir.iterdir() if p.stem == path.stem and is_seed_file(p))
        if seeds_dir.is_dir()
        else []
    )
    if len(found) != 1:
        problem = (
            f"has no seed named {path.stem}.* in {seeds_dir}"
            if not found
            else f"has {len(found)} seeds named {path.stem}.* in {seeds_dir}"
        )
        raise BriefingError(
            path,
            problem,
            "pass the seed folder with --seeds, or keep one seed per gold file, named like it",
        )
    return found[0]


def gold_pairs(
    gold_dir: Path, seeds_dir: Path, reviewed_only: bool = True
) -> list[tuple[dict[str, Any], Path]]:
    """Reviewed records and partial gold files of a folder with their seed files. A partial
    gold file has no `status`; without `seed.path`, its seed is the file of the same stem in
    `seeds_dir`."""
    pairs = []
    for path in list_records(gold_dir):
        data = read_record(path).data
        if not isinstance(data, dict):
            continue
        partial = "status" not in data
        if partial:
            data = {**data, "id": data.get("id") or path.stem}
        seed_field = data.get("seed")
        named = seed_field.get("path") if isinstance(seed_field, dict) else None
        if partial and not named:
            pairs.append((data, _seed_by_stem(path, seeds_dir)))
            continue
        if reviewed_only and not partial and data.get("status") != "reviewed":
            continue
        rel = str(named or "")
        seed = seeds_dir.joinpath(*Path(rel).parts[1:])
        if not rel.startswith("seeds/") or not seed.is_file():
            raise BriefingError(
                path, f"its seed '{rel}' is not in {seeds_dir}", "pass the seed folder with --seeds"
            )
        pairs.append((data, seed))
    if not pairs:
        raise BriefingError(
            gold_dir,
            "holds no reviewed records or gold files to score against",
            "point --gold at a folder of records with status: reviewed, or of "
            "gold files named like their seeds",
        )
    return pairs


def evaluate(sets: list[tuple[Path, Path]], options: Any = None) -> Report:
    """Extract afresh the seed of every reviewed record of each (gold folder, seed folder)
    and score it."""
    from .drafts import draft_errors, repair_draft
    from .project import extractor

    pairs = [pair for gold_dir, seeds_dir in sets for pair in gold_pairs(gold_dir, seeds_dir)]
    extract = extractor()
    rows = []
    started = time.perf_counter()
    for gold, seed_path in pairs:
        text = ""
        try:
            seed: Seed = read_seed(seed_path, seed_path.parent.parent)
            text = seed.text
            draft = repair_draft(extract(seed, options), text)
            rows.append(
                {
                    **score(draft, gold, text),
                    "check_errors": [f"{k}: {m}" for k, m in draft_errors(draft, text)],
                }
            )
        except BriefingError as err:
            # A seed the extractor cannot read scores as an empty record, and says why.
            rows.append({**score({}, gold, text), "error": str(err)})
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Report(rows, _mean(rows), len(pairs) / elapsed if elapsed else 0.0, peak)


COLUMNS = [
    ("actor_p", "act P"),
    ("actor_r", "act R"),
    ("actor_f1", "act F1"),
    ("type_acc", "type"),
    ("event_p", "ev P"),
    ("event_r", "ev R"),
    ("event_f1", "ev F1"),
    ("status_acc", "status"),
    ("outlets", "outlets"),
    ("original_date", "orig date"),
    ("original_authors", "orig auth"),
    ("primaries", "primary"),
    ("rouge1", "R-1"),
    ("rouge1_best", "R-1 best"),
    ("rouge2", "R-2"),
    ("rougeL", "R-L"),
    ("words", "words"),
    ("dates_p", "dates P"),
    ("dates_r", "dates R"),
    ("dates_f1", "dates F1"),
    ("date", "date"),
    ("title", "title"),
]


def table(report: Report) -> str:
    """The per-document table, a mean row, the forbidden actors found and the speed."""
    width = max(len(str(r["id"])) for r in [*report.rows, report.mean])
    head = f"{'document':{width}} " + " ".join(f"{t:>9}" for _, t in COLUMNS)
    lines = [head, "-" * len(head)]
    for row in [*report.rows, report.mean]:
        if row is report.mean:
            lines.append("-" * len(head))
        cells = []
        for key, _ in COLUMNS:
            v = row.get(key)
            cells.append(
                f"{'–':>9}" if v is None else (f"{v:9.0f}" if key == "words" else f"{v:9.2f}")
            )
        lines.append(f"{str(row['id']):{width}} " + " ".join(cells))
    for row in report.rows:
        if row.get("error"):
            lines.append(f"not extracted (scored as empty): {row['error']}")
        for problem in row.get("check_errors", []):
            lines.append(f"{row['id']}: the draft fails check: {problem}")
    lines.append(
        f"refused: {report.refused} of {len(report.rows)}; without a date: {report.undated}"
    )
    bad = report.mean.get("not_actors") or []
    lines.append(f"actors from not_actors: {', '.join(bad) if bad else 'none'}")
    lines.append(
        f"speed: {report.seeds_per_second:.2f} seeds/s, peak memory {report.peak_mb:.0f} MB"
    )
    return "\n".join(lines)
