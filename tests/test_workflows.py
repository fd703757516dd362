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
