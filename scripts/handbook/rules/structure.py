"""Rules on a translation's shape: the English headings, and per section the same list items,
boxes, paragraphs and links; and closed code fences, without which no shape can be read."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from handbook.markdown_page import Heading, MarkdownPage, Section
from handbook.problems import Problem
from handbook.project import LocalePage, Project


def check_code_fences(project: Project) -> Iterator[Problem]:
    """Every code fence is closed (an open one hides the rest of the page from every other rule)."""
    for locale in project.registry.locales:
        for page in project.pages_of(locale):
            if page.parsed.unclosed_fence:
                yield page.problem(page.parsed.unclosed_fence, "code-fence", "this code fence is never closed, so the rest of the page is read as code")



def check_structure(project: Project) -> Iterator[Problem]:
    """Each translated page has the default locale's headings, and per section the same list items, admonitions and paragraphs."""
    for source, page in project.pairs():
        yield from _compare_structure(source, page)


def _compare_structure(source: LocalePage, page: LocalePage) -> Iterator[Problem]:
    english = [s for s in source.parsed.sections if s.heading]
    translated_sections = [s for s in page.parsed.sections if s.heading]
    matcher = difflib.SequenceMatcher(a=[s.heading.signature for s in english], b=[s.heading.signature for s in translated_sections], autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for original, translated in zip(english[a0:a1], translated_sections[b0:b1], strict=True):
                yield from _compare_section(source, original, page, translated)
            continue
        for section in english[a0:a1]:
            line = translated_sections[b0].heading.line if b0 < len(translated_sections) else max(1, len(page.parsed.lines))
            yield page.problem(line, "structure", f"missing heading {describe(section.heading)} ({source.shown}:{section.heading.line})")
        for section in translated_sections[b0:b1]:
            yield page.problem(section.heading.line, "structure", f"heading {describe(section.heading)} is not in {source.shown}")
    yield from _compare_section(source, source.parsed.sections[0], page, page.parsed.sections[0])


def _compare_section(source: LocalePage, original: Section, page: LocalePage, translated: Section) -> Iterator[Problem]:
    line = translated.heading.line if translated.heading else max(1, page.parsed.body_start)
    where = describe(translated.heading) if translated.heading else "before the first heading"
    source_line = original.heading.line if original.heading else max(1, source.parsed.body_start)
    for what in ("list_items", "admonitions", "paragraphs"):
        expected, actual = getattr(original, what), getattr(translated, what)
        if expected != actual:
            label = what.replace("_", " ").removesuffix("s")
            yield page.problem(line, "structure", f"section {where} has {_count(actual, label)}; {source.shown}:{source_line} has {expected}")
    english_links, translated_links = _section_links(source.parsed, original), _section_links(page.parsed, translated)
    if english_links != translated_links:
        missing, extra = sorted(set(english_links) - set(translated_links)), sorted(set(translated_links) - set(english_links))
        detail = "; ".join(part for part in (f"missing {', '.join(missing)}" if missing else "", f"not in English: {', '.join(extra)}" if extra else "") if part) or "a different number of the same links"
        yield page.problem(line, "structure", f"section {where} links differently from {source.shown}:{source_line} ({detail})")


def _section_links(parsed: MarkdownPage, section: Section) -> list[str]:
    numbers = section.line_numbers
    return sorted(link.target for link in parsed.links if link.line in numbers)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def describe(heading: Heading) -> str:
    hashes = "#" * heading.level
    anchor = f" {{ #{heading.anchor} }}" if heading.anchor else ""
    return f"'{hashes} {heading.text}{anchor}'"


