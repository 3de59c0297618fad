"""The site never hides a translation's state: notices on outdated and untranslated pages,
the status and glossary pages in every locale, and no build that could fall back to English."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handbook.plugin.glossary import avoid_table, terms_table
from handbook.project import load_project
from handbook_bench.support import run_mkdocs_build
from tests.helpers import PROJECT_ROOT, edit, materialize_base, run_handbook, scratch_copy

NOTICE_CLASS = "translation-notice"
GLOSSARY_STRINGS = dict.fromkeys(("notes_column", "language_column", "avoid_column", "use_column", "why_column"), "…")


def article(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{path}.html").read_text(encoding="utf-8"), "html.parser").find("article")


def notice(site: Path, path: str):
    return article(site, path).find(class_=NOTICE_CLASS)


def test_the_real_translations_carry_no_notice(built_site, registry):
    for page in registry.pages:
        assert notice(built_site, f"nb/{page.removesuffix('.md')}") is None, page


def test_status_and_glossary_pages_have_tables_in_every_locale(built_site, registry):
    for prefix, outdated_header, avoid_header in (("", "Outdated", "Avoid"), ("nb/", "Utdatert", "Unngå")):
        status = article(built_site, f"{prefix}translation-status").find("table")
        assert outdated_header in status.get_text() and "nb" in status.get_text()
        total = len(registry.concepts)
        assert f"{total}/{total}" in status.get_text()
        tables = article(built_site, f"{prefix}glossary").find_all("table")
        assert "servicegjenoppretting" in tables[0].get_text()
        assert avoid_header in tables[1].get_text() and "utvinning" in tables[1].get_text()
        # Notes, the variants not to use (struck through) and why each forbidden word is forbidden,
        # in the page's language.
        note, why = {
            "": ("short form: gjenoppretting", "means pity; it talks down to the customer"),
            "nb/": ("kortform: gjenoppretting", "betyr å synes synd på noen; det virker nedlatende overfor kunden"),
        }[prefix]
        assert note in tables[0].get_text()
        assert tables[0].find("del", string="med en gang") is not None
        assert why in tables[1].get_text()


def test_the_glossary_names_each_language_in_the_pages_language():
    """A Norwegian glossary says «Engelsk» and «Norsk bokmål» (capitalized, as headers and cells
    start), not the names the language switcher gives each language in itself (mkdocs.yml)."""
    project, _ = load_project(PROJECT_ROOT)
    assert project is not None
    switcher = {"en": "English", "nb": "Norsk (bokmål)"}
    for locale, english, norwegian in (("nb", "Engelsk", "Norsk bokmål"), ("en", "English", "Norwegian Bokmål")):
        header = terms_table(project, switcher, GLOSSARY_STRINGS, locale).splitlines()[0]
        assert header == f"| {english} | {norwegian} | … |", locale
        avoid = avoid_table(project, switcher, GLOSSARY_STRINGS, locale).splitlines()[2:]
        assert {row.split(" | ")[0] for row in avoid} == {f"| {english}", f"| {norwegian}"}, locale


def test_the_glossary_gives_notes_and_reasons_in_the_pages_language():
    """A Norwegian translator reads why «frontlinje» is forbidden, and the short form of a term, in
    Norwegian; an English reader reads them in English."""
    project, _ = load_project(PROJECT_ROOT)
    assert project is not None
    switcher = {"en": "English", "nb": "Norsk (bokmål)"}
    reasons = {"en": "a military calque of front line", "nb": "en militær oversettelse av engelsk front line"}
    notes = {"en": "short form: gjenoppretting", "nb": "kortform: gjenoppretting"}
    for locale, other in (("nb", "en"), ("en", "nb")):
        avoid = avoid_table(project, switcher, GLOSSARY_STRINGS, locale)
        row = next(row for row in avoid.splitlines() if "frontlinje" in row)
        assert row.endswith(f"| {reasons[locale]} |"), row  # the page's own language: no lang of its own
        assert reasons[other] not in avoid
        terms = terms_table(project, switcher, GLOSSARY_STRINGS, locale)
        assert f"| {notes[locale]} |" in terms and notes[other] not in terms


def test_a_glossary_note_or_reason_is_in_the_pages_language_else_the_default_ones_with_its_lang(tmp_path):
    root = materialize_base(tmp_path)
    (root / "termbase.yml").write_text(
        "terms:\n"
        "  - en: step\n"
        "    nb: trinn\n"
        "    note: 'one of five'\n"
        "forbidden:\n"
        "  nb:\n"
        "    - word: utvinning\n"
        "      use: gjenoppretting\n"
        "      why:\n"
        "        en: means extraction\n"
        "        nb: betyr å hente ut olje\n",
        encoding="utf-8",
    )
    project, problems = load_project(root)
    assert project is not None and project.loading_problems == [], problems
    switcher = {"en": "English", "nb": "Norsk (bokmål)"}
    assert terms_table(project, switcher, GLOSSARY_STRINGS, "nb").endswith('| <span lang="en">one of five</span> |')
    assert terms_table(project, switcher, GLOSSARY_STRINGS, "en").endswith("| one of five |")
    assert avoid_table(project, switcher, GLOSSARY_STRINGS, "nb").endswith("| betyr å hente ut olje |")
    assert avoid_table(project, switcher, GLOSSARY_STRINGS, "en").endswith("| means extraction |")


def test_a_phrase_only_search_uses_is_left_out_of_the_glossary(tmp_path):
    """`glossary: false` (a mistake's name that search matches on) is no key term; `glossary: yes`
    is no boolean and is one clear error."""
    root = materialize_base(tmp_path)
    terms = "terms:\n  - en: step\n    nb: trinn\n  - en: calm down\n    nb: roe seg ned\n    glossary: false\n"
    (root / "termbase.yml").write_text(terms + "forbidden: {}\n", encoding="utf-8")
    project, problems = load_project(root)
    assert project is not None and project.loading_problems == [], problems
    table = terms_table(project, {"en": "English", "nb": "Norsk (bokmål)"}, GLOSSARY_STRINGS, "en")
    assert "trinn" in table and "roe seg ned" not in table
    (root / "termbase.yml").write_text(terms.replace("false", "'no'") + "forbidden: {}\n", encoding="utf-8")
    project, _ = load_project(root)
    assert project is not None
    wrong = [p.format() for p in project.loading_problems]
    assert wrong == ["*:termbase.yml:6: termbase: 'glossary' must be true or false"]


def test_an_english_edit_puts_a_localized_notice_on_the_translation(tmp_path):
    root = scratch_copy(tmp_path / "project")
    edit(
        root,
        "docs/en/roadblocks.md",
        "Active listening is more than hearing.",
        "Active listening is much more than hearing.",
    )
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    warning = notice(tmp_path / "site", "nb/roadblocks")
    assert warning is not None and "kan være utdatert" in warning.get_text()
    assert warning.find("a")["href"] == "../roadblocks.html"
    assert notice(tmp_path / "site", "nb/mistakes") is None


def test_a_new_locale_says_its_pages_are_untranslated(tmp_path):
    root = scratch_copy(tmp_path / "project")
    assert run_handbook(root, "new-locale", "sv").returncode == 0
    assert run_mkdocs_build(root, tmp_path / "site").returncode == 0
    warning = notice(tmp_path / "site", "sv/mistakes")
    assert warning is not None and "has not been translated yet" in warning.get_text()
