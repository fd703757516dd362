"""`briefings add`: the article stored as received under a provenance header, its record
drafted, bad input refused in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.extract.clean import classify
from generator.extract.metadata import read_metadata
from generator.seeds import read_seed

from .conftest import PROJECT
from .support import FAKE, env

ARTICLE = """Ferry service to the outer islands resumes after storm repairs
12 March 2025

By Kai Moana

The inter-island ferry returned to service on Tuesday after three weeks of repairs to its \
hull, the transport ministry said.

Operators said the next inspection is due in June.
"""


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFINGS_EXTRACTOR", FAKE)


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "add", *args])


def front(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    head, _, rest = text[4:].partition("\n---\n")
    return yaml.safe_load(head), rest


def test_add_from_a_file_stores_it_untouched_and_drafts_its_record(
    tmp_path: Path, fake: None, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "pasted.txt"
    src.write_text(ARTICLE, "utf-8")
    assert (
        run(
            tmp_path,
            str(src),
            "--url",
            "https://islandnews.example/ferry",
            "--site",
            "Island News",
            "--author",
            "Kai Moana",
        )
        == 0
    )
    seed = (
        tmp_path / "seeds" / "2025-03-12-ferry-service-to-the-outer-islands-resumes-after-storm.md"
    )
    meta, rest = front(seed)
    assert meta == {
        "url": "https://islandnews.example/ferry",
        "site": "Island News",
        "author": "Kai Moana",
    }
    assert rest == ARTICLE
    record = yaml.safe_load((tmp_path / "briefings" / f"{seed.stem}.yaml").read_text("utf-8"))
    assert record["seed"]["path"] == f"seeds/{seed.name}"
    out = capsys.readouterr().out
    assert f"added     seeds/{seed.name}" in out and "created" in out


def test_add_from_standard_input_keeps_html_as_html(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html>\r\n<html><head><title>Ferry back | Island News</title>"
        "<meta property='og:title' content='Ferry back in service'></head>\r\n<body>"
        "<h1>Ferry back in service</h1><p>The ferry returned on Tuesday, the ministry "
        "said.</p></body></html>\r\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "add",
            "-",
            "--url",
            "https://islandnews.example/ferry",
            "--date",
            "2025-03-12",
        ],
        cwd=tmp_path,
        env=env(),
        input=page.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seed = tmp_path / "seeds" / "2025-03-12-ferry-back-in-service.html"
    data = seed.read_bytes()
    assert data == (
        b"---\nurl: https://islandnews.example/ferry\ndate: '2025-03-12'\n---\n"
        + page.encode("utf-8")
    )
    read = read_seed(seed, tmp_path)
    assert read.text == "Ferry back in service\n\nThe ferry returned on Tuesday, the ministry said."
    assert read.meta["url"] == "https://islandnews.example/ferry"
    assert (tmp_path / "briefings" / "2025-03-12-ferry-back-in-service.yaml").is_file()


def test_plain_text_from_standard_input_becomes_markdown(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "add",
            "-",
            "--url",
            "https://islandnews.example/ferry",
        ],
        cwd=tmp_path,
        env=env(),
        input=ARTICLE.encode("cp1252"),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (seed,) = (tmp_path / "seeds").iterdir()
    assert seed.name == "2025-03-12-ferry-service-to-the-outer-islands-resumes-after-storm.md"
    assert front(seed)[1] == ARTICLE  # decoded, stored as UTF-8, text unchanged


def test_an_existing_seed_is_never_overwritten(
    tmp_path: Path, fake: None, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    assert run(tmp_path, str(src), "--url", "https://islandnews.example/ferry") == 0
    (seed,) = (tmp_path / "seeds").iterdir()
    before = seed.read_bytes()
    capsys.readouterr()
    assert run(tmp_path, str(src), "--url", "https://other.example/ferry") == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: seeds/{seed.name}: already exists; if it is another article, add it "
        "with a different --title; if it is the same, delete the file first or keep it"
    )
    assert seed.read_bytes() == before
    assert (
        run(
            tmp_path,
            str(src),
            "--url",
            "https://other.example/ferry",
            "--title",
            "Ferry resumes, second report",
        )
        == 0
    )
    assert len(list((tmp_path / "seeds").iterdir())) == 2


def test_a_seed_of_the_same_id_in_another_format_is_not_overwritten(
    tmp_path: Path, fake: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "2025-03-12-ferry-back.txt").write_text("Old copy.\n", "utf-8")
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    assert run(tmp_path, str(src), "--url", "https://x.example/f", "--title", "Ferry back") == 1
    assert "seeds/2025-03-12-ferry-back.txt: already exists" in capsys.readouterr().err
    assert not (tmp_path / "seeds" / "2025-03-12-ferry-back.md").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--url", "islandnews.example/ferry"],
            "error: --url: 'islandnews.example/ferry' is not a web address; give the address the "
            "article was copied from, starting with http:// or https://",
        ),
        (
            ["--url", "ftp://islandnews.example/ferry"],
            "error: --url: 'ftp://islandnews.example/ferry'",
        ),
        (
            ["--url", "https://x.example/a", "--date", "March 2025"],
            "error: --date: 'March 2025' is not a full date; give the day the article was published "
            "as YYYY-MM-DD, e.g. 2024-03-05",
        ),
        (["--url", "https://x.example/a", "--date", "2025-02-30"], "error: --date: '2025-02-30'"),
        (
            ["--url", "https://x.example/a", "--site", " "],
            "error: --site: is blank; give a value or leave --site out",
        ),
    ],
)
def test_bad_options_get_one_line_and_nothing_is_written(
    tmp_path: Path, fake: None, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    assert run(tmp_path, str(src), *args) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "seeds").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "a.docx",
            b"PK\x03\x04",
            "error: {src}: unknown extension '.docx'; give a .txt, .md or "
            ".html file, or - to read the article from standard input",
        ),
        ("a.txt", b"  \n", "error: {src}: is empty"),
        ("a.txt", b"%PDF-1.4 ...", "error: {src}: is a PDF, not a text document"),
        ("missing.txt", None, "error: {src}: cannot be read (No such file or directory)"),
    ],
)
def test_bad_input_gets_one_line(
    tmp_path: Path,
    fake: None,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes | None,
    message: str,
) -> None:
    src = tmp_path / name
    if data is not None:
        src.write_bytes(data)
    assert run(tmp_path, str(src), "--url", "https://x.example/a") == 1
    err = capsys.readouterr().err
    assert err.startswith(message.format(src=src)) and err.count("\n") == 1
    assert not (tmp_path / "seeds").exists()


def test_a_file_already_in_the_seed_folder_is_not_added_again(
    tmp_path: Path, fake: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    src = tmp_path / "seeds" / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    assert run(tmp_path, str(src), "--url", "https://x.example/a") == 1
    assert capsys.readouterr().err == (
        f"error: {src}: is already in the seed folder; run "
        "briefings extract on it, or add a copy kept elsewhere\n"
    )
    assert [p.name for p in (tmp_path / "seeds").iterdir()] == ["a.txt"]


def test_without_a_date_the_name_has_none(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "a.md"
    src.write_text(ARTICLE.replace("12 March 2025\n", ""), "utf-8")
    run(tmp_path, str(src), "--url", "https://x.example/a")
    assert [p.name for p in (tmp_path / "seeds").iterdir()] == [
        "ferry-service-to-the-outer-islands-resumes-after-storm.md"
    ]


def test_the_inputs_own_front_matter_is_kept_and_the_command_line_wins(
    tmp_path: Path, fake: None
) -> None:
    src = tmp_path / "clip.md"
    src.write_text(
        "---\ntitle: Ferry resumes\nsource: https://old.example/f\nsection: Transport\n"
        "---\nThe ferry returned on Tuesday, the ministry said.\n",
        "utf-8",
    )
    assert (
        run(tmp_path, str(src), "--url", "https://islandnews.example/f", "--date", "2025-03-12")
        == 0
    )
    (seed,) = (tmp_path / "seeds").iterdir()
    meta, rest = front(seed)
    assert meta == {
        "url": "https://islandnews.example/f",
        "date": "2025-03-12",
        "title": "Ferry resumes",
        "section": "Transport",
    }
    assert rest == "The ferry returned on Tuesday, the ministry said.\n"
    assert read_seed(seed).meta["url"] == "https://islandnews.example/f"


def chain_of(seed: Path) -> tuple[object, object]:
    s = read_seed(seed)
    md = read_metadata(classify(s.text), s.text, s.meta)
    return md.publisher, md.original


def test_the_republisher_is_the_copy_in_hand_from_the_command_line(
    tmp_path: Path, fake: None
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE + "\nThis article was originally published by Pacific Wire.\n", "utf-8")
    assert (
        run(
            tmp_path,
            str(src),
            "--url",
            "https://atollpost.example/ferry",
            "--site",
            "Atoll Post",
            "--date",
            "2025-03-13",
            "--author",
            "Sina Lemalu",
        )
        == 0
    )
    publisher, original = chain_of(next((tmp_path / "seeds").iterdir()))
    assert publisher.name == "Atoll Post"  # type: ignore[attr-defined]
    assert publisher.url == "https://atollpost.example/ferry"  # type: ignore[attr-defined]
    assert str(publisher.date) == "2025-03-13"  # type: ignore[attr-defined]
    assert publisher.authors == ["Sina Lemalu"]  # type: ignore[attr-defined]
    assert original.name == "Pacific Wire"  # type: ignore[attr-defined]
    assert original.authors == ["Kai Moana"]  # type: ignore[attr-defined]


def test_without_a_site_the_republisher_is_named_by_its_address(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "a.txt"
    src.write_text("ISLAND NEWS | Transport\n\n" + ARTICLE, "utf-8")
    assert run(tmp_path, str(src), "--url", "https://www.atollpost.example/ferry") == 0
    publisher, original = chain_of(next((tmp_path / "seeds").iterdir()))
    assert original is None
    assert publisher.name == "Atollpost"  # type: ignore[attr-defined]
    assert publisher.title.startswith("Ferry service")  # type: ignore[attr-defined]


def test_the_real_extractor_drafts_the_chain_from_the_provenance(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE + "\nThis article was originally published by Pacific Wire.\n", "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "add",
            str(src),
            "--url",
            "https://atollpost.example/ferry",
            "--site",
            "Atoll Post",
        ],
        cwd=tmp_path,
        env=env(fake=False),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (record,) = (tmp_path / "briefings").glob("*.yaml")
    data = yaml.safe_load(record.read_text("utf-8"))
    assert data["date"] == "2025-03-12"
    assert data["title"] == "Ferry service to the outer islands resumes after storm repairs"
    links = {s["role"]: s for s in data["source_chain"] if s["role"] != "primary"}
    assert links["republisher"]["name"] == "Atoll Post"
    assert links["republisher"]["url"] == "https://atollpost.example/ferry"
    assert links["original"]["name"] == "Pacific Wire"


def test_readme_adds_seeds_with_briefings_add() -> None:
    readme = (PROJECT / "README.md").read_text("utf-8")
    section = readme.split("## Add a seed", 1)[1].split("\n## ", 1)[0]
    assert "briefings add" in section and "--url" in section


def test_a_syndicated_pages_canonical_link_is_its_original(tmp_path: Path) -> None:
    page = (
        "<html><head><link rel='canonical' href='https://theconversation.com/heat-rules-12'>"
        "<meta property='og:url' content='https://www.valleytimes.example/heat-rules'>"
        "<meta property='og:site_name' content='Valley Times'></head><body>"
        "<h1>Cities across the region adopt new rules for extreme heat</h1>"
        "<p>By Mara Quint</p><p>Seven cities adopted rules on Monday that require shade "
        "and water for outdoor workers when temperatures pass 35C, their mayors said in a "
        "joint statement issued after a meeting in the regional capital.</p></body></html>"
    )
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "2025-07-01-heat.html"
    seed.write_text(page, "utf-8")
    publisher, original = chain_of(seed)
    assert publisher.name == "Valley Times"  # type: ignore[attr-defined]
    assert original.name == "The Conversation"  # type: ignore[attr-defined]
    assert original.url == "https://theconversation.com/heat-rules-12"  # type: ignore[attr-defined]
    same_site = page.replace(
        "https://theconversation.com/heat-rules-12", "https://valleytimes.example/heat-rules"
    )
    seed.write_text(same_site, "utf-8")
    publisher, original = chain_of(seed)
    assert original is None
    assert publisher.url == "https://valleytimes.example/heat-rules"  # type: ignore[attr-defined]


def test_plain_text_that_opens_with_rules_keeps_them(tmp_path: Path, fake: None) -> None:
    text = "---\nBreaking: ferry back\n---\n" + ARTICLE
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "add",
            "-",
            "--url",
            "https://islandnews.example/ferry",
        ],
        cwd=tmp_path,
        env=env(),
        input=text.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (seed,) = (tmp_path / "seeds").iterdir()
    meta, rest = front(seed)
    assert meta == {"url": "https://islandnews.example/ferry"} and rest == text
