"""An early warning for the packages the site is built from: the newest releases of the engines, Material,
static-i18n and pymdown-extensions, installed over the lock in a throwaway environment, then the strict
build and the fast tests. It reports which step broke, with the versions and the failing tests' names
(the adapter module for other plugins' internals shows in those names), so an upgrade is planned before
Dependabot proposes it. Run by `make upgrade-canary` and weekly by .github/workflows/upgrade-canary.yml.

Standard library only: it runs before any environment exists."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

UPGRADED = ("mkdocs", "properdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions")
FAST_TESTS = "not browser and not java and not slow"
ENVIRONMENT = ".venv-canary"
TAIL_LINES = 25


@dataclass
class Step:
    name: str
    command: list[str]
    passed: bool = False
    output: str = ""


def run(step: Step, root: Path, env: dict[str, str]) -> Step:
    result = subprocess.run(step.command, cwd=root, env=env, capture_output=True, text=True, check=False)
    step.passed, step.output = result.returncode == 0, result.stdout + result.stderr
    print(f"{'passed' if step.passed else 'FAILED'}: {step.name}", flush=True)
    return step


def versions(python: Path, root: Path) -> dict[str, str]:
    code = "import json,sys,importlib.metadata as m; print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    result = subprocess.run([python, "-c", code, *UPGRADED], cwd=root, capture_output=True, text=True, check=True)
    found: dict[str, str] = json.loads(result.stdout)
    return found


def steps(python: Path, engine: str, site: Path) -> list[Step]:
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    tests = ["-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", "--engine", engine, "-m", FAST_TESTS]
    return [
        Step("upgrade to the newest releases", [*pip, "--upgrade", *UPGRADED]),
        Step("install the project", [*pip, "--no-deps", "--no-build-isolation", "-e", "."]),
        Step("dependencies agree (pip check)", [str(python), "-m", "pip", "check"]),
        Step(f"strict build ({engine})", [str(python), "-m", engine, "build", "--strict", "--site-dir", str(site)]),
        Step("fast tests", [str(python), *tests]),
    ]


def failing_tests(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines() if line.startswith(("FAILED ", "ERROR "))]


def also_on_the_lock(python: Path, root: Path, engine: str, tests: list[str]) -> set[str]:
    """Of the tests that failed on the newest releases, those that fail on the locked versions too
    (the environment goes back to the lock: these are not the upgrade's doing)."""
    subprocess.run([*lock_install(python), "-r", "requirements.txt"], cwd=root, check=True)
    command = [str(python), "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", "--engine", engine, *tests]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    return set(failing_tests(result.stdout))


def lock_install(python: Path) -> list[str]:
    return [
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--require-hashes",
        "--no-deps",
    ]


def report(locked: dict[str, str], newest: dict[str, str], done: list[Step], old_failures: set[str]) -> str:
    lines = ["## Early warning: the newest releases over the lock", ""]
    lines += ["| Package | Locked | Newest |", "|---|---|---|"]
    lines += [f"| {name} | {locked[name]} | {newest.get(name, '?')} |" for name in UPGRADED]
    lines += ["", *(f"- {'✅' if step.passed else '❌'} {step.name}" for step in done), ""]
    broken = [step for step in done if not step.passed]
    if not broken:
        return "\n".join([*lines, "Nothing broke: the newest releases build the site and pass the fast tests."])
    for step in broken:
        lines += [f"### What broke: {step.name}", ""]
        for name in failing_tests(step.output):
            lines += [f"- `{name}`" + (" (fails on the locked versions too)" if name in old_failures else "")]
        tail = "\n".join(step.output.strip().splitlines()[-TAIL_LINES:])
        lines += ["", "```", tail, "```", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook_bench.canary", description=__doc__)
    parser.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    root, environment = args.root, args.root / ENVIRONMENT
    shutil.rmtree(environment, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)
    python = environment / "bin" / "python"
    subprocess.run([*lock_install(python), "-r", "requirements.txt"], cwd=root, check=True)
    locked = versions(python, root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="canary-site-") as site:
        done: list[Step] = []
        for step in steps(python, args.engine, Path(site)):
            done.append(run(step, root, env))
            if not step.passed and step.name != "dependencies agree (pip check)":
                break
    newest = versions(python, root)
    failed = failing_tests(done[-1].output) if not done[-1].passed else []
    text = report(locked, newest, done, also_on_the_lock(python, root, args.engine, failed) if failed else set())
    print(text)
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary, "a", encoding="utf-8") as file:
            file.write(text + "\n")
    return 0 if all(step.passed for step in done) else 1


if __name__ == "__main__":
    sys.exit(main())
