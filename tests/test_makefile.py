"""The Makefile's translator targets: a failure ends with the tool's own lines, not make's `Error` line,
yet still fails (also under `make ci`, which runs the build as a sub-make); `make diff`, `make stamp`
and `make term` run the `handbook` commands without an activated environment, and name a missing
variable with an example."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, edit, materialize_base, run_check, scratch_copy

STEPS_NB = "docs/nb/recovery-steps.md"
BROKEN_ANCHOR = ("{ #step-act-immediately }", "{ #step-act-immediatly }")
# make's own line after a failing recipe (`make: *** [Makefile:54: build] Error 1`, `make[1]: *** …` in a
# sub-make) or an interrupted one.
MAKES_OWN_LINE = re.compile(r"^make(\[\d+\])?: \*\*\*", re.MULTILINE)
# What a make that runs pytest (`make test`) passes to its children; a make run here is a make of its own.
MAKES_OWN_VARIABLES = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}


def make(*args: str, cwd: Path = PROJECT_ROOT, ignore_sigpipe: bool = False) -> subprocess.CompletedProcess[str]:
    """`make ARGS` as a translator runs it, without the variables the targets read from the environment."""
    ignored = {"PAGE", "WORD", "UNCHANGED", "LOCALE", "ROOT", *MAKES_OWN_VARIABLES}
    environment = {name: value for name, value in os.environ.items() if name not in ignored}
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
    assert not MAKES_OWN_LINE.search(result.stdout + result.stderr), result.stderr[-500:]


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
    assert result.stdout.endswith("Found 1 error(s) and 0 warning(s) in concepts.yml.\n"), result.stdout
    assert not MAKES_OWN_LINE.search(result.stderr), result.stderr


def test_where_sigpipe_is_ignored_a_failure_is_makes_usual_error(broken_registry):
    result = make("status", f"ROOT={broken_registry}", ignore_sigpipe=True)
    assert result.returncode == 2
    assert MAKES_OWN_LINE.search(result.stderr), result.stderr


def test_make_term_prints_the_termbase_entry():
    result = make("term", "WORD=kunde")
    assert result.returncode == 0, result.stderr
    assert "customer (en) = kunde (nb)" in result.stdout, result.stdout
    phrase = make("term", "WORD=med en gang")
    assert "immediately (en) = med én gang (nb)" in phrase.stdout, phrase.stdout


@pytest.mark.parametrize(
    ("target", "variable", "example"),
    [
        ("diff", "PAGE", "make diff PAGE=roadblocks.md"),
        ("stamp", "PAGE", "make stamp PAGE=roadblocks.md"),
        ("term", "WORD", "make term WORD=kunde"),
    ],
)
def test_a_missing_variable_is_named_with_an_example(target, variable, example):
    result = make(target)
    assert result.returncode != 0
    assert result.stderr.startswith(f"make {target} needs {variable}. For example: {example}"), result.stderr
    assert not MAKES_OWN_LINE.search(result.stderr), result.stderr
    assert result.stdout == ""


def git(root: Path, *args: str) -> None:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args]
    subprocess.run(command, check=True, capture_output=True)


def test_make_diff_and_make_stamp_on_a_copy(tmp_path):
    root = materialize_base(tmp_path)
    assert make("stamp", "PAGE=steps.md", f"ROOT={root}").returncode == 0  # records the translation as it is
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    edit(root, "docs/en/steps.md", "Ask what went wrong", "Ask calmly what went wrong")

    diff = make("diff", "PAGE=steps.md", "LOCALE=nb", f"ROOT={root}")
    assert diff.returncode == 0, diff.stdout + diff.stderr
    assert "~ Ask {+calmly+} what went wrong" in diff.stdout, diff.stdout

    refused = make("stamp", "PAGE=steps.md", f"ROOT={root}")  # the translation did not change
    assert refused.returncode != 0
    assert refused.stdout.endswith("Nothing was stamped.\n"), refused.stdout
    assert not MAKES_OWN_LINE.search(refused.stderr), refused.stderr

    stamped = make("stamp", "PAGE=steps.md", "UNCHANGED=1", f"ROOT={root}")
    assert stamped.returncode == 0, stamped.stdout + stamped.stderr
    assert stamped.stdout.startswith("stamped docs/nb/steps.md"), stamped.stdout
    assert "unchanged: true" in (root / "docs/nb/steps.md").read_text(encoding="utf-8")
    assert run_check(root, "--strict").returncode == 0
