"""`.ci/runner` runs a workflow as a GitHub-hosted runner would: shown on small sample workflows
(tests/fixtures/workflows/runner-*.yml) that pass, fail at one step, or are malformed, and on the real
workflow only as a dry run (which jobs and steps an event starts, and the SITE_URL the build gets)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

RUNNER = PROJECT_ROOT / ".ci" / "runner"
FIXTURES = Path(__file__).parent / "fixtures" / "workflows"
REAL_WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "site.yml"
WORKFLOW_IN_WORKSPACE = Path(".github/workflows/site.yml")


def run_runner(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The runner in a clean environment: nothing of an outer CI (GITHUB_ACTIONS, CI, SITE_URL) leaks in."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", os.defpath)])
    env = {"PATH": path, "HOME": str(workspace), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(RUNNER), "--workspace", str(workspace), *args],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def workspace_with(tmp_path: Path, fixture: str) -> Path:
    workflow = tmp_path / WORKFLOW_IN_WORKSPACE
    workflow.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / fixture, workflow)
    return tmp_path


def test_passing_steps_pass_with_the_runner_variables_and_env_resolved(tmp_path):
    result = run_runner(workspace_with(tmp_path, "runner-passes.yml"))
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    for expected in (
        "GITHUB_ACTIONS=true CI=true",
        "GITHUB_REPOSITORY=service-recovery/handbook GITHUB_REPOSITORY_OWNER=service-recovery",
        "GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/main RUNNER_OS=Linux",
        "SITE_URL=https://service-recovery.github.io/handbook/ WORKFLOW_LEVEL=push",
        "CARRIED=from-the-first-step STEP_LEVEL=service-recovery/handbook@main",
        "::group::Second step sees 42",
        "python3 is 3.11",
        "skipped: example/not-emulated@0000000000000000000000000000000000000000 is not emulated by this runner",
        "  check / Run example/not-emulated@0000000000000000000000000000000000000000: skipped",
        "  check / Upload: success, 0 s  | upload: artifact 'preview' would hold 1 files, 0.0 KiB, from site/",
        "the dependent job ran",
        "Workflow passed.",
    ):
        assert expected in out, f"{expected!r} missing from:\n{out}"
    assert out.count("::group::") == out.count("::endgroup::") == 7


def test_a_missing_chromium_path_is_mapped_to_debians_chromium(tmp_path):
    result = run_runner(workspace_with(tmp_path, "runner-passes.yml"))
    note = "note: CHROMIUM_PATH=/nonexistent/google-chrome does not exist here; using /usr/bin/chromium instead"
    assert note in result.stdout
    assert "CHROMIUM_PATH=/usr/bin/chromium\n" in result.stdout


def test_pull_request_with_a_repository_variable(tmp_path):
    workspace = workspace_with(tmp_path, "runner-passes.yml")
    result = run_runner(workspace, "--event", "pull_request", "--var", "SITE_URL=https://handbook.example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "GITHUB_EVENT_NAME=pull_request GITHUB_REF=refs/pull/1/merge" in result.stdout
    assert "SITE_URL=https://handbook.example.org/ WORKFLOW_LEVEL=pull_request" in result.stdout
    assert "Job after: skipped (if: github.event_name == 'push'; needs: check: success)" in result.stdout
    assert "\nthe dependent job ran\n" not in result.stdout


def test_the_first_failing_step_stops_the_run_with_its_exit_code(tmp_path):
    result = run_runner(workspace_with(tmp_path, "runner-fails.yml"))
    out = result.stdout
    assert result.returncode == 7, out + result.stderr
    assert "first step ran" in out and "second step starts" in out
    assert "bash -e should have stopped" not in out
    assert "\nthird step ran\n" not in out
    assert 'skipped: Run echo "third step ran" (if: success())' in out
    assert "cleanup ran" in out
    assert "Job after: skipped (if: success(); needs: check: failure)" in out
    assert "\nthe dependent job ran\n" not in out
    assert '::error::Run echo "second step starts" failed with exit code 7' in out
    assert out.rstrip().endswith("Workflow failed: exit code 7.")


def test_an_upload_of_an_empty_folder_fails(tmp_path):
    result = run_runner(workspace_with(tmp_path, "runner-missing-artifact.yml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "nothing to upload at empty-site/ (missing or empty)" in result.stdout


def test_an_expression_it_cannot_evaluate_is_one_error_with_file_and_line_before_any_step(tmp_path):
    result = run_runner(workspace_with(tmp_path, "runner-bad-expression.yml"))
    assert result.returncode == 2
    assert result.stderr == f"error: {WORKFLOW_IN_WORKSPACE}:9: function hashFiles() is not emulated by this runner\n"
    assert "fine" not in result.stdout


def test_broken_yaml_is_one_error_with_file_and_line(tmp_path):
    workspace = workspace_with(tmp_path, "runner-passes.yml")
    workflow = workspace / WORKFLOW_IN_WORKSPACE
    broken = workflow.read_text(encoding="utf-8").replace("    steps:\n", "    steps:\n  - [\n", 1)
    workflow.write_text(broken, encoding="utf-8")
    result = run_runner(workspace)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {WORKFLOW_IN_WORKSPACE}:") and "not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("workflow", "error"),
    [
        (
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: neither\n",
            ":6: a step needs exactly one of `run:` and `uses:`",
        ),
        (
            "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps:\n      - run: echo\n",
            ":4: job 'a' needs 'b', which is not a job of this workflow",
        ),
        (
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n"
            "        env:\n          A: ${{ nope }}\n",
            ":8: unknown context 'nope'",
        ),
    ],
)
def test_a_malformed_workflow_is_one_error_with_file_and_line(tmp_path, workflow, error):
    (tmp_path / WORKFLOW_IN_WORKSPACE).parent.mkdir(parents=True)
    (tmp_path / WORKFLOW_IN_WORKSPACE).write_text(workflow, encoding="utf-8")
    result = run_runner(tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: {WORKFLOW_IN_WORKSPACE}{error}") and result.stderr.count("\n") == 1


def dry_run(tmp_path: Path, *args: str) -> str:
    """The real workflow's plan for an event, nothing run."""
    workspace = tmp_path / "clone"
    (workspace / WORKFLOW_IN_WORKSPACE).parent.mkdir(parents=True)
    shutil.copyfile(REAL_WORKFLOW, workspace / WORKFLOW_IN_WORKSPACE)
    result = run_runner(workspace, "--dry-run", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is not emulated" not in result.stdout
    return result.stdout


def test_the_site_url_of_a_project_site_a_user_site_and_a_custom_domain(tmp_path):
    assert "SITE_URL=https://service-recovery.github.io/handbook/\n" in dry_run(tmp_path / "project")
    user_site = dry_run(tmp_path / "user", "--repository", "Service-Recovery/service-recovery.github.io")
    assert "SITE_URL=https://service-recovery.github.io/\n" in user_site
    custom = dry_run(tmp_path / "custom", "--var", "SITE_URL=https://handbook.example.org/")
    assert "SITE_URL=https://handbook.example.org/\n" in custom


def test_the_tests_run_without_site_url_and_only_the_build_gets_it(tmp_path):
    plan = dry_run(tmp_path).split("would run: ")
    test_step = next(step for step in plan if step.startswith("Test"))
    build_step = next(step for step in plan if step.startswith("Build"))
    assert "SITE_URL=" not in test_step and "SITE_URL=" in build_step


def test_a_pull_request_uploads_the_preview_and_deploys_nothing(tmp_path):
    pull_request = dry_run(tmp_path / "pr", "--event", "pull_request")
    assert "would run: Upload the site for translators to preview (site-preview)" in pull_request
    assert "skipped: Upload the site for GitHub Pages" in pull_request
    assert "Job deploy (Publish to GitHub Pages): skipped" in pull_request
    push = dry_run(tmp_path / "push")
    assert "would run: Upload the site for GitHub Pages" in push
    assert "would run: Run actions/deploy-pages@" in push
