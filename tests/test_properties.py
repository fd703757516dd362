"""Property-based tests: arbitrary bytes, text and records never crash the tool.

Seed reading may only refuse (BriefingError, one line naming the file); extraction over a
folder may only create a record or report the seed as failed; validation returns problems,
one line each, whatever the record holds; rendering works on every record that validates.
Example counts are bounded so that the whole module runs in well under a minute.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import generator.extract
from generator.errors import BriefingError
from generator.project import extract_seeds
from generator.records import Loaded, dump_record, parse_record, read_record
from generator.render import render_briefing
from generator.seeds import read_seed
from generator.validate import Problem, validate_record

from . import fake_extractor
from .conftest import EXAMPLE_RECORD, FIRST_SEED

BOUNDED = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])
COUNTER = itertools.count()
RID = FIRST_SEED.stem
SEED_TEXT = read_seed(FIRST_SEED).text


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def seed_bytes() -> st.SearchStrategy[bytes]:
    """Bytes as seeds come: random, or text in one of the usual encodings, often with markup."""
    text = st.text(st.characters(codec="utf-8"), max_size=400)
    markup = st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<script>",
                "---\n",
                "# ",
                "**",
                "&amp;",
                "\n",
                " ",
                "Officials",
                "said",
                "<!--",
                "]]>",
                "\x00",
                "\ufeff",
                "\r\n",
                "[a](b)",
                "<meta name=date content=x>",
            ]
        ),
        max_size=30,
    ).map("".join)
    encoded = st.tuples(
        st.one_of(text, markup),
        st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252", "latin-1"]),
    ).map(lambda te: te[0].encode(te[1], errors="ignore"))
    return st.one_of(st.binary(max_size=600), encoded)


@BOUNDED
@given(data=seed_bytes(), suffix=SUFFIXES)
def test_read_seed_reads_or_refuses_in_one_line(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"seed-{next(COUNTER)}{suffix}"
    path.write_bytes(data)
    try:
        seed = read_seed(path, workdir)
    except BriefingError as exc:
        line = exc.line()
        assert line.startswith(f"{path}: ") and "\n" not in line
        return
    assert seed.text.strip() and "\r" not in seed.text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seeds=st.lists(st.tuples(seed_bytes(), SUFFIXES), min_size=1, max_size=4))
def test_extract_creates_records_that_check_accepts_or_fails_the_seed(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, seeds: list[tuple[bytes, str]]
) -> None:
    monkeypatch.setattr(generator.extract, "extract", fake_extractor.extract, raising=False)
    root = workdir / f"repo-{next(COUNTER)}"
    (root / "seeds").mkdir(parents=True)
    paths = []
    for i, (data, suffix) in enumerate(seeds):
        paths.append(root / "seeds" / f"story-{i}{suffix}")
        paths[-1].write_bytes(data)
    outcomes = extract_seeds(paths, root / "briefings", root, root / "seeds")
    assert len(outcomes) == len(paths)
    for outcome in outcomes:
        assert outcome.action in ("created", "failed") and "\n" not in outcome.line()
        if outcome.action == "created":
            loaded = read_record(root / outcome.record)
            assert [p.format() for p in validate_record(loaded, root)] == []
        else:
            assert not list((root / "briefings").glob(f"{Path(outcome.seed).stem}.*"))


@pytest.mark.skipif(
    not hasattr(generator.extract, "extract"), reason="the real extractor is not there yet"
)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300)
)
def test_real_extraction_of_arbitrary_text_gives_a_valid_record_or_refuses(
    workdir: Path, text: str
) -> None:
    root = workdir / f"real-{next(COUNTER)}"
    (root / "seeds").mkdir(parents=True)
    path = root / "seeds" / "story.txt"
    path.write_text(text, "utf-8")
    (outcome,) = extract_seeds([path], root / "briefings", root, root / "seeds")
    assert outcome.action in ("created", "failed"), outcome.line()
    assert "internal error" not in outcome.message, outcome.line()
    if outcome.action == "created":
        problems = validate_record(read_record(root / outcome.record), root)
        assert [p.format() for p in problems if p.level == "error"] == []


# ---------------------------------------------------------------- records

KEYS = [
    "id",
    "title",
    "date",
    "seed",
    "status",
    "tags",
    "summary",
    "actors",
    "timeline",
    "source_chain",
    "generator",
    "path",
    "sha256",
    "name",
    "type",
    "role",
    "aliases",
    "evidence",
    "event",
    "authors",
    "url",
]
# Text that YAML and messages find awkward turns up far more often than in st.text().
AWKWARD = st.text(st.sampled_from("ab \n\r\t:'\"-#&*%,é\u2028"), max_size=10)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    AWKWARD,
    st.dates(),
    st.sampled_from(
        [
            "2023",
            "2023-05-05",
            "2023-02-30",
            "../x",
            "seeds/x.txt",
            "/etc",
            "https://x.y/z",
            "person",
            "primary",
            "reviewed",
            "a\nb",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), AWKWARD), inner, max_size=5),
    ),
    max_leaves=25,
)


def example() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))


@pytest.fixture(scope="module")
def repo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("records")
    (root / "seeds").mkdir()
    (root / "briefings").mkdir()
    shutil.copy(FIRST_SEED, root / "seeds" / FIRST_SEED.name)
    return root


def loaded(root: Path, data: Any) -> Loaded:
    return Loaded(path=root / "briefings" / f"{RID}.yaml", data=data)


def one_line(problems: list[Problem]) -> None:
    for problem in problems:
        for style in ("text", "github"):
            assert "\n" not in problem.format(style) and "\r" not in problem.format(style)


@BOUNDED
@given(data=VALUES)
def test_validate_any_value_returns_problems(repo_root: Path, data: Any) -> None:
    one_line(validate_record(loaded(repo_root, data), repo_root))


@BOUNDED
@given(changes=st.dictionaries(st.sampled_from(KEYS), VALUES, min_size=1, max_size=4))
def test_validate_a_record_with_any_fields_changed(repo_root: Path, changes: dict) -> None:
    one_line(validate_record(loaded(repo_root, {**example(), **changes}), repo_root))


@BOUNDED
@given(data=VALUES)
def test_anything_yaml_can_say_reads_back_or_is_refused(repo_root: Path, data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        parsed = parse_record(text, repo_root / "r.yaml")
    except BriefingError as exc:
        assert "\n" not in exc.line()
        return
    one_line(validate_record(Loaded(repo_root / "r.yaml", parsed.data, parsed.lines), repo_root))


# Records that are valid by construction, apart from what the strategies make awkward.
WORDS = SEED_TEXT.split()
QUOTES = st.integers(0, len(WORDS) - 8).flatmap(
    lambda i: st.integers(1, 8).map(lambda n: " ".join(WORDS[i : i + n]))
)
LABEL = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    str.strip
)
DATES = st.sampled_from(
    [
        "2023",
        "2023-05",
        "2023-05-05",
        "2023-07-11/2023-07-12",
        "2023-01~",
        "2023-01?",
        "2024",
        "1999-12-31",
        "2023-04-01/2023-04",
    ]
)


def optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


ACTOR = st.fixed_dictionaries(
    {
        "name": LABEL,
        "type": st.sampled_from(["person", "organization", "country", "place", "other"]),
    },
    optional={"role": LABEL, "aliases": st.lists(LABEL, max_size=3), "evidence": QUOTES},
)
EVENT = st.fixed_dictionaries(
    {"date": DATES, "event": LABEL},
    optional={"status": st.sampled_from(["occurred", "planned", "ongoing"]), "evidence": QUOTES},
)
LINK = st.fixed_dictionaries(
    {"name": LABEL, "role": st.sampled_from(["primary", "original", "republisher"])},
    optional={
        "date": DATES,
        "authors": st.lists(LABEL, max_size=3),
        "title": LABEL,
        "url": st.one_of(
            LABEL, st.just("https://example.com/a?b=<c>&d='e'"), st.just("javascript:alert(1)")
        ),
        "evidence": QUOTES,
    },
)


@st.composite
def valid_records(draw: st.DrawFn) -> dict[str, Any]:
    record = example()
    record.update(
        title=draw(LABEL),
        date=draw(DATES),
        status=draw(st.sampled_from(["draft", "reviewed"])),
        summary=draw(LABEL),
        tags=draw(st.lists(LABEL, max_size=4)),
        actors=draw(st.lists(ACTOR, max_size=6)),
        timeline=draw(st.lists(EVENT, max_size=6)),
        source_chain=draw(st.lists(LINK, max_size=5)),
    )
    return record


@BOUNDED
@given(record=valid_records())
def test_every_record_that_validates_renders_and_round_trips(
    repo_root: Path, record: dict[str, Any]
) -> None:
    problems = validate_record(loaded(repo_root, record), repo_root)
    assume(not [p for p in problems if p.level == "error"])
    page = render_briefing(record, f"briefings/{RID}.yaml", SEED_TEXT)
    assert isinstance(page, str) and page
    assert yaml.safe_load(dump_record(record)) == record


def test_strategies_are_not_vacuous(repo_root: Path) -> None:
    """The valid-record strategy mostly validates, or the render test would test little."""
    found = []

    @settings(max_examples=40, deadline=None, database=None)
    @given(record=valid_records())
    def collect(record: dict[str, Any]) -> None:
        found.append(
            not [
                p
                for p in validate_record(loaded(repo_root, record), repo_root)
                if p.level == "error"
            ]
        )

    collect()
    assert sum(found) >= len(found) // 2
