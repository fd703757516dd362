"""Scoring fresh extraction against reviewed records (`briefings evaluate`).

The definitions are fixed so that figures compare across versions and corpora:

- actors: a predicted actor matches a gold actor when a name or alias of one equals a name or
  alias of the other after case-folding, dropping punctuation and a leading "the" (a country's
  common short forms count as its name), or, for people, when first and last tokens agree;
  each gold actor matches once. Predicted actors matching `optional_actors` count for
  nothing. Type accuracy is over matched pairs. Every predicted actor in `not_actors` is listed.
- timeline: a predicted event matches a gold event with the same EDTF date, qualifiers
  (~ ? %) ignored; gold events with `uncertain: true` are optional. Status accuracy is over
  matched pairs.
- source chain: the share of gold `original` and `republisher` links found by name, whether
  the original's date is right (absent when absent), the recall of the original's authors and
  the recall of `primary` links (at least half of a gold name's words shared).
- summary: ROUGE-1, ROUGE-2 and ROUGE-L F1 with stemming, and the word count.
"""

from __future__ import annotations

import re
import resource
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .records import list_records, read_record
from .seeds import Seed, read_seed

METRICS = ["actor_p", "actor_r", "actor_f1", "type_acc", "event_p", "event_r", "event_f1",
           "status_acc", "outlets", "original_date", "original_authors", "primaries",
           "rouge1", "rouge2", "rougeL", "words"]


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
        return any(_person_match(a, b) for a in [pred.get("name", ""), *(pred.get("aliases") or [])]
                   for b in [gold.get("name", ""), *(gold.get("aliases") or [])])
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_actors(pred: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    gold_actors = list(gold.get("actors") or [])
    optional = [{"name": n} for n in gold.get("optional_actors") or []]
    forbidden = [{"name": n} for n in gold.get("not_actors") or []]
    used: set[int] = set()
    tp = typed = 0
    counted = 0
    for a in pred:
        hit = next((i for i, g in enumerate(gold_actors) if i not in used and actors_match(a, g)),
                   None)
        if hit is not None:
            used.add(hit)
            tp += 1
            counted += 1
            typed += a.get("type") == gold_actors[hit].get("type")
        elif not any(actors_match(a, o) for o in optional):
            counted += 1
    p, r, f1 = _prf(tp, counted, len(gold_actors))
    bad = [a["name"] for a in pred if any(actors_match(a, f) for f in forbidden)]
    return {"actor_p": p, "actor_r": r, "actor_f1": f1,
            "type_acc": typed / tp if tp else None, "not_actors": bad}


def _date(value: Any) -> str:
    return re.sub(r"[~?%]", "", str(value or ""))


def score_timeline(pred: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, Any]:
    events = list(gold.get("timeline") or [])
    used: set[int] = set()
    tp = statuses = optional_hits = 0
    for e in pred:
        hit = next((i for i, g in enumerate(events) if i not in used
                    and _date(g.get("date")) == _date(e.get("date"))), None)
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
    return {"event_p": p, "event_r": r, "event_f1": f1,
            "status_acc": statuses / tp if tp else None}


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
    found = sum(1 for g in outlets if _link_found(g["name"], [p for p in pred
                                                              if p.get("role") != "primary"]))
    out: dict[str, Any] = {"outlets": found / len(outlets) if outlets else None,
                           "original_date": None, "original_authors": None, "primaries": None}
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


def score_summary(pred: str, gold: str) -> dict[str, Any]:
    from rouge_score import rouge_scorer

    scores = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True).score(
        gold, pred)
    return {"rouge1": scores["rouge1"].fmeasure, "rouge2": scores["rouge2"].fmeasure,
            "rougeL": scores["rougeL"].fmeasure, "words": len(pred.split())}


def score(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Every figure for one document."""
    out: dict[str, Any] = {"id": gold.get("id")}
    out.update(score_actors(pred.get("actors") or [], gold))
    out.update(score_timeline(pred.get("timeline") or [], gold))
    out.update(score_sources(pred.get("source_chain") or [], gold))
    out.update(score_summary(str(pred.get("summary") or ""), str(gold.get("summary") or "")))
    return out


@dataclass
class Report:
    rows: list[dict[str, Any]] = field(default_factory=list)
    mean: dict[str, Any] = field(default_factory=dict)
    seeds_per_second: float = 0.0
    peak_mb: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {"documents": self.rows, "mean": self.mean,
                "speed": {"seeds_per_second": self.seeds_per_second, "peak_mb": self.peak_mb}}


def _mean(rows: list[dict[str, Any]]) -> dict[str, Any]:
    mean: dict[str, Any] = {"id": "mean"}
    for key in METRICS:
        values = [r[key] for r in rows if r.get(key) is not None]
        mean[key] = sum(values) / len(values) if values else None
    mean["not_actors"] = [n for r in rows for n in r.get("not_actors", [])]
    return mean


def gold_pairs(gold_dir: Path, seeds_dir: Path,
               reviewed_only: bool = True) -> list[tuple[dict[str, Any], Path]]:
    """Reviewed records of a folder with the seed files they were made from."""
    pairs = []
    for path in list_records(gold_dir):
        data = read_record(path).data
        if not isinstance(data, dict) or (reviewed_only and data.get("status") != "reviewed"):
            continue
        rel = str((data.get("seed") or {}).get("path", ""))
        seed = seeds_dir.joinpath(*Path(rel).parts[1:])
        if not rel.startswith("seeds/") or not seed.is_file():
            raise BriefingError(path, f"its seed '{rel}' is not in {seeds_dir}",
                                "pass the seed folder with --seeds")
        pairs.append((data, seed))
    if not pairs:
        raise BriefingError(gold_dir, "holds no reviewed records to score against",
                            "point --gold at a folder of records with status: reviewed")
    return pairs


def evaluate(sets: list[tuple[Path, Path]], options: Any = None) -> Report:
    """Extract afresh the seed of every reviewed record of each (gold folder, seed folder)
    and score it."""
    from .project import extractor

    pairs = [pair for gold_dir, seeds_dir in sets for pair in gold_pairs(gold_dir, seeds_dir)]
    extract = extractor()
    rows = []
    started = time.perf_counter()
    for gold, seed_path in pairs:
        try:
            seed: Seed = read_seed(seed_path, seed_path.parent.parent)
            rows.append(score(extract(seed, options), gold))
        except BriefingError as err:
            # A seed the extractor cannot read scores as an empty record, and says why.
            rows.append({**score({}, gold), "error": str(err)})
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Report(rows, _mean(rows), len(pairs) / elapsed if elapsed else 0.0, peak)


COLUMNS = [("actor_p", "act P"), ("actor_r", "act R"), ("actor_f1", "act F1"),
           ("type_acc", "type"), ("event_p", "ev P"), ("event_r", "ev R"), ("event_f1", "ev F1"),
           ("status_acc", "status"), ("outlets", "outlets"), ("original_date", "orig date"),
           ("original_authors", "orig auth"), ("primaries", "primary"), ("rouge1", "R-1"),
           ("rouge2", "R-2"), ("rougeL", "R-L"), ("words", "words")]


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
            cells.append(f"{'–':>9}" if v is None else (f"{v:9.0f}" if key == "words"
                                                          else f"{v:9.2f}"))
        lines.append(f"{str(row['id']):{width}} " + " ".join(cells))
    for row in report.rows:
        if row.get("error"):
            lines.append(f"not extracted (scored as empty): {row['error']}")
    bad = report.mean.get("not_actors") or []
    lines.append(f"actors from not_actors: {', '.join(bad) if bad else 'none'}")
    lines.append(f"speed: {report.seeds_per_second:.2f} seeds/s, peak memory "
                 f"{report.peak_mb:.0f} MB")
    return "\n".join(lines)
