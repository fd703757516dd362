"""A small, deterministic stand-in for `generator.extract.extract`.

Subprocess tests select it with BRIEFINGS_EXTRACTOR=tests.fake_extractor:extract (and the
project root on PYTHONPATH). It makes records that pass `briefings check`: every actor is a
capitalised word of the seed, quoted as its own evidence. Environment knobs:

- FAKE_EXTRACT_DELAY: seconds to sleep per seed (to give a killer something to interrupt);
- FAKE_EXTRACT_GATE: a file to wait for before returning (to hold a run in place);
- FAKE_EXTRACT_ACTORS: how many actors at most (default 5; more makes bigger records);
- FAKE_EXTRACT_HANG: seeds whose id contains this word never finish (a pathological seed).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any


def extract(seed: Any, options: Any = None) -> dict[str, Any]:
    delay = float(os.environ.get("FAKE_EXTRACT_DELAY", "0"))
    if delay:
        time.sleep(delay)
    hang = os.environ.get("FAKE_EXTRACT_HANG")
    if hang and hang in seed.id:
        while True:
            time.sleep(0.05)
    gate = os.environ.get("FAKE_EXTRACT_GATE")
    if gate:
        Path(gate + ".waiting").touch()
        while not Path(gate).exists():
            time.sleep(0.05)
    limit = int(os.environ.get("FAKE_EXTRACT_ACTORS", "5"))
    words = " ".join(seed.text.split()).split(" ")
    first = " ".join(words[:12])
    names: list[str] = []
    for word in words:
        if re.fullmatch(r"[A-Z][a-z]+", word) and word not in names:
            names.append(word)
        if len(names) >= limit:
            break
    return {
        "id": seed.id,
        "title": first,
        "date": "2024-01-02",
        "seed": {"path": seed.rel_path, "sha256": seed.sha256},
        "status": "draft",
        "summary": first,
        "actors": [{"name": n, "type": "other", "evidence": n} for n in names],
        "timeline": [],
        "source_chain": [],
    }
