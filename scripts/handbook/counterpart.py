"""Where a line of an English page belongs in its translation, for `handbook diff` and `status`.

A translator updating a page from an English change needs the place to edit in their own file,
named as they see it: sections pair across locales by heading level and anchor (as the checker
pairs them), never by text or position, and are named by their headings in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.markdown_page import Heading, MarkdownPage, Section, keyed_sections


@dataclass(frozen=True)
class Place:
    english_heading: Heading | None  # the English section the line is in (None: before the first heading)
    translated_heading: Heading | None  # its twin in the translation, if it has one yet
    line: int  # the translated page's line where the change goes


def place_of(english_line: int, english: MarkdownPage, translated: MarkdownPage) -> Place:
    """The translated line matching `english_line`: as far into the twin section as the English line
    is into its own, or, for a section the translation lacks yet, the end of the section before it."""
    twins = dict(keyed_sections(translated))
    english_sections = list(keyed_sections(english))
    index = _section_index(english_line, english_sections)
    key, section = english_sections[index]
    twin = twins.get(key)
    if twin is not None:
        offset = english_line - _start(section)
        return Place(section.heading, twin.heading, min(_start(twin) + offset, _end(twin)))
    previous = next((twins[k] for k, _ in reversed(english_sections[:index]) if k in twins), None)
    return Place(section.heading, None, _end(previous) if previous else len(translated.lines))


def sections_at(english_line: int, english: MarkdownPage, translated: MarkdownPage) -> tuple[Section, Section | None]:
    """The English section (down to the next heading of any level) that holds `english_line`, and
    its twin in the translation, if it has one yet."""
    english_sections = list(keyed_sections(english))
    key, section = english_sections[_section_index(english_line, english_sections)]
    return section, dict(keyed_sections(translated)).get(key)


def _section_index(english_line: int, sections: list[tuple[tuple[str, int], Section]]) -> int:
    return max((i for i, (_, s) in enumerate(sections) if _start(s) <= english_line), default=0)


def heading_named(heading: Heading | None) -> str:
    return f"'{'#' * heading.level} {heading.text}'" if heading else "the page's opening (before the first heading)"


@dataclass(frozen=True)
class ChangedSection:
    """An anchored section whose English text changed since the translation was stamped."""

    anchor: str
    english: Heading | None  # None: the English page no longer has it
    translated: Heading | None  # None: the translation does not have it yet


def changed_headings(anchors: list[str], english: MarkdownPage, translated: MarkdownPage) -> list[ChangedSection]:
    """The headings of the changed sections `anchors`, in both languages."""
    return [
        ChangedSection(
            anchor,
            next((h for h in english.headings if h.anchor == anchor), None),
            next((h for h in translated.headings if h.anchor == anchor), None),
        )
        for anchor in anchors
    ]


def section_names(changed: list[ChangedSection], english_path: str, translated_path: str = "") -> list[str]:
    """Changed sections by heading, each with the line it starts at: the translation's heading (at
    `translated_path`:line, or at a line "here" in messages reported in the translated page), with
    the English one beside it (at `english_path`:line)."""
    names = []
    for section in changed:
        ours, theirs = section.translated, section.english
        english_name = f"{heading_named(theirs)}, {english_path}:{theirs.line}" if theirs else ""
        at = (
            f"at {translated_path}:{ours.line}"
            if ours and translated_path
            else f"at line {ours.line} here"
            if ours
            else ""
        )
        if ours and theirs:
            names.append(f"{heading_named(ours)} {at} (English {english_name})")
        elif ours:
            names.append(f"{heading_named(ours)} {at} (no longer in English)")
        else:
            names.append(f"English {english_name} (not here yet)" if theirs else section.anchor)
    return names


def _start(section: Section) -> int:
    if section.heading:
        return section.heading.line
    return section.lines[0][0] if section.lines else 1


def _end(section: Section) -> int:
    return section.lines[-1][0] if section.lines else _start(section)
