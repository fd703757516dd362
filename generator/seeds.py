"""Reading seed documents: bytes → decoded, format-aware plain text.

A seed's *text* is what a reader of the document sees: the decoded file for plain text, the
rendered text of Markdown (markup removed, front matter set aside) and the visible text of
HTML. Evidence quotes in records are checked against this text, so it must be stable.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from .errors import BriefingError
from .problems import display_path
from .records import REGISTRY_ID

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
#: Seeds larger than this are refused: no news article comes near it, and reading one
#: would cost memory for nothing.
MAX_SEED_BYTES = 20 * 1024 * 1024

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
}


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
    """Provenance the file itself declares, under the keys of `META_KEYS` (see there) plus
    any other front-matter keys, lower-cased, as they are (`tags`, `section`, ...)."""


def seed_id(path: Path) -> str:
    """The record id of a seed: the slug of its file stem."""
    return _slug(path.stem)


@functools.lru_cache(maxsize=65536)
def _slug(stem: str) -> str:
    return str(slugify(stem, lowercase=True))


def is_seed_file(path: Path) -> bool:
    """Whether the reader treats this file as a seed (hidden files and notes are not)."""
    return path.is_file() and not path.name.startswith(".") and path.name.lower() != "readme.md"


def list_seeds(folder: Path) -> list[Path]:
    """Every seed file in a folder (not recursive), sorted by name."""
    if not folder.is_dir():
        raise BriefingError(folder, "seed folder not found", "create it or pass --seeds DIR")
    with os.scandir(folder) as entries:  # what is_seed_file asks, from the directory entry
        names = [
            e.name
            for e in entries
            if e.is_file() and not e.name.startswith(".") and e.name.lower() != "readme.md"
        ]
    return [folder / name for name in sorted(names)]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: object) -> tuple[str, str]:
    """Decode seed bytes, detecting the encoding. Returns (text, encoding)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise BriefingError(
                    path,
                    f"starts with a {enc} byte-order mark but does not "
                    f"decode as {enc} ({exc.reason} at byte {exc.start})",
                    "save it as UTF-8",
                ) from None
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BriefingError(
                path, f"is a {kind}, not a text document", "save the article as .txt, .md or .html"
            )
    if b"\x00" in data[:65536]:
        raise BriefingError(
            path,
            "is binary (contains NUL bytes), not a text document",
            "save the article as .txt, .md or .html",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:1_000_000]))
    if not results:
        raise BriefingError(
            path, "cannot be decoded: no text encoding fits its bytes", "save it as UTF-8"
        )
    # Short texts fit several single-byte code pages equally well; among the least chaotic,
    # prefer Windows-1252, by far the most common non-UTF-8 encoding of English text.
    least = min(r.chaos for r in results)
    tied = [r.encoding for r in results if r.chaos <= least + 0.01]
    encoding = "cp1252" if "cp1252" in tied else tied[0]
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise BriefingError(
            path, f"cannot be decoded (guessed {encoding}, which fails)", "save it as UTF-8"
        ) from None
    return text, encoding


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_share(text: str) -> float:
    """The share of control characters (other than white space) in the first 20,000."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)

#: The provenance keys of `Seed.meta`, whatever the file called them. All values are strings.
#:
#: - `title`: the headline of the copy in hand;
#: - `date`: its publication date or time, as stated (e.g. `2024-03-05`, `2024-03-05T09:00Z`);
#: - `author`: its authors, separated by "; ";
#: - `site`: the name of the site or outlet that published the copy in hand;
#: - `url`: the address of the copy in hand;
#: - `original_url`: the address of the original a syndicated HTML copy names (its
#:   `<link rel=canonical>` on another site than its own `og:url`).
#:
#: Front matter may use the names on the right for them (`source` is `url` when it is a web
#: address and `site` otherwise); HTML gives them by `<link rel=canonical>`, `og:` and
#: `article:` meta tags and JSON-LD (see `html_text`).
META_KEYS = ("title", "date", "author", "site", "url")
_FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "date_published": "date",
    "datepublished": "date",
    "published_at": "date",
    "publication_date": "date",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "site": "site",
    "site_name": "site",
    "sitename": "site",
    "publisher": "site",
    "publication": "site",
    "outlet": "site",
    "source": "site",
    "url": "url",
    "canonical": "url",
    "canonical_url": "url",
    "link": "url",
    "source_url": "url",
    "permalink": "url",
}
_LISTS = {"author": "; ", "tags": ", ", "keywords": ", ", "categories": ", "}


def is_web_address(value: str) -> bool:
    """Whether a string is an absolute http(s) address with a host."""
    from urllib.parse import urlparse

    try:
        parts = urlparse(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value.strip()


def _scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
        return " ".join(str(value).split())
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return " ".join(value["name"].split())  # author: {name: ..., url: ...}
    return None


def normalise_meta(data: Mapping[Any, object]) -> dict[str, str]:
    """Front-matter keys and values as `Seed.meta` holds them: provenance under `META_KEYS`
    (the first of a key's spellings wins), lists of names joined, other keys lower-cased."""
    meta: dict[str, str] = {}
    for key, value in data.items():
        name = str(key).strip().lower()
        target = _FRONT_MATTER_KEYS.get(name, name)
        if isinstance(value, list):
            items = [v for v in (_scalar(x) for x in value) if v]
            text = _LISTS.get(target, ", ").join(items) if target in _LISTS else None
        else:
            text = _scalar(value)
        if not text:
            continue
        if target == "site" and is_web_address(text):
            target = "url"  # "source: https://..." names the address, not the site
        meta.setdefault(target, text)
    return meta


def front_matter(text: str) -> tuple[dict[Any, object], str]:
    """YAML front matter at the start of the text, as parsed, and the text after it.
    Malformed front matter, or front matter that is no mapping, stays in the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[m.end() :]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter off the text, its keys and values as `normalise_meta` makes
    them. Malformed front matter, or front matter that is no mapping, stays in the text."""
    data, rest = front_matter(text)
    return normalise_meta(data), rest


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


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "main",
    "aside",
    "nav",
    "dd",
    "dt",
    "hr",
    "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


_VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
# Page furniture by element or by its class/id words: reader comments, sidebars and widgets,
# navigation, cookie banners, share bars, related links. Their text is not the article's.
_FURNITURE_TAGS = {"nav", "aside", "footer", "form", "button", "select"}
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|commentlist|respond|sidebar|widget|widgets|"
    r"cookie|cookies|consent|share|sharing|social|related|newsletter|subscribe|promo|advert|"
    r"ad-slot|breadcrumbs?|menu|navbar|masthead|site-footer|site-header)(?:$|[\s_-])",
    re.I,
)
# Meta tags of the copy in hand (Open Graph, article:, plain names) and the key they give.
_META = {
    "og:title": "title",
    "article:published_time": "date",
    "date": "date",
    "author": "author",
    "article:author": "author",
    "og:site_name": "site",
    "og:url": "url",
}
# Elements that may stand in a document's head; any other start tag begins its body, after
# which a <link rel=canonical> is not the page's (search engines ignore it there too).
_HEAD_TAGS = {
    "html",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "script",
    "style",
    "noscript",
    "template",
}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._title: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # open elements: (tag, furniture?)
        self._open: Counter[str] = Counter()  # how many of each tag are open (end tags O(1))
        self._furniture = 0
        self._ld: list[str] | None = None
        self.ld_json: list[str] = []
        self.times: list[str] = []
        self.canonical = ""
        self._in_body = False

    def _is_furniture(self, tag: str, a: dict[str, str]) -> bool:
        words = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        return tag in _FURNITURE_TAGS or bool(_FURNITURE.search(words))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        if tag not in _HEAD_TAGS:
            self._in_body = True
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            value = " ".join(a.get("content", "").split())
            if key.endswith("author") and is_web_address(value):
                value = ""  # article:author is often a profile page, not a name
            if key in _META and value and _META[key] not in self.meta:
                self.meta[_META[key]] = value
            return
        if tag == "link":
            if (
                not self._in_body
                and not self.canonical
                and "canonical" in a.get("rel", "").lower().split()
                and is_web_address(a.get("href", ""))
            ):
                self.canonical = a["href"].strip()
            return
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._ld = []
        if tag == "time" and a.get("datetime") and not self._furniture:
            self.times.append(a["datetime"].strip())
        if tag not in _VOID_TAGS:
            furniture = self._is_furniture(tag, a)
            self._stack.append((tag, furniture))
            self._open[tag] += 1
            self._furniture += furniture
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in ("meta", "link"):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._ld is not None:
            self.ld_json.append("".join(self._ld))
            self._ld = None
        if self._open[tag]:  # close it and whatever was left open in it
            while self._stack:
                t, furniture = self._stack.pop()
                self._open[t] -= 1
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


_ARTICLE_TYPES = ("Article", "BlogPosting", "Report")  # and their kinds: NewsArticle, ...


def _ld_items(sources: list[str]) -> list[dict[str, object]]:
    """Every JSON-LD object of a page in document order: top-level objects, lists of them
    and the members of `@graph`. Blocks that are no valid JSON are skipped."""
    import json

    items: list[dict[str, object]] = []
    for src in sources:
        src = src.strip()
        for opener, closer in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
            if src.startswith(opener) and src.endswith(closer):  # old pages hide it so
                src = src[len(opener) : -len(closer)]
        try:
            data = json.loads(src)
        except (ValueError, RecursionError):
            continue
        stack = [data]  # last in, first out: lists go on reversed to keep document order
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, (list, dict)):
                    stack.append(graph)
    return items


def _linked_data(sources: list[str]) -> dict[str, str]:
    """Headline, date, authors, site and address of the page's first JSON-LD article
    (`@type` NewsArticle, Article, BlogPosting, Report and their kinds); authors and
    publisher may be a string, an object, a list or an `@id` reference to another object."""
    items = _ld_items(sources)
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}

    def is_article(item: dict[str, object]) -> bool:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        return any(isinstance(k, str) and k.endswith(_ARTICLE_TYPES) for k in kinds)

    def names(value: object) -> list[str]:
        out = []
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, dict) and "name" not in v and isinstance(v.get("@id"), str):
                v = by_id.get(v["@id"], v)
            name = v.get("name") if isinstance(v, dict) else v
            if isinstance(name, str) and name.strip() and not is_web_address(name):
                out.append(" ".join(name.split()))
        return out

    def text(value: object) -> str:
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        return " ".join(value.split()) if isinstance(value, str) else ""

    item = next((i for i in items if is_article(i)), None)
    if item is None:
        return {}
    out: dict[str, str] = {}
    for key, name in (("headline", "title"), ("datePublished", "date")):
        if text(item.get(key)):
            out[name] = text(item.get(key))
    url = next(
        (u for k in ("url", "mainEntityOfPage") for u in [text(item.get(k))] if is_web_address(u)),
        "",
    )
    if url:
        out["url"] = url
    if names(item.get("author")):
        out["author"] = "; ".join(names(item.get("author")))
    if names(item.get("publisher")):
        out["site"] = names(item.get("publisher"))[0]
    return out


def _site_host(url: str) -> str:
    """The host of an address without a `www.`, `m.` or `amp.` in front."""
    from urllib.parse import urlparse

    host = urlparse(url.strip()).netloc.lower().rpartition("@")[2].partition(":")[0]
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


def html_text(source: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML document (one block per block element, page furniture such
    as comments, sidebars and navigation left out) and its metadata under `META_KEYS`:
    `url` from `<link rel=canonical>` in the head, else `og:url`, else the JSON-LD article's;
    `site`, `title`, `date` and `author` from meta tags (`og:site_name`, `og:title`,
    `article:published_time`, `author`), else the JSON-LD article's, else the first
    `<time datetime>` (date) and `<title>` (title). A canonical link to another site than
    `og:url`'s is the original's address (`original_url`). One pass over the text."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    raw = "".join(parser.parts)
    blocks = [re.sub(r"[ \t\r\f\v\n]+", " ", b).strip() for b in re.split(r"\n\s*\n", raw)]
    meta = dict(parser.meta)
    if (
        parser.canonical
        and "url" in meta
        and _site_host(meta["url"]) != _site_host(parser.canonical)
    ):
        meta["original_url"] = parser.canonical  # a republished copy names its original
    elif parser.canonical:
        meta["url"] = parser.canonical
    for key, value in _linked_data(parser.ld_json).items():
        meta.setdefault(key, value)
    if parser.times:
        meta.setdefault("date", parser.times[0])
    title = " ".join("".join(parser._title).split())
    if title and "title" not in meta:
        meta["title"] = _without_site_name(title, meta)
    return "\n\n".join(b for b in blocks if b), meta


_TITLE_PARTS = re.compile(r"(\s+(?:[|·•–—:]{1,2}|-)\s+)")


def _without_site_name(title: str, meta: dict[str, str]) -> str:
    """A page's <title> without the site's name at its end or start ("Headline | World |
    prairieledger.com", "Valley Times - Headline"): the name as `og:site_name` or the
    address gives it. Other parts, and titles that are only the name, stay."""

    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", s.lower()))

    names = {norm(meta.get("site", ""))}
    host = _site_host(meta.get("url", ""))
    names |= {norm(host), norm(host.split(".")[0])}
    names.discard("")
    parts = _TITLE_PARTS.split(title)  # text, separator, text, ...
    if len(parts) < 3:
        return title
    if norm(parts[-1]) in names:
        parts = parts[:-2]
    elif norm(parts[0]) in names:
        parts = parts[2:]
    return "".join(parts).strip() or title


def read_seed(path: Path, root: Path | None = None) -> Seed:
    """Read one seed. `root` is the repository root that `rel_path` is relative to.

    Raises BriefingError, naming the file, for anything that is not a readable document.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BriefingError(
            path, f"unknown seed extension '{path.suffix or '(none)'}'", "use .txt, .md or .html"
        )
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            raise BriefingError(
                path,
                f"is {size / 2**20:.1f} MiB, more than the "
                f"{MAX_SEED_BYTES // 2**20} MiB a seed may have",
                "keep only the article in the seed",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise BriefingError(
            path, f"cannot be read ({exc.strerror})", "check that it exists and is readable"
        ) from None
    return parse_seed(path, data, root)


#: A few stray control characters in a text document (a form feed, an escape, DEL, a C1 code
#: from a mis-decoded page) read as white space: no record, page or terminal gets them.
_STRAY_CONTROLS = {
    c: " "
    for c in [*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0), 0xFFFE, 0xFFFF]
} | {0x0C: "\n"}


def parse_seed(path: Path, data: bytes, root: Path | None = None) -> Seed:
    """A seed from its bytes, as `read_seed` reads the file `path` holding them.

    Markdown and HTML seeds may start with YAML front matter (`---` lines around
    `url: ...`, `site: ...`; `briefings add` writes it): it is the seed's provenance
    (`Seed.meta`) and not part of its text. For HTML, what the front matter states wins over
    what the page's own tags say.
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BriefingError(
            path, f"unknown seed extension '{path.suffix or '(none)'}'", "use .txt, .md or .html"
        )
    sid = seed_id(path)
    if not sid:
        raise BriefingError(
            path, "file name has no letters or digits to make a record id from", "rename the seed"
        )
    if not data.strip():
        raise BriefingError(path, "is empty", "put the article's text in it or delete it")
    decoded, encoding = decode(data, path)
    if _control_share(decoded) > 0.01:
        raise BriefingError(
            path,
            "is binary (control characters), not a text document",
            "save the article as .txt, .md or .html",
        )
    decoded = decoded.replace("\r\n", "\n").replace("\r", "\n").translate(_STRAY_CONTROLS)
    meta: dict[str, str] = {}
    if fmt == "markdown":
        meta, body = split_front_matter(decoded)
        text = markdown_text(body)
    elif fmt == "html":
        given, page = split_front_matter(decoded)
        text, meta = html_text(page)
        meta.update(given)
    else:
        text = decoded
    if not text.strip():
        raise BriefingError(
            path, "has no readable text", "put the article's text in it or delete it"
        )
    rel = _relative(path, root)
    return Seed(
        path=path,
        rel_path=rel,
        id=sid,
        sha256=sha256_bytes(data),
        format=fmt,
        encoding=encoding,
        text=text,
        meta=meta,
    )


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


#: Texts longer than this are refused before extraction. The longest news features run to
#: ~100,000 characters; spaCy refuses more than 1,000,000 and needs ~1 GB per 100,000 for
#: the parser, so a longer "article" is a dump, a book or a mistake.
MAX_TEXT_CHARS = 300_000


def _rel_path(path: Path, seeds_dir: Path) -> str:
    """`seed.path` for a seed: `seeds/` plus its path inside the seed folder."""
    try:
        inner = path.absolute().relative_to(seeds_dir.absolute())
    except ValueError:
        inner = Path(path.name)
    return "seeds/" + inner.as_posix()


#: The longest file name most file systems take (bytes).
NAME_MAX = 255


def check_seed_name(path: Path, root: Path) -> None:
    """Refuse a seed whose file name no record can cite or be named after."""
    if not path.name.isprintable():
        raise BriefingError(
            display_path(path, root),
            "the file name holds control characters, which no record can cite",
            "rename the file",
        )
    if seed_id(path) == REGISTRY_ID:
        raise BriefingError(
            display_path(path, root),
            f"its record would be briefings/{REGISTRY_ID}.yaml, the entity registry's file",
            "rename the seed (e.g. add its date in front)",
        )
    record_name = f".{seed_id(path)}.yaml.12345678.tmp"  # the record's temporary file
    if len(record_name.encode()) > NAME_MAX:
        raise BriefingError(
            display_path(path, root),
            "its name is too long for its record's file name",
            f"shorten the seed's file name to {NAME_MAX - 30} characters or fewer",
        )


def prepare_seed(path: Path, root: Path, seeds_dir: Path) -> Seed:
    """Read a seed for extraction, refusing links out of the seed folder and oversized texts."""
    in_folder = path.absolute().is_relative_to(seeds_dir.absolute())
    if in_folder and not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise BriefingError(
            display_path(path, root),
            f"is a link to {path.resolve()}, outside {display_path(seeds_dir, root)}/",
            "copy the article into the seed folder instead of linking to it",
        )
    check_seed_name(path, root)
    seed = read_seed(path, root)
    if len(seed.text) > MAX_TEXT_CHARS:
        raise BriefingError(
            display_path(path, root),
            f"text is {len(seed.text):,} characters "
            f"long, more than the {MAX_TEXT_CHARS:,} an article may have",
            "keep only the article in the seed",
        )
    return replace(seed, rel_path=_rel_path(path, seeds_dir))
