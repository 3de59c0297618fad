"""Runs a GitHub Actions workflow on this machine as a GitHub-hosted runner would, so that CI
(`.ci/run`) tests what GitHub runs: the same jobs and steps, with GITHUB_ACTIONS=true, CI=true and
the rest of the runner's variables, and the workflow's `env:` resolved for a sample repository.

    python .ci/runner [--event push|pull_request|workflow_dispatch] [--workflow FILE]
                      [--repository OWNER/NAME] [--var NAME=VALUE]... [--workspace DIR] [--dry-run]

Exit code: 0 when every step passed, the first failing step's exit code otherwise, 2 on bad input."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import defaults
from context import Run, check_repository, head_sha, triggered
from jobs import StepRecord, precheck, run_workflow
from loader import WorkflowError, load_workflow


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python .ci/runner", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--event",
        choices=defaults.EVENTS,
        default="push",
        help=f"the event that starts the run (default push to refs/heads/{defaults.DEFAULT_BRANCH})",
    )
    parser.add_argument(
        "--workflow", type=Path, default=Path(defaults.WORKFLOW), help="the workflow file, relative to the workspace"
    )
    parser.add_argument("--repository", default=defaults.SAMPLE_REPOSITORY, help="owner/name the run is for")
    parser.add_argument(
        "--var", action="append", default=[], metavar="NAME=VALUE", help="a repository variable (vars.NAME)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="list the jobs and steps that would run, with their env, and run nothing"
    )
    parser.add_argument("--workspace", type=Path, default=Path.cwd(), help="the clone the steps run in (default: here)")
    return parser.parse_args(argv)


def sample_vars(pairs: list[str]) -> dict[str, str]:
    values = dict(defaults.SAMPLE_VARS)
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise WorkflowError(f"--var {pair!r}: expected NAME=VALUE")
        values[name] = value
    return values


def shown_path(workflow: Path, workspace: Path) -> Path:
    """The workflow's path as messages show it: relative to the workspace when inside it."""
    absolute = (workspace / workflow).resolve()
    return absolute.relative_to(workspace) if absolute.is_relative_to(workspace) else absolute


def print_summary(records: list[StepRecord], code: int) -> None:
    print("\nSummary (job / step: outcome, seconds, last line of output)")
    for record in records:
        last = f"  | {record.last_line}" if record.last_line else ""
        print(f"  {record.job} / {record.name}: {record.outcome}, {record.seconds:.0f} s{last}")
    print("Workflow passed." if code == 0 else f"Workflow failed: exit code {code}.", flush=True)


def main(argv: list[str]) -> int:
    try:
        arguments = parse_arguments(argv)
        workspace = arguments.workspace.resolve()
        workflow_path = shown_path(arguments.workflow, workspace)
        with tempfile.TemporaryDirectory(prefix="runner-temp-") as temp:
            workflow = load_workflow(workspace / workflow_path, workflow_path)
            run = Run(
                workflow_path=workflow_path,
                workflow=workflow,
                event=arguments.event,
                repository=check_repository(arguments.repository),
                vars=sample_vars(arguments.var),
                workspace=workspace,
                temp=Path(temp),
                sha=head_sha(workspace),
                dry_run=arguments.dry_run,
            )
            if not triggered(run):
                raise WorkflowError(f"{run.workflow_path}: the workflow does not run on {arguments.event} to {run.ref}")
            precheck(run)
            print(
                f"Emulating a GitHub-hosted runner: {run.workflow_path}, {run.event} to {run.ref} "
                f"of {run.repository} at {run.sha[:12]}",
                flush=True,
            )
            records: list[StepRecord] = []
            code = run_workflow(run, records)
    except WorkflowError as error:
        print(f"error: {error}", file=sys.stderr)
        return defaults.EXIT_BAD_INPUT
    print_summary(records, code)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
