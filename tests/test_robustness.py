"""The bad-input corpus: every case gets its one-line error, exit status 1 and no traceback;
nothing is half-written and the good seeds around the bad ones are still processed.

Each table row is a case and the exact line it must produce. `extract` runs once over all the
seed cases (with the fake extractor: what is tested here is reading, refusing and writing)
and `check` once over all the record cases.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLE_RECORD, FIRST_SEED
from .support import env

RID = "2023-05-05-nato-opens-japan-office"
TEXT = "The café’s naïve résumé was “quoted” by Officials in Zürich on Monday."
LATIN1 = TEXT.replace("’", "'").replace("“", '"').replace("”", '"')
FIX_FORMAT = "save the article as .txt, .md or .html"
FIX_EMPTY = "put the article's text in it or delete it"

# name -> (bytes, the line extract prints; None: the seed is processed into a record)
SEEDS: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", f"is empty; {FIX_EMPTY}"),
    "whitespace.txt": (b"  \n\t \r\n", f"is empty; {FIX_EMPTY}"),
    "binary.txt": (
        bytes(range(256)) * 4,
        f"is binary (contains NUL bytes), not a text document; {FIX_FORMAT}",
    ),
    "printed.txt": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        f"is a PDF, not a text document; {FIX_FORMAT}",
    ),
    "scan.pdf": (b"%PDF-1.7\n", "unknown seed extension '.pdf'; use .txt, .md or .html"),
    "broken-utf16.txt": (
        b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00",
        "starts with a utf-16 byte-order mark but does not decode as utf-16 "
        "(truncated data at byte 8); save it as UTF-8",
    ),
    "huge.txt": (
        b"word " * (10 * 2**20),
        "is 50.0 MiB, more than the 20 MiB a seed may have; keep only the article in the seed",
    ),
    "long-line.txt": (
        b"word " * 2**20,
        "text is 5,242,880 characters long, more than the "
        "300,000 an article may have; keep only the article in the seed",
    ),
    "script-only.html": (
        b"<html><script>var Story = 1;</script></html>",
        f"has no readable text; {FIX_EMPTY}",
    ),
    "Big News.txt": (
        b"Big News one.",
        "gives the same record id 'big-news' as seeds/big-news.md; rename one of them",
    ),
    "big-news.md": (
        b"Big News two.",
        "gives the same record id 'big-news' as seeds/Big News.txt; rename one of them",
    ),
    # These must work.
    "utf16-bom.txt": (TEXT.encode("utf-16"), None),
    "latin1.txt": (LATIN1.encode("latin-1"), None),
    "cp1252.txt": (TEXT.encode("cp1252"), None),
    "malformed.html": (
        b"<html><body><p>Officials in <b>Tokyo said <div>the Office <<opens> "
        b"&bogus; &amp; more</p></span><p>Unclosed",
        None,
    ),
    "front-matter.md": (
        b"---\ntitle: Front Title\ndate: 2024-02-03\n---\n# Heading Here\n\nBody Text **bold**.\n",
        None,
    ),
    "\u00dcmlaut Caf\u00e9 \u2013 2024.txt": ("Ümlaut Story in Berlin.".encode(), None),
    "2024-01-01-" + "a" * 240 + ".txt": (
        b"Officials said it rained.",
        "its name is too long for "
        "its record's file name; shorten the seed's file name "
        "to 225 characters or fewer",
    ),
    # 40,000 open elements, then 100,000 end tags that close none of them: read in linear
    # time (each end tag once searched all open elements, which took minutes).
    "end-tags.html": (
        b"<p>Officials in Oslo said it snowed.</p>" + b"<div>" * 40_000 + b"</span>" * 100_000,
        None,
    ),
}
LINK_LINE = (
    "is a link to {target}, outside seeds/; copy the article into the seed folder "
    "instead of linking to it"
)
# The first words of each good seed's text, as the fake extractor puts them into the title.
TITLES = {
    "utf16-bom": TEXT,
    "latin1": LATIN1,
    "cp1252": TEXT,
    "malformed": "Officials in Tokyo said the Office < &bogus; & more Unclosed",
    "front-matter": "Heading Here Body Text bold.",
    "umlaut-cafe-2024": "Ümlaut Story in Berlin.",
    "end-tags": "Officials in Oslo said it snowed.",
}


# `briefings extract` that reports its peak memory (VmHWM: this process only, since exec).
PEAK = """import sys
from generator.cli import main
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status") as status:
        peak = [ln.split()[1] for ln in status if ln.startswith("VmHWM:")][0]
    sys.stderr.write(f"peak {peak} kB\\n")
sys.exit(code)
"""


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str, str, float]:
    """One `briefings extract` over the whole seed corpus, with its time."""
    root = tmp_path_factory.mktemp("corpus")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (data, _) in SEEDS.items():
        (seeds / name).write_bytes(data)
    outside = root / "outside.txt"
    outside.write_text("Secret Text outside the seed folder.", "utf-8")
    (seeds / "link.txt").symlink_to(outside)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, "extract"],
        cwd=root,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return root, done.returncode, done.stdout, done.stderr, time.monotonic() - started


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_extract_fails_with_status_1_in_bounded_time_and_memory(extracted) -> None:
    root, status, out, err, elapsed = extracted
    assert status == 1
    assert "Traceback" not in out + err
    assert out.splitlines()[-1].startswith("extract: 7 created, 13 failed in ")
    assert elapsed < 30
    peak_kib = int(err.splitlines()[-1].split()[1])
    # About 50 MiB here; reading the 50 MB seed would take it past 150 MiB.
    assert peak_kib < 120 * 1024, "a 50 MB seed must be refused before it is read"


@pytest.mark.parametrize("name", [n for n, (_, line) in SEEDS.items() if line])
def test_bad_seed_gets_its_line_and_no_record(extracted, name: str) -> None:
    root, _, _, err, _ = extracted
    assert f"failed    seeds/{name}: {SEEDS[name][1]}" in err.splitlines()
    stem = name.rsplit(".", 1)[0].lower().replace(" ", "-")
    assert f"{stem}.yaml" not in {p.name for p in (root / "briefings").iterdir()}


def test_link_out_of_seeds_is_refused(extracted) -> None:
    root, _, _, err, _ = extracted
    target = (root / "outside.txt").resolve()
    assert f"failed    seeds/link.txt: {LINK_LINE.format(target=target)}" in err.splitlines()
    assert not (root / "briefings" / "link.yaml").exists()


@pytest.mark.parametrize("rid", sorted(TITLES))
def test_good_seeds_among_bad_ones_are_processed(extracted, rid: str) -> None:
    root, _, out, _, _ = extracted
    record = yaml.safe_load((root / "briefings" / f"{rid}.yaml").read_text("utf-8"))
    assert record["title"] == TITLES[rid]
    assert f"created   {record['seed']['path']} -> briefings/{rid}.yaml" in out.splitlines()


def test_nothing_half_written(extracted) -> None:
    root = extracted[0]
    assert sorted(p.name for p in (root / "briefings").iterdir()) == [
        ".briefings-state.json",
        ".briefings.lock",
        *sorted(f"{rid}.yaml" for rid in TITLES),
    ]


def test_good_records_pass_check_and_bad_seeds_are_listed(extracted) -> None:
    root = extracted[0]
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=root,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stdout + done.stderr
    assert not [ln for ln in done.stdout.splitlines() if ln.startswith("briefings/")]
    assert (
        "seeds/link.txt: error: is a link to a file outside seeds/; copy the article into "
        "seeds/ instead" in done.stdout.splitlines()
    )
    # check gives each bad seed the reason extract gave, not a command that cannot work.
    for name, (_, line) in SEEDS.items():
        if line and "same record id" not in line:
            assert (
                f"seeds/{name}: error: has no record and cannot have one: {line}"
                in done.stdout.splitlines()
            )


# ---------------------------------------------------------------- records

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(20)
)
SEED_PATH = "path: seeds/{name}.txt"

# name -> (change to the reviewed example record, the line `check` prints for it)
RECORDS = {
    "syntax": (
        lambda t: t.replace("title: 'Does", "title: [Does", 1),
        "3:5: error: YAML error: expected ',' or ']', but got ':' (noticed here, in a "
        "[...] list that begins at line 2); look from line 2 to line 3 for a quote or "
        "bracket left open or a line indented unlike its neighbours",
    ),
    "alias-bomb": (
        lambda t: BOMB,
        "1:4: error: YAML error: anchors (&name) and aliases "
        "(*name) are not allowed in a record; write the value out in full",
    ),
    "duplicate-key": (
        lambda t: t.replace("status: draft\n", "status: draft\nstatus: reviewed\n"),
        "8:1: error: YAML error: duplicate key 'status' (the later one would "
        "silently win); keep one of them",
    ),
    "tab": (
        lambda t: t.replace("  path:", "\tpath:"),
        "5:1: error: tab character in the YAML; indent with spaces; YAML does not allow tabs",
    ),
    "wrong-type": (
        lambda t: t.replace("tags: [Asia, Intelligence]", "tags: 7"),
        "8: error: tags: 7 is not a list; write a list here",
    ),
    "wrong-item-type": (
        lambda t: t.replace("  - name: NATO\n", "  - name: [NATO]\n"),
        "16: error: actors[0].name: ['NATO'] is not a string; write a string here",
    ),
    "unquoted-date": (
        lambda t: t.replace("date: '2023-05-05'", "date: 2023-05-05", 1),
        "3: error: date: unquoted date 2023-05-05; write it as a quoted string: '2023-05-05'",
    ),
    "unknown-key": (
        lambda t: t.replace("status: draft\n", "status: draft\ncolour: blue\n"),
        "8: warning: colour: unknown key 'colour' is ignored; check its spelling "
        "(see docs/record-format.md)",
    ),
    "dotdot": (
        lambda t: t.replace("path: seeds/", "path: seeds/../seeds/"),
        "5: error: seed.path: 'seeds/../seeds/dotdot.txt' contains '..'; the seed must "
        "lie inside seeds/",
    ),
    "absolute": (
        lambda t: t.replace(SEED_PATH.format(name="absolute"), "path: /etc/passwd"),
        "5: error: seed.path: '/etc/passwd' is an absolute path; give it relative to "
        "the repository, e.g. seeds/<name>",
    ),
    "url": (
        lambda t: t.replace(SEED_PATH.format(name="url"), "path: https://example.com/a.txt"),
        "5: error: seed.path: 'https://example.com/a.txt' is a URL; give the seed's path in "
        "the repository, e.g. seeds/<name>.txt",
    ),
    "not-a-mapping": (
        lambda t: "- just\n- a list\n",
        "1: error: is not a mapping of keys to "
        "values; a record starts with 'id: ...' (see docs/record-format.md)",
    ),
    "empty": (
        lambda t: "",
        ": error: is not a mapping of keys to values; a record starts with "
        "'id: ...' (see docs/record-format.md)",
    ),
    "latin1": (None, "2:72: error: is not UTF-8 (byte 0xe1); save it as UTF-8"),
    "deep": (
        lambda t: t.replace("tags: [Asia, Intelligence]", "tags: " + "[" * 3000 + "]" * 3000),
        ": error: is nested more than 16 levels deep; a record needs no more; remove the "
        "extra levels",
    ),
    "surrogate": (
        lambda t: t.replace("tags: [Asia, Intelligence]", 'tags: [Asia, "Intelligence \\ud800"]'),
        "8: error: tags[1]: holds a lone surrogate (U+D800), which is no character; "
        "delete it or write the character it was meant to be",
    ),
    "noncharacter": (
        lambda t: t.replace("- name: NATO\n", '- name: "NATO\\uFFFE"\n', 1),
        "16: error: actors[0].name: holds the control character U+FFFE; delete it",
    ),
    "arabic-digits": (
        lambda t: t.replace("date: '2023-05-05'", "date: '\u0662\u0660\u0662\u0663-05-05'", 1),
        "3: error: date: '\u0662\u0660\u0662\u0663-05-05' holds characters other than ASCII (digits must "
        "be 0-9); write the date as e.g. '2023-05-05'",
    ),
    "nul-path": (
        lambda t: t.replace(SEED_PATH.format(name="nul-path"), 'path: "seeds/nul\\0.txt"'),
        "5: error: seed.path: 'seeds/nul\\x00.txt' holds a control character; give the "
        "seed's file name",
    ),
    "others-seed": (
        lambda t: t.replace(SEED_PATH.format(name="others-seed"), SEED_PATH.format(name="tab")),
        "5: error: seed.path: 'seeds/tab.txt' is the seed of the record 'tab', not of "
        "this one; a record cites its own seed, the one whose file name gives its id",
    ),
    "index": (
        lambda t: t,
        "1: error: id: 'index' is the name of a page the site makes itself; "
        "rename the seed and its record (e.g. add the date in front)",
    ),
    "many-actors": (
        lambda t: t.replace("actors:\n", "actors:\n" + "  - {name: X, type: other}\n" * 600, 1),
        "15: error: actors: has 609 items, more than the 500 a record may hold; keep "
        "the ones that matter",
    ),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[str], float]:
    root = tmp_path_factory.mktemp("records")
    (root / "seeds").mkdir()
    (root / "briefings").mkdir()
    example = EXAMPLE_RECORD.read_text("utf-8")
    for name, (change, _) in RECORDS.items():
        shutil.copy(FIRST_SEED, root / "seeds" / f"{name}.txt")
        text = example.replace(f"id: {RID}", f"id: {name}").replace(
            f"seeds/{RID}.txt", f"seeds/{name}.txt"
        )
        path = root / "briefings" / f"{name}.yaml"
        if change is None:
            path.write_bytes(text.replace("Japan", "Jap\xe1n").encode("latin-1"))
        else:
            path.write_text(change(text), "utf-8")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=root,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stdout + done.stderr
    return done.returncode, done.stdout.splitlines(), time.monotonic() - started


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_bad_record_gets_exactly_its_line(checked, name: str) -> None:
    status, lines, _ = checked
    mine = [ln for ln in lines if ln.startswith(f"briefings/{name}.yaml")]
    sep = "" if RECORDS[name][1].startswith(":") else ":"
    assert mine == [f"briefings/{name}.yaml{sep}{RECORDS[name][1]}"]
    assert status == 1


def test_check_of_the_record_corpus_is_quick(checked) -> None:
    assert checked[2] < 30  # the alias bomb is refused before it expands


def test_terminal_codes_in_a_seed_name_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefings").mkdir()
    name = "2024-01-01-a\x1b[31mred\x1b]0;title\x07.txt"
    (tmp_path / "seeds" / name).write_text("Officials in Paris said on Monday it rained.\n")
    shown = "seeds/2024-01-01-a\\x1b[31mred\\x1b]0;title\\x07.txt"
    for command, prefix in (("extract", "failed    "), ("check", "")):
        done = subprocess.run(
            [sys.executable, "-m", "generator", command],
            cwd=tmp_path,
            env=env(),
            capture_output=True,
            timeout=120,
        )
        out = (done.stdout + done.stderr).decode()
        assert done.returncode == 1
        assert "\x1b" not in out and "\x07" not in out
        assert f"{prefix}{shown}" in out and "rename the file" in out
    assert list((tmp_path / "briefings").glob("*.yaml")) == []


def test_a_record_that_cannot_be_written_fails_alone(tmp_path: Path, monkeypatch) -> None:
    """A full disk or a read-only file: that seed is reported, the others are written."""
    import errno

    from generator import project

    (tmp_path / "seeds").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "seeds" / f"2024-01-01-{name}.txt").write_text(
            f"Officials in Paris said on Monday that {name} happened.\n", "utf-8"
        )
    real = project.atomic_write

    def full_disk(path: Path, data: bytes) -> None:
        if path.name == "2024-01-01-b.yaml":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(project, "atomic_write", full_disk)
    monkeypatch.setenv("BRIEFINGS_EXTRACTOR", "tests.fake_extractor:extract")
    outcomes = project.extract_seeds(
        sorted((tmp_path / "seeds").iterdir()),
        tmp_path / "briefings",
        tmp_path,
        tmp_path / "seeds",
        debug=True,
    )
    assert [o.line() for o in outcomes if o.failed] == [
        "failed    seeds/2024-01-01-b.txt: cannot write briefings/2024-01-01-b.yaml (No space "
        "left on device); free disk space or make the folder writable, then run extract again"
    ]
    assert sorted(p.name for p in (tmp_path / "briefings").glob("*.yaml")) == [
        "2024-01-01-a.yaml",
        "2024-01-01-c.yaml",
    ]


def test_a_record_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "2024-01-01-a.txt").write_text("Officials said it rained.\n")
    (tmp_path / "briefings").write_text("a file where the folder should be")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "extract"],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(
        "error: briefings: cannot be written (File exists); make the "
        "folder writable, or write elsewhere with --out"
    )


PATHOLOGICAL = {
    "capitals": "A" * 40_000,
    "hyphens": "A-" * 40_000,
    "dots": "a." * 40_000,
    "initials": "Mr. A. B. " * 4_000,
    "mail": "a.b@" * 20_000,
}


def test_pathological_text_is_extracted_within_the_seed_time_limit(tmp_path: Path) -> None:
    """Runs of capitals, hyphens, dots and initials once made rules quadratic (minutes for
    40,000 characters, past the per-seed limit at the 300,000 a seed may have). With the real
    extractor and a 90 s limit per seed, each gets its draft."""
    (tmp_path / "seeds").mkdir()
    for name, run in PATHOLOGICAL.items():
        (tmp_path / "seeds" / f"2024-01-01-{name}.txt").write_text(
            f"Odd text\n\nJanuary 1, 2024\n\nOfficials said on Monday that {run} happened.\n",
            "utf-8",
        )
    done = subprocess.run(
        [sys.executable, "-m", "generator", "extract"],
        cwd=tmp_path,
        env=env(fake=False, BRIEFINGS_SEED_TIMEOUT="90"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.stem for p in (tmp_path / "briefings").glob("*.yaml")) == sorted(
        f"2024-01-01-{name}" for name in PATHOLOGICAL
    )
