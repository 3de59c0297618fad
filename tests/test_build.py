"""The real site build: both locales have the same pages, the right language, meta descriptions
and every registry concept as an anchor on its page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import PROJECT_ROOT


def locale_dir(site: Path, registry, locale: str) -> Path:
    return site if locale == registry.default_locale else site / locale


def built_page(registry, page: str) -> str:
    """The HTML file MkDocs writes for a Markdown page (the site uses .html URLs)."""
    return page.removesuffix(".md") + ".html"


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
    html = (locale_dir(site, registry, locale) / built_page(registry, page)).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def front_matter(locale: str, page: str) -> dict:
    text = (PROJECT_ROOT / "docs" / locale / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def test_build_writes_both_home_pages(built_site, registry):
    for locale in registry.locales:
        assert (locale_dir(built_site, registry, locale) / "index.html").is_file()


def test_every_locale_builds_the_same_pages(built_site, registry):
    expected = {built_page(registry, page) for page in registry.pages}
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


def test_registry_locales_match_the_mkdocs_languages(registry):
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    languages = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("- locale:")]
    assert tuple(languages) == registry.locales


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_built_html_has_no_concept_ids_beyond_the_registry(built_site, registry, locale):
    known = {concept.id for concept in registry.concepts}
    for page in registry.pages:
        for element in soup(built_site, registry, locale, page).find_all(id=True):
            if registry.kind_of_anchor(element["id"]) is not None:
                assert element["id"] in known, f"{locale}/{page}: {element['id']}"
