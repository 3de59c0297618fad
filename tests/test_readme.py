"""The README's example of checker output is real: the same edits on a scratch copy print it; the `make`
commands the guides quote are the Makefile's; the guide's way of handing a branch in as a file works."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from tests.helpers import PROJECT_ROOT, edit, run_check, scratch_copy

STEPS = "docs/nb/recovery-steps.md"
LINE_NUMBER = re.compile(r"(?<=\.md):(\d+)\b")
PLACE = re.compile(r"([\w/.-]+\.md):(\d+)\b")


def readme_example() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```text\n(nb:docs/nb/.*?)```", readme, re.DOTALL)
    assert match, "README has no ```text block of checker output"
    return match.group(1)


def test_readme_example_is_what_the_checker_prints(tmp_path):
    root = scratch_copy(tmp_path / "project")
    edit(root, STEPS, "{ #step-act-immediately }", "{ #step-act-immediatly }")
    edit(root, STEPS, "- Å høres innøvd ut. Bruk dine egne ord, og vær oppriktig.\n", "")
    printed, quoted = run_check(root).stdout, readme_example()
    assert LINE_NUMBER.sub(":N:", printed) == LINE_NUMBER.sub(":N:", quoted)
    # A translator's own edit above them (a stamp's record in the front matter, a new paragraph) moves
    # every line the example names in that file by the same count: the README stays true, only its
    # numbers age.
    shifts: dict[str, set[int]] = {}
    for (path, now), (_, then) in zip(PLACE.findall(printed), PLACE.findall(quoted), strict=True):
        shifts.setdefault(path, set()).add(int(now) - int(then))
    assert all(len(moves) == 1 for moves in shifts.values()), shifts


QUOTED_MAKE = re.compile(r"`make ([a-z][\w-]*)((?:\s+[A-Z_]+=[^`\s]*)*)[^`]*`")


def test_every_make_command_the_guides_quote_is_a_target_with_its_variables():
    """`make diff PAGE=roadblocks.md` in README.md or TRANSLATING.md names a target of the Makefile and
    variables its recipes read: a renamed target or variable breaks this test, not a translator's step."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w.-]*):", makefile, flags=re.MULTILINE))
    quoted = [
        (target, variable)
        for guide in ("README.md", "TRANSLATING.md")
        for target, assignments in QUOTED_MAKE.findall((PROJECT_ROOT / guide).read_text(encoding="utf-8"))
        for variable in [None, *re.findall(r"([A-Z_]+)=", assignments)]
    ]
    assert {"diff", "stamp", "term"} <= {target for target, _ in quoted}
    assert [target for target, _ in quoted if target not in targets] == []
    assert [variable for _, variable in quoted if variable and f"$({variable})" not in makefile] == []


def guide_command(start: str) -> list[str]:
    """The command TRANSLATING.md quotes that starts with `start`, as the shell splits it."""
    guide = (PROJECT_ROOT / "TRANSLATING.md").read_text(encoding="utf-8")
    match = re.search(rf"`({re.escape(start)}[^`]*)`", guide)
    assert match, f"TRANSLATING.md quotes no `{start} …`"
    return shlex.split(match.group(1))


def test_handing_in_a_bundle_leaves_the_working_tree_clean_and_the_maintainer_takes_the_branch_in(tmp_path):
    """The guide's two commands, run as written: the translator's bundle goes outside the clone (not
    even an ignored file is left in it), and the maintainer's fetch, beside their own copy, takes the
    branch in under its name."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull}

    def git(cwd: Path, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout

    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    (origin / "page.md").write_text("English\n", encoding="utf-8")
    git(origin, "add", ".")
    git(origin, "commit", "-qm", "en: a page")
    translator = tmp_path / "translator"
    translator.mkdir()
    git(translator, "clone", "-q", str(origin), "handbook")
    clone = translator / "handbook"
    git(clone, "switch", "-qc", "nb-recovery-steps")
    (clone / "page.md").write_text("Norsk\n", encoding="utf-8")
    git(clone, "commit", "-qam", "nb: translate the page")

    git(clone, *guide_command("git bundle create")[1:])
    assert git(clone, "status", "--porcelain", "--ignored") == ""
    bundles = list(translator.glob("*.bundle"))
    assert [bundle.name for bundle in bundles] == ["nb-recovery-steps.bundle"]

    maintainer = tmp_path / "maintainer"
    maintainer.mkdir()
    git(maintainer, "clone", "-q", str(origin), "handbook")
    shutil.copyfile(bundles[0], maintainer / bundles[0].name)  # sent, and saved beside their copy
    git(maintainer / "handbook", *guide_command("git fetch")[1:])
    taken = git(maintainer / "handbook", "rev-parse", "nb-recovery-steps")
    assert taken == git(clone, "rev-parse", "nb-recovery-steps")
