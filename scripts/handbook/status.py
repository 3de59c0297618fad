"""How far each locale's translation has come: per page, and in total.

It uses the checker's own predicates, so `make status`, the status page in the site and the
check never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.freshness import is_outdated
from handbook.project import Project
from handbook.rules.untranslated import is_untranslated

# Page states, worst first.
STATES = ("missing", "untranslated", "outdated", "up to date")


@dataclass(frozen=True)
class LocaleStatus:
    locale: str
    pages: dict[str, str]  # page -> state
    concepts_present: int
    concepts_total: int

    def count(self, state: str) -> int:
        return sum(value == state for value in self.pages.values())


def translation_status(project: Project) -> list[LocaleStatus]:
    return [locale_status(project, locale) for locale in project.registry.translated_locales]


def locale_status(project: Project, locale: str) -> LocaleStatus:
    registry = project.registry
    pages = {name: page_state(project, locale, name) for name in registry.pages}
    present = 0
    for concept in registry.concepts:
        page = project.page(locale, concept.page)
        anchors = {h.anchor for h in page.parsed.headings} if page else set()
        present += concept.id in anchors
    return LocaleStatus(locale, pages, present, len(registry.concepts))


def page_state(project: Project, locale: str, name: str) -> str:
    pair = project.pair(locale, name)
    if pair is None:
        return "missing"
    english, translated = pair
    if is_untranslated(english, translated):
        return "untranslated"
    return "outdated" if is_outdated(english.parsed, translated.parsed) else "up to date"


def status_table(statuses: list[LocaleStatus], headers: dict[str, str]) -> str:
    """A Markdown table, one row per locale; `headers` renames columns (for localized pages)."""
    columns = ["locale", *STATES, "concepts"]
    lines = ["| " + " | ".join(headers.get(c, c) for c in columns) + " |", "|" + " --- |" * len(columns)]
    for status in statuses:
        cells = [
            status.locale,
            *(str(status.count(state)) for state in STATES),
            f"{status.concepts_present}/{status.concepts_total}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
