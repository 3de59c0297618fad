"""How far each locale's translation has come: per page, and in total.

It uses the checker's own predicates, so `make status`, the status page in the site and the
check never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.counterpart import ChangedSection, section_names
from handbook.english_change import changed_parts
from handbook.freshness import RECORD_KEY, is_outdated
from handbook.locales import source_path
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


@dataclass(frozen=True)
class PageNote:
    """A page that needs work, where the check points at it, and what changed in English."""

    locale: str
    name: str
    state: str
    line: int
    sections: list[ChangedSection]  # changed sections, by heading in both languages (outdated pages only)

    def format(self, default_locale: str) -> str:
        names = section_names(self.sections, source_path(default_locale, self.name))
        changed = f": changed sections: {', '.join(names)}" if names else ""
        return f"{self.locale}:{source_path(self.locale, self.name)}:{self.line}: {self.state}{changed}"


def pages_to_do(project: Project, status: LocaleStatus) -> list[PageNote]:
    """Each page of the locale that is missing, untranslated or outdated, worst first."""
    notes = []
    sections: list[ChangedSection]
    for name, state in status.pages.items():
        if state == "up to date":
            continue
        pair = project.pair(status.locale, name)
        line, sections = 1, []
        if pair is not None and state == "outdated":
            line = pair[1].parsed.front_matter_line(RECORD_KEY)  # where the check reports it
            sections = changed_parts(project.root, pair)
        notes.append(PageNote(status.locale, name, state, line, sections))
    return sorted(notes, key=lambda note: STATES.index(note.state))


def pages_to_do_list(project: Project, statuses: list[LocaleStatus], page_locale: str, states: dict[str, str]) -> str:
    """A Markdown list of the pages that need work, for the status page: linked when in `page_locale`."""
    items = []
    for status in statuses:
        for note in pages_to_do(project, status):
            where = (
                f"[{note.name}]({note.name})" if note.locale == page_locale and note.state != "missing" else note.name
            )
            names = [name for section in note.sections if (name := _page_section_name(section))]
            changed = f": {', '.join(names)}" if names else ""
            items.append(f"- {note.locale}: {where}, {states.get(note.state, note.state)}{changed}")
    return "\n".join(items)


def _page_section_name(section: ChangedSection) -> str:
    """A changed section as the status page names it: its heading as readers see it, in «» and in the
    page's language where the translation has it (no Markdown marks, no line numbers)."""
    heading = section.translated or section.english
    return f"«{heading.text}»" if heading else section.anchor or ""
