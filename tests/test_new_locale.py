"""`new-locale` on a scratch copy of this project: the build accepts the new locale and the
checker reports every page as untranslated, page by page."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handbook_bench.support import run_mkdocs_build, serving
from tests.helpers import run_check, run_handbook, scratch_copy
from tests.test_serve import fetch, wait_for


def switcher(html: str) -> list[str]:
    """The languages the page's language switcher offers."""
    return [link["hreflang"] for link in BeautifulSoup(html, "html.parser").select("a.md-select__link")]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_new_locale_is_a_draft_that_keeps_ci_green_and_stays_out_of_search_engines(tmp_path, registry):
    root = scratch_copy(tmp_path / "project")
    added = run_handbook(root, "new-locale", "sv")
    assert added.returncode == 0, added.stdout
    concepts = (root / "concepts.yml").read_text(encoding="utf-8")
    assert "locales: [en, nb, sv]" in concepts and "\ndrafts: [sv]\n" in concepts
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- locale: sv\n          name: svenska\n" in mkdocs
    assert "notice_title: Translation notice" in mkdocs.split("- locale: sv", 1)[1]  # interface texts to translate

    for strict in ((), ("--strict",)):
        checked = run_check(root, *strict)
        assert checked.returncode == 0, checked.stdout  # a pull request that starts a language passes
        reported = [line for line in checked.stdout.splitlines() if line.startswith("sv:")]
        assert reported == [
            f"sv:docs/sv/{page}:1: untranslated: warning: the whole page is the same as docs/en/{page}"
            for page in sorted(registry.pages)
        ]

    site = tmp_path / "site"
    built = run_mkdocs_build(root, site)
    assert built.returncode == 0, built.stderr
    page = BeautifulSoup((site / "sv" / "mistakes.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "sv"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("article")["lang"] == "en"  # the English body under <html lang="sv">
    notice = page.find(class_="translation-notice")
    assert notice.get("lang") is None  # inside the English article, the English notice needs no lang of its own
    english = BeautifulSoup((site / "mistakes.html").read_text(encoding="utf-8"), "html.parser")
    assert not english.find("link", hreflang="sv")
    assert "/sv/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not (site / "sv" / "sitemap.xml").exists()
    # Readers of the published languages are not offered the draft; on its own pages it stays listed.
    for published in ("mistakes.html", "nb/mistakes.html", "404.html"):
        assert switcher(read(site / published)) == ["en", "nb"], published
    assert switcher(read(site / "sv" / "mistakes.html")) == ["en", "nb", "sv"]


def test_new_locale_refuses_an_existing_or_malformed_locale(tmp_path):
    root = scratch_copy(tmp_path / "project")
    for locale, message in (
        ("nb", "'nb' already exists"),
        ("x y", "is not a locale code"),
        ("zz", "no interface language 'zz'"),
    ):
        result = run_handbook(root, "new-locale", locale)
        assert result.returncode == 1 and message in result.stdout and result.stderr == ""


def test_new_locale_writes_nothing_when_a_source_page_is_missing(tmp_path):
    root = scratch_copy(tmp_path / "project")
    (root / "docs" / "en" / "glossary.md").unlink()
    before = {name: (root / name).read_text(encoding="utf-8") for name in ("concepts.yml", "mkdocs.yml")}
    result = run_handbook(root, "new-locale", "sv")
    assert (result.returncode, result.stderr) == (1, "")
    assert "the default locale lacks glossary.md" in result.stdout
    assert not (root / "docs" / "sv").exists()
    assert before == {name: (root / name).read_text(encoding="utf-8") for name in before}


def test_previews_offer_a_draft_locale_in_the_language_switcher(tmp_path):
    """A pull-request preview (HANDBOOK_PREVIEW=true) and `mkdocs serve` are for translators: the
    switcher offers the draft there, while search engines are still told nothing of it."""
    root = scratch_copy(tmp_path / "project")
    assert run_handbook(root, "new-locale", "sv").returncode == 0
    site = tmp_path / "preview"
    built = run_mkdocs_build(root, site, env={"HANDBOOK_PREVIEW": "true"})
    assert built.returncode == 0, built.stderr
    for page in ("mistakes.html", "nb/mistakes.html", "404.html"):
        assert switcher(read(site / page)) == ["en", "nb", "sv"], page
    assert not BeautifulSoup(read(site / "mistakes.html"), "html.parser").find("link", rel="alternate", hreflang="sv")
    assert "/sv/" not in read(site / "sitemap.xml")

    with serving(root) as base:
        page = base + "mistakes.html"
        assert wait_for(page, "md-select__link"), "mkdocs serve did not start"
        assert switcher(fetch(page)) == ["en", "nb", "sv"]
