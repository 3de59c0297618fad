"""Stand-ins for the `uses:` steps: what each action would check or change on this machine.
Nothing is uploaded or deployed; each prints one line saying what it did instead."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ActionStep:
    """What an action sees: its inputs, the workspace, the step's environment and a scratch folder."""

    uses: str
    inputs: dict[str, str]
    workspace: Path
    env: dict[str, str]
    temp: Path
    added_path: list[str] = field(default_factory=list)
    said: str = ""
    skipped: bool = False

    def say(self, message: str) -> None:
        """Prints one line of the action's output; the last one goes into the run's summary."""
        print(message, flush=True)
        self.said = message


def checkout(step: ActionStep) -> int:
    step.say("checkout: nothing to do, the workspace is already a clone of the repository")
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"], cwd=step.workspace, capture_output=True, text=True, check=False
    ).stdout.strip()
    if step.inputs.get("fetch-depth") == "0" and shallow == "true":
        step.say("::warning::fetch-depth: 0 wants the full history; this clone is shallow (git fetch --unshallow)")
    return 0


VERSION_AND_EXECUTABLE = "import sys; print('%d.%d' % sys.version_info[:2]); print(sys.executable)"


def _interpreter(version: str, path: str) -> str | None:
    """The real executable of python<version> (or python3 when it is that version), resolving shims."""
    for candidate in (f"python{version}", "python3"):
        found = shutil.which(candidate, path=path)
        if not found:
            continue
        probe = subprocess.run([found, "-c", VERSION_AND_EXECUTABLE], capture_output=True, text=True, check=False)
        lines = probe.stdout.split()
        if probe.returncode == 0 and len(lines) == 2 and lines[0] == version:
            return lines[1]
    return None


def setup_python(step: ActionStep) -> int:
    version = step.inputs.get("python-version", "").strip()
    if not version:
        step.say("setup-python: no python-version given; using this machine's python3")
        return 0
    executable = _interpreter(version, step.env.get("PATH", os.defpath))
    if executable is None:
        step.say(f"::error::setup-python: Python {version} is not installed here (no python{version} on PATH)")
        return 1
    bin_dir = step.temp / f"python-{version}" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    for name in ("python", "python3"):
        link = bin_dir / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(executable)
    step.added_path.append(str(bin_dir))
    step.say(f"setup-python: using {executable} as python and python3 (Python {version}); pip's cache is not emulated")
    return 0


def _files_under(path: Path, include_hidden: bool) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    files = [file for file in path.rglob("*") if file.is_file()]
    if include_hidden:
        return files
    return [file for file in files if not any(part.startswith(".") for part in file.relative_to(path).parts)]


def _upload(step: ActionStep, default_name: str, missing: str) -> int:
    name = step.inputs.get("name") or default_name
    lines = [line.strip() for line in step.inputs.get("path", "").splitlines()]
    paths = [line for line in lines if line and not line.startswith("!")]
    if not paths:
        step.say(f"::error::{step.uses}: no `path` input")
        return 1
    hidden = step.inputs.get("include-hidden-files", "false") == "true"
    files = [file for path in paths for file in _files_under(step.workspace / path, hidden)]
    if not files:
        message = f"{step.uses}: nothing to upload at {', '.join(paths)} (missing or empty)"
        if missing == "ignore":
            return 0
        step.say(f"::{'error' if missing == 'error' else 'warning'}::{message}")
        return 1 if missing == "error" else 0
    size = sum(file.stat().st_size for file in files)
    step.say(
        f"upload: artifact {name!r} would hold {len(files)} files, {size / 1024:.1f} KiB, "
        f"from {', '.join(paths)} (not uploaded)"
    )
    return 0


def upload_artifact(step: ActionStep) -> int:
    return _upload(step, "artifact", step.inputs.get("if-no-files-found", "warn"))


def upload_pages_artifact(step: ActionStep) -> int:
    return _upload(step, "github-pages", "error")


def deploy_pages(step: ActionStep) -> int:
    step.skipped = True
    step.say("deploy-pages: skipped, publishing needs GitHub Pages itself")
    return 0


HANDLERS: dict[str, Callable[[ActionStep], int]] = {
    "actions/checkout": checkout,
    "actions/setup-python": setup_python,
    "actions/upload-artifact": upload_artifact,
    "actions/upload-pages-artifact": upload_pages_artifact,
    "actions/deploy-pages": deploy_pages,
}


def is_emulated(uses: str) -> bool:
    return uses.split("@", 1)[0].lower() in HANDLERS


def run_action(step: ActionStep) -> int:
    handler = HANDLERS.get(step.uses.split("@", 1)[0].lower())
    if handler is None:
        step.skipped = True
        step.say(f"skipped: {step.uses} is not emulated by this runner")
        return 0
    return handler(step)
