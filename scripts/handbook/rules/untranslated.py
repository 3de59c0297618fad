"""Rule on untranslated text: a translated page, section, heading, block, sentence or front-matter
value that is still the English text, or that reads as another language than its page's.

A sentence of two or three words is too short for the language identifier, so the Hunspell
dictionaries of the spelling rule judge it: it is left in English when it is the same as a sentence
of the English page, or when all its words are English words, and in either case one of them is no
Norwegian word ("Be patient.": *be* is Norwegian too, *patient* is not). Names (capitalized words
after the first, words in capitals), numbers and the termbase's words are not judged, so "Visa /
Mastercard." or "OK." pass."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from handbook.blocks import Block, section_blocks
from handbook.language import IDENTIFIER_CODE, foreign_language
from handbook.markdown_page import Section, keyed_sections
from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.rules.front_matter import REQUIRED_FRONT_MATTER
from handbook.rules.spelling import DICTIONARIES, SpellerError, listed, look_up_all, unknown_words, word_list
from handbook.rules.structure import describe
from handbook.sentences import Sentence, ordinary_words, readable, sentences_of

# Sections shorter than this (in characters of text) are too short to call untranslated.
MIN_UNTRANSLATED_CHARS = 20
# A heading, title or description with fewer letters than this may be the same in every language.
MIN_SAME_WORDS_LETTERS = 4
# Blocks whose words match at least this share (difflib ratio) count as the same text.
NEARLY_SAME = 0.9
# A sentence with fewer words than this (termbase words not counted) may be the same in every language.
MIN_SENTENCE_WORDS = 4
# A shorter sentence is judged by the dictionaries when it has at least this many words besides names.
MIN_SHORT_SENTENCE_WORDS = 2
# A block or sentence goes to the language identifier if at least this share of its words are
# unknown to the page's dictionary: an English sentence in a Norwegian page has far more.
FOREIGN_SHARE = 0.25
PUNCTUATION = re.compile(r"[^\w\s]+")
WORD = re.compile(r"[^\W\d_]+")
LANGUAGE_NAMES = {"en": "English", "no": "Norwegian", "nn": "Nynorsk", "da": "Danish", "sv": "Swedish"}
NOTHING = re.compile("(?!)")

# What was reported, so one mistake gives one error: (path, line, "") for a whole block or page,
# (path, line, sentence) for a sentence.
Reported = tuple[str, int, str]
Found = tuple[Reported, Problem]
Sentences = dict[Block, list[Sentence]]  # a page's blocks and their sentences


def check_untranslated(project: Project) -> Iterator[Problem]:
    """No translated page, section, heading, paragraph, list item, table cell, box, sentence or
    front-matter value is still the English text, and no block or sentence is in another language
    than its page's (names, numbers, code, link targets and termbase words may stay)."""
    reported: set[Reported] = set()
    allowed = _allowed_words(project)
    look_up_all(project)
    split: dict[str, Sentences] = {}

    def sentences(page: LocalePage) -> Sentences:
        if page.shown not in split:
            split[page.shown] = sentences_of(_page_blocks(page), page.locale)
        return split[page.shown]

    for english, translated in project.pairs():
        words = allowed.get(translated.locale, NOTHING)
        for key, problem in _identical_text(english, translated, words, sentences):
            reported.add(key)
            yield problem
    for locale in project.registry.locales if project.registry.translated_locales else ():
        pattern = allowed.get(locale, NOTHING)
        native = _native_words(project, locale, [sentences(page) for page in project.pages_of(locale)], pattern)
        for page in project.pages_of(locale):
            if (page.shown, 1, "") not in reported:
                yield from _foreign_blocks(page, sentences(page), pattern, reported, native)
    yield from _short_english_sentences(project, sentences, allowed, reported)


def _page_blocks(page: LocalePage) -> list[Block]:
    """The page's blocks, its front-matter description first."""
    description = page.parsed.front_matter.get("description", "")
    blocks = [Block("description", page.parsed.front_matter_line("description"), str(description))]
    return blocks + [block for section in page.parsed.sections for block in section_blocks(section)]


def _identical_text(
    english: LocalePage, translated: LocalePage, allowed: re.Pattern[str], sentences: Callable[[LocalePage], Sentences]
) -> Iterator[Found]:
    def found(line: int, message: str, sentence: str = "") -> Found:
        return (translated.shown, line, sentence), translated.problem(line, "untranslated", message)

    identical, with_text = identical_sections(english, translated)
    if _all_identical(identical, with_text):
        yield found(1, f"the whole page is the same as {english.shown}")
        return
    for field in REQUIRED_FRONT_MATTER:
        if _same_words(english.parsed.front_matter.get(field), translated.parsed.front_matter.get(field)):
            yield found(translated.parsed.front_matter_line(field), f"'{field}' is the same as in {english.shown}")
    english_sections = dict(keyed_sections(english.parsed))
    for key, section in keyed_sections(translated.parsed):
        twin = english_sections.get(key)
        if twin is None:
            continue
        if section.heading and twin.heading and _same_words(twin.heading.text, section.heading.text):
            yield found(section.heading.line, f"heading {describe(section.heading)} is the same as in {english.shown}")
        if section in identical:
            line = section.heading.line if section.heading else 1
            where = describe(section.heading) if section.heading else "before the first heading"
            yield found(line, f"the text of section {where} is the same as in {english.shown}")
        else:
            texts = (sentences(english), sentences(translated))
            for line, message, sentence in _identical_blocks(english, twin, translated, section, allowed, texts):
                yield found(line, message, sentence)


def _identical_blocks(
    english: LocalePage,
    twin: Section,
    translated: LocalePage,
    section: Section,
    allowed: re.Pattern[str],
    texts: tuple[Sentences, Sentences],
) -> Iterator[tuple[int, str, str]]:
    """Blocks of a partly translated section that are still (nearly) the English block they pair
    with, and sentences of the other blocks that are still an English sentence of the section."""
    english_blocks: dict[str, list[Block]] = {}
    for block in section_blocks(twin):
        english_blocks.setdefault(block.kind, []).append(block)
    english_sentences = [s for block in section_blocks(twin) for s in texts[0][block]]
    seen: Counter[str] = Counter()
    for block in section_blocks(section):
        candidates = english_blocks.get(block.kind, [])
        index = seen[block.kind]
        seen[block.kind] += 1
        if index < len(candidates) and _nearly_same(candidates[index].text, block.text):
            where = f"{english.shown}:{candidates[index].line}"
            yield block.line, f"this {block.kind} is the same as in {where}: translate it", ""
            continue
        for sentence in texts[1][block]:
            if len(WORD.findall(allowed.sub(" ", sentence.readable))) < MIN_SENTENCE_WORDS:
                continue  # a name, a number or termbase words: the same in every language
            twin_sentence = next((s for s in english_sentences if _nearly_same(s.text, sentence.text)), None)
            if twin_sentence is not None:
                where = f"{english.shown}:{twin_sentence.line}"
                message = f"this sentence is the same as in {where}: {sentence.quoted()}: translate it"
                yield sentence.line, message, sentence.readable


def _native_words(project: Project, locale: str, pages: list[Sentences], allowed: re.Pattern[str]) -> set[str] | None:
    """The words of the locale's pages that its Hunspell dictionary or word list knows (one
    lookup for all of them), or None for a locale without a dictionary."""
    if locale not in DICTIONARIES:
        return None
    words = {
        word
        for sentences in pages
        for found in sentences.values()
        for sentence in found
        for word in WORD.findall(allowed.sub(" ", readable(sentence.readable)))
    }
    try:
        return _known(words, locale, project)
    except SpellerError:  # the spelling rule reports it; the identifier judges every block
        return None


def _foreign_blocks(
    page: LocalePage,
    sentences: Sentences,
    allowed: re.Pattern[str],
    reported: set[Reported],
    native: set[str] | None = None,
) -> Iterator[Problem]:
    """Blocks and sentences a language identifier places, with confidence, in another language
    than the page's: the block when all its sentences are, else each sentence that is."""
    expected = LANGUAGE_NAMES.get(IDENTIFIER_CODE.get(page.locale, ""), "the page's language")
    for block, found_sentences in sentences.items():
        if (page.shown, block.line, "") in reported:
            continue
        parts = [s for s in found_sentences if (page.shown, s.line, s.readable) not in reported]
        flagged = [(s, found) for s in parts if (found := _foreign(s.readable, page.locale, allowed, native))]
        if len(parts) == 1:
            whole = flagged[0][1] if flagged else ""
        else:
            whole = _foreign(" ".join(s.readable for s in parts), page.locale, allowed, native)
        if flagged and not (whole and len(flagged) == len(parts)):
            for sentence, language in flagged:
                message = f"this sentence reads as {language}, not {expected}: {sentence.quoted()}: translate it"
                reported.add((page.shown, sentence.line, sentence.readable))
                yield page.problem(sentence.line, "untranslated", message)
        elif whole:
            reported.add((page.shown, block.line, ""))
            yield page.problem(
                block.line, "untranslated", f"this {block.kind} reads as {whole}, not {expected}: translate it"
            )


@dataclass(frozen=True)
class _Short:
    """A short sentence of a translated page, its words besides names, and the English sentence it repeats."""

    page: LocalePage
    sentence: Sentence
    words: frozenset[str]
    twin: Sentence | None
    english: LocalePage


def _short_english_sentences(
    project: Project,
    sentences: Callable[[LocalePage], Sentences],
    allowed: dict[str, re.Pattern[str]],
    reported: set[Reported],
) -> Iterator[Problem]:
    """Sentences of two or three words (names and termbase words aside) left in English in a
    translated page: the same as a sentence of the English page, or all English words; in either
    case with a word the page's dictionary does not know. Judged by Hunspell (skipped without it)."""
    default = project.registry.default_locale
    found: list[_Short] = []
    for english, translated in project.pairs():
        if DICTIONARIES.get(translated.locale) is None or (translated.shown, 1, "") in reported:
            continue
        twins = {_normalized(s.text): s for block in sentences(english).values() for s in block}
        for sentence in _unreported_sentences(english, translated, sentences(translated), reported):
            text = allowed.get(translated.locale, NOTHING).sub(" ", sentence.readable)
            words = ordinary_words(text)
            if len(words) >= MIN_SHORT_SENTENCE_WORDS and len(WORD.findall(text)) < MIN_SENTENCE_WORDS:
                twin = twins.get(_normalized(sentence.text))
                found.append(_Short(translated, sentence, frozenset(words), twin, english))
    if not found or default not in DICTIONARIES:
        return
    try:
        english_words = _known(
            {word for short in found if short.twin is None for word in short.words}, default, project
        )
        judged = [short for short in found if short.twin is not None or short.words <= english_words]
        own_words = {
            locale: _known(
                {word for short in judged if short.page.locale == locale for word in short.words}, locale, project
            )
            for locale in {short.page.locale for short in judged}
        }
    except SpellerError:
        return  # the spelling rule reports a missing Hunspell
    english_name = LANGUAGE_NAMES.get(IDENTIFIER_CODE.get(default, ""), "English")
    for short in judged:
        if short.words <= own_words[short.page.locale]:
            continue  # every word is a word of the page's language too: a shared string
        if short.twin is not None:
            where = f"{short.english.shown}:{short.twin.line}"
            message = f"this sentence is the same as in {where}: {short.sentence.quoted()}: translate it"
        else:
            language = LANGUAGE_NAMES.get(IDENTIFIER_CODE.get(short.page.locale, ""), "the page's language")
            message = f"this sentence reads as {english_name}, not {language}: {short.sentence.quoted()}: translate it"
        yield short.page.problem(short.sentence.line, "untranslated", message)


def _unreported_sentences(
    english: LocalePage, page: LocalePage, sentences: Sentences, reported: set[Reported]
) -> Iterator[Sentence]:
    """The page's sentences outside what was reported already: a section that is the English
    text, a block, a sentence."""
    identical, _ = identical_sections(english, page)
    skipped = {block for section in identical for block in section_blocks(section)}
    for block, found in sentences.items():
        if block not in skipped and (page.shown, block.line, "") not in reported:
            yield from (s for s in found if (page.shown, s.line, s.readable) not in reported)


def _known(words: set[str], locale: str, project: Project) -> set[str]:
    """The words the locale's Hunspell dictionary or its word list (words/<locale>.txt) knows."""
    listed_words = word_list(project.root, locale)
    unlisted = sorted({word for word in words if not listed(word, listed_words)})
    unknown = set(unknown_words(unlisted, DICTIONARIES[locale]))
    return {word for word in words if word not in unknown}


def _foreign(text: str, locale: str, allowed: re.Pattern[str], native: set[str] | None = None) -> str:
    """The name of the language `text` is confidently in, if not the page's; else "". Text whose
    words the page's dictionary nearly all knows (`native`) is the page's language: the identifier
    (a model that takes half a second to load) is asked only about the rest."""
    plain = allowed.sub(" ", readable(text))
    if native is not None and _reads_native(plain, native):
        return ""
    found = foreign_language(plain, locale)
    return LANGUAGE_NAMES.get(found[0], found[0]) if found else ""


def _reads_native(text: str, native: set[str]) -> bool:
    """Whether fewer than FOREIGN_SHARE of the words of `text` are unknown to the page's dictionary."""
    words = WORD.findall(text)
    unknown = sum(word not in native for word in words)
    return unknown < FOREIGN_SHARE * len(words)


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
        patterns[locale] = re.compile(
            "|".join(rf"\b{re.escape(word)}\b" for word in words) or NOTHING.pattern, re.IGNORECASE
        )
    return patterns


def _nearly_same(english: str, translated: str) -> bool:
    """The same words, give or take punctuation, case, spacing and a small edit."""
    a, b = _normalized(english), _normalized(translated)
    if sum(char.isalpha() for char in a) < MIN_SAME_WORDS_LETTERS * 3:
        return False
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False)
    return (
        matcher.real_quick_ratio() >= NEARLY_SAME
        and matcher.quick_ratio() >= NEARLY_SAME
        and matcher.ratio() >= NEARLY_SAME
    )


@functools.lru_cache(maxsize=8192)  # each English sentence is compared with every sentence of its twin section
def _normalized(text: str) -> str:
    return " ".join(PUNCTUATION.sub(" ", readable(text)).casefold().split())


def identical_sections(source: LocalePage, page: LocalePage) -> tuple[list[Section], list[Section]]:
    """(sections whose text is the default locale's, all sections with enough text to judge)."""
    english = dict(keyed_sections(source.parsed))
    with_text = [(key, s) for key, s in keyed_sections(page.parsed) if len(s.plain_text) >= MIN_UNTRANSLATED_CHARS]
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
