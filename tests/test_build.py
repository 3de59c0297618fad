"""The real site build: both locales have the same pages, the right language, meta descriptions
and every registry concept as an anchor on its page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from handbook.locales import built_page
from handbook_bench.support import Engine, run_mkdocs_build
from tests.helpers import PROJECT_ROOT, edit, line_of, scratch_copy


def locale_dir(site: Path, registry, locale: str) -> Path:
    return site if locale == registry.default_locale else site / locale


def html_pages(site: Path, registry, locale: str) -> set[str]:
    root = locale_dir(site, registry, locale)
    other_locales = {loc for loc in registry.locales if loc != registry.default_locale}
    pages = set()
    for path in root.rglob("*.html"):
        relative = path.relative_to(root)
        if locale == registry.default_locale and relative.parts[0] in other_locales:
            continue
        if relative.name != "404.html":
            pages.add(relative.as_posix())
    return pages


def soup(site: Path, registry, locale: str, page: str) -> BeautifulSoup:
    html = (locale_dir(site, registry, locale) / built_page(page)).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def front_matter(locale: str, page: str) -> dict:
    text = (PROJECT_ROOT / "docs" / locale / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def test_build_writes_both_home_pages(built_site, registry):
    for locale in registry.locales:
        assert (locale_dir(built_site, registry, locale) / "index.html").is_file()


def test_every_locale_builds_the_same_pages(built_site, registry):
    expected = {built_page(page) for page in registry.pages}
    for locale in registry.locales:
        assert html_pages(built_site, registry, locale) == expected, locale


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_every_page_declares_its_language(built_site, registry, locale):
    for page in registry.pages:
        assert soup(built_site, registry, locale, page).html["lang"] == locale, page


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_meta_description_is_the_page_description(built_site, registry, locale):
    for page in registry.pages:
        meta = soup(built_site, registry, locale, page).find("meta", attrs={"name": "description"})
        expected = front_matter(locale, page)["description"]
        assert meta is not None and meta["content"].strip() == expected.strip(), page


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_every_concept_is_an_anchor_on_its_page(built_site, registry, locale):
    for concept in registry.concepts:
        page = soup(built_site, registry, locale, concept.page)
        heading = page.find(id=concept.id)
        assert heading is not None and heading.name == "h2", f"{locale}: {concept.id}"


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_built_html_has_no_concept_ids_beyond_the_registry(built_site, registry, locale):
    known = {concept.id for concept in registry.concepts}
    for page in registry.pages:
        for element in soup(built_site, registry, locale, page).find_all(id=True):
            if registry.kind_of_anchor(element["id"]) is not None:
                assert element["id"] in known, f"{locale}/{page}: {element['id']}"


def test_the_build_log_shows_no_known_noise(build_log):
    """Only real warnings: static-i18n's lunr.js notice, its dump of `extra`, its site name and
    description per language and its link advice are dropped."""
    assert "Building documentation to directory" in build_log  # the log was captured
    for noise in ("is not supported by lunr.js", "config 'extra' with", "should be an absolute path", "Overriding '"):
        assert noise not in build_log


def test_broken_front_matter_stops_the_build_with_the_checkers_message(tmp_path):
    root = scratch_copy(tmp_path / "project")
    page = root / "docs" / "nb" / "recovery-steps.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        re.sub(r'^description: "(.*)"$', r"description: Slik gjør du det: \1", text, count=1, flags=re.M),
        encoding="utf-8",
    )
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "nb:docs/nb/recovery-steps.md:3: front-matter: invalid YAML: mapping values are not allowed in this context "
        '(a value that contains ": " must be wrapped in "double quotes")'
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "nb" / "recovery-steps.html").exists()  # no page shows raw front matter


@pytest.mark.parametrize("locale, other", [("en", "nb"), ("nb", "en")])
def test_glossary_marks_terms_in_another_language(built_site, registry, locale, other):
    """WCAG 3.1.2, language of parts: a screen reader must read each term in its own language."""
    page = soup(built_site, registry, locale, "glossary.md")
    table = page.find("table")
    column = [th.get_text() for th in table.find("tr").find_all("th")].index(
        {"en": "Engelsk", "nb": "Norwegian Bokmål"}[other]  # named in the page's language
    )
    cells = [row.find_all("td")[column] for row in table.find_all("tr")[1:]]
    assert cells and all(cell.find("span", lang=other) for cell in cells if cell.get_text(strip=True))
    own = [row.find_all("td")[1 - column] for row in table.find_all("tr")[1:]]
    assert not any(cell.find(attrs={"lang": True}) for cell in own)


def test_a_page_that_is_not_utf8_stops_the_build_with_the_checkers_message(tmp_path):
    root = scratch_copy(tmp_path / "project")
    page = root / "docs" / "nb" / "index.md"
    page.write_bytes(page.read_bytes().replace("å".encode(), "\xe5".encode("latin-1"), 1))
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "nb:docs/nb/index.md:" in result.stderr and "unreadable: not valid UTF-8 (byte 0xe5)" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_that_must_never_be_published_stops_the_build_with_the_checkers_messages(tmp_path):
    root = scratch_copy(tmp_path / "project")
    edit(root, "docs/nb/mistakes.md", "\n## Å si at", "\n<<<<<<< HEAD\n=======\n>>>>>>> other\n## Å si at")
    edit(root, "docs/en/recovery-steps.md", "{ #step-follow-up }", "{ #step\u2011follow-up }")
    edit(root, "docs/nb/index.md", "\n# ", "\n# \u200b")
    edit(root, "termbase.yml", "\nforbidden:", "\n=======\nforbidden:")
    # A conflict in the front matter is named as such, not as the YAML error it causes.
    edit(root, "docs/nb/principles.md", "---\ntitle:", "---\n<<<<<<< HEAD\ntitle: Nei\n=======\ntitle:")
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    reported = re.findall(r"^(?:ERROR +- +)?([a-z*]+:\S+:\d+: .*)$", result.stderr, flags=re.M)
    anchor = line_of(root / "docs/en/recovery-steps.md", "{ #step\u2011follow-up }")
    marker = line_of(root / "docs/nb/mistakes.md", "<<<<<<< HEAD")
    hidden = line_of(root / "docs/nb/index.md", "\u200b")
    termbase_marker = line_of(root / "termbase.yml", "=======")
    assert reported == [
        f"en:docs/en/recovery-steps.md:{anchor}: anchor-lookalike: the anchor {{ #step\u2011follow-up }} has "
        "U+2011 NON-BREAKING HYPHEN (looks like '-'): type { #step-follow-up }",
        f"nb:docs/nb/index.md:{hidden}: invisible-character: U+200B ZERO WIDTH SPACE at column 3: delete it",
        *(
            f"nb:docs/nb/mistakes.md:{line}: conflict-marker: merge-conflict marker '{marker}': "
            "keep the right text between the markers and delete the marker lines"
            for line, marker in ((marker, "<<<<<<< HEAD"), (marker + 1, "======="), (marker + 2, ">>>>>>> other"))
        ),
        *(
            f"nb:docs/nb/principles.md:{line}: conflict-marker: merge-conflict marker '{marker}': "
            "keep the right text between the markers and delete the marker lines"
            for line, marker in ((2, "<<<<<<< HEAD"), (4, "======="))
        ),
        f"*:termbase.yml:{termbase_marker}: conflict-marker: merge-conflict marker '=======': "
        "keep the right text between the markers and delete the marker lines",
    ]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "nb" / "mistakes.html").exists()


def test_the_build_takes_a_config_path_relative_to_the_current_folder(tmp_path):
    """`<engine> build -f mkdocs.yml`, as typed in the project folder: the engine passes the
    relative path on, and the plugin compares it with the pages' absolute paths."""
    command = [
        sys.executable,
        "-m",
        Engine.name,
        "build",
        "-q",
        "-f",
        "mkdocs.yml",
        "--site-dir",
        str(tmp_path / "site"),
    ]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "nb" / "index.html").is_file()
