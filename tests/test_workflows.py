"""The GitHub workflows are clean for zizmor (offline, pedantic: no finding at any severity) and valid
against GitHub's schemas, both tools shown failing on a broken workflow; every step they run is a
Makefile target, so CI runs here as on GitHub (`make ci`); and `make site-url` has the address rule."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import PROJECT_ROOT

GITHUB_DIR = PROJECT_ROOT / ".github"
BROKEN_WORKFLOW = Path(__file__).parent / "fixtures" / "workflows" / "unpinned.yml"


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name(name)), *args], capture_output=True, text=True, check=False
    )


def zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    return tool("zizmor", "--offline", "--persona", "pedantic", "--no-progress", str(path))


def schema_check(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return tool("check-jsonschema", "--builtin-schema", schema, *map(str, paths))


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(GITHUB_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_catches_an_unpinned_action_and_template_injection():
    result = zizmor(BROKEN_WORKFLOW)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "template-injection" in result.stdout


def test_workflows_and_dependabot_match_githubs_schemas():
    workflows = sorted((GITHUB_DIR / "workflows").glob("*.yml"))
    assert workflows
    assert schema_check("vendor.github-workflows", *workflows).returncode == 0
    assert schema_check("vendor.dependabot", GITHUB_DIR / "dependabot.yml").returncode == 0


def test_schema_check_rejects_a_workflow_without_jobs(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: Broken\non: push\n", encoding="utf-8")
    assert schema_check("vendor.github-workflows", broken).returncode == 1


def make_targets() -> set[str]:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*):", makefile, flags=re.MULTILINE))


def steps_that_are_not_make_targets(workflow: str, targets: set[str]) -> list[str]:
    """The `run:` commands of a workflow that are not `make <an existing target>`."""
    jobs = yaml.safe_load(workflow)["jobs"].values()
    runs = [step["run"].strip() for job in jobs for step in job.get("steps", []) if "run" in step]
    return [run for run in runs if not (run.startswith("make ") and run.split()[1] in targets)]


@pytest.mark.parametrize("workflow", sorted(p.name for p in (GITHUB_DIR / "workflows").glob("*.yml")))
def test_every_workflow_step_is_a_make_target(workflow):
    text = (GITHUB_DIR / "workflows" / workflow).read_text(encoding="utf-8")
    assert steps_that_are_not_make_targets(text, make_targets()) == []


def test_a_step_that_is_a_shell_command_or_a_missing_target_is_caught():
    workflow = "jobs:\n  t:\n    steps:\n      - run: make ci\n      - run: pytest\n      - run: make nowhere\n"
    assert steps_that_are_not_make_targets(workflow, make_targets()) == ["pytest", "make nowhere"]


def site_url(**variables: str) -> str:
    env = {"PATH": os.environ["PATH"], **variables}
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "site-url"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_site_url_the_repository_variable_wins():
    assert site_url(SITE_URL="https://handbook.example.org/", GITHUB_REPOSITORY="acme/handbook") == (
        "https://handbook.example.org/"
    )


def test_site_url_of_a_user_or_organisation_site_is_the_root():
    assert site_url(GITHUB_REPOSITORY="Acme/acme.github.io") == "https://Acme.github.io/"


def test_site_url_of_any_other_repository_is_under_its_name():
    assert site_url(GITHUB_REPOSITORY="acme/handbook") == "https://acme.github.io/handbook/"
    assert site_url(GITHUB_REPOSITORY="acme/acme.github.io-old") == "https://acme.github.io/acme.github.io-old/"


def test_site_url_outside_github_is_left_to_mkdocs_yml():
    assert site_url() == ""
