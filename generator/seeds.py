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


_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr"}
# Page furniture by element or by its class/id words: reader comments, sidebars and widgets,
# navigation, cookie banners, share bars, related links. Their text is not the article's.
_FURNITURE_TAGS = {"nav", "aside", "footer", "form", "button", "select"}
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|commentlist|respond|sidebar|widget|widgets|"
    r"cookie|cookies|consent|share|sharing|social|related|newsletter|subscribe|promo|advert|"
    r"ad-slot|breadcrumbs?|menu|navbar|masthead|site-footer|site-header)(?:$|[\s_-])",
    re.I,
)
_META = {"og:title": "title", "article:published_time": "date", "date": "date",
         "author": "author", "article:author": "author", "og:site_name": "publisher",
         "og:url": "url"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._title: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # open elements: (tag, furniture?)
        self._furniture = 0
        self._ld: list[str] | None = None
        self.ld_json: list[str] = []
        self.times: list[str] = []

    def _is_furniture(self, tag: str, a: dict[str, str]) -> bool:
        words = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        return tag in _FURNITURE_TAGS or bool(_FURNITURE.search(words))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key in _META and a.get("content") and _META[key] not in self.meta:
                self.meta[_META[key]] = a["content"].strip()
            return
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._ld = []
        if tag == "time" and a.get("datetime") and not self._furniture:
            self.times.append(a["datetime"].strip())
        if tag not in _VOID_TAGS:
            furniture = self._is_furniture(tag, a)
            self._stack.append((tag, furniture))
            self._furniture += furniture
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
        if tag == "script" and self._ld is not None:
            self.ld_json.append("".join(self._ld))
            self._ld = None
        if any(t == tag for t, _ in self._stack):  # close it and whatever was left open in it
            while self._stack:
                t, furniture = self._stack.pop()
                self._furniture -= furniture
                if t == tag:
                    break
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._ld is not None:
            self._ld.append(data)
        if self._in_title:
            self._title.append(data)
        if not self.skip and not self._furniture:
            self.parts.append(data)


def _linked_data(sources: list[str]) -> dict[str, str]:
    """Headline, date, authors, publisher and address from a page's JSON-LD article."""
    import json

    items: list[object] = []
    for src in sources:
        try:
            data = json.loads(src)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                items.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    out: dict[str, str] = {}
    for item in items:
        kind = item.get("@type") if isinstance(item, dict) else None
        kinds = kind if isinstance(kind, list) else [kind]
        if not isinstance(item, dict) or not any(
            isinstance(k, str) and k.endswith(("Article", "BlogPosting", "Report")) for k in kinds
        ):
            continue

        def names(value: object) -> list[str]:
            values = value if isinstance(value, list) else [value]
            got = [v.get("name") if isinstance(v, dict) else v for v in values]
            return [str(g).strip() for g in got if isinstance(g, str) and g.strip()]

        for key, field_name in (("headline", "title"), ("datePublished", "date"), ("url", "url")):
            if isinstance(item.get(key), str) and item[key].strip():
                out.setdefault(field_name, item[key].strip())
        if names(item.get("author")):
            out.setdefault("author", ", ".join(names(item.get("author"))))
        if names(item.get("publisher")):
            out.setdefault("publisher", names(item.get("publisher"))[0])
        break
    return out


def html_text(source: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML document (one block per block element, page furniture such
    as comments, sidebars and navigation left out) and its metadata (meta tags, JSON-LD,
    the first <time datetime>)."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    raw = "".join(parser.parts)
    blocks = [re.sub(r"[ \t\r\f\v\n]+", " ", b).strip() for b in re.split(r"\n\s*\n", raw)]
    meta = dict(parser.meta)
    for key, value in _linked_data(parser.ld_json).items():
        meta.setdefault(key, value)
    if parser.times:
        meta.setdefault("date", parser.times[0])
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
