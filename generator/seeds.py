"""Reading seed documents: bytes → decoded, format-aware plain text.

A seed's *text* is what a reader of the document sees: the decoded file for plain text, the
rendered text of Markdown (markup removed, front matter set aside) and the visible text of
HTML. Evidence quotes in records are checked against this text, so it must be stable.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml
from slugify import slugify

from .errors import BriefingError

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html"}
#: Seeds larger than this are refused: no news article comes near it, and reading one
#: would cost memory for nothing.
MAX_SEED_BYTES = 20 * 1024 * 1024

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
                 b"GIF8": "GIF image", b"PK\x03\x04": "ZIP archive (or Office document)",
                 b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable"}


@dataclass(frozen=True)
class Seed:
    """One seed document, read and decoded."""

    path: Path
    """Where the file is on disk."""
    rel_path: str
    """The path recorded in the record (`seeds/<name>` inside a repository)."""
    id: str
    sha256: str
    format: str
    """`text`, `markdown` or `html`."""
    encoding: str
    text: str
    """The reader-visible text (see the module docstring)."""
    meta: dict[str, str] = field(default_factory=dict)
    """Metadata the format declares: `title`, `date`, `author`, `publisher`, `url`."""


def seed_id(path: Path) -> str:
    """The record id of a seed: the slug of its file stem."""
    return slugify(path.stem, lowercase=True)


def is_seed_file(path: Path) -> bool:
    """Whether the reader treats this file as a seed (hidden files and notes are not)."""
    return path.is_file() and not path.name.startswith(".") and path.name.lower() != "readme.md"


def list_seeds(folder: Path) -> list[Path]:
    """Every seed file in a folder (not recursive), sorted by name."""
    if not folder.is_dir():
        raise BriefingError(folder, "seed folder not found", "create it or pass --seeds DIR")
    return sorted(p for p in folder.iterdir() if is_seed_file(p))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: object) -> tuple[str, str]:
    """Decode seed bytes, detecting the encoding. Returns (text, encoding)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise BriefingError(path, f"starts with a {enc} byte-order mark but does not "
                                    f"decode as {enc} ({exc.reason} at byte {exc.start})",
                                    "save it as UTF-8") from None
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BriefingError(path, f"is a {kind}, not a text document",
                                "save the article as .txt, .md or .html")
    if b"\x00" in data[:65536]:
        raise BriefingError(path, "is binary (contains NUL bytes), not a text document",
                            "save the article as .txt, .md or .html")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:1_000_000]))
    if not results:
        raise BriefingError(path, "cannot be decoded: no text encoding fits its bytes",
                            "save it as UTF-8")
    # Short texts fit several single-byte code pages equally well; among the least chaotic,
    # prefer Windows-1252, by far the most common non-UTF-8 encoding of English text.
    least = min(r.chaos for r in results)
    tied = [r.encoding for r in results if r.chaos <= least + 0.01]
    encoding = "cp1252" if "cp1252" in tied else tied[0]
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise BriefingError(path, f"cannot be decoded (guessed {encoding}, which fails)",
                            "save it as UTF-8") from None
    return text, encoding


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_share(text: str) -> float:
    """The share of control characters (other than white space) in the first 20,000."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter off Markdown. Malformed front matter stays in the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    meta = {str(k).lower(): str(v) for k, v in data.items()
            if isinstance(v, (str, int, float)) or hasattr(v, "isoformat")}
    return meta, text[m.end():]


def markdown_text(source: str) -> str:
    """The rendered text of Markdown: one block per paragraph, heading or list item."""
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    for tok in MarkdownIt("commonmark").parse(source):
        if tok.type == "inline":
            parts = []
            for child in tok.children or []:
                if child.type in ("text", "code_inline", "html_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                elif child.type == "image":
                    parts.append(child.content)
            blocks.append("".join(parts))
        elif tok.type in ("code_block", "fence", "html_block"):
            blocks.append(tok.content.rstrip("\n"))
    return "\n\n".join(b for b in blocks if b.strip())


_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "table", "section", "article", "header", "footer", "blockquote", "pre", "figure",
               "figcaption", "main", "aside", "nav", "dd", "dt", "hr", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or "").lower()
            wanted = {"og:title": "title", "article:published_time": "date", "date": "date",
                      "author": "author", "article:author": "author", "og:site_name": "publisher",
                      "og:url": "url"}
            if key in wanted and a.get("content") and wanted[key] not in self.meta:
                self.meta[wanted[key]] = a["content"].strip()
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if not self.skip:
            self.parts.append(data)


def html_text(source: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML document (one block per block element) and its metadata."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    raw = "".join(parser.parts)
    blocks = [re.sub(r"[ \t\r\f\v\n]+", " ", b).strip() for b in re.split(r"\n\s*\n", raw)]
    meta = dict(parser.meta)
    title = " ".join("".join(parser._title).split())
    if title and "title" not in meta:
        meta["title"] = title
    return "\n\n".join(b for b in blocks if b), meta


def read_seed(path: Path, root: Path | None = None) -> Seed:
    """Read one seed. `root` is the repository root that `rel_path` is relative to.

    Raises BriefingError, naming the file, for anything that is not a readable document.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BriefingError(path, f"unknown seed extension '{path.suffix or '(none)'}'",
                            "use .txt, .md or .html")
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            raise BriefingError(path, f"is {size / 2**20:.1f} MiB, more than the "
                                f"{MAX_SEED_BYTES // 2**20} MiB a seed may have",
                                "keep only the article in the seed")
        data = path.read_bytes()
    except OSError as exc:
        raise BriefingError(path, f"cannot be read ({exc.strerror})",
                            "check that it exists and is readable") from None
    sid = seed_id(path)
    if not sid:
        raise BriefingError(path, "file name has no letters or digits to make a record id from",
                            "rename the seed")
    if not data.strip():
        raise BriefingError(path, "is empty", "put the article's text in it or delete it")
    decoded, encoding = decode(data, path)
    if _control_share(decoded) > 0.01:
        raise BriefingError(path, "is binary (control characters), not a text document",
                            "save the article as .txt, .md or .html")
    decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    if fmt == "markdown":
        meta, body = split_front_matter(decoded)
        text = markdown_text(body)
    elif fmt == "html":
        text, meta = html_text(decoded)
    else:
        text = decoded
    if not text.strip():
        raise BriefingError(path, "has no readable text",
                            "put the article's text in it or delete it")
    rel = _relative(path, root)
    return Seed(path=path, rel_path=rel, id=sid, sha256=sha256_bytes(data), format=fmt,
                encoding=encoding, text=text, meta=meta)


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.absolute().relative_to(Path(root).absolute()).as_posix()
        except ValueError:
            pass
    return f"seeds/{path.name}"


def fold_ws(text: str) -> str:
    """Fold runs of white space to one space, as the evidence check does."""
    return " ".join(text.split())
