"""The translator's workflow on a scratch copy: an English edit makes the translation outdated
(whitespace does not), `diff` shows the English change, `stamp` clears it, `status` counts it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.test_checker import materialize_base, run_check

ENGLISH_STEPS = "docs/en/steps.md"


def run_scripts(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), *args],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
                   check=True, capture_output=True)


def test_whitespace_only_edits_keep_the_translation_current(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Say hello to the customer.", "Say   hello\nto the customer.\n")
    result = run_check(root, "--strict")
    assert result.returncode == 0, result.stdout


def test_a_changed_sentence_makes_the_translation_outdated_until_stamped(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Ask what went wrong", "Ask calmly what went wrong")
    outdated = run_check(root, "--strict")
    assert outdated.returncode == 1
    assert "changed sections: step-two)" in outdated.stdout
    status = run_scripts(root, "status")
    assert "| nb | 0 | 0 | 1 | 1 | 3/3 |" in status.stdout
    assert "nb:docs/nb/steps.md:1: outdated" in status.stdout

    stamp = run_scripts(root, "stamp", "nb", "steps.md")
    assert stamp.stdout == "stamped docs/nb/steps.md\n"
    assert run_check(root, "--strict").returncode == 0
    assert run_scripts(root, "stamp", "nb", "--all").stdout == ""  # idempotent


def test_stamp_refuses_what_would_hide_an_outdated_translation(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Ask what went wrong", "Ask calmly what went wrong")
    cases = {
        ("stamp", "nb"): "name the pages you updated, or use --all",
        ("stamp", "en", "steps.md"): "'en' is not a translated locale in concepts.yml (translated: nb)",
        ("stamp", "nb", "steps.md", "nope.md"): "no readable page nope.md in docs/nb/ and docs/en/",
        ("diff", "xx", "steps.md"): "'xx' is not a translated locale",
    }
    for args, message in cases.items():
        result = run_scripts(root, *args)
        assert (result.returncode, result.stderr) == (1, ""), args
        assert message in result.stdout, (args, result.stdout)
    assert run_check(root).stdout.count("outdated") == 1  # nothing was stamped


def test_stamp_accepts_the_path_a_shell_completes(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Ask what went wrong", "Ask calmly what went wrong")
    assert run_scripts(root, "stamp", "nb", "docs/nb/steps.md").stdout == "stamped docs/nb/steps.md\n"


def test_diff_shows_the_english_change_since_the_stamp(tmp_path):
    root = materialize_base(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    edit(root, ENGLISH_STEPS, "Say hello to the customer.", "Greet the customer by name.")
    result = run_scripts(root, "diff", "nb", "steps.md")
    assert result.returncode == 0, result.stdout
    assert "-Say hello to the customer.\n+Greet the customer by name.\n" in result.stdout


def test_diff_without_git_history_is_a_clear_error(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Say hello", "Wave")
    result = run_scripts(root, "diff", "nb", "steps.md")
    assert result.returncode == 1
    assert result.stdout.startswith("nb:docs/nb/steps.md:1: diff: cannot read git history:")
    assert result.stderr == ""


def test_a_stamp_that_looks_like_a_number_reads_back_as_a_hash():
    from scripts.markdown_page import parse_page
    from scripts.staleness import SourceHashes, recorded_hashes, stamped_text

    numeric = SourceHashes("123456789012", {"step-one": "1e5000000000"})
    page = parse_page(stamped_text("---\ntitle: T\ndescription: D.\n---\n\n# T\n", numeric))
    assert recorded_hashes(page) == numeric
