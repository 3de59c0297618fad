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
    index = max((i for i, (_, s) in enumerate(english_sections) if _start(s) <= english_line), default=0)
    key, section = english_sections[index]
    twin = twins.get(key)
    if twin is not None:
        offset = english_line - _start(section)
        return Place(section.heading, twin.heading, min(_start(twin) + offset, _end(twin)))
    previous = next((twins[k] for k, _ in reversed(english_sections[:index]) if k in twins), None)
    return Place(section.heading, None, _end(previous) if previous else len(translated.lines))


def heading_named(heading: Heading | None) -> str:
    return f"'{'#' * heading.level} {heading.text}'" if heading else "the page's opening (before the first heading)"


def section_names(anchors: list[str], english: MarkdownPage, translated: MarkdownPage) -> list[str]:
    """Changed sections by heading: the translation's heading, with the English one beside it."""
    names = []
    for anchor in anchors:
        theirs = next((h for h in english.headings if h.anchor == anchor), None)
        ours = next((h for h in translated.headings if h.anchor == anchor), None)
        if ours and theirs:
            names.append(f"{heading_named(ours)} (English {heading_named(theirs)})")
        else:
            names.append(heading_named(ours or theirs) if (ours or theirs) else anchor)
    return names


def _start(section: Section) -> int:
    if section.heading:
        return section.heading.line
    return section.lines[0][0] if section.lines else 1


def _end(section: Section) -> int:
    return section.lines[-1][0] if section.lines else _start(section)
