"""Rules on the tree: locale folders match the registry's locales, and pages its page list."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.locales import source_folder, source_path
from handbook.problems import Problem
from handbook.project import Project


def check_locale_folders(project: Project) -> Iterator[Problem]:
    """Every registry locale has a folder under docs/, and every locale folder is in the registry."""
    for locale in project.registry.locales:
        if locale not in project.locale_dirs:
            yield Problem(
                source_folder(locale),
                1,
                locale,
                "locale-missing",
                f"the locale folder is missing (concepts.yml lists '{locale}')",
            )
    for locale in project.locale_dirs:
        if locale not in project.registry.locales:
            yield Problem(
                source_folder(locale),
                1,
                locale,
                "locale-unknown",
                f"'{locale}' holds pages but is not in the registry's locales: add it to 'locales' in concepts.yml "
                f"and to the languages in mkdocs.yml (`handbook new-locale {locale}` does both for a new language)",
            )


def check_page_parity(project: Project) -> Iterator[Problem]:
    """Each registry page exists in every locale; no locale has a page the registry does not list."""
    registry = project.registry
    listed = set(registry.pages)
    for locale in registry.locales:
        if locale not in project.locale_dirs:
            continue
        for name in registry.pages:
            if not project.exists(locale, name):
                default = registry.default_locale
                where = "the registry lists it" if locale == default else f"{source_path(default, name)} exists"
                yield Problem(source_path(locale, name), 1, locale, "page-missing", f"page is missing ({where})")
    for (locale, name), page in sorted(project.pages.items()):
        if name not in listed and locale in registry.locales:
            yield page.problem(
                1,
                "page-orphan",
                "page is not in the registry's page list (concepts.yml), so no other locale has to have it",
            )
