"""How far each locale's translation has come: per page, and in total.

It uses the checker's own predicates, so `make status`, the status page in the site and the
check never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.counterpart import ChangedSection, HeadingFix, align, section_names
from handbook.english_change import changed_parts, stamped_page
from handbook.freshness import RECORD_KEY, is_outdated
from handbook.locales import source_path
from handbook.markdown_page import Heading
from handbook.project import Pair, Project
from handbook.rules.structure import describe
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
class HeadingProblems:
    """What is wrong with a translated page's headings, as the `structure` rule pairs them."""

    missing: list[tuple[Heading, int]]  # English headings it lacks, each with the line where it goes
    extra: list[Heading]  # its headings English does not have
    moved: list[Heading]  # its headings that are not where English has them
    anchors: list[Heading]  # its headings with another anchor than English (or none)

    def describe(self) -> list[str]:
        """One part per kind of problem, e.g. "missing 1 heading: '### Watch for' at line 88"."""
        parts = [
            (self.missing and f"missing {_headings(len(self.missing))}: "),
            (self.extra and f"{_headings(len(self.extra))} not in English: "),
            (self.moved and f"{_headings(len(self.moved))} out of order: "),
            (self.anchors and f"wrong anchor on {_headings(len(self.anchors))}: "),
        ]
        lists = [
            [f"{describe(heading)} at line {line}" for heading, line in self.missing],
            *(
                [f"{describe(heading)} at line {heading.line}" for heading in kind]
                for kind in (self.extra, self.moved, self.anchors)
            ),
        ]
        return [f"{lead}{', '.join(names)}" for lead, names in zip(parts, lists, strict=True) if lead]

    @property
    def first_line(self) -> int:
        lines = [line for _, line in self.missing] + [h.line for h in (*self.extra, *self.moved, *self.anchors)]
        return min(lines, default=1)


def _headings(count: int) -> str:
    return f"{count} heading" + ("" if count == 1 else "s")


def heading_problems(project: Project, pair: Pair) -> HeadingProblems:
    english, translated = pair
    alignment = align(english.parsed, translated.parsed, stamped_page(project.root, pair))
    missing = [fix for fix in alignment.missing if fix.english.heading]
    extra = [section.heading for section in alignment.extra if section.heading]
    # A heading missing in one place and extra in another, with the same level and anchor, is out of order.
    moved = [h for h in extra if h.anchor and any(_same(h, fix) for fix in missing)]
    missing = [fix for fix in missing if not any(_same(h, fix) for h in moved)]
    return HeadingProblems(
        [(fix.english.heading, fix.line) for fix in missing if fix.english.heading],
        [h for h in extra if h not in moved],
        moved,
        [fix.translated.heading for fix in alignment.slips if fix.translated and fix.translated.heading],
    )


def _same(heading: Heading, fix: HeadingFix) -> bool:
    return fix.english.heading is not None and fix.english.heading.signature == heading.signature


@dataclass(frozen=True)
class PageNote:
    """A page that needs work, where the check points at it, what changed in English and what is
    wrong with its headings."""

    locale: str
    name: str
    state: str
    line: int
    sections: list[ChangedSection]  # changed sections, by heading in both languages (outdated pages only)
    headings: HeadingProblems | None = None

    def format(self, default_locale: str) -> str:
        names = section_names(self.sections, source_path(default_locale, self.name))
        parts = [self.state, *(self.headings.describe() if self.headings else [])]
        parts += [f"changed sections: {', '.join(names)}"] if names else []
        return f"{self.locale}:{source_path(self.locale, self.name)}:{self.line}: {'; '.join(parts)}"


def pages_to_do(project: Project, status: LocaleStatus) -> list[PageNote]:
    """Each page of the locale that is missing, untranslated or outdated, or whose headings are not
    the English ones, worst first."""
    notes = []
    sections: list[ChangedSection]
    for name, state in status.pages.items():
        pair = project.pair(status.locale, name)
        headings = heading_problems(project, pair) if pair is not None else None
        if state == "up to date" and not (headings and headings.describe()):
            continue
        line, sections = 1, []
        if pair is not None and state == "outdated":
            line = pair[1].parsed.front_matter_line(RECORD_KEY)  # where the check reports it
            sections = changed_parts(project.root, pair)
        elif headings and state == "up to date":
            line = headings.first_line  # where the check reports the first of them
        notes.append(PageNote(status.locale, name, state, line, sections, headings))
    return sorted(notes, key=lambda note: STATES.index(note.state))


def pages_to_do_list(project: Project, statuses: list[LocaleStatus], page_locale: str, states: dict[str, str]) -> str:
    """A Markdown list of the pages that need work, for the status page: linked when in `page_locale`,
    with the changed sections and the English headings the page lacks."""
    items = []
    for status in statuses:
        for note in pages_to_do(project, status):
            where = (
                f"[{note.name}]({note.name})" if note.locale == page_locale and note.state != "missing" else note.name
            )
            names = [name for section in note.sections if (name := _page_section_name(section))]
            changed = f": {', '.join(names)}" if names else ""
            lacks = [f"«{heading.text}»" for heading, _ in note.headings.missing] if note.headings else []
            missing = f"; {states.get('missing', 'missing')}: {', '.join(lacks)}" if lacks else ""
            items.append(f"- {note.locale}: {where}, {states.get(note.state, note.state)}{changed}{missing}")
    return "\n".join(items)


def _page_section_name(section: ChangedSection) -> str:
    """A changed section as the status page names it: its heading as readers see it, in «» and in the
    page's language where the translation has it (no Markdown marks, no line numbers)."""
    heading = section.translated or section.english
    return f"«{heading.text}»" if heading else section.anchor or ""
