"""What the English change since the last stamp says, for `stamp --unchanged`.

`--unchanged` records that an English change needs no change in the translation. So that nobody
says so blindly, `stamp` shows the English words that changed, section by section with the
headings in both languages, and refuses when the change gains or drops a number (see
`handbook.numbers`) that the translated section does not follow: the section must have the new
number, as digits or as a word, and must no longer have a number the English section dropped.
The English text as it was stamped comes from git history, as for `handbook diff`; without it
(no git, or that revision was never committed) the words cannot be shown, and every number of each
changed English section must be in its translated twin instead.

The English text as stamped also pairs the headings without an anchor (see `handbook.counterpart`)
for the checker, `status`, `stamp` and `diff`; it is looked up once per translated page per run.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

from handbook.counterpart import (
    ChangedSection,
    Twins,
    changed_at,
    changed_headings,
    heading_named,
    part_at,
    place_of,
    section_names,
    sections_at,
    twins,
)
from handbook.freshness import changed_sections, recorded_hashes, source_hashes
from handbook.history import HistoryError, find_revision
from handbook.make_forms import stamp_command
from handbook.markdown_page import Heading, MarkdownPage, Section, parse_page
from handbook.numbers import numbers_in, quoted_forms
from handbook.problems import Problem
from handbook.project import LocalePage, Pair
from handbook.word_diff import WordChange, word_changes


@dataclass(frozen=True)
class SectionChange:
    """The English words that changed in one section (down to the next heading of any level), or in
    the front matter or the page's opening."""

    part: ChangedSection
    words: list[WordChange]


@dataclass(frozen=True)
class EnglishChange:
    sections: list[SectionChange]
    unknown_words: str  # why the changed words cannot be shown ("" when they can)
    changed_sections: list[str]  # changed anchored sections, named (when the words cannot be shown)
    problems: list[Problem]  # changes of number the translation does not follow


# id(translated page) -> the English as stamped (text, parsed) or why not: looked up once per page per run.
_STAMPED: dict[int, tuple[str | None, MarkdownPage | None, str]] = {}


def stamped_english(root: Path, pair: Pair) -> tuple[str | None, str]:
    """The text of the English page at the revision the translation of `pair` records, from git
    history, or None and why it cannot be read."""
    text, _, why = _stamped(root, pair)
    return text, why


def stamped_page(root: Path, pair: Pair) -> MarkdownPage | None:
    """The English page as the translation of `pair` was last stamped, if it changed since and git
    history has it (`counterpart` pairs headings without an anchor through it)."""
    return _stamped(root, pair)[1]


def pair_twins(root: Path, pair: Pair) -> Twins:
    """Each English section's twin in the translation, paired through the English text as stamped."""
    english, translated = pair
    return twins(english.parsed, translated.parsed, stamped_page(root, pair))


def _stamped(root: Path, pair: Pair) -> tuple[str | None, MarkdownPage | None, str]:
    translated = pair[1].parsed
    key = id(translated)
    if key not in _STAMPED:
        _STAMPED[key] = _read_stamped(root, pair)
        weakref.finalize(translated, _STAMPED.pop, key, None)  # once the page is gone, its id may be reused
    return _STAMPED[key]


def _read_stamped(root: Path, pair: Pair) -> tuple[str | None, MarkdownPage | None, str]:
    english, translated = pair
    recorded, current = recorded_hashes(translated.parsed), source_hashes(english.parsed)
    if recorded is None or recorded.page == current.page:
        return None, None, "the translation records no earlier version of the English text"
    try:
        found = find_revision(root, english.shown, recorded.page)
    except HistoryError as error:
        return None, None, f"cannot read git history: {error}"
    if found is None:
        return None, None, f"no commit of {english.shown} has the recorded version {recorded.page} of the English text"
    return found[1], parse_page(found[1]), ""


def changed_parts(root: Path, pair: Pair) -> list[ChangedSection]:
    """The parts of the English page changed since the translation of `pair` was stamped, each
    named by the deepest heading that holds a change (from git history); without the English text
    as stamped, the anchored sections whose text changed. The checker, `status`, `stamp` and
    `diff` name a change alike."""
    english, translated = pair
    recorded, current = recorded_hashes(translated.parsed), source_hashes(english.parsed)
    if recorded is None or recorded.page == current.page:
        return []
    old, _ = stamped_english(root, pair)
    changes = word_changes(old, "\n".join(english.parsed.lines)) if old is not None else []
    if not changes:
        return changed_headings(changed_sections(recorded, current), pair_twins(root, pair))
    return changed_at([change.section_line for change in changes], pair_twins(root, pair))


def english_change(root: Path, pair: Pair) -> EnglishChange:
    """The English change since the translation of `pair` was last stamped (nothing if none)."""
    english, translated = pair
    recorded, current = recorded_hashes(translated.parsed), source_hashes(english.parsed)
    if recorded is None or recorded.page == current.page:
        return EnglishChange([], "", [], [])
    old, why = stamped_english(root, pair)
    pairs = pair_twins(root, pair)
    if old is None:
        changed = changed_headings(changed_sections(recorded, current), pairs)
        problems = [p for section in changed if (p := _section_numbers_problem(pair, section.anchor, why))]
        return EnglishChange([], why, section_names(changed, english.shown, translated.shown), problems)
    sections = _by_section(word_changes(old, "\n".join(english.parsed.lines)), pairs)
    return EnglishChange(sections, "", [], [p for change in sections for p in _number_problems(pair, pairs, change)])


def accepted_lines(change: EnglishChange, pair: Pair) -> list[str]:
    """What `stamp --unchanged` prints beneath its record: the English change it accepts."""
    english, translated = pair
    if change.unknown_words:
        sections = ", ".join(change.changed_sections) or "outside the anchored sections"
        lines = [f"  the English words that changed cannot be shown ({change.unknown_words}); changed: {sections}"]
    else:
        lines = ["  the English change it accepts:"]
    for section in change.sections:
        lines.append(f"  in {_part_named(section.part, pair)}:")
        lines += [f"    {english.shown}:{word.line}: {word.marked}" for word in section.words]
    stamp = f"`{stamp_command(translated.locale, translated.name)}`"
    return [*lines, f"  If any of it changes what the page says, update the translation and run {stamp} again."]


def _by_section(words: list[WordChange], pairs: Twins) -> list[SectionChange]:
    grouped: dict[int, SectionChange] = {}
    for word in words:
        index = pairs.part_index(word.section_line)
        grouped.setdefault(index, SectionChange(part_at(index, pairs), [])).words.append(word)
    return [grouped[index] for index in sorted(grouped)]


def _part_named(part: ChangedSection, pair: Pair) -> str:
    """A changed part as `stamp --unchanged` names it: the translation's section, then the English one."""
    english, translated = pair
    if part.part:
        return part.part
    if part.translated is None:
        return f"English {_named_at(part.english, english.shown)}, new in {translated.shown}"
    return f"{_named_at(part.translated, translated.shown)}, English {_named_at(part.english, english.shown)}"


def _number_problems(pair: Pair, pairs: Twins, change: SectionChange) -> list[Problem]:
    """One refusal per changed line whose change of number the translated section does not follow."""
    english, translated = pair
    problems = []
    for word in change.words:
        gained = numbers_in(word.added, english.locale) - numbers_in(word.removed, english.locale)
        lost = numbers_in(word.removed, english.locale) - numbers_in(word.added, english.locale)
        if not gained and not lost:
            continue
        section, twin = sections_at(word.section_line, pairs)
        english_now = numbers_in(_text(section), english.locale)
        theirs = numbers_in(_text(twin), translated.locale) if twin else set()
        missing = sorted(gained - theirs)
        stale = sorted(number for number in lost if number in theirs and number not in english_now)
        if not missing and not stale:
            continue
        what = [f"lacks {number} (write {quoted_forms(number, translated.locale)})" for number in missing]
        what += [
            f"still has {number} ({quoted_forms(number, translated.locale)}), which the English section no longer has"
            for number in stale
        ]
        problems.append(
            translated.problem(
                place_of(word.line, pairs).line,
                "stamp",
                f"the English change '{word.marked}' ({english.shown}:{word.line}) changes a number, and "
                f"{_this_part(change.part)} does not follow it: it {' and '.join(what)}: "
                f"{_update(translated)}",
            )
        )
    return problems


def _section_numbers_problem(pair: Pair, anchor: str | None, why: str) -> Problem | None:
    """Without history: a refusal if a changed English section states a number its twin lacks."""
    english, translated = pair
    if anchor is None:
        return None
    source = next((h for h in english.parsed.headings if h.anchor == anchor), None)
    twin = next((h for h in translated.parsed.headings if h.anchor == anchor), None)
    if source is None or twin is None:
        return None  # a section missing on one side is the structure rule's error
    missing = sorted(
        numbers_in(_body(english, source), english.locale) - numbers_in(_body(translated, twin), translated.locale)
    )
    if not missing:
        return None
    lacks = ", ".join(f"{number} (write {quoted_forms(number, translated.locale)})" for number in missing)
    return translated.problem(
        twin.line,
        "stamp",
        f"the English words that changed cannot be shown ({why}), so every number in "
        f"a changed English section must be in its translation, and {_this_section(twin)} lacks {lacks}, which "
        f"English {heading_named(source)} ({english.shown}:{source.line}) has: {_update(translated)}",
    )


def _text(section: Section) -> str:
    heading = section.heading.text if section.heading else ""
    return "\n".join([heading, *(text for _, text in section.lines)])


def _body(page: LocalePage, heading: Heading) -> str:
    return "\n".join([heading.text, *page.parsed.concept_body(heading)])


def _named_at(heading: Heading | None, path: str) -> str:
    return f"{heading_named(heading)} ({path}:{heading.line})" if heading else heading_named(None)


def _this_part(part: ChangedSection) -> str:
    if part.part:
        return f"{part.part} here"
    return _this_section(part.translated)


def _this_section(heading: Heading | None) -> str:
    return f"this section ({heading_named(heading)})" if heading else "the page's opening here"


def _update(translated: LocalePage) -> str:
    return f"update the translation, then run `{stamp_command(translated.locale, translated.name)}`"
