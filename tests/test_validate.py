from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.records import dump_record, read_record
from generator.validate import edtf_problem, seed_path_problem, validate_record, validate_repository

RID = "2023-05-05-nato-opens-japan-office"


def record_path(root: Path) -> Path:
    return root / "briefings" / f"{RID}.yaml"


def edit(root: Path, change) -> Path:
    path = record_path(root)
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(dump_record(data), "utf-8")
    return path


def lines(root: Path) -> list[str]:
    return [p.format() for p in validate_repository(root)]


def test_reviewed_example_is_valid(reviewed_repo: Path) -> None:
    assert lines(reviewed_repo) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d.pop("summary"), "error: missing required key 'summary'"),
        (
            lambda d: d.update(actors="NATO"),
            "error: actors: 'NATO' is not a list; write a list here",
        ),
        (
            lambda d: d["actors"][2].update(type="nation"),
            "error: actors[2].type: 'nation' is not one of person, organization, country, place, other",
        ),
        (
            lambda d: d.update(status="approved"),
            "error: status: 'approved' is not one of draft, reviewed",
        ),
        (
            lambda d: d["timeline"][1].update(status="done"),
            "error: timeline[1].status: 'done' is not one of",
        ),
        (
            lambda d: d["source_chain"][0].update(role="source"),
            "error: source_chain[0].role: 'source'",
        ),
        (
            lambda d: d["timeline"][0].update(date="2023-13"),
            "error: timeline[0].date: '2023-13' is not a valid EDTF date",
        ),
        (
            lambda d: d.update(date="May 5, 2023"),
            "error: date: 'May 5, 2023' is not a valid EDTF date",
        ),
        (
            lambda d: d["actors"][0].update(evidence="NATO is closing its office"),
            "error: actors[0].evidence: evidence 'NATO is closing its office' is not in the seed",
        ),
        (
            lambda d: d["seed"].update(path="../etc/passwd"),
            "error: seed.path: '../etc/passwd' contains '..'",
        ),
        (
            lambda d: d["seed"].update(path="docs/index.md"),
            "error: seed.path: 'docs/index.md' is not inside seeds/",
        ),
        (
            lambda d: d["seed"].update(path="seeds/../mkdocs.yml"),
            "error: seed.path: 'seeds/../mkdocs.yml' contains '..'",
        ),
        (
            lambda d: d["seed"].update(path="/etc/passwd"),
            "error: seed.path: '/etc/passwd' is an absolute path",
        ),
        (lambda d: d["seed"].update(path="https://example.com/a.txt"), "is a URL"),
        (
            lambda d: d["seed"].update(path="seeds/missing.txt"),
            "'seeds/missing.txt' does not exist",
        ),
        (lambda d: d.update(id="other-id"), "error: id: 'other-id' differs from the file name"),
        (
            lambda d: d.update(summary=" ".join(["word"] * 91)),
            "error: summary: has 91 words, more than 90",
        ),
        (lambda d: d.update(colour="blue"), "warning: colour: unknown key 'colour' is ignored"),
        (
            lambda d: d["seed"].update(sha256="0" * 64),
            "warning: seed.sha256: stale: the seed changed",
        ),
        (lambda d: d.update(summary=7), "error: summary: 7 is not a string; write a string here"),
        (lambda d: d["seed"].update(path=3), "error: seed.path: 3 is not a string"),
        (
            lambda d: d.update(seed="seeds/x.txt"),
            "error: seed: 'seeds/x.txt' is not a mapping (key: value lines); write a mapping",
        ),
        (lambda d: d["actors"][0].pop("type"), "error: actors[0]: missing required key 'type'"),
        (
            lambda d: d["timeline"].append({"date": "2023", "event": "x", "colour": "red"}),
            "warning: timeline[4].colour: unknown key 'colour' is ignored",
        ),
    ],
)
def test_each_problem_is_one_line_with_file_and_key(reviewed_repo: Path, change, expected) -> None:
    edit(reviewed_repo, change)
    found = lines(reviewed_repo)
    assert any(expected in ln for ln in found), found
    assert all(ln.startswith(f"briefings/{RID}.yaml") and "\n" not in ln for ln in found)


def test_error_lines_carry_the_yaml_line(reviewed_repo: Path) -> None:
    path = edit(reviewed_repo, lambda d: d["actors"][2].update(type="nation"))
    (problem,) = validate_record(read_record(path), reviewed_repo)
    text = path.read_text("utf-8").splitlines()
    assert text[problem.line - 1].strip() == "type: nation"
    assert problem.format("github").startswith(
        f"::error file=briefings/{RID}.yaml,line={problem.line}::actors[2].type: 'nation'"
    )


def test_unquoted_date_is_explained(reviewed_repo: Path) -> None:
    path = record_path(reviewed_repo)
    path.write_text(
        path.read_text("utf-8").replace("date: '2023-05-05'", "date: 2023-05-05"), "utf-8"
    )
    assert any(
        "date: unquoted date 2023-05-05; write it as a quoted string: '2023-05-05'" in ln
        for ln in lines(reviewed_repo)
    )


def test_all_problems_are_reported_at_once(reviewed_repo: Path) -> None:
    def many(d: dict) -> None:
        d["actors"][0]["type"] = "nation"
        d["timeline"][0]["date"] = "bad"
        d.pop("title")

    edit(reviewed_repo, many)
    assert len([ln for ln in lines(reviewed_repo) if ": error:" in ln]) == 3


def test_yaml_syntax_error_names_line_and_column(reviewed_repo: Path) -> None:
    record_path(reviewed_repo).write_text("id: x\ntitle: bad: colon\n", "utf-8")
    (line,) = [ln for ln in lines(reviewed_repo) if RID in ln]
    assert line.startswith(f"briefings/{RID}.yaml:2:11: error: YAML error: ")
    assert line.endswith("fix the syntax at that line and column")


@pytest.mark.parametrize(
    ("text", "noticed", "begins", "what"),
    [
        # an unclosed quote is noticed at the end of the file, five lines on
        (
            "id: x\ntitle: 'unclosed\nsummary: hi\nactors:\n  - name: A\n  - name: B\n",
            "7:1",
            2,
            "a quoted value",
        ),
        # an unclosed bracket, noticed on the next key
        ("id: x\ntags: [a, b\nsummary: hi\n", "3:8", 2, "a [...] list"),
        # a key indented unlike its neighbours, noticed two lines after its block began
        (
            "id: x\nactors:\n  - name: A\n    type: person\n   role: x\n",
            "5:4",
            3,
            "an indented block",
        ),
    ],
)
def test_yaml_syntax_error_names_where_the_construct_began(
    reviewed_repo: Path, text: str, noticed: str, begins: int, what: str
) -> None:
    record_path(reviewed_repo).write_text(text, "utf-8")
    (line,) = [ln for ln in lines(reviewed_repo) if RID in ln]
    assert line.startswith(f"briefings/{RID}.yaml:{noticed}: error: YAML error: ")
    assert f"(noticed here, in {what} that begins at line {begins})" in line
    assert line.endswith(
        f"look from line {begins} to line {noticed.split(':')[0]} for a quote "
        "or bracket left open or a line indented unlike its neighbours"
    )


def test_no_message_points_at_a_file_the_project_lacks() -> None:
    import generator

    from .conftest import PROJECT

    package = Path(generator.__file__).parent
    for path in [*package.rglob("*.py"), *package.rglob("*.json")]:
        assert "RECORD.md" not in path.read_text("utf-8"), path
    assert (PROJECT / "docs" / "record-format.md").is_file()


def test_seed_without_record_and_shared_ids(reviewed_repo: Path) -> None:
    seeds = reviewed_repo / "seeds"
    (seeds / "New Story.txt").write_text("Text.", "utf-8")
    (seeds / "new-story.md").write_text("Text.", "utf-8")
    (seeds / "lonely.txt").write_text("Text.", "utf-8")
    shutil.copy(record_path(reviewed_repo), reviewed_repo / "briefings" / f"{RID}.yml")
    found = lines(reviewed_repo)
    assert (
        "seeds/lonely.txt: error: has no record; run: briefings extract seeds/lonely.txt" in found
    )
    assert any(
        ln.startswith(
            "seeds/New Story.txt: error: its name gives the same record id "
            "'new-story' as seeds/new-story.md"
        )
        for ln in found
    )
    assert any(
        f"id '{RID}' is shared by briefings/{RID}.yaml and briefings/{RID}.yml" in ln
        for ln in found
    )


def test_seed_symlink_out_of_seeds_is_refused(reviewed_repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", "utf-8")
    (reviewed_repo / "seeds" / "link.txt").symlink_to(outside)
    edit(reviewed_repo, lambda d: d["seed"].update(path="seeds/link.txt"))
    assert any("leads outside seeds/" in ln for ln in lines(reviewed_repo))


def test_helpers() -> None:
    assert edtf_problem("2023-07-11/2023-07-12") is None
    assert edtf_problem("2023-01~") is None
    assert edtf_problem("2023-02-30") is not None
    assert seed_path_problem("seeds/a/b.txt") is None
    assert seed_path_problem("seeds") is not None


def test_github_annotations_escape_their_properties() -> None:
    from generator.validate import Problem

    problem = Problem("seeds/a, b: c.txt", 3, "", "100% wrong\nreally", column=2)
    assert problem.format("github") == (
        "::error file=seeds/a%2C b%3A c.txt,line=3,col=2::100%25 wrong%0Areally"
    )
    assert problem.format() == "seeds/a, b: c.txt:3:2: error: 100% wrong\\nreally"


def test_the_quick_schema_check_agrees_with_jsonschema() -> None:
    """The compiled check may only say 'valid' where jsonschema finds no error."""
    import copy
    import random

    from generator.validate import _quick_check, _validator

    quick = _quick_check()
    if quick is None:
        pytest.skip("fastjsonschema is not installed")
    from .conftest import EXAMPLE_RECORD

    base = yaml.safe_load(EXAMPLE_RECORD.read_text("utf-8"))
    values = [None, 1, 2.5, True, "", "x", [], {}, ["a"], {"name": "x"}, "nation", "draft"]
    rng = random.Random(7)

    def paths(node, prefix=()):
        yield prefix
        if isinstance(node, dict):
            for k, v in node.items():
                yield from paths(v, (*prefix, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from paths(v, (*prefix, i))

    every = [p for p in paths(base) if p]
    for _ in range(600):
        record = copy.deepcopy(base)
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(every)
            parent = record
            try:
                for key in path[:-1]:
                    parent = parent[key]
                if rng.random() < 0.2 and isinstance(parent, dict):
                    parent.pop(path[-1], None)
                else:
                    parent[path[-1]] = rng.choice(values)
            except (KeyError, IndexError, TypeError):
                continue
        if rng.random() < 0.2:
            record[rng.choice(["extra", "colour"])] = rng.choice(values)
        try:
            quick(record)
            fast_valid = True
        except Exception:
            fast_valid = False
        slow_valid = not list(_validator().iter_errors(record))
        assert fast_valid == slow_valid, record
