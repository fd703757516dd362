"""`briefings add`: store an article as received, with the provenance its saver knows, and
draft its record.

The article's text is kept as it came; only a YAML front-matter header is put before it:

    ---
    url: https://example.org/2024/03/05/story
    site: Example News
    date: '2024-03-05'
    title: The headline
    author: [A. Writer]
    ---
    <the article as received>

Text and Markdown go into `seeds/<date>-<slug>.md`. HTML goes into `seeds/<date>-<slug>.html`
with the same header before the page (the seed reader takes a leading front matter off HTML
as it does off Markdown), so the page's bytes stay as they are and no `<meta>` tag has to be
written into them. If the input has front matter of its own (Markdown or HTML, or plain
text whose header names a provenance key such as `title` or `url`), its keys are kept in the
one header and the command line's values win. The only change to the input is its encoding:
the file is written as UTF-8.

The date in the name is `--date`, else the date the input's own metadata or header gives
(read as the extractor reads it), else the file is named without a date. The slug is made
from `--title`, else the input's title or headline, else its first line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

from .errors import BriefingError
from .seeds import (
    _FRONT_MATTER_KEYS,
    MAX_SEED_BYTES,
    decode,
    front_matter,
    is_seed_file,
    is_web_address,
    normalise_meta,
    parse_seed,
    seed_id,
)

#: The input formats by file extension, and the extension each is stored under.
INPUT_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
STORED_SUFFIX = {"text": ".md", "markdown": ".md", "html": ".html"}
#: The longest slug a seed's name gets from its title (cut at a word boundary).
SLUG_CHARS = 60
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|meta|article|!--)", re.I)
_HTML_CLOSE = re.compile(r"</(?:p|div|html|body|article|h[1-6]|span|a)\s*>", re.I)


@dataclass
class Provenance:
    """What the person adding the article knows about the copy in hand (None: not given)."""

    url: str
    site: str | None = None
    date: str | None = None
    """A full date as given on the command line (checked by `check_provenance`)."""
    title: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Added:
    """A stored seed: where it is and the date its name was given, if any."""

    path: Path
    date: dt.date | None


def check_provenance(prov: Provenance) -> dt.date | None:
    """Refuse a malformed --url, --date, --site, --title or --author; return the date."""
    if not is_web_address(prov.url):
        raise BriefingError(
            "--url",
            f"'{prov.url}' is not a web address",
            "give the address the article was copied from, starting with http:// or https://",
        )
    for flag, value in (
        ("--site", prov.site),
        ("--title", prov.title),
        ("--date", prov.date),
        *(("--author", a) for a in prov.authors),
    ):
        if value is None:
            continue
        if not value.strip():
            raise BriefingError(flag, "is blank", f"give a value or leave {flag} out")
        if "\n" in value or "\r" in value:
            raise BriefingError(flag, "spans several lines", "give it on one line")
    if prov.date is None:
        return None
    try:
        return dt.date.fromisoformat(prov.date.strip())
    except ValueError:
        raise BriefingError(
            "--date",
            f"'{prov.date}' is not a full date",
            "give the day the article was published as YYYY-MM-DD, e.g. 2024-03-05",
        ) from None


def read_input(source: str, stdin: object = None) -> tuple[bytes, str, str]:
    """The article's bytes, the name to report it by and its format (`text`, `markdown` or
    `html`). `source` is a file or `-` for `stdin` (a binary stream)."""
    if source == "-":
        name = "standard input"
        data = stdin.read(MAX_SEED_BYTES + 1) if stdin is not None else b""  # type: ignore[attr-defined]
        fmt = ""
    else:
        path = Path(source)
        name = source
        fmt = INPUT_FORMATS.get(path.suffix.lower(), "")
        if not fmt:
            raise BriefingError(
                source,
                f"unknown extension '{path.suffix or '(none)'}'",
                "give a .txt, .md or .html file, or - to read the article from standard input",
            )
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_SEED_BYTES + 1)
        except OSError as exc:
            raise BriefingError(
                source, f"cannot be read ({exc.strerror})", "check the path"
            ) from None
    if len(data) > MAX_SEED_BYTES:
        raise BriefingError(
            name,
            f"is more than the {MAX_SEED_BYTES // 2**20} MiB a seed may have",
            "keep only the article",
        )
    if not data.strip():
        raise BriefingError(
            name, "is empty", "give the article's text (a file, or paste it into standard input)"
        )
    if not fmt:
        head = data[:200_000].decode("utf-8", "replace")
        fmt = "html" if _HTML_START.match(head) and _HTML_CLOSE.search(head) else "text"
    return data, name, fmt


def header(prov: Provenance, date: dt.date | None, given: dict[object, object]) -> str:
    """The front matter: the command line's provenance first, then the input's own keys
    that it does not override."""
    ours: dict[str, object] = {"url": prov.url.strip()}
    if prov.site:
        ours["site"] = " ".join(prov.site.split())
    if date is not None:
        ours["date"] = date.isoformat()
    if prov.title:
        ours["title"] = " ".join(prov.title.split())
    authors = [" ".join(a.split()) for a in prov.authors if a.strip()]
    if authors:
        ours["author"] = authors if len(authors) > 1 else authors[0]
    set_here = set(normalise_meta(ours))
    for key, value in given.items():
        if str(key) not in ours and not set(normalise_meta({key: value})) & set_here:
            ours[str(key)] = value
    dumped = yaml.safe_dump(
        ours, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False
    )
    return f"---\n{dumped}---\n"


def found_date_and_title(content: bytes, suffix: str) -> tuple[dt.date | None, str, str]:
    """The publication date and headline the extractor reads from a stored seed's text and
    metadata, and the text's first line."""
    from .extract.clean import classify
    from .extract.metadata import read_metadata

    seed = parse_seed(Path("seed" + suffix), content)
    md = read_metadata(classify(seed.text), seed.text, seed.meta)
    date = md.date or (max(md.header_dates) if md.header_dates else None)
    first = next((ln.strip() for ln in seed.text.splitlines() if ln.strip()), "")
    return date, seed.meta.get("title") or md.title, first


def seed_name(title: str, first_line: str, date: dt.date | None) -> str:
    """`<date>-<slug>` (or `<slug>` without a date) from the title, else the first line."""
    slug = ""
    for words in (title, first_line):
        slug = slugify(words, max_length=SLUG_CHARS, word_boundary=True, lowercase=True)
        if slug:
            break
    slug = slug or "article"
    return f"{date.isoformat()}-{slug}" if date else slug


def add_seed(
    source: str,
    prov: Provenance,
    seeds_dir: Path,
    records_dir: Path,
    stdin: object = None,
    show: Callable[[Path], str] = str,
) -> Added:
    """Store the article `source` (a file, or `-` for `stdin`) in `seeds_dir` under a
    front-matter header with `prov`; refuse to overwrite a seed or record of the same id."""
    date = check_provenance(prov)
    if source != "-" and Path(source).absolute().is_relative_to(seeds_dir.absolute()):
        raise BriefingError(
            source,
            "is already in the seed folder",
            "run briefings extract on it, or add a copy kept elsewhere",
        )
    data, name, fmt = read_input(source, stdin)
    text, _ = decode(data, name)
    text = text.lstrip("\ufeff")
    given, article = front_matter(text)
    if fmt == "text" and not {str(k).lower() for k in given} & set(_FRONT_MATTER_KEYS):
        given, article = {}, text  # "---" lines around "Breaking: news" are the article's
    suffix = STORED_SUFFIX[fmt]
    stored = (header(prov, date, given) + article).encode("utf-8")
    try:
        found, title, first = found_date_and_title(stored, suffix)
    except BriefingError as exc:
        raise BriefingError(name, exc.problem, exc.fix) from None
    date = date or found
    stem = seed_name(prov.title or title, first, date)
    path = seeds_dir / (stem + suffix)
    display = show(path)
    twins = [
        p
        for p in (seeds_dir.iterdir() if seeds_dir.is_dir() else [])
        if is_seed_file(p) and seed_id(p) == seed_id(path)
    ]
    if twins:
        raise BriefingError(
            show(twins[0]),
            "already exists",
            "if it is another article, add it with a different --title; if "
            "it is the same, delete the file first or keep it",
        )
    record = records_dir / f"{seed_id(path)}.yaml"
    if record.exists():
        raise BriefingError(
            show(record),
            "already exists for a seed of that name",
            "add the article with a different --title, or delete the record first",
        )
    seeds_dir.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as fh:
            fh.write(stored)
    except FileExistsError:
        raise BriefingError(
            display, "already exists", "delete it first or choose another --title"
        ) from None
    except OSError as exc:
        raise BriefingError(
            display, f"cannot be written ({exc.strerror})", "check that the seed folder is writable"
        ) from None
    return Added(path, date)
