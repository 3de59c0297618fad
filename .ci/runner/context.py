"""What a GitHub-hosted runner knows about the run before any step starts: the event and its
payload, the `github` context, and the environment variables every step inherits."""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import defaults
from loader import Node, WorkflowError, located


@dataclass
class Run:
    """One emulated workflow run: which file, which event, for which sample repository."""

    workflow_path: Path
    workflow: Node
    event: str
    repository: str
    vars: dict[str, str]
    workspace: Path
    temp: Path
    sha: str = field(default="")
    dry_run: bool = False

    @property
    def owner(self) -> str:
        return self.repository.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.repository.split("/", 1)[1]

    @property
    def ref(self) -> str:
        if self.event == "pull_request":
            return f"refs/pull/{defaults.PULL_REQUEST_NUMBER}/merge"
        return f"refs/heads/{defaults.DEFAULT_BRANCH}"

    @property
    def ref_name(self) -> str:
        if self.event == "pull_request":
            return f"{defaults.PULL_REQUEST_NUMBER}/merge"
        return defaults.DEFAULT_BRANCH


def head_sha(workspace: Path) -> str:
    result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=workspace, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else "0" * 40


def _filters_allow(filters: object, key: str, branch: str) -> bool:
    if not isinstance(filters, dict):
        return True
    wanted = filters.get(key)
    ignored = filters.get(f"{key}-ignore")
    if wanted is not None and not any(fnmatch.fnmatchcase(branch, str(pattern)) for pattern in wanted):
        return False
    return not (ignored and any(fnmatch.fnmatchcase(branch, str(pattern)) for pattern in ignored))


def triggered(run: Run) -> bool:
    """Whether the workflow's `on:` starts a run for this event on the default branch."""
    triggers = run.workflow.get("on")
    if isinstance(triggers, str):
        return triggers == run.event
    if isinstance(triggers, list):
        return run.event in triggers
    if isinstance(triggers, dict):
        if run.event not in triggers:
            return False
        return _filters_allow(triggers[run.event], "branches", defaults.DEFAULT_BRANCH)
    raise located(run.workflow_path, run.workflow, "the workflow has no `on:` triggers", 1)


def event_payload(run: Run) -> Node:
    repository = {
        "name": run.name,
        "full_name": run.repository,
        "owner": {"login": run.owner},
        "default_branch": defaults.DEFAULT_BRANCH,
    }
    payload: Node = {"repository": repository, "sender": {"login": defaults.SAMPLE_ACTOR}}
    if run.event == "push":
        payload.update(ref=run.ref, after=run.sha, before="0" * 40)
    elif run.event == "pull_request":
        pull = {
            "number": defaults.PULL_REQUEST_NUMBER,
            "head": {"ref": defaults.PULL_REQUEST_HEAD, "sha": run.sha},
            "base": {"ref": defaults.DEFAULT_BRANCH},
        }
        payload.update(action="synchronize", number=defaults.PULL_REQUEST_NUMBER, pull_request=pull)
    else:
        payload.update(ref=run.ref, inputs={})
    return payload


def github_context(run: Run, job_id: str) -> Node:
    is_pull = run.event == "pull_request"
    return {
        "action": "",
        "actor": defaults.SAMPLE_ACTOR,
        "api_url": defaults.RUNNER_CONSTANTS["GITHUB_API_URL"],
        "base_ref": defaults.DEFAULT_BRANCH if is_pull else "",
        "event": event_payload(run),
        "event_name": run.event,
        "head_ref": defaults.PULL_REQUEST_HEAD if is_pull else "",
        "job": job_id,
        "ref": run.ref,
        "ref_name": run.ref_name,
        "ref_type": "branch",
        "repository": run.repository,
        "repository_owner": run.owner,
        "run_attempt": defaults.RUNNER_CONSTANTS["GITHUB_RUN_ATTEMPT"],
        "run_id": defaults.RUNNER_CONSTANTS["GITHUB_RUN_ID"],
        "run_number": defaults.RUNNER_CONSTANTS["GITHUB_RUN_NUMBER"],
        "server_url": defaults.RUNNER_CONSTANTS["GITHUB_SERVER_URL"],
        "sha": run.sha,
        "workflow": str(run.workflow.get("name") or run.workflow_path.name),
        "workspace": str(run.workspace),
    }


def machine_environment() -> dict[str, str]:
    """This machine's environment without another runner's leftovers; HOME always set."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(defaults.CLEARED_PREFIXES)}
    env.setdefault("HOME", str(Path.home()))
    for name, value in defaults.RUNNER_LOCALE.items():
        env.setdefault(name, value)
    return env


def runner_environment(run: Run, job_id: str, job_temp: Path) -> dict[str, str]:
    """The variables GitHub sets for every step of a job."""
    github = github_context(run, job_id)
    event_path = job_temp / "event.json"
    event_path.write_text(json.dumps(github["event"], indent=2), encoding="utf-8")
    return {
        **machine_environment(),
        **defaults.RUNNER_CONSTANTS,
        "GITHUB_ACTOR": github["actor"],
        "GITHUB_BASE_REF": github["base_ref"],
        "GITHUB_EVENT_NAME": run.event,
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_HEAD_REF": github["head_ref"],
        "GITHUB_JOB": job_id,
        "GITHUB_REF": run.ref,
        "GITHUB_REF_NAME": run.ref_name,
        "GITHUB_REF_PROTECTED": "false",
        "GITHUB_REF_TYPE": "branch",
        "GITHUB_REPOSITORY": run.repository,
        "GITHUB_REPOSITORY_OWNER": run.owner,
        "GITHUB_SHA": run.sha,
        "GITHUB_TRIGGERING_ACTOR": github["actor"],
        "GITHUB_WORKFLOW": github["workflow"],
        "GITHUB_WORKFLOW_REF": f"{run.repository}/{run.workflow_path.as_posix()}@{run.ref}",
        "GITHUB_WORKSPACE": str(run.workspace),
        "RUNNER_TEMP": str(job_temp),
        "RUNNER_TOOL_CACHE": str(run.temp / "tool-cache"),
    }


def expression_contexts(run: Run, job_id: str, env: dict[str, str], **extra: object) -> dict[str, object]:
    return {
        "github": github_context(run, job_id),
        "vars": dict(run.vars),
        "secrets": {},
        "inputs": {},
        "env": dict(env),
        "runner": {
            "os": "Linux",
            "arch": "X64",
            "name": defaults.RUNNER_CONSTANTS["RUNNER_NAME"],
            "temp": env.get("RUNNER_TEMP", ""),
            "environment": "github-hosted",
        },
        "needs": {},
        "steps": {},
        "job": {"status": "success"},
        **extra,
    }


def check_repository(repository: str) -> str:
    parts = repository.split("/")
    if len(parts) != 2 or not all(parts):
        raise WorkflowError(f"--repository {repository!r}: expected owner/name")
    return repository
