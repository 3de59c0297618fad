"""The translator's workflow on a scratch copy: an English edit makes the translation outdated
(whitespace does not), `diff` shows the English change, `stamp` clears it, `status` counts it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.helpers import PROJECT_ROOT, edit, materialize_base, run_check, run_handbook

ENGLISH_STEPS = "docs/en/steps.md"
# An English subsection added at the end of the noise section.
FIXES_ADDED = ("A loud room makes listening hard.\n", "A loud room makes listening hard.\n\n### Fixes\n\nMove.\n")


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        check=True,
        capture_output=True,
    )


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
    assert (
        "changed sections: '## Andre trinn' at line 23 here (English '## Second step', docs/en/steps.md:17))"
        in outdated.stdout
    )
    status = run_handbook(root, "status")
    assert "| nb | 0 | 0 | 1 | 1 | 3/3 |" in status.stdout
    # At the line the check reports it, with the changed section by heading in both languages.
    assert (
        "nb:docs/nb/steps.md:4: outdated; changed sections: '## Andre trinn' at line 23 here "
        "(English '## Second step', docs/en/steps.md:17)" in status.stdout
    )

    edit(root, "docs/nb/steps.md", "Spør hva som gikk galt", "Spør rolig hva som gikk galt")
    stamp = run_handbook(root, "stamp", "nb", "steps.md")
    assert stamp.stdout.startswith("stamped docs/nb/steps.md as translating docs/en/steps.md (version ")
    assert stamp.stdout.endswith(" of the English text)\n")
    assert run_check(root, "--strict").returncode == 0
    again = run_handbook(root, "stamp", "nb", "steps.md").stdout  # idempotent, and says so
    assert again.startswith("docs/nb/steps.md: already up to date with docs/en/steps.md (version ")


def test_stamp_refuses_a_translation_that_did_not_change_since_the_english_did(tmp_path):
    root = materialize_base(tmp_path)
    assert run_handbook(root, "stamp", "nb", "--all").returncode == 0  # records the translation as it is
    edit(root, ENGLISH_STEPS, "Ask what went wrong", "Ask calmly what went wrong")
    page = root / "docs/nb/steps.md"
    before = page.read_text(encoding="utf-8")
    refused = run_handbook(root, "stamp", "nb", "steps.md")
    assert refused.returncode == 1
    assert refused.stdout.startswith(
        "nb:docs/nb/steps.md:4: stamp: docs/en/steps.md changed since this page was last stamped, "
        "and this page did not: run `make diff PAGE=steps.md` and update the translation "
        "(changed sections: '## Andre trinn' at line 24 here (English '## Second step', docs/en/steps.md:17)); "
        "only if the English change needs no change here, run `make stamp PAGE=steps.md UNCHANGED=1`\n"
    )
    assert refused.stdout.endswith("Nothing was stamped.\n")
    assert page.read_text(encoding="utf-8") == before

    unchanged = run_handbook(root, "stamp", "--unchanged", "nb", "steps.md")
    assert unchanged.stdout.startswith(
        "stamped docs/nb/steps.md as needing no change for the English edit of docs/en/steps.md (version "
    )
    assert "  unchanged: true\n" in page.read_text(encoding="utf-8")
    assert run_check(root, "--strict").returncode == 0
    assert "already up to date" in run_handbook(root, "stamp", "nb", "steps.md").stdout


def committed_base(tmp_path: Path) -> Path:
    root = materialize_base(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    return root


def test_stamp_unchanged_shows_the_english_words_it_accepts(tmp_path):
    root = committed_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Ask what went wrong", "Ask calmly what went wrong")
    result = run_handbook(root, "stamp", "--unchanged", "nb", "steps.md")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert re.fullmatch(
        r"stamped docs/nb/steps\.md as needing no change for the English edit of docs/en/steps\.md "
        r"\(version [0-9a-f]{12} of the English text\)",
        lines[0],
    ), lines[0]
    assert lines[1:] == [
        "  the English change it accepts:",
        "  in '## Andre trinn' (docs/nb/steps.md:23), English '## Second step' (docs/en/steps.md:17):",
        "    docs/en/steps.md:19: Ask {+calmly+} what went wrong, …",
        "  If any of it changes what the page says, update the translation and run `make stamp PAGE=steps.md` again.",
    ]


def test_stamp_unchanged_refuses_a_new_number_the_translated_section_lacks(tmp_path):
    root = committed_base(tmp_path)
    page = root / "docs/nb/steps.md"
    before = page.read_text(encoding="utf-8")
    edit(root, ENGLISH_STEPS, "Say hello to the customer.", "Say hello to the customer twice.")
    refused = run_handbook(root, "stamp", "--unchanged", "nb", "steps.md")
    assert (refused.returncode, page.read_text(encoding="utf-8")) == (1, before)
    assert refused.stdout == (
        "nb:docs/nb/steps.md:18: stamp: the English change '… to the customer {+twice+}.' (docs/en/steps.md:12) "
        "changes a number, and this section ('## Første trinn') does not follow it: it lacks 2 (write 'to' or '2'): "
        "update the translation, then run `make stamp PAGE=steps.md`\n"
        "Found 1 error(s) and 0 warning(s) in docs/nb/steps.md.\n"
        "Nothing was stamped.\n"
    )
    # The number as a word or as digits in the paired section is enough.
    edit(root, "docs/nb/steps.md", "Hils på kunden.", "Hils på kunden to ganger.")
    assert run_handbook(root, "stamp", "--unchanged", "nb", "steps.md").returncode == 0


def test_stamp_unchanged_refuses_a_dropped_number_the_translated_section_keeps(tmp_path):
    root = committed_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Say hello to the customer.", "Say hello to the customer 2 times.")
    edit(root, "docs/nb/steps.md", "Hils på kunden.", "Hils på kunden to ganger.")
    assert run_handbook(root, "stamp", "nb", "steps.md").returncode == 0
    git(root, "commit", "-qam", "twice")
    edit(root, ENGLISH_STEPS, "the customer 2 times.", "the customer three times.")
    refused = run_handbook(root, "stamp", "--unchanged", "nb", "steps.md")
    assert refused.returncode == 1
    assert "it lacks 3 (write 'tre' or '3') and still has 2 ('to' or '2'), which the English section" in refused.stdout


def test_stamp_unchanged_without_history_wants_every_number_of_a_changed_section(tmp_path):
    root = materialize_base(tmp_path)  # no git: the English text as stamped cannot be read
    edit(root, ENGLISH_STEPS, "A loud room makes listening hard.", "Two loud rooms make listening hard.")
    refused = run_handbook(root, "stamp", "--unchanged", "nb", "steps.md")
    assert refused.returncode == 1
    assert refused.stdout.startswith(
        "nb:docs/nb/steps.md:27: stamp: the English words that changed cannot be shown (cannot read git history: "
    )
    assert "and this section ('## Støy') lacks 2 (write 'to' or '2'), which English '## Noise'" in refused.stdout


def test_numbers_are_read_as_digits_and_words():
    from handbook.numbers import numbers_in, quoted_forms

    assert numbers_in("Call twice, then 3 times; wait 10,000 seconds or twenty-five.", "en") == {2, 3, 10, 0, 20, 5}
    assert numbers_in("Ring én gang, så to ganger, så syv.", "nb") == {2, 7}  # 'én' and 'en' are left out
    assert numbers_in("Ring 2 ganger.", "sv") == {2}  # a locale without words: digits only
    assert quoted_forms(7, "nb") == "'sju', 'syv' or '7'"  # one to nine in words first, as the house style writes them
    assert quoted_forms(12, "nb").startswith("'12'")


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
        result = run_handbook(root, *args)
        assert (result.returncode, result.stderr) == (1, ""), args
        assert message in result.stdout, (args, result.stdout)
    assert run_check(root).stdout.count("outdated") == 1  # nothing was stamped


def test_stamp_accepts_the_path_a_shell_completes(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Ask what went wrong", "Ask calmly what went wrong")
    assert run_handbook(root, "stamp", "nb", "docs/nb/steps.md").stdout.startswith("stamped docs/nb/steps.md as ")


def test_diff_shows_the_english_change_since_the_stamp(tmp_path):
    root = materialize_base(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    edit(root, ENGLISH_STEPS, "Say hello to the customer.", "Greet the customer by name.")
    result = run_handbook(root, "diff", "nb", "steps.md")
    assert result.returncode == 0, result.stdout
    recorded = "a1c19386e344"  # the revision the Norwegian page's front matter records
    assert result.stdout.startswith(
        f"docs/en/steps.md: changes since version {recorded} of the English text (as committed in "
    )
    assert "~ [-Say hello to-]{+Greet+} the customer {+by name+}.\n" in result.stdout  # words, not whole lines
    # Where it goes in the translation, sections named by heading in both languages; no colour off a terminal.
    assert "@@ docs/en/steps.md:12 in '## First step' -> docs/nb/steps.md:18 in '## Første trinn' @@\n" in result.stdout
    assert "\033[" not in result.stdout


def test_check_status_and_diff_name_a_change_by_the_deepest_heading_that_holds_it(tmp_path):
    """A change inside a subsection is named by the subsection, not by the anchored section around
    it; a subsection the translation lacks is new there, at the line the structure error names."""
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, *FIXES_ADDED)
    edit(root, "docs/nb/steps.md", "vanskelig å lytte.\n", "vanskelig å lytte.\n\n### Løsninger\n\nFlytt dere.\n")
    assert run_handbook(root, "stamp", "nb", "steps.md").returncode == 0
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    edit(root, ENGLISH_STEPS, "Move.\n", "Move somewhere quiet.\n\n### If it stays loud\n\nCall back later.\n")

    changed = (
        "'### Løsninger' at line 32 here (English '### Fixes', docs/en/steps.md:25), "
        "English '### If it stays loud', docs/en/steps.md:29 (new here: add it at line 34)"
    )
    check = run_check(root).stdout
    assert f"docs/en/steps.md changed since this translation (changed sections: {changed});" in check, check
    assert "nb:docs/nb/steps.md:34: structure: missing heading '### If it stays loud'" in check
    assert (
        "nb:docs/nb/steps.md:4: outdated; missing 1 heading: '### If it stays loud' at line 34; "
        f"changed sections: {changed}\n" in run_handbook(root, "status").stdout
    )
    diff = run_handbook(root, "diff", "nb", "steps.md").stdout
    assert "@@ docs/en/steps.md:27 in '### Fixes' -> docs/nb/steps.md:34 in '### Løsninger' @@\n" in diff, diff
    assert (
        "@@ docs/en/steps.md:29 in '### If it stays loud' -> docs/nb/steps.md:34 (new here: add it) @@\n"
        "+ ### If it stays loud\n"
        "+\n"
        "+ Call back later.\n"
    ) in diff, diff


WATCH_FOR, SE_OPP_FOR = "\n### Watch for\n\n- Shouting.\n", "\n### Se opp for\n\n- Roping.\n"
FIXES, LOSNINGER = "\n### Fixes\n\nMove.\n", "\n### Løsninger\n\nFlytt dere.\n"


def committed_with_subsections(tmp_path: Path, english: str, norwegian: str) -> Path:
    """The base project with subsections (headings without anchors) under '## Noise' in both
    languages, stamped and committed, so the English text as stamped is in git history."""
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "listening hard.\n", f"listening hard.\n{english}")
    edit(root, "docs/nb/steps.md", "å lytte.\n", f"å lytte.\n{norwegian}")
    assert run_handbook(root, "stamp", "nb", "steps.md").returncode == 0
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    return root


def structure_lines(root: Path) -> list[str]:
    return [line for line in run_check(root).stdout.splitlines() if ": structure: " in line]


def test_a_subsection_added_before_another_is_the_missing_one(tmp_path):
    """Headings without anchors pair through the English text as stamped: a subsection added before
    another of its level is missing where it goes, and the one it pushed down keeps its twin."""
    root = committed_with_subsections(tmp_path, WATCH_FOR, SE_OPP_FOR)
    edit(root, ENGLISH_STEPS, "\n### Watch for\n", "\n### If it stays loud\n\nCall back later.\n\n### Watch for\n")

    new = "English '### If it stays loud', docs/en/steps.md:25 (new here: add it at line 32)"
    assert structure_lines(root) == [
        "nb:docs/nb/steps.md:32: structure: missing heading '### If it stays loud' (docs/en/steps.md:25): add it here"
    ]
    status = run_handbook(root, "status").stdout
    assert f"steps.md:4: outdated; missing 1 heading: '### If it stays loud' at line 32; changed sections: {new}\n" in (
        status
    ), status
    diff = run_handbook(root, "diff", "nb", "steps.md").stdout
    assert "@@ docs/en/steps.md:25 in '### If it stays loud' -> docs/nb/steps.md:32 (new here: add it) @@\n" in diff, (
        diff
    )

    # Once the translator adds it (before stamping), the two pair as they stand.
    edit(
        root,
        "docs/nb/steps.md",
        "\n### Se opp for\n",
        "\n### Hvis det fortsatt er bråkete\n\nRing senere.\n\n### Se opp for\n",
    )
    assert structure_lines(root) == []


def test_a_subsection_removed_before_another_is_the_extra_one(tmp_path):
    """The mirror case: the translation's twin of a removed subsection is the one not in English, and
    the next keeps its twin; the removal goes where the English lines were, before that twin."""
    root = committed_with_subsections(tmp_path, FIXES + WATCH_FOR, LOSNINGER + SE_OPP_FOR)
    edit(root, ENGLISH_STEPS, FIXES, "")

    assert structure_lines(root) == [
        "nb:docs/nb/steps.md:32: structure: heading '### Løsninger' is not in docs/en/steps.md"
    ]
    status = run_handbook(root, "status").stdout
    assert (
        "nb:docs/nb/steps.md:4: outdated; 1 heading not in English: '### Løsninger' at line 32; "
        "changed sections: '## Støy' at line 28 here (English '## Noise', docs/en/steps.md:21)\n"
    ) in status, status
    diff = run_handbook(root, "diff", "nb", "steps.md").stdout
    assert (
        "@@ docs/en/steps.md:25 in '## Noise' -> docs/nb/steps.md:36 in '## Støy' @@\n"
        "  \n"
        "- ### Fixes\n"
        "-\n"
        "- Move.\n"
        "-\n"
        "  ### Watch for\n"
    ) in diff, diff


def test_headings_without_anchor_pair_through_the_english_as_stamped():
    """In-process, the cases around the two above: a subsection added and another removed in one
    change; a renamed one keeps its twin; a translation already changed since its stamp pairs in
    order, as without history."""
    from handbook.counterpart import align
    from handbook.freshness import source_hashes, stamped_text
    from handbook.markdown_page import parse_page

    def page(*headings: str) -> str:
        return "---\ntitle: T\n---\n" + "".join(f"\n{heading}\n\nText.\n" for heading in headings)

    def paired(
        stamped: list[str], english: list[str], translated: str
    ) -> tuple[list[tuple[str, str]], list[str], list[str]]:
        was = parse_page(page("## A { #a }", *stamped))
        alignment = align(parse_page(page("## A { #a }", *english)), parse_page(translated), was)
        texts = [(e.heading.text, t.heading.text) for e, t in alignment.matched if e.heading and t.heading]
        missing = [fix.english.heading.text for fix in alignment.missing if fix.english.heading]
        return texts[1:], missing, [section.heading.text for section in alignment.extra if section.heading]

    def as_stamped(stamped: list[str], *translated: str) -> str:
        return stamped_text(page("## A { #a }", *translated), source_hashes(parse_page(page("## A { #a }", *stamped))))

    both = ["### X", "### W"]
    assert paired(both, ["### W", "### Y"], as_stamped(both, "### X2", "### W2")) == ([("W", "W2")], ["Y"], ["X2"])
    assert paired(["### W"], ["### L"], as_stamped(["### W"], "### W2")) == ([("L", "W2")], [], [])
    edited = as_stamped(both, "### X2", "### W2").replace("Text.", "Tekst.")  # changed since its stamp
    assert paired(both, ["### W", "### Y"], edited) == ([("W", "X2"), ("Y", "W2")], [], [])


def test_status_names_the_headings_a_page_lacks_has_too_many_of_or_has_out_of_order(tmp_path):
    from handbook.project import load_project
    from handbook.status import pages_to_do_list, translation_status

    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "listening hard.\n", "listening hard.\n\n### Fixes\n\nMove.\n")
    status = run_handbook(root, "status").stdout
    assert (
        "nb:docs/nb/steps.md:4: outdated; missing 1 heading: '### Fixes' at line 29; "
        "changed sections: '## Støy' at line 27 here (English '## Noise', docs/en/steps.md:21)\n"
    ) in status, status
    project, _ = load_project(root)
    assert project is not None
    listed = pages_to_do_list(
        project, translation_status(project), "nb", {"outdated": "Utdatert", "missing": "Mangler"}
    )
    assert listed == "- nb: [steps.md](steps.md), Utdatert: «Støy»; Mangler: «Fixes»"

    # A page up to date with English is listed too when its headings are not the English ones.
    root = materialize_base(tmp_path / "second")
    edit(root, "docs/nb/steps.md", "## Andre trinn { #step-two }", "### Ekstra\n\nMer.\n\n## Andre trinn { #step-two }")
    edit(root, "docs/nb/steps.md", "## Første trinn { #step-one }", "## Første trinn { #step-uno }")
    assert run_handbook(root, "status").stdout.endswith(
        "nb:docs/nb/steps.md:16: up to date; 1 heading not in English: '### Ekstra' at line 23; "
        "wrong anchor on 1 heading: '## Første trinn { #step-uno }' at line 16\n"
    )
    moved = materialize_base(tmp_path / "third")
    page = moved / "docs/nb/steps.md"
    text = page.read_text(encoding="utf-8")
    second, noise = text.index("## Andre trinn"), text.index("## Støy")
    page.write_text(text[:second] + text[noise:] + "\n" + text[second:noise].rstrip("\n") + "\n", encoding="utf-8")
    assert "up to date; 1 heading out of order: '## Støy { #roadblock-noise }' at line 23" in (
        run_handbook(moved, "status").stdout
    )


def test_a_line_removed_at_the_end_of_a_section_belongs_to_that_section():
    """Named by the section it was removed from, not by the heading that now follows the gap."""
    from handbook.word_diff import word_changes, word_hunks

    old, new = "## A\n\none\ntwo\n## B\n\nthree\n", "## A\n\none\n## B\n\nthree\n"
    (change,) = word_changes(old, new)
    assert (change.marked, change.line, change.section_line) == ("[-two-]", 4, 3)
    (hunk,) = word_hunks(old, new, lambda line: "B" if line >= 4 else "A")
    assert (hunk.section_line, hunk.lines) == (3, ["  one", "- two", "  ## B"])


def test_diff_shows_blank_lines_as_the_file_has_them():
    """A new section's heading, paragraph and list keep their spacing (a blank line added is `+`
    alone, one removed `-` alone); the blank line before the new heading goes with it, not with
    the section above; a paragraph split in two is a change of its own."""
    from handbook.word_diff import word_hunks

    old = "## A\n\nText.\n\n## B\n\nOne. Two.\nThree.\n"
    new = "## A\n\nText.\n\n### New\n\nA paragraph.\n\n- one\n- two\n\n## B\n\nOne. Two.\n\nThree.\n"
    hunks = word_hunks(old, new, lambda line: "A" if line < 5 else "New" if line < 12 else "B")
    assert [(hunk.line, hunk.lines) for hunk in hunks] == [
        (5, ["  ", "+ ### New", "+", "+ A paragraph.", "+", "+ - one", "+ - two", "+", "  ## B"]),
        (15, ["  One. Two.", "+", "  Three."]),
    ]
    (hunk,) = word_hunks("## A\n\nText.\n", "## A\n\nText.\n\n### New\n\nMore.\n", lambda line: line >= 5)
    assert (hunk.line, hunk.lines) == (5, ["  Text.", "+", "+ ### New", "+", "+ More."])
    (hunk,) = word_hunks("Text.\n\n- one\n", "Text.\n- one\n")
    assert hunk.lines == ["  Text.", "-", "  - one"]


def test_diff_colours_removed_words_red_and_added_words_green():
    from handbook.word_diff import GREEN, RED, RESET, colour

    assert colour("~ [-old-]{+new+} words") == f"~ {RED}[-old-]{RESET}{GREEN}{{+new+}}{RESET} words"
    assert colour("+ ### A new heading") == f"{GREEN}+ ### A new heading{RESET}"


def test_stamp_refuses_a_page_with_errors_and_writes_nothing(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, "docs/nb/steps.md", "- Smil.\n", "")
    before = (root / "docs/nb/steps.md").read_text(encoding="utf-8")
    result = run_handbook(root, "stamp", "nb", "steps.md")
    assert result.returncode == 1
    assert "nb:docs/nb/steps.md:16: structure: section '## Første trinn { #step-one }' has 1 list item" in result.stdout
    assert result.stdout.endswith("Found 1 error(s) and 0 warning(s) in docs/nb/steps.md.\nNothing was stamped.\n")
    assert (root / "docs/nb/steps.md").read_text(encoding="utf-8") == before


def test_diff_without_git_history_is_a_clear_error(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, "Say hello", "Wave")
    result = run_handbook(root, "diff", "nb", "steps.md")
    assert result.returncode == 1
    assert result.stdout.startswith("nb:docs/nb/steps.md:1: diff: cannot read git history:")
    assert result.stderr == ""


def test_a_stamp_that_looks_like_a_number_reads_back_as_a_hash():
    from handbook.freshness import SourceHashes, recorded_hashes, stamped_text
    from handbook.markdown_page import parse_page

    numeric = SourceHashes("123456789012", {"step-one": "1e5000000000"})
    page = parse_page(stamped_text("---\ntitle: T\ndescription: D.\n---\n\n# T\n", numeric))
    assert recorded_hashes(page) == numeric


def test_windows_line_endings_are_accepted_and_kept(tmp_path):
    """A translator on Windows may save CRLF: the checker reads it, and stamp keeps it."""
    root = materialize_base(tmp_path)
    page = root / "docs" / "nb" / "steps.md"
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    assert run_check(root, "--strict").stdout == "All clear: 4 pages in 2 locales.\n"
    edit(root, ENGLISH_STEPS, "Say hello to the customer.", "Greet the customer.")
    assert run_handbook(root, "stamp", "nb", "steps.md").returncode == 0
    assert b"\r\n" in page.read_bytes() and b"\n" not in page.read_bytes().replace(b"\r\n", b"")
    assert run_check(root, "--strict").returncode == 0


def test_make_check_ends_with_the_checkers_summary_not_makes_error_line(tmp_path):
    """A failing `make check` ends with the checker's count: no `make: *** [...] Error 1` after it."""
    root = materialize_base(tmp_path)
    edit(root, "docs/nb/steps.md", "- Smil.\n", "")
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(PROJECT_ROOT), "check", f"ROOT={root}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout.endswith("Found 1 error(s) and 0 warning(s) in 4 pages in 2 locales.\n"), result.stdout
    assert "make:" not in result.stderr, result.stderr


def test_an_english_heading_added_alone_is_an_error_and_the_guide_says_it_travels_with_its_translation(tmp_path):
    root = materialize_base(tmp_path)
    edit(root, ENGLISH_STEPS, *FIXES_ADDED)
    result = run_check(root)  # not --strict: the missing heading is an error all the same
    assert "nb:docs/nb/steps.md:29: structure: missing heading '### Fixes'" in result.stdout, result.stdout
    assert result.returncode == 1
    guide = (PROJECT_ROOT / "TRANSLATING.md").read_text(encoding="utf-8")
    assert "an English change that adds structure travels\nwith its translations in the same pull request" in guide
    assert "## Handing in your work" in guide
    for step in ("**Branch**", "**Commit**", "**Pull request**", "`site-preview`"):
        assert step in guide.split("## Handing in your work")[1].split("\n## ")[0], step


def test_each_command_declares_its_options_beside_it():
    """Options live in each command's @command(...) line; there is no separate table of options by name."""
    from handbook import cli

    declared = {name: [names for names, _ in arguments] for name, (_, arguments) in cli.COMMANDS.items()}
    assert declared["stamp"] == [("locale",), ("pages",), ("--all",), ("--unchanged",)]
    assert declared["check"] == [("--strict",)]
    assert not hasattr(cli, "add_arguments")
    parsed = cli.build_parser().parse_args(["stamp", "--unchanged", "nb", "steps.md"])
    assert (parsed.function, parsed.unchanged, parsed.pages) == (cli.command_stamp, True, ["steps.md"])


def test_term_looks_a_word_up_in_both_directions(tmp_path):
    root = materialize_base(tmp_path)
    real = PROJECT_ROOT
    english = run_handbook(real, "term", "customer").stdout
    assert "customer (en) = kunde (nb)" in english and "klient, gjest" in english
    norwegian = run_handbook(real, "term", "kunde").stdout
    assert "customer (en) = kunde (nb)" in norwegian
    # Why a word is forbidden, in the word's language first, then in the others.
    forbidden = run_handbook(real, "term", "frontlinjen").stdout
    assert forbidden == (
        "nb: 'frontlinje' is forbidden: use 'førstelinjen' (en militær oversettelse av engelsk front line)\n"
        "  why (en): a military calque of front line\n"
    )
    # In a compound, the compound the checker suggests (the spell checker's choice of stem), as the checker says it.
    compound = run_handbook(real, "term", "frontlinjeansatte").stdout
    assert compound == (
        "nb: 'frontlinje' is forbidden: use 'førstelinjen' (en militær oversettelse av engelsk front line)\n"
        "  why (en): a military calque of front line\n"
        "  in 'frontlinjeansatte': write 'førstelinjeansatte' instead, or the termbase's 'ansatte i førstelinjen'\n"
    )
    # An inflected form the dictionary lacks («empatien») is known as the spelling rule knows it.
    inflected = run_handbook(real, "term", "medfølelsen").stdout
    assert inflected.endswith("  in 'medfølelsen': write 'empatien' instead\n"), inflected
    english = run_handbook(real, "term", "right away").stdout
    assert english.startswith(
        "en: 'right away' is forbidden: use 'immediately' "
        "(house style (STYLE.md): one word for the term, immediately)\n"
        "  why (nb): husstil (STYLE.md): ett ord per begrep, her immediately\n"
    )
    # A term's note in each language, found by its words in either.
    noted = run_handbook(real, "term", "kortform").stdout
    assert "  note (en): short form: gjenoppretting\n  note (nb): kortform: gjenoppretting\n" in noted
    variant = run_handbook(real, "term", "med en gang").stdout
    assert "immediately (en) = med én gang (nb)" in variant and "variants, not to use: med en gang" in variant
    inflected = run_handbook(real, "term", "hindringer").stdout
    assert "roadblock (en) = hindring (nb)" in inflected
    # Forms whose Snowball stem differs from the term's are found by their lemma.
    assert "coworker (en) = kollega (nb)" in run_handbook(real, "term", "kollegaene").stdout
    assert "follow-up (en) = oppfølging (nb)" in run_handbook(real, "term", "follow-ups").stdout
    # ... also when stems find only a mention ("staffing" in the synonym "short-staffed"), but never
    # by a lemma of one or two letters ("does" -> "do", in "can-do attitude").
    assert "front-line staff (en)" in run_handbook(real, "term", "staffing").stdout
    assert "can-do" not in run_handbook(real, "term", "does").stdout
    compound_end = run_handbook(real, "term", "gjenoppretting").stdout
    assert "service recovery (en) = servicegjenoppretting (nb)" in compound_end
    # The entry for the word itself first, then its inflections, terms that hold it, compounds, and
    # last the entries that only mention it in a search synonym.
    for word, entries in {
        "kunden": [
            "customer",
            "internal customer",
            "service recovery",
            "compassion",
            "follow-up",
            "follow up",
            "communication",
            "they are wrong",
        ],
        "customers": ["customer", "internal customer", "service recovery", "front-line staff", "they are wrong"],
        "customer": ["customer", "internal customer", "service recovery", "front-line staff", "they are wrong"],
    }.items():
        found = run_handbook(real, "term", word).stdout
        assert re.findall(r"^termbase\.yml:\d+: (.+?) \(en\)", found, re.MULTILINE) == entries, found
    # An entry that only a search synonym or its note matches says which, under its first line.
    found = run_handbook(real, "term", "kunden").stdout
    assert re.findall(r"^termbase\.yml:\d+: (.+?) \(en\).*\n(  matched: .*)", found, re.MULTILINE) == [
        (
            "service recovery",
            "  matched: search synonym 'vinne tilbake kunden' (nb), "
            "search synonym 'bry seg om misfornøyde kunder' (nb)",
        ),
        ("compassion", "  matched: search synonym 'sette seg i kundens sted' (nb)"),
        ("follow-up", "  matched: search synonym 'høre med kunden' (nb)"),
        (
            "follow up",
            "  matched: search synonym 'sjekke med kunden' (nb), search synonym 'ringe kunden etterpå' (nb), "
            "search synonym 'kontakte kunden etterpå' (nb)",
        ),
        (
            "communication",
            "  matched: search synonym 'holde kunden orientert' (nb), search synonym 'kunden vet ikke' (nb)",
        ),
        ("they are wrong", "  matched: search synonym 'rette på kunden' (nb)"),
    ], found
    assert "  matched: note (nb)\n" in noted
    missing = run_handbook(root, "term", "case")
    assert (missing.returncode, missing.stdout) == (
        0,
        "'case' is not in termbase.yml: no term, variant, synonym or forbidden word matches it.\n",
    )
