"""How far each locale's translation has come: per page, and in total.

It uses the checker's own predicates, so `make status`, the status page in the site and the
check never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.checks import Content, is_outdated, is_untranslated

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


def translation_status(content: Content) -> list[LocaleStatus]:
    return [locale_status(content, locale) for locale in content.registry.locales[1:]]


def locale_status(content: Content, locale: str) -> LocaleStatus:
    registry = content.registry
    pages = {name: page_state(content, locale, name) for name in registry.pages}
    present = 0
    for concept in registry.concepts:
        page = content.page(locale, concept.page)
        anchors = {h.anchor for h in page.parsed.headings} if page and page.parsed else set()
        present += concept.id in anchors
    return LocaleStatus(locale, pages, present, len(registry.concepts))


def page_state(content: Content, locale: str, name: str) -> str:
    pair = content.pair(locale, name)
    if pair is None:
        return "missing"
    source, page = pair
    if is_untranslated(source, page):
        return "untranslated"
    return "outdated" if is_outdated(source, page) else "up to date"


def status_table(statuses: list[LocaleStatus], headers: dict[str, str]) -> str:
    """A Markdown table, one row per locale; `headers` renames columns (for localized pages)."""
    columns = ["locale", *STATES, "concepts"]
    lines = ["| " + " | ".join(headers.get(c, c) for c in columns) + " |", "|" + " --- |" * len(columns)]
    for status in statuses:
        cells = [status.locale, *(str(status.count(state)) for state in STATES), f"{status.concepts_present}/{status.concepts_total}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
