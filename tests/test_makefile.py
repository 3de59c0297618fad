"""The Makefile's translator targets: a failure ends with the tool's own lines, not make's `Error` line,
yet still fails (also under `make ci`, which runs the build as a sub-make)."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, edit, scratch_copy

STEPS_NB = "docs/nb/recovery-steps.md"
BROKEN_ANCHOR = ("{ #step-act-immediately }", "{ #step-act-immediatly }")
# make's own line after a failing recipe (`make: *** [Makefile:54: build] Error 1`) or an interrupted one.
MAKES_OWN_LINE = "make: ***"


def make(*args: str, cwd: Path = PROJECT_ROOT, ignore_sigpipe: bool = False) -> subprocess.CompletedProcess[str]:
    """`make ARGS` as a translator runs it, without the variables the targets read from the environment."""
    environment = {
        name: value for name, value in os.environ.items() if name not in {"PAGE", "WORD", "UNCHANGED", "LOCALE", "ROOT"}
    }
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=(lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignore_sigpipe else None,
    )


@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory) -> Path:
    """A copy of the handbook whose Norwegian steps page has a misspelled anchor: an error."""
    root = scratch_copy(tmp_path_factory.mktemp("broken") / "project")
    edit(root, STEPS_NB, *BROKEN_ANCHOR)
    return root


def test_a_failing_build_ends_with_the_checkers_lines_not_makes_error_line(broken_copy, tmp_path):
    result = make("build", f"ROOT={broken_copy}", f"SITE_DIR={tmp_path / 'site'}")
    assert result.returncode != 0
    assert f"nb:{STEPS_NB}:" in result.stderr and "concept-missing" in result.stderr, result.stderr
    assert MAKES_OWN_LINE not in result.stdout + result.stderr, result.stderr[-500:]


def test_a_failing_build_still_fails_a_make_that_runs_it_as_make_ci_does(broken_copy, tmp_path):
    outer = tmp_path / "outer.mk"
    build = f"build ROOT={broken_copy} SITE_DIR={tmp_path / 'site'}"
    outer.write_text(f"ci:\n\t$(MAKE) --no-print-directory -C {PROJECT_ROOT} {build}\n", encoding="utf-8")
    assert make("-f", str(outer), cwd=tmp_path).returncode != 0


@pytest.fixture
def broken_registry(tmp_path) -> Path:
    """A copy of the handbook whose concepts.yml is a merge conflict: no command can read the project."""
    root = scratch_copy(tmp_path / "project")
    (root / "concepts.yml").write_text("<<<<<<< HEAD\n", encoding="utf-8")
    return root


def test_a_failing_status_ends_with_the_tools_lines(broken_registry):
    result = make("status", f"ROOT={broken_registry}")
    assert result.returncode != 0
    assert result.stdout.endswith("Found 1 error(s) and 0 warning(s) in the command's input.\n"), result.stdout
    assert MAKES_OWN_LINE not in result.stderr, result.stderr


def test_where_sigpipe_is_ignored_a_failure_is_makes_usual_error(broken_registry):
    result = make("status", f"ROOT={broken_registry}", ignore_sigpipe=True)
    assert result.returncode == 2
    assert MAKES_OWN_LINE in result.stderr, result.stderr
