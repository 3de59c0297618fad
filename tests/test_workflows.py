"""The GitHub workflows are clean for zizmor (offline, pedantic: no finding at any severity)
and valid against GitHub's schemas; both tools are shown failing on a broken workflow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
