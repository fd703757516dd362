"""The GitHub Actions workflows lint clean and run the same commands as .ci/run and README."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import PROJECT

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))


def run_lines(workflow: Path) -> list[str]:
    data = yaml.safe_load(workflow.read_text("utf-8"))
    return [
        step["run"].strip()
        for job in data["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


def test_there_are_pull_request_and_publish_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint is not installed")
def test_workflows_pass_actionlint() -> None:
    done = subprocess.run(["actionlint", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_run_calls_every_command_of_the_pull_request_workflow() -> None:
    ci = (PROJECT / ".ci" / "run").read_text("utf-8").splitlines()
    for command in run_lines(PROJECT / ".github" / "workflows" / "pull-request.yml"):
        assert command in ci, f"{command!r} is in the workflow but not in .ci/run"


def test_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (PROJECT / "README.md").read_text("utf-8")
    ci = (PROJECT / ".ci" / "run").read_text("utf-8")
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", readme, re.S)
    setup = [ln.strip() for ln in blocks[0].splitlines() if ln.strip()]
    assert len(setup) == 2, "the README's set-up is two commands"
    build, test = setup
    assert "briefings build" in build
    for part in test.split("&&"):
        assert part.strip() in ci, f"README test step {part.strip()!r} is not in .ci/run"


def test_publish_deploys_with_the_official_pages_actions_and_least_permissions() -> None:
    text = (PROJECT / ".github" / "workflows" / "publish.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert data["permissions"] == {}
    assert data["concurrency"]["group"]
    uses = re.findall(r"uses: (actions/[\w-]+)@", text)
    for action in [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]:
        assert action in uses
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}


def test_publish_cannot_be_stopped_by_a_draft_and_pull_requests_fail_on_any_check_error() -> None:
    publish = run_lines(PROJECT / ".github" / "workflows" / "publish.yml")
    pull = run_lines(PROJECT / ".github" / "workflows" / "pull-request.yml")
    # build leaves a broken draft out and publishes the rest (tests/test_publish_policy.py);
    # a separate check step would stop the publication on it.
    assert "briefings build" in publish and "briefings check" not in publish
    assert pull.index("briefings check") < pull.index("briefings build")


def _steps(workflow: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(workflow.read_text("utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("name", ["publish.yml", "pull-request.yml"])
def test_the_site_and_render_state_are_cached_with_the_official_action(name: str) -> None:
    """The build restores the last site and render state (generator/incremental.py), under a
    key that changes with everything that shapes every page, so that then all is rebuilt."""
    steps = _steps(PROJECT / ".github" / "workflows" / name)
    caches = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache@")]
    assert len(caches) == 1
    cache = caches[0]
    build = next(s for s in steps if s.get("run") == "briefings build")
    assert steps.index(cache) < steps.index(build)
    options = cache["with"]
    assert isinstance(options, dict)
    paths = [p.strip() for p in str(options["path"]).splitlines() if p.strip()]
    env = build.get("env")
    assert isinstance(env, dict)
    # The render state and the build state live in the cache folder the build uses, outside
    # the checkout (a pull request cannot bring one).
    assert env["BRIEFINGS_CACHE_DIR"] in paths and "site" in paths
    assert not env["BRIEFINGS_CACHE_DIR"].startswith(("${{ github.workspace", ".", "site"))
    key, restore = str(options["key"]), str(options["restore-keys"])
    for shaping in (
        "pyproject.toml",
        "mkdocs.yml",
        "generator/templates/**",
        "generator/theme/**",
        "docs/assets/**",
    ):
        assert f"'{shaping}'" in key
    assert key.endswith("${{ github.run_id }}")
    assert restore == key.removesuffix("${{ github.run_id }}")
