"""The Jinja environment every generated page is rendered with.

Seeds and records are third-party text: every value that reaches a template is escaped by
default (`finalize`); only values wrapped in `Markup` by this package pass as they are."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup

from .. import __version__
from ..cachedir import cache_home
from ..dates import human_date
from .escape import attr, external_link, front_matter_attr, front_matter_text, md_escape, path_part


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md_escape(value)


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """Where compiled templates are kept between runs (the user's cache folder: compiling
    them all costs about a tenth of a render that changes one briefing). Jinja recompiles a
    template whose source changed."""
    try:
        folder = cache_home() / "templates"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        bytecode_cache=_compiled_templates(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = human_date
    env.filters["external_link"] = external_link
    env.filters["front_matter_text"] = front_matter_text
    env.filters["front_matter_attr"] = front_matter_attr
    env.filters["attr"] = attr
    env.filters["path_part"] = path_part
    env.globals["version"] = __version__
    return env
