"""The README's example of checker output is real: the same edits on a scratch copy print it."""

from __future__ import annotations

import re

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
