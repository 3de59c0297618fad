"""Rule on untranslated text: a translated page, section, heading or front-matter value that is
still the English text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from handbook.markdown_page import MarkdownPage, Section
from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.rules.front_matter import REQUIRED_FRONT_MATTER
from handbook.rules.structure import describe

# Sections shorter than this (in characters of text) are too short to call untranslated.
MIN_UNTRANSLATED_CHARS = 20
# A heading, title or description with fewer letters than this may be the same in every language.
MIN_SAME_WORDS_LETTERS = 4


def check_untranslated(project: Project) -> Iterator[Problem]:
    """No translated page or section has the same text as the default locale."""
    for source, page in project.pairs():
        yield from _identical_text(source, page)


def _identical_text(source: LocalePage, page: LocalePage) -> Iterator[Problem]:
    identical, with_text = identical_sections(source, page)
    if identical and len(identical) == len(with_text):
        yield page.problem(1, "untranslated", f"the whole page is the same as {source.shown}")
        return
    for key in REQUIRED_FRONT_MATTER:
        if _same_words(source.parsed.front_matter.get(key), page.parsed.front_matter.get(key)):
            yield page.problem(page.parsed.front_matter_line(key), "untranslated", f"'{key}' is the same as in {source.shown}")
    english = dict(_keyed_sections(source.parsed))
    for key, section in _keyed_sections(page.parsed):
        if section.heading and key in english and _same_words(english[key].heading.text, section.heading.text):
            yield page.problem(section.heading.line, "untranslated", f"heading {describe(section.heading)} is the same as in {source.shown}")
    for section in identical:
        line = section.heading.line if section.heading else 1
        where = describe(section.heading) if section.heading else "before the first heading"
        yield page.problem(line, "untranslated", f"the text of section {where} is the same as in {source.shown}")


def identical_sections(source: LocalePage, page: LocalePage) -> tuple[list[Section], list[Section]]:
    """(sections whose text is the default locale's, all sections with enough text to judge)."""
    english = dict(_keyed_sections(source.parsed))
    with_text = [(key, s) for key, s in _keyed_sections(page.parsed) if len(s.plain_text) >= MIN_UNTRANSLATED_CHARS]
    identical = [s for key, s in with_text if key in english and english[key].plain_text == s.plain_text]
    return identical, [s for _, s in with_text]


def _same_words(english, translated) -> bool:
    """Identical text long enough to be words, not a number or a name like "OK"."""
    return isinstance(english, str) and isinstance(translated, str) and english.strip().casefold() == translated.strip().casefold() \
        and sum(char.isalpha() for char in english) >= MIN_SAME_WORDS_LETTERS


def is_untranslated(source: LocalePage, page: LocalePage) -> bool:
    identical, with_text = identical_sections(source, page)
    return bool(identical) and len(identical) == len(with_text)


def _keyed_sections(parsed: MarkdownPage) -> Iterator[tuple[tuple[str, int], Section]]:
    """Sections keyed by heading signature and its occurrence, so they pair up across locales."""
    seen: Counter[str] = Counter()
    for section in parsed.sections:
        signature = section.heading.signature if section.heading else ""
        seen[signature] += 1
        yield (signature, seen[signature]), section


