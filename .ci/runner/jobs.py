"""Runs the jobs of one workflow the way a GitHub-hosted runner does: jobs in `needs` order with
their `if:`, steps in order with their `if:` and `env:`, `run:` scripts under bash -e, and
GITHUB_ENV/GITHUB_OUTPUT/GITHUB_PATH carried from step to step. A failing step fails its job."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import actions
import defaults
from context import Run, expression_contexts, runner_environment
from expressions import ExpressionError, condition, interpolate, run_status, to_text
from loader import Node, WorkflowError, line_of, located


@dataclass
class StepRecord:
    """One line of the closing summary."""

    job: str
    name: str
    outcome: str
    seconds: float = 0.0
    last_line: str = ""


class Finished(NamedTuple):
    """How a step ended: exit code, last line of output, and whether it was skipped (not emulated)."""

    code: int
    last_line: str
    skipped: bool = False


@dataclass
class JobState:
    """What the steps of one job share: environment, outputs, PATH additions, the first failure."""

    run: Run
    job_id: str
    job: Node
    temp: Path
    base_env: dict[str, str]
    defined_env: dict[str, str]
    steps: Node = field(default_factory=dict)
    path: list[str] = field(default_factory=list)
    failure: int = 0
    noted: set[str] = field(default_factory=set)


def resolve(run: Run, value: object, contexts: Node, status: dict[str, bool] | None = None) -> str:
    try:
        return interpolate(to_text(value), contexts, status)
    except ExpressionError as error:
        raise located(run.workflow_path, value, str(error)) from None


def resolve_env(run: Run, mapping: object, contexts: Node, where: object) -> dict[str, str]:
    if mapping is None:
        return {}
    if not isinstance(mapping, dict):
        raise located(run.workflow_path, where, "`env:` must be a mapping of names to values")
    return {str(name): resolve(run, value, contexts) for name, value in mapping.items()}


def job_order(run: Run) -> list[str]:
    """Job IDs so that every job comes after the jobs it needs."""
    jobs, order, visiting = run.workflow["jobs"], [], set()

    def visit(job_id: str) -> None:
        if job_id in order:
            return
        if job_id in visiting:
            raise located(run.workflow_path, jobs[job_id], f"job {job_id!r} needs itself through `needs:`")
        visiting.add(job_id)
        for need in needs_of(run, job_id):
            visit(need)
        order.append(job_id)

    for job_id in jobs:
        visit(job_id)
    return order


def needs_of(run: Run, job_id: str) -> list[str]:
    job = run.workflow["jobs"][job_id]
    if not isinstance(job, dict):
        raise located(run.workflow_path, run.workflow["jobs"], f"job {job_id!r} must be a mapping")
    needs = job.get("needs") or []
    needs = [needs] if isinstance(needs, str) else list(needs)
    for need in needs:
        if need not in run.workflow["jobs"]:
            message = f"job {job_id!r} needs {need!r}, which is not a job of this workflow"
            raise located(run.workflow_path, need, message, line_of(job))
    return [str(need) for need in needs]


def stand_in_paths(state: JobState, env: dict[str, str]) -> None:
    """Point variables at Debian's paths when the workflow's (Ubuntu runner) path is missing here."""
    for name, candidates in defaults.PATH_STAND_INS.items():
        wanted = env.get(name)
        if not wanted or Path(wanted).exists():
            continue
        stand_in = next((path for path in candidates if Path(path).exists()), None)
        if stand_in:
            env[name] = stand_in
            if name not in state.noted:
                state.noted.add(name)
                print(f"note: {name}={wanted} does not exist here; using {stand_in} instead", flush=True)


def read_env_file(path: Path) -> dict[str, str]:
    """NAME=value lines and NAME<<DELIMITER blocks, as in GITHUB_ENV and GITHUB_OUTPUT."""
    if not path.exists():
        return {}
    values, lines = {}, iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def stream(command: list[str], cwd: Path, env: dict[str, str]) -> Finished:
    """Runs a command with its output shown as it comes; returns the exit code and the last line."""
    try:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
    except OSError as error:
        print(f"cannot start {command[0]} in {cwd}: {error.strerror}", flush=True)
        return Finished(defaults.EXIT_NOT_STARTED, "")
    tail, output = b"", process.stdout
    assert output is not None  # stdout=PIPE above
    while chunk := os.read(output.fileno(), 65536):
        sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        tail = (tail + chunk)[-4096:]
    output.close()
    lines = [line for line in tail.decode("utf-8", "replace").splitlines() if line.strip()]
    code = process.wait()
    return Finished(128 - code if code < 0 else code, lines[-1].strip() if lines else "")


def run_defaults(run: Run, job: Node, key: str) -> object:
    """A `defaults: run:` setting of the job, else of the workflow."""
    for source in (job, run.workflow):
        value = ((source.get("defaults") or {}).get("run") or {}).get(key)
        if value:
            return value
    return None


def shell_command(run: Run, job: Node, step: Node, script: Path) -> list[str]:
    shell = step.get("shell") or run_defaults(run, job, "shell")
    if shell in defaults.SHELLS:
        template = defaults.SHELLS[shell]
    elif "{0}" in str(shell):
        template = shlex.split(str(shell))
    else:
        raise located(run.workflow_path, step, f"shell {shell!r} is not emulated by this runner")
    return [str(script) if part == "{0}" else part for part in template]


def run_script(state: JobState, step: Node, index: int, env: dict[str, str], contexts: Node) -> Finished:
    script = state.temp / f"step-{index}.sh"
    script.write_text(resolve(state.run, step["run"], contexts), encoding="utf-8")
    directory = step.get("working-directory") or run_defaults(state.run, state.job, "working-directory")
    cwd = state.run.workspace / resolve(state.run, directory, contexts) if directory else state.run.workspace
    if not cwd.is_dir():
        print(f"working-directory {cwd} does not exist", flush=True)
        return Finished(defaults.EXIT_NOT_STARTED, "")
    return stream(shell_command(state.run, state.job, step, script), cwd, env)


def use_action(state: JobState, step: Node, env: dict[str, str], contexts: Node) -> Finished:
    inputs = step.get("with") or {}
    resolved = {str(name): resolve(state.run, value, contexts) for name, value in inputs.items()}
    action = actions.ActionStep(str(step["uses"]), resolved, state.run.workspace, env, state.temp)
    code = actions.run_action(action)
    state.path[:0] = action.added_path
    return Finished(code, action.said, skipped=action.skipped)


def step_name(run: Run, step: Node, contexts: Node) -> str:
    if step.get("name"):
        return resolve(run, step["name"], contexts)
    if "run" in step:
        return "Run " + str(step["run"]).strip().splitlines()[0]
    return f"Run {step.get('uses')}"


def step_environment(state: JobState, step_env: dict[str, str], step: Node, index: int) -> dict[str, str]:
    """The whole environment of one step: the runner's, the workflow's `env:`, and the files it may write."""
    env = {**state.base_env, **state.defined_env, **step_env}
    env["GITHUB_ACTION"] = str(step.get("id") or f"__run_{index}")
    for name in ("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STEP_SUMMARY", "GITHUB_STATE"):
        env[name] = str(state.temp / f"{name.lower()}-{index}")
    if state.path:
        env["PATH"] = os.pathsep.join([*state.path, env.get("PATH", "")])
    stand_in_paths(state, env)
    return env


def after_step(state: JobState, step: Node, env: dict[str, str], outcome: str) -> None:
    """Carries GITHUB_ENV, GITHUB_PATH and GITHUB_OUTPUT into the following steps."""
    added_env = read_env_file(Path(env["GITHUB_ENV"]))
    state.base_env.update(added_env)
    state.defined_env.update(added_env)
    path_file = Path(env["GITHUB_PATH"])
    if path_file.exists():
        state.path[:0] = [line for line in path_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if step.get("id"):
        outputs = read_env_file(Path(env["GITHUB_OUTPUT"]))
        state.steps[str(step["id"])] = {"outputs": outputs, "outcome": outcome, "conclusion": outcome}


def run_step(state: JobState, step: Node, index: int, records: list[StepRecord]) -> None:
    run = state.run
    status = run_status(failed=bool(state.failure))
    contexts = expression_contexts(run, state.job_id, state.defined_env, steps=state.steps)
    name = step_name(run, step, contexts)
    if not evaluate_if(run, step, contexts, status):
        print(f"skipped: {name} (if: {step.get('if', 'success()')})", flush=True)
        records.append(StepRecord(state.job_id, name, "skipped"))
        return
    step_env = resolve_env(run, step.get("env"), contexts, step)
    env = step_environment(state, step_env, step, index)
    defined = contexts["env"] = {**state.defined_env, **step_env}
    if run.dry_run:
        show_plan(name, {variable: env[variable] for variable in defined}, records, state.job_id)
        return
    records.append(execute_step(state, step, index, name, env, contexts))


def execute_step(state: JobState, step: Node, index: int, name: str, env: dict[str, str], contexts: Node) -> StepRecord:
    """Runs one step inside a ::group:: and records its outcome; a failure fails the job."""
    print(f"::group::{name}", flush=True)
    started = time.monotonic()
    if "run" in step:
        code, last, skipped = run_script(state, step, index, env, contexts)
    else:
        code, last, skipped = use_action(state, step, env, contexts)
    print("::endgroup::", flush=True)
    outcome = "skipped" if skipped else "success" if code == 0 else "failure"
    after_step(state, step, env, outcome)
    if code != 0:
        print(f"::error::{name} failed with exit code {code}", flush=True)
        if str(step.get("continue-on-error", "false")).lower() != "true":
            state.failure = state.failure or code
    return StepRecord(state.job_id, name, outcome, time.monotonic() - started, last)


def show_plan(name: str, env: dict[str, str], records: list[StepRecord], job_id: str) -> None:
    """--dry-run: the step and the environment the workflow gives it, nothing run."""
    print(f"would run: {name}", flush=True)
    for variable, value in sorted(env.items()):
        print(f"  {variable}={value}", flush=True)
    records.append(StepRecord(job_id, name, "planned"))


def evaluate_if(run: Run, item: Node, contexts: Node, status: dict[str, bool]) -> bool:
    try:
        return condition(item.get("if", "success()"), contexts, status)
    except ExpressionError as error:
        raise located(run.workflow_path, item.get("if"), str(error), line_of(item)) from None


def run_job(run: Run, job_id: str, needs: Node, records: list[StepRecord]) -> int:
    """Runs one job's steps; returns 0 or the exit code of its first failing step."""
    job = run.workflow["jobs"][job_id]
    temp = run.temp / job_id
    temp.mkdir(parents=True, exist_ok=True)
    base_env = runner_environment(run, job_id, temp)
    top_contexts = expression_contexts(run, job_id, {}, needs=needs)
    workflow_env = resolve_env(run, run.workflow.get("env"), top_contexts, run.workflow)
    contexts = expression_contexts(run, job_id, workflow_env, needs=needs)
    defined = {**workflow_env, **resolve_env(run, job.get("env"), contexts, job)}
    state = JobState(run, job_id, job, temp, base_env, defined)
    for index, step in enumerate(job["steps"]):
        run_step(state, step, index, records)
    return state.failure


def expressions_in(value: object) -> list[object]:
    """Every string with `${{` inside a job, however deeply nested."""
    if isinstance(value, dict):
        return [found for item in value.values() for found in expressions_in(item)]
    if isinstance(value, list):
        return [found for item in value for found in expressions_in(item)]
    return [value] if isinstance(value, str) and "${{" in value else []


def check_shape(run: Run, job_id: str, job: Node) -> list[Node]:
    """The job's steps, after checking what this runner relies on: `runs-on`, a list of steps,
    each with exactly one of `run:` and `uses:`."""
    for key in ("strategy", "container", "services", "uses"):
        if key in job:
            raise located(run.workflow_path, job, f"job {job_id!r}: `{key}:` is not emulated by this runner")
    if not job.get("runs-on"):
        raise located(run.workflow_path, job, f"job {job_id!r} has no `runs-on:`")
    steps = job.get("steps")
    if not isinstance(steps, list) or not steps:
        raise located(run.workflow_path, job, f"job {job_id!r} has no `steps:` list")
    for step in steps:
        if not isinstance(step, dict) or ("run" in step) == ("uses" in step):
            raise located(run.workflow_path, step, "a step needs exactly one of `run:` and `uses:`", line_of(job))
    return steps


def precheck(run: Run) -> None:
    """Checks every job's shape and evaluates every expression once, before anything runs, so bad
    input stops the run at once with its file and line."""
    status = run_status(failed=False)
    for job_id in job_order(run):
        job = run.workflow["jobs"][job_id]
        steps = check_shape(run, job_id, job)
        needs = {need: {"result": "success", "outputs": {}} for need in needs_of(run, job_id)}
        contexts = expression_contexts(run, job_id, {}, needs=needs)
        for text in expressions_in(run.workflow.get("env")) + expressions_in(job):
            resolve(run, text, contexts)
        for item in [run.workflow, job, *steps]:
            resolve_env(run, item.get("env"), contexts, item)
        for item in [job, *steps]:
            if "if" in item:
                evaluate_if(run, item, contexts, status)


def run_workflow(run: Run, records: list[StepRecord]) -> int:
    """Every job this event starts, in `needs` order; returns the first failing step's exit code or 0."""
    results: dict[str, str] = {}
    first_failure = 0
    for job_id in job_order(run):
        needs = {need: {"result": results[need], "outputs": {}} for need in needs_of(run, job_id)}
        if not job_starts(run, job_id, needs):
            results[job_id] = "skipped"
            records.append(StepRecord(job_id, "(job skipped)", "skipped"))
            continue
        code = run_job(run, job_id, needs, records)
        results[job_id] = "success" if code == 0 else "failure"
        first_failure = first_failure or code
    return first_failure


def job_starts(run: Run, job_id: str, needs: Node) -> bool:
    """The job's `if:` (by default: every job it needs succeeded), said in one line either way."""
    job = run.workflow["jobs"][job_id]
    results = [value["result"] for value in needs.values()]
    status = run_status(failed="failure" in results, succeeded=all(result == "success" for result in results))
    contexts = expression_contexts(run, job_id, {}, needs=needs)
    title = f"{job_id} ({resolve(run, job['name'], contexts)})" if job.get("name") else job_id
    if evaluate_if(run, job, contexts, status):
        print(f"Job {title}: runs-on {to_text(job.get('runs-on'))}, emulated on this machine", flush=True)
        return True
    shown_needs = ", ".join(f"{need}: {value['result']}" for need, value in needs.items()) or "none"
    print(f"Job {title}: skipped (if: {job.get('if', 'success()')}; needs: {shown_needs})", flush=True)
    return False


__all__ = ["StepRecord", "WorkflowError", "run_workflow"]
