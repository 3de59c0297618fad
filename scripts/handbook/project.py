"""The project as the checker and the site see it: the registry, the termbase, and every page of
every locale folder, each read once.

Pages that cannot be read are kept apart from the parsed ones (with the problem that says why),
so a page's parsed form is never missing. The English page and its translation in another
locale form a *pair*: the unit every translation rule, `stamp`, `diff` and the status work on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook.locales import DOCS_DIR, is_locale_code, source_path
from handbook.markdown_page import MarkdownPage, read_page
from handbook.problems import Problem
from handbook.registry import Registry, load_registry
from handbook.termbase import Termbase, load_termbase


@dataclass(frozen=True)
class LocalePage:
    locale: str
    name: str  # the page path inside the locale folder, e.g. "roadblocks.md"
    parsed: MarkdownPage

    @property
    def shown(self) -> str:
        """The path shown in problems, relative to the project root."""
        return source_path(self.locale, self.name)

    def problem(self, line: int, rule: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.shown, line, self.locale, rule, message, severity)


Pair = tuple[LocalePage, LocalePage]  # (English page, translated page)


@dataclass
class Project:
    """Every page of every locale folder, read once."""

    root: Path
    registry: Registry
    termbase: Termbase
    locale_dirs: list[str]  # folders under docs/ that look like locales
    pages: dict[tuple[str, str], LocalePage]  # (locale, name) -> a page that could be read
    unreadable: dict[tuple[str, str], Problem]  # (locale, name) -> why it could not be read
    loading_problems: list[Problem]  # the termbase's and the unreadable pages'

    def page(self, locale: str, name: str) -> LocalePage | None:
        return self.pages.get((locale, name))

    def exists(self, locale: str, name: str) -> bool:
        return (locale, name) in self.pages or (locale, name) in self.unreadable

    def pages_of(self, locale: str) -> Iterator[LocalePage]:
        for (page_locale, _), page in sorted(self.pages.items()):
            if page_locale == locale:
                yield page

    def pair(self, locale: str, name: str) -> Pair | None:
        """(English page, page of `locale`) when both could be read."""
        english, translated = self.page(self.registry.default_locale, name), self.page(locale, name)
        return (english, translated) if english and translated else None

    def pairs(self, locale: str | None = None) -> Iterator[Pair]:
        """Every pair of one translated locale, or of all of them."""
        for code in [locale] if locale else self.translations:
            for page in self.pages_of(code):
                pair = self.pair(code, page.name)
                if pair is not None:
                    yield pair

    @property
    def translations(self) -> list[str]:
        """Translated locales that have a folder."""
        return [locale for locale in self.registry.translated_locales if locale in self.locale_dirs]


def load_project(root: Path) -> tuple[Project | None, list[Problem]]:
    """Read the registry, the termbase and every page; None (and why) if the registry is unusable."""
    registry, problems = load_registry(root)
    return (read_project(root, registry), []) if registry else (None, problems)


def read_project(root: Path, registry: Registry) -> Project:
    docs = root / DOCS_DIR
    locale_dirs = sorted(
        entry.name
        for entry in (docs.iterdir() if docs.is_dir() else [])
        if entry.is_dir()
        and is_locale_code(entry.name)
        and (entry.name in registry.locales or any(entry.rglob("*.md")))  # not an images folder
    )
    termbase, loading_problems = load_termbase(root, registry.locales)
    pages: dict[tuple[str, str], LocalePage] = {}
    unreadable: dict[tuple[str, str], Problem] = {}
    for locale in locale_dirs:
        for path in sorted((docs / locale).rglob("*.md")):
            name = path.relative_to(docs / locale).as_posix()
            parsed, problem = _read(path, locale, name)
            if parsed is not None:
                pages[(locale, name)] = LocalePage(locale, name, parsed)
            if problem is not None:
                unreadable[(locale, name)] = problem
                loading_problems.append(problem)
    return Project(root, registry, termbase, locale_dirs, pages, unreadable, loading_problems)


def _read(path: Path, locale: str, name: str) -> tuple[MarkdownPage | None, Problem | None]:
    def problem(line: int, message: str) -> Problem:
        return Problem(source_path(locale, name), line, locale, "unreadable", message)

    try:
        return read_page(path), None
    except OSError as error:
        return None, problem(1, f"cannot read the page: {error.strerror or error}")
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        return None, problem(line, f"not valid UTF-8 (byte 0x{error.object[error.start]:02x}); save the file as UTF-8")
