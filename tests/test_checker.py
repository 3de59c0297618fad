"""The checker, run as translators run it, over fixture trees that each break one rule.

`tests/fixtures/base` is a small valid project. Each folder in `tests/fixtures/cases` is an
overlay on it (files to write, and `remove.txt` for paths to delete) plus `expected.txt`, the
exact output the checker must print. A case's name starts with the rule ID it breaks.
"""

from __future__ import annotations

import pytest

from handbook.rules import LOADING_RULES, RULES
from tests.helpers import (
    FIXTURES,
    PROJECT_ROOT,
    check_in_process,
    edit,
    materialize,
    materialize_base,
    run_check,
    scratch_copy,
)

CASES = sorted(path.name for path in (FIXTURES / "cases").iterdir())


def test_base_fixture_is_clean(tmp_path):
    result = run_check(materialize_base(tmp_path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "All clear: 4 pages in 2 locales.\n", "")


@pytest.mark.parametrize("case", CASES)
def test_case_reports_exactly_the_expected_problems(case, tmp_path):
    root = materialize(case, tmp_path / "project")
    result = check_in_process(root)
    expected = (FIXTURES / "cases" / case / "expected.txt").read_text(encoding="utf-8")
    assert result.stdout == expected
    assert result.returncode == (0 if "Found 0 error(s)" in expected else 1)
    assert result.stderr == ""  # no traceback, ever


def test_strict_turns_outdated_warnings_into_errors(tmp_path):
    root = materialize("outdated-page", tmp_path / "project")
    result = run_check(root, "--strict")
    assert result.returncode == 1
    assert (
        "nb:docs/nb/steps.md:4: outdated: docs/en/steps.md changed since this translation "
        "(changed sections: '## Første trinn' at line 16 here (English '## First step', docs/en/steps.md:10))"
        in result.stdout
    )
    assert result.stdout.endswith("Found 1 error(s) and 0 warning(s) in 4 pages in 2 locales.\n")


def test_every_rule_id_has_a_case_that_breaks_it():
    rule_ids = {rule_id for _, ids in RULES for rule_id in ids} | set(LOADING_RULES)
    broken = set()
    for case in CASES:
        for line in (FIXTURES / "cases" / case / "expected.txt").read_text(encoding="utf-8").splitlines()[:-1]:
            broken.add(line.split(": ", 2)[1])
    assert rule_ids <= broken, f"rules no case breaks: {sorted(rule_ids - broken)}"
    assert broken <= rule_ids, f"IDs reported but not declared in RULES: {sorted(broken - rule_ids)}"


def test_github_annotations_accompany_each_problem(tmp_path):
    root = materialize("link-missing-anchor", tmp_path / "project")
    plain = run_check(root).stdout.splitlines()
    annotated = run_check(root, GITHUB_ACTIONS="true", CI="true").stdout.splitlines()
    assert not any(line.startswith("::") for line in plain)
    assert [line for line in annotated if not line.startswith("::")] == plain
    assert "::error file=docs/nb/index.md,line=11::link: 'steps.md#roadblock-nois'" in "\n".join(annotated)
    assert sum(line.startswith("::error ") for line in annotated) == len(plain) - 1  # one per problem, not the count


def test_the_real_handbook_passes():
    result = run_check(PROJECT_ROOT, "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("All clear:")


def test_a_rule_that_emits_an_id_it_does_not_declare_is_refused(tmp_path):
    """`handbook rules` lists the IDs from RULES, so a rule may emit only those (each case's rule is its own)."""
    from handbook import rules
    from handbook.project import load_project

    project, _ = load_project(materialize("structure-renamed-anchor", tmp_path / "project"))
    assert project is not None
    structure_rule = next(rule for rule, ids in RULES if "structure" in ids)
    original = rules.RULES
    rules.RULES = ((structure_rule, ("structure",)),)  # as declared before concept-missing was listed
    try:
        with pytest.raises(rules.UndeclaredRuleId, match="concept-missing"):
            rules.run_checks(project)
    finally:
        rules.RULES = original


def test_each_english_sentence_left_in_a_norwegian_paragraph_is_reported_at_its_line(tmp_path):
    """The three leftovers a translator is most likely to miss, in the real steps page: the first
    sentence of a paragraph, one in the middle, and one appended to a long paragraph."""
    root = scratch_copy(tmp_path / "project")
    page = "docs/nb/recovery-steps.md"
    edit(root, page, "Noter i saken hva som skjedde", "Note every attempt in the case. Noter i saken hva som skjedde")
    edit(
        root,
        page,
        "Gi kunden noe som veier opp for bryet.",
        "Try twice, at different times of day, before you give up.",
    )
    edit(
        root,
        page,
        "lese om [hindringene](roadblocks.md).",
        "lese om [hindringene](roadblocks.md). Skipping it is one of the most common mistakes.",
    )
    lines = (root / page).read_text(encoding="utf-8").splitlines()
    result = run_check(root)

    def at(fragment: str) -> str:
        return f"{page}:{next(n for n, line in enumerate(lines, 1) if fragment in line)}: untranslated: this sentence"

    for sentence in ("Note every attempt", "Try twice", "Skipping it is one"):
        assert f"nb:{at(sentence)} reads as English, not Norwegian: '{sentence}" in result.stdout, result.stdout
    assert "sure" not in result.stdout
    assert result.stdout.endswith("Found 3 error(s) and 0 warning(s) in 18 pages in 2 locales.\n")


def test_every_termbase_word_passes_the_spell_checker():
    """The words translators are told to use (and readers search with) are never reported as misspelled."""
    from handbook.project import load_project
    from handbook.rules.spelling import DICTIONARIES, WORD, listed, misspelled, word_list

    project, _ = load_project(PROJECT_ROOT)
    assert project is not None
    for locale in project.registry.locales:
        words = set()
        for term in project.termbase.terms:
            for text in (term.get(locale), *term.synonyms.get(locale, ())):
                words.update(WORD.findall(text))
        for entry in project.termbase.forbidden.get(locale, ()):
            words.update(WORD.findall(entry.use))
        known = word_list(PROJECT_ROOT, locale)
        assert words, locale
        assert misspelled(sorted(w for w in words if not listed(w, known)), DICTIONARIES[locale]) == {}, locale


def test_spelling_stays_a_warning_with_strict(tmp_path):
    root = materialize("spelling-misspelled", tmp_path / "project")
    result = run_check(root, "--strict")
    assert result.returncode == 0
    assert "spelling: warning: 'vansklig' (suggestions: vanskelig" in result.stdout


def test_inflections_the_dictionary_lacks_pass_but_typos_that_look_inflected_do_not():
    """nb_NO lacks «datoen» (of «dato»), which simplemma's dictionary lists; a typo whose ending
    looks like an inflection («problemne») is not in that dictionary, and simplemma's guesses
    from endings are not used. English is checked by Hunspell alone: simplemma's English list
    also holds misspellings («becuse» for "because")."""
    from handbook.rules.spelling import misspelled

    assert set(misspelled(["datoen", "Datoene", "problemne", "tjenestee", "tor"], "nb_NO")) == {
        "problemne",
        "tjenestee",
        "tor",  # listed by simplemma as a form of the name «Tor»: only a case apart, not an inflection
    }
    assert set(misspelled(["becuse", "tis"], "en_US")) == {"becuse", "tis"}


def test_a_check_starts_hunspell_once_per_dictionary(monkeypatch):
    """Each start loads a dictionary (a fifth of a second for nb_NO): the rules that ask Hunspell
    (untranslated, spelling) share one lookup of every word of the project."""
    from handbook.project import load_project
    from handbook.rules import run_checks, spelling

    started: list[str] = []
    run_hunspell = spelling._hunspell

    def counted(mode: list[str], lines, dictionary: str) -> str:
        started.append(dictionary)
        return run_hunspell(mode, lines, dictionary)

    monkeypatch.setattr(spelling, "_hunspell", counted)
    monkeypatch.setattr(spelling, "_KNOWN", {}, raising=False)
    project, _ = load_project(PROJECT_ROOT)
    assert project is not None
    assert run_checks(project) == []
    assert sorted(started) == ["en_US", "nb_NO"]
