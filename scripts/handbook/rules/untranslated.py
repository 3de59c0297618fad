"""Rule on untranslated text: a translated page, section, heading or front-matter value that is
still the English text."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from handbook.blocks import Block, section_blocks
from handbook.language import foreign_language
from handbook.markdown_page import MarkdownPage, Section
from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.rules.front_matter import REQUIRED_FRONT_MATTER
from handbook.rules.structure import describe

# Sections shorter than this (in characters of text) are too short to call untranslated.
MIN_UNTRANSLATED_CHARS = 20
# A heading, title or description with fewer letters than this may be the same in every language.
MIN_SAME_WORDS_LETTERS = 4
# Blocks whose words match at least this share (difflib ratio) count as the same text.
NEARLY_SAME = 0.9
PUNCTUATION = re.compile(r"[^\w\s]+")
READABLE_NOISE = re.compile(r"`+[^`]*`+|\]\([^)]*\)|\{[^}]*\}|<[^>]+>|[*_#>\[\]!|]")
LANGUAGE_NAMES = {"en": "English", "no": "Norwegian", "nn": "Nynorsk", "da": "Danish", "sv": "Swedish"}


def check_untranslated(project: Project) -> Iterator[Problem]:
    """No translated page, section, heading, paragraph, list item, table cell, box or front-matter
    value is still the English text, and no block is in another language than its page's."""
    reported: set[tuple[str, int]] = set()
    for english, translated in project.pairs():
        for problem in _identical_text(english, translated):
            reported.add((problem.path, problem.line))
            yield problem
    allowed = _allowed_words(project)
    for locale in project.registry.locales if project.registry.translated_locales else ():
        for page in project.pages_of(locale):
            if (page.shown, 1) not in reported:
                yield from _foreign_blocks(page, allowed.get(locale, re.compile("(?!)")), reported)


def _identical_text(english: LocalePage, translated: LocalePage) -> Iterator[Problem]:
    identical, with_text = identical_sections(english, translated)
    if _all_identical(identical, with_text):
        yield translated.problem(1, "untranslated", f"the whole page is the same as {english.shown}")
        return
    for field in REQUIRED_FRONT_MATTER:
        if _same_words(english.parsed.front_matter.get(field), translated.parsed.front_matter.get(field)):
            line = translated.parsed.front_matter_line(field)
            yield translated.problem(line, "untranslated", f"'{field}' is the same as in {english.shown}")
    english_sections = dict(_keyed_sections(english.parsed))
    for key, section in _keyed_sections(translated.parsed):
        twin = english_sections.get(key)
        if twin is None:
            continue
        if section.heading and twin.heading and _same_words(twin.heading.text, section.heading.text):
            message = f"heading {describe(section.heading)} is the same as in {english.shown}"
            yield translated.problem(section.heading.line, "untranslated", message)
        if section in identical:
            line = section.heading.line if section.heading else 1
            where = describe(section.heading) if section.heading else "before the first heading"
            yield translated.problem(
                line, "untranslated", f"the text of section {where} is the same as in {english.shown}"
            )
        else:
            yield from _identical_blocks(english, twin, translated, section)


def _identical_blocks(
    english: LocalePage, twin: Section, translated: LocalePage, section: Section
) -> Iterator[Problem]:
    """Blocks of a partly translated section that are still (nearly) the English block they pair with."""
    english_blocks: dict[str, list[Block]] = {}
    for block in section_blocks(twin):
        english_blocks.setdefault(block.kind, []).append(block)
    seen: Counter[str] = Counter()
    for block in section_blocks(section):
        candidates = english_blocks.get(block.kind, [])
        index = seen[block.kind]
        seen[block.kind] += 1
        if index < len(candidates) and _nearly_same(candidates[index].text, block.text):
            where = f"{english.shown}:{candidates[index].line}"
            yield translated.problem(
                block.line, "untranslated", f"this {block.kind} is the same as in {where}: translate it"
            )


def _foreign_blocks(page: LocalePage, allowed: re.Pattern[str], reported: set[tuple[str, int]]) -> Iterator[Problem]:
    """Blocks a language identifier places, with confidence, in another language than the page's."""
    blocks = [
        Block(
            "description",
            page.parsed.front_matter_line("description"),
            str(page.parsed.front_matter.get("description", "")),
        )
    ]
    blocks += [block for section in page.parsed.sections for block in section_blocks(section)]
    for block in blocks:
        if (page.shown, block.line) in reported:
            continue
        found = foreign_language(allowed.sub(" ", _readable(block.text)), page.locale)
        if found:
            language, confidence = found
            name = LANGUAGE_NAMES.get(language, language)
            message = (
                f"this {block.kind} reads as {name}, not the page's language ({confidence:.0%} sure): translate it"
            )
            yield page.problem(block.line, "untranslated", message)


def _readable(text: str) -> str:
    """The words a reader reads: no code, link targets, attribute lists or HTML."""
    return READABLE_NOISE.sub(" ", text)


def _allowed_words(project: Project) -> dict[str, re.Pattern[str]]:
    """Per locale, the termbase's words of the other locales: they may stand in any page."""
    patterns = {}
    for locale in project.registry.locales:
        words = sorted(
            {
                term.get(other)
                for term in project.termbase.terms
                for other in term.words
                if other not in (locale, "note") and term.get(other)
            },
            key=len,
            reverse=True,
        )
        patterns[locale] = re.compile("|".join(rf"\b{re.escape(word)}\b" for word in words) or "(?!)", re.IGNORECASE)
    return patterns


def _nearly_same(english: str, translated: str) -> bool:
    """The same words, give or take punctuation, case, spacing and a small edit."""
    a, b = _normalized(english), _normalized(translated)
    if sum(char.isalpha() for char in a) < MIN_SAME_WORDS_LETTERS * 3:
        return False
    return a == b or difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio() >= NEARLY_SAME


def _normalized(text: str) -> str:
    return " ".join(PUNCTUATION.sub(" ", _readable(text)).casefold().split())


def identical_sections(source: LocalePage, page: LocalePage) -> tuple[list[Section], list[Section]]:
    """(sections whose text is the default locale's, all sections with enough text to judge)."""
    english = dict(_keyed_sections(source.parsed))
    with_text = [(key, s) for key, s in _keyed_sections(page.parsed) if len(s.plain_text) >= MIN_UNTRANSLATED_CHARS]
    identical = [s for key, s in with_text if key in english and english[key].plain_text == s.plain_text]
    return identical, [s for _, s in with_text]


def _same_words(english: Any, translated: Any) -> bool:
    """Identical text long enough to be words, not a number or a name like "OK"."""
    return (
        isinstance(english, str)
        and isinstance(translated, str)
        and english.strip().casefold() == translated.strip().casefold()
        and sum(char.isalpha() for char in english) >= MIN_SAME_WORDS_LETTERS
    )


def is_untranslated(english: LocalePage, translated: LocalePage) -> bool:
    return _all_identical(*identical_sections(english, translated))


def _all_identical(identical: list[Section], with_text: list[Section]) -> bool:
    """Every section with text is the English text: the whole page is untranslated."""
    return bool(identical) and len(identical) == len(with_text)


def _keyed_sections(parsed: MarkdownPage) -> Iterator[tuple[tuple[str, int], Section]]:
    """Sections keyed by heading signature and its occurrence, so they pair up across locales."""
    seen: Counter[str] = Counter()
    for section in parsed.sections:
        signature = section.heading.signature if section.heading else ""
        seen[signature] += 1
        yield (signature, seen[signature]), section
