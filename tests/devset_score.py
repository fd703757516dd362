"""Score the extractor on the development set (tests/data/devset) and the first seed.

Run: python tests/devset_score.py. Prints per-document actor P/R/F1 (with type accuracy),
timeline P/R/F1, whether the original/republisher links were found, summary length and
runtime. Matching is tolerant: actor names casefolded, punctuation and a leading "the"
dropped, aliases count, persons match on the same first and last token; optional actors
are ignored for precision; predicted actors listed in not_actors are flagged. Events match
one-to-one by equal EDTF date ignoring ~?% qualifiers; gold events marked uncertain are
optional.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import extract  # noqa: E402
from generator.seeds import read_seed  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset"
FIRST_SEED = ROOT / "seeds" / "2023-05-05-nato-opens-japan-office.txt"
FIRST_GOLD = {
    "actors": [
        {"name": n, "type": t}
        for n, t in [
            ("NATO", "organization"),
            ("Japan", "country"),
            ("Jens Stoltenberg", "person"),
            ("Fumio Kishida", "person"),
            ("China", "country"),
            ("Russia", "country"),
            ("South Korea", "country"),
            ("Australia", "country"),
            ("New Zealand", "country"),
        ]
    ],
    "timeline": [{"date": d} for d in ["2023-01", "2023-04", "2023-07-11/2023-07-12", "2024"]],
    "source_chain": [
        {"name": "Nikkei Asia", "role": "original"},
        {"name": "Global Research", "role": "republisher"},
    ],
    "not_actors": ["Ken Moriyasu", "Rieko Miki", "Takashi Tsuji", "Global Research", "Nikkei Asia"],
    "optional_actors": [
        "Tokyo",
        "Vilnius",
        "Lithuania",
        "United Nations",
        "Individually Tailored Partnership Programme",
    ],
}


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^a-z0-9 ]", "", s).strip()


def names_of(actor: dict) -> set[str]:
    return {norm(actor["name"])} | {norm(a) for a in actor.get("aliases", [])}


def same_actor(pred: dict, gold: dict) -> bool:
    pn, gn = names_of(pred), names_of(gold)
    if pn & gn:
        return True
    if pred.get("type") == "person" or gold.get("type") == "person":
        p, g = norm(pred["name"]).split(), norm(gold["name"]).split()
        return len(p) > 1 and len(g) > 1 and p[0] == g[0] and p[-1] == g[-1]
    return False


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_actors(pred: list[dict], gold: dict) -> dict:
    gold_actors = gold.get("actors", [])
    optional = [{"name": n} for n in gold.get("optional_actors", [])]
    matched_gold: set[int] = set()
    tp = n_pred = typed = 0
    flagged = []
    for a in pred:
        if any(same_actor(a, {"name": n}) for n in gold.get("not_actors", [])):
            flagged.append(a["name"])
        gi = next(
            (i for i, g in enumerate(gold_actors) if i not in matched_gold and same_actor(a, g)),
            None,
        )
        if gi is not None:
            matched_gold.add(gi)
            tp += 1
            n_pred += 1
            typed += a.get("type") == gold_actors[gi].get("type")
        elif any(same_actor(a, o) for o in optional):
            continue
        else:
            n_pred += 1
    p, r, f = prf(tp, n_pred, len(gold_actors))
    return {
        "p": p,
        "r": r,
        "f": f,
        "type_acc": typed / tp if tp else 1.0,
        "flagged": flagged,
        "missed": [g["name"] for i, g in enumerate(gold_actors) if i not in matched_gold],
    }


def strip_q(value: str) -> str:
    return re.sub(r"[~?%]", "", value)


def score_timeline(pred: list[dict], gold: dict) -> dict:
    required = [e for e in gold.get("timeline", []) if not e.get("uncertain")]
    optional = [e for e in gold.get("timeline", []) if e.get("uncertain")]
    used: set[int] = set()
    used_opt: set[int] = set()
    tp = n_pred = 0
    for e in pred:
        d = strip_q(e["date"])
        gi = next(
            (i for i, g in enumerate(required) if i not in used and strip_q(str(g["date"])) == d),
            None,
        )
        if gi is not None:
            used.add(gi)
            tp += 1
            n_pred += 1
            continue
        oi = next(
            (
                i
                for i, g in enumerate(optional)
                if i not in used_opt and strip_q(str(g["date"])) == d
            ),
            None,
        )
        if oi is not None:
            used_opt.add(oi)
            continue
        n_pred += 1
    p, r, f = prf(tp, n_pred, len(required))
    return {
        "p": p,
        "r": r,
        "f": f,
        "missed": [str(g["date"]) for i, g in enumerate(required) if i not in used],
        "extra": [
            e["date"]
            for e in pred
            if strip_q(e["date"]) not in {strip_q(str(g["date"])) for g in gold.get("timeline", [])}
        ],
    }


def chain_found(pred: list[dict], gold: dict) -> float:
    want = [
        (norm(s["name"]), s["role"])
        for s in gold.get("source_chain", [])
        if s["role"] in ("original", "republisher")
    ]
    have = {(norm(s["name"]), s["role"]) for s in pred}
    return sum(w in have for w in want) / len(want) if want else 1.0


def main() -> None:
    cases = [(FIRST_SEED, ROOT, FIRST_GOLD)]
    for g in sorted((DEVSET / "gold").glob("*.yaml")):
        gold = yaml.safe_load(g.read_text(encoding="utf-8"))
        cases.append((DEVSET / gold["seed"]["path"], DEVSET, gold))
    rows = []
    header = (
        f"{'document':40} {'act P':>6} {'R':>5} {'F1':>5} {'type':>5} {'tl P':>6} {'R':>5} {'F1':>5} "
        f"{'chain':>5} {'sumw':>4} {'sec':>5}"
    )
    print(header)
    print("-" * len(header))
    for path, root, gold in cases:
        t0 = time.perf_counter()
        rec = extract(read_seed(path, root))
        secs = time.perf_counter() - t0
        a = score_actors(rec["actors"], gold)
        t = score_timeline(rec["timeline"], gold)
        c = chain_found(rec["source_chain"], gold)
        words = len(rec["summary"].split())
        rows.append((a, t, c, secs))
        print(
            f"{path.stem[:40]:40} {a['p']:6.2f} {a['r']:5.2f} {a['f']:5.2f} {a['type_acc']:5.2f} "
            f"{t['p']:6.2f} {t['r']:5.2f} {t['f']:5.2f} {c:5.2f} {words:4d} {secs:5.2f}"
        )
        if "-v" in sys.argv:
            print(f"    actors missed: {a['missed']}")
            print(f"    predicted: {[x['name'] for x in rec['actors']]}")
            print(f"    timeline missed: {t['missed']} extra: {t['extra']}")
        if a["flagged"]:
            print(f"    NOT-ACTORS PREDICTED: {a['flagged']}")
    n = len(rows)
    print("-" * len(header))
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    print(
        f"{'mean':40} {mean([r[0]['p'] for r in rows]):6.2f} {mean([r[0]['r'] for r in rows]):5.2f} "
        f"{mean([r[0]['f'] for r in rows]):5.2f} {mean([r[0]['type_acc'] for r in rows]):5.2f} "
        f"{mean([r[1]['p'] for r in rows]):6.2f} {mean([r[1]['r'] for r in rows]):5.2f} "
        f"{mean([r[1]['f'] for r in rows]):5.2f} {mean([r[2] for r in rows]):5.2f} {'':4} "
        f"{mean([r[3] for r in rows]):5.2f}"
    )
    print(f"({n} documents; first row includes model loading time)")


if __name__ == "__main__":
    main()
