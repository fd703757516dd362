"""Incremental site builds: after one changed seed, MkDocs rebuilds the pages that changed, not
every page, and the site it leaves is the one a clean build would make.

MkDocs' own `--dirty` rebuilds a page when its Markdown file is newer than its HTML. That is not
enough for this site, so the briefings plugin (generator/mkdocs_plugin.py) decides instead, from a
state file that the last successful build left in the user's cache folder (keyed by the site
folder, see `generator.cachedir`):

- a page is rebuilt when its Markdown bytes differ from those its HTML was built from (file
  times only spare the hashing), when its HTML is missing or is not the file that build wrote,
  when a snippet it includes (`--8<--`, e.g. the home page's latest briefings) changed, or when
  a page it links to is gone; pages in the navigation are always rebuilt (the navigation and
  the footer of every page show their titles, which MkDocs only knows from pages it reads);
- pages not rebuilt get back the anchors they hold and the anchor links they make, so MkDocs'
  anchor validation checks every link, as in a clean build;
- the HTML of generated pages that no longer exist is removed (only under the generated paths,
  `generator.owned.GENERATED`);
- a full build runs when there is no state, when the last build logged a warning, or when the
  fingerprint differs: mkdocs.yml, the theme overrides, the generator's version, templates
  and build code, the hand-written files of docs/ (names; bytes of assets), the versions of
  MkDocs, Material, pymdown-extensions, Markdown, Jinja2 and Pygments, or a plugin that needs
  every page (Material's `search` and `tags`).

The sitemap and the 404 page are written by every build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import posixpath
import re
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import __version__
from .cachedir import cache_dir
from .owned import GENERATED

log = logging.getLogger("mkdocs.plugins.briefings")

STATE_FILE = "site-build.json"
_FORMAT = "2"

#: The installed packages whose version is part of the fingerprint: they shape every page.
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2", "pygments")

#: Plugins that need every page in every build (a search index of all pages, tag pages):
#: with one of them enabled every build is a full build.
WHOLE_SITE_PLUGINS = frozenset({"search", "material/search", "tags", "material/tags"})

#: The warning MkDocs logs for every `--dirty` build: this module makes such builds exact, and a
#: strict build would otherwise fail on it.
DIRTY_WARNING = "A 'dirty' build is being performed"
STALE_NOTE = "The directory contains stale files"

_INLINE_SNIPPET = re.compile(r"""^[ \t]*(;*)-+8<-+[ \t]+(["'])(.+?)\2[ \t]*$""")
_BLOCK_SNIPPET = re.compile(r"^[ \t]*(;*)-+8<-+[ \t]*$")
_LINK = re.compile(r"""\b(?:href|src)=["']([^"'#?]*)""")
ALWAYS = "*"
"""A snippet dependency that cannot be followed (a URL, a missing file): rebuild every time."""


def sha_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def state_path(site_dir: Path) -> Path:
    return cache_dir(site_dir) / STATE_FILE


def _versions() -> list[str]:
    out = []
    for name in PACKAGES:
        try:
            out.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}=-")
    return out


def _files_under(top: Path) -> list[Path]:
    if not top.is_dir():
        return []
    return sorted(p for p in top.rglob("*") if p.is_file())


def fingerprint(config: Any, command: str) -> str:
    """Everything that shapes every page, so that a change to it makes the next build full."""
    from .pages.cache import salt

    h = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            data = part if isinstance(part, bytes) else str(part).encode("utf-8", "replace")
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)

    add(_FORMAT, __version__, salt(), command, sys.version_info[:2], *_versions())
    here = Path(__file__).parent
    for own in ("incremental.py", "mkdocs_plugin.py"):
        add(own, (here / own).read_bytes())
    config_file = config.config_file_path
    add(Path(config_file).read_bytes() if config_file else b"")
    for key in ("site_url", "repo_url", "edit_uri", "use_directory_urls", "docs_dir"):
        add(key, config.get(key))
    add("plugins", sorted(config.plugins))
    custom = config.theme.custom_dir
    if custom:
        for path in _files_under(Path(custom)):
            add(path.relative_to(custom).as_posix(), path.read_bytes())
    docs = Path(config.docs_dir)
    for path in _hand_written(docs):
        add("doc", path.relative_to(docs).as_posix())
        if path.suffix.lower() not in (".md", ".markdown"):
            add(path.read_bytes())
    return h.hexdigest()


def _hand_written(docs: Path) -> list[Path]:
    """The files of docs/ outside the generated paths (which are never walked)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(docs):
        if Path(dirpath) == docs:
            dirnames[:] = [d for d in dirnames if d not in GENERATED]
            filenames = [f for f in filenames if f not in GENERATED]
        found += [Path(dirpath, f) for f in filenames]
    return sorted(found)


def snippet_bases(config: Any) -> list[Path]:
    snippets = (config.mdx_configs or {}).get("pymdownx.snippets")
    if not isinstance(snippets, dict):
        return [Path(config.docs_dir)]
    base = snippets.get("base_path", ".")
    return [Path(b) for b in (base if isinstance(base, list) else [base])]


def snippet_names(markdown: str) -> list[str]:
    """The files a page includes with pymdownx.snippets (`--8<-- "file"` and block form)."""
    names: list[str] = []
    in_block = False
    for line in markdown.splitlines():
        inline = _INLINE_SNIPPET.match(line)
        if inline:
            if not inline.group(1):
                names.append(inline.group(3))
            continue
        block = _BLOCK_SNIPPET.match(line)
        if block:
            if not block.group(1):
                in_block = not in_block
            continue
        if in_block and line.strip() and not line.strip().startswith(";"):
            names.append(line.strip())
    return names


def _resolve_snippet(name: str, bases: list[Path]) -> Path | None:
    if "://" in name:
        return None
    candidates = [name]
    # `file:3:8` (lines) and `file:section` select part of a file.
    stripped = name
    for _ in range(2):
        if ":" not in stripped:
            break
        stripped = stripped.rsplit(":", 1)[0]
        candidates.append(stripped)
    for candidate in candidates:
        for base in bases:
            path = base / candidate
            if path.is_file():
                return path
    return None


def snippet_deps(markdown: str, bases: list[Path]) -> dict[str, str]:
    """Every snippet file a page includes (and those they include), with its fingerprint."""
    deps: dict[str, str] = {}
    todo = snippet_names(markdown)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _resolve_snippet(name, bases)
        sha = sha_file(path) if path else None
        if path is None or sha is None:
            deps[ALWAYS] = ALWAYS
            continue
        deps[str(path)] = sha
        with contextlib.suppress(OSError, UnicodeDecodeError):
            todo.extend(snippet_names(path.read_text("utf-8")))
    return deps


def link_targets(html: str, page_url: str, known: dict[str, str]) -> list[str]:
    """The files (by source path) that a page's HTML links to, among `known` (URL → source)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    out = set()
    for target in _LINK.findall(html):
        if not target or target.startswith(("/", "data:")) or ":" in target.split("/")[0]:
            continue
        src = known.get(posixpath.normpath(posixpath.join(base, target)))
        if src:
            out.add(src)
    return sorted(out)


def _out_id(path: Path) -> list[int] | None:
    """What identifies a page's HTML: size and whole seconds of its time (a cache restore
    keeps both; a checkout or another writer does not)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, int(st.st_mtime)]


@dataclass
class SiteState:
    fingerprint: str = ""
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    clean: bool = True
    """The last build logged no warning."""

    @classmethod
    def load(cls, path: Path) -> SiteState | None:
        try:
            raw = json.loads(path.read_text("utf-8"))
            state = cls(str(raw["fingerprint"]), dict(raw["pages"]), bool(raw["clean"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not all(isinstance(v, dict) for v in state.pages.values()):
            return None
        return state

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps(
                {"fingerprint": self.fingerprint, "pages": self.pages, "clean": self.clean},
                sort_keys=True,
            ),
            "utf-8",
        )
        os.replace(tmp, path)


def _always(_self: Any = None) -> bool:
    return True


def _never(_self: Any = None) -> bool:
    return False


def force(file: Any, modified: bool) -> None:
    """Make MkDocs' `--dirty` test of this file (`File.is_modified`) answer `modified`."""
    setattr(file, "is_modified", _always if modified else _never)  # noqa: B010


@dataclass
class Plan:
    """What an incremental build rebuilds, decided from the state and the files."""

    previous: dict[str, dict[str, Any]]
    site_dir: Path
    docs_dir: Path
    bases: list[Path]
    serving: bool = False
    rebuilt: set[str] = field(default_factory=set)
    kept: set[str] = field(default_factory=set)

    def entry_changed(self, src_uri: str, src: Path, dest: Path, present: set[str]) -> bool:
        old = self.previous.get(src_uri)
        if old is None or old.get("out") != _out_id(dest) or old.get("out") is None:
            return True
        st = src.stat()
        same_stat = old.get("stat") == [st.st_size, st.st_mtime_ns]
        if not same_stat and old.get("sha") != sha_file(src):
            return True
        for dep, sha in (old.get("snippets") or {}).items():
            if dep == ALWAYS or sha_file(Path(dep)) != sha:
                return True
        return any(t not in present for t in old.get("targets") or [])

    def mark(self, files: Iterable[Any]) -> None:
        """Decide for every file from docs/ whether MkDocs writes it again."""
        files = list(files)
        present = {f.src_uri for f in files}
        docs = os.path.join(os.path.normpath(self.docs_dir), "")
        for f in files:
            if not built(f, self.serving):
                continue
            src = Path(f.abs_src_path)
            if not os.path.normpath(f.abs_src_path).startswith(docs):
                continue  # theme files: MkDocs' own test (the theme is in the fingerprint)
            changed = self.entry_changed(f.src_uri, src, Path(f.abs_dest_path), present)
            force(f, changed)
            if f.is_documentation_page():
                (self.rebuilt if changed else self.kept).add(f.src_uri)

    def rebuild(self, file: Any) -> None:
        force(file, True)
        self.kept.discard(file.src_uri)
        self.rebuilt.add(file.src_uri)

    def restore(self, files: Any, elsewhere: Collection[str] = ()) -> None:
        """Give pages that were not read the anchors they hold and the anchor links they make,
        so that MkDocs validates every anchor link as a clean build does. `elsewhere`: pages
        this build makes in another process (generator.parallel), which are not kept."""
        for f in files.documentation_pages():
            page = f.page
            if page is None or page.markdown is not None or f.src_uri in elsewhere:
                continue
            old = self.previous.get(f.src_uri) or {}
            anchors = old.get("anchors")
            page.present_anchor_ids = set(anchors) if isinstance(anchors, list) else None
            links = old.get("links")
            if isinstance(links, dict):
                resolved = {}
                for target, anchors_of in links.items():
                    to = files.get_file_from_path(target)
                    if to is not None and isinstance(anchors_of, dict):
                        resolved[to] = dict(anchors_of)
                page.links_to_anchors = resolved or None

    def prune(self, current: set[str]) -> int:
        """Remove the files the last build wrote for generated pages that this build does not
        make (`current`: what it makes), and the folders that leaves empty. Only under the
        generated paths; never through a link."""
        removed = 0
        site = self.site_dir
        for entry in self.previous.values():
            dest = entry.get("dest")
            if not isinstance(dest, str) or dest in current:
                continue
            parts = Path(dest).parts
            if not parts or parts[0] not in GENERATED or ".." in parts or Path(dest).is_absolute():
                continue
            path = site / dest
            if any(
                p.is_symlink() for p in [path, *path.parents] if p != site and site in p.parents
            ):
                continue
            if path.is_file():
                path.unlink()
                removed += 1
            folder = path.parent
            while folder != site and site in folder.parents and folder.is_dir():
                if any(folder.iterdir()):
                    break
                folder.rmdir()
                folder = folder.parent
        return removed


def built(file: Any, serving: bool) -> bool:
    """Whether a build writes this file from a source file (not excluded, e.g. dotfiles)."""
    if file.abs_src_path is None or getattr(file, "_content", None) is not None:
        return False
    return bool(file.inclusion.is_in_serve() if serving else file.inclusion.is_included())


def record(
    files: Any,
    previous: dict[str, dict[str, Any]],
    bases: list[Path],
    serving: bool = False,
    elsewhere: dict[str, dict[str, Any]] | None = None,
) -> dict[str, dict[str, Any]]:
    """The state of every file from docs/ after a build: what its HTML was built from.
    `elsewhere`: the entries of the pages built in other processes (generator.parallel)."""
    known = known_urls(files)
    elsewhere = elsewhere or {}
    out: dict[str, dict[str, Any]] = {}
    for f in files:
        if not built(f, serving):
            continue
        if f.src_uri in elsewhere:
            out[f.src_uri] = elsewhere[f.src_uri]
            continue
        page = f.page if f.is_documentation_page() else None
        if page is not None and page.markdown is None:  # not read: as the last build left it
            old = previous.get(f.src_uri)
            if old is not None and Path(f.abs_src_path).exists():
                out[f.src_uri] = {**old, "out": _out_id(Path(f.abs_dest_path))}
            continue
        made = entry(f, known, bases)
        if made is not None:
            out[f.src_uri] = made
    return out


def known_urls(files: Iterable[Any]) -> dict[str, str]:
    """Every file's output path and every page's URL, normalised, to its source path."""
    known: dict[str, str] = {}
    for f in files:
        known[posixpath.normpath(f.dest_uri)] = f.src_uri
        if f.is_documentation_page():
            known[posixpath.normpath(f.url or ".")] = f.src_uri
    return known


def entry(f: Any, known: dict[str, str], bases: list[Path]) -> dict[str, Any] | None:
    """The state of one file this build wrote (`known`: `known_urls`)."""
    src = Path(f.abs_src_path)
    try:
        st = src.stat()
    except OSError:
        return None
    made: dict[str, Any] = {
        "dest": f.dest_uri,
        "stat": [st.st_size, st.st_mtime_ns],
        "sha": sha_file(src),
        "out": _out_id(Path(f.abs_dest_path)),
    }
    page = f.page if f.is_documentation_page() else None
    if page is not None:
        made["snippets"] = snippet_deps(page.markdown or "", bases)
        anchors = page.present_anchor_ids
        made["anchors"] = sorted(anchors) if anchors is not None else None
        links = page.links_to_anchors
        made["links"] = (
            {to.src_uri: dict(a) for to, a in links.items()} if links is not None else None
        )
        made["targets"] = link_targets(page.content or "", f.url, known)
    return made
