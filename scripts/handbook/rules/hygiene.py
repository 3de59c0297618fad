"""Rules on text that must never be published, whatever the language: merge-conflict markers,
invisible characters, and lookalike characters in anchors.

None of these shows in an editor or in a review of the page, and each breaks the site in a way
nobody sees until a reader does (a conflict printed in the page, a word search cannot find, a
link that goes nowhere). The site build stops on them too (see the handbook plugin).
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.characters import (
    conflict_markers,
    conflict_message,
    describe,
    invisible_characters,
    invisible_message,
    lookalike,
)
from handbook.markdown_page import CODE_SPAN, Heading
from handbook.problems import Problem
from handbook.project import LocalePage, Project

# The IDs of these rules' problems, which stop the site build (the data-file reader reports some of
# them too, in termbase.yml; concepts.yml stops the build anyway).
UNPUBLISHABLE = ("conflict-marker", "invisible-character", "anchor-lookalike")


def check_conflict_markers(project: Project) -> Iterator[Problem]:
    """No merge-conflict marker (<<<<<<<, |||||||, =======, >>>>>>>) is left in a page, code included."""
    for page in _every_page(project):
        for number, marker in conflict_markers(page.parsed.lines):
            yield page.problem(number, "conflict-marker", conflict_message(marker))


def check_invisible_characters(project: Project) -> Iterator[Problem]:
    """No invisible or control character (zero-width space, soft hyphen, a byte-order mark inside
    the text, bidi controls...) outside code."""
    for page in _every_page(project):
        parsed = page.parsed
        for number, text in enumerate(parsed.lines, 1):
            if number in parsed.code_lines:
                continue
            prose = CODE_SPAN.sub(lambda span: " " * len(span.group(0)), text)
            for column, char in invisible_characters(prose):
                yield page.problem(number, "invisible-character", invisible_message(char, column))


def check_anchor_lookalikes(project: Project) -> Iterator[Problem]:
    """Anchors use plain ASCII, not a character that only looks like it (a non-breaking hyphen,
    an en dash, a Cyrillic letter)."""
    for page in _every_page(project):
        for heading in page.parsed.headings:
            message = lookalike_message(heading)
            if message:
                yield page.problem(heading.line, "anchor-lookalike", message)


def lookalike_message(heading: Heading) -> str | None:
    written = heading.written_anchor or ""
    found = {char: ascii for char in written if (ascii := lookalike(char))}
    if not found:
        return None
    named = ", ".join(f"{describe(char)} (looks like '{ascii}')" for char, ascii in found.items())
    return f"the anchor {{ #{written} }} has {named}: type {{ #{heading.anchor} }}"


def unpublishable(problems: list[Problem]) -> list[Problem]:
    """Those of a check's `problems` that are these rules', also in termbase.yml: what stops the site build."""
    return [problem for problem in problems if problem.rule in UNPUBLISHABLE]


def conflicts_only(problems: list[Problem]) -> list[Problem]:
    """The problems, except that a file with a merge conflict is reported only for its markers:
    it holds two versions at once, so nothing else about it means anything."""
    conflicted = {problem.path for problem in problems if problem.rule == "conflict-marker"}
    return [problem for problem in problems if problem.path not in conflicted or problem.rule == "conflict-marker"]


def _every_page(project: Project) -> Iterator[LocalePage]:
    for locale in project.registry.locales:
        yield from project.pages_of(locale)
