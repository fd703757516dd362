"""What the render step needs from mkdocs.yml, read without MkDocs (so Zensical builds work too)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, turning tags such as !ENV or !!python/name into plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class SiteConfig:
    site_name: str = "Briefings"
    site_url: str = ""
    repo_url: str = ""
    branch: str = "main"
    docs_dir: str = "docs"
    publish_drafts: bool = False
    """Whether drafts (machine-made records no person has checked yet) are published, each
    under a banner that says so. By default only reviewed briefings are: a reader never
    meets an unchecked draft unless the site's owner says so in mkdocs.yml."""

    def edit_url(self, repo_path: str) -> str | None:
        """Where a person edits a repository file (a record) on the forge, if known."""
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{repo_path}"


def load_site_config(root: Path) -> SiteConfig:
    """Read mkdocs.yml; on GitHub Actions, fill the repository from the environment."""
    data: dict[str, Any] = {}
    path = root / "mkdocs.yml"
    if path.is_file():
        try:
            loaded = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader)  # noqa: S506
            data = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            data = {}
    repo_url = str(data.get("repo_url") or "")
    if not repo_url and os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        repo_url = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    branch = "main"
    edit_uri = str(data.get("edit_uri") or "")
    parts = [p for p in edit_uri.split("/") if p]
    if len(parts) >= 2 and parts[0] in ("edit", "blob", "tree", "src"):
        branch = parts[1]
    return SiteConfig(
        site_name=str(data.get("site_name") or "Briefings"),
        site_url=str(data.get("site_url") or ""),
        repo_url=repo_url,
        branch=branch,
        docs_dir=str(data.get("docs_dir") or "docs"),
        publish_drafts=publish_drafts(data),
    )


def _briefings_options(data: dict[str, Any]) -> dict[str, Any]:
    """The site's briefings settings: `extra: briefings:` (read by every engine, since
    Zensical runs no plugins), overridden by the `briefings` plugin's own options."""
    options: dict[str, Any] = {}
    extra = data.get("extra")
    if isinstance(extra, dict) and isinstance(extra.get("briefings"), dict):
        options.update(extra["briefings"])
    plugins = data.get("plugins")
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and isinstance(item.get("briefings"), dict):
            options.update(item["briefings"])
    if isinstance(plugins, dict) and isinstance(plugins.get("briefings"), dict):
        options.update(plugins["briefings"])
    return options


def publish_drafts(data: dict[str, Any]) -> bool:
    """The publishing policy: True only for an explicit `publish_drafts: true` (a YAML
    boolean, or the strings true/yes/on); anything else keeps drafts off the site."""
    value = _briefings_options(data).get("publish_drafts", False)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1")
    return value is True
