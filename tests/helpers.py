"""What several test modules share: the project root, running the tools as users run them, and
scratch copies of the project or of the checker's fixture trees."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
CASE_FILES = {"expected.txt", "remove.txt"}
PROJECT_FILES = ("mkdocs.yml", "concepts.yml", "termbase.yml", "words", "docs", "overrides")


def run_handbook(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The `handbook` command on the project at `root`, as a translator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "handbook", "--root", str(root), *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


def run_check(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_handbook(root, "check", *args, **env)


def check_in_process(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`handbook check` run by its own main() in this process: the same output, without paying
    for a new interpreter and the language model once per fixture."""
    from handbook.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "check", *args])
    return subprocess.CompletedProcess(["handbook", "check", *args], code, out.getvalue(), err.getvalue())


def materialize_base(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "base", target)
    return target


def materialize(case: str, target: Path) -> Path:
    """Copy the base project and apply one case's overlay to it."""
    shutil.copytree(FIXTURES / "base", target)
    overlay = FIXTURES / "cases" / case
    for path in overlay.rglob("*"):
        relative = path.relative_to(overlay)
        if path.is_file() and relative.as_posix() not in CASE_FILES:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
    removals = overlay / "remove.txt"
    for line in removals.read_text(encoding="utf-8").split() if removals.exists() else []:
        doomed = target / line
        shutil.rmtree(doomed) if doomed.is_dir() else doomed.unlink()
    return target


def scratch_copy(target: Path) -> Path:
    """A copy of this project's content and configuration, to change in a test."""
    target.mkdir()
    for name in PROJECT_FILES:
        source = PROJECT_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target / name)
    return target


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The number of the first line of `path` that holds `text`."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
