"""Rules on a translation's shape: the English headings, and per section the same list items,
boxes, paragraphs and links; and closed code fences, without which no shape can be read."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.counterpart import Alignment, HeadingFix
from handbook.counterpart import align as align_pages
from handbook.english_change import stamped_page
from handbook.markdown_page import Heading, MarkdownPage, Section
from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.targets import link_target


def check_code_fences(project: Project) -> Iterator[Problem]:
    """Every code fence is closed (an open one hides the rest of the page from every other rule)."""
    for locale in project.registry.locales:
        for page in project.pages_of(locale):
            if page.parsed.unclosed_fence:
                yield page.problem(
                    page.parsed.unclosed_fence,
                    "code-fence",
                    "this code fence is never closed, so the rest of the page is read as code",
                )


def check_structure(project: Project) -> Iterator[Problem]:
    """Each translated page has the default locale's headings, and per section the same list items,
    admonitions and paragraphs. A heading that lost or changed its anchor, or is missing, is one
    problem at the line to fix, with the links that break because of it."""
    for english, translated in project.pairs():
        alignment = align(project, english, translated)
        for twin, section in alignment.matched:
            yield from _compare_section(english, twin, translated, section)
        for slip in alignment.slips:
            assert slip.translated is not None
            yield from _compare_section(english, slip.english, translated, slip.translated)
            yield translated.problem(
                slip.line, _rule(project, slip), _message(slip, english) + _breaks(project, translated, slip)
            )
        for gap in alignment.missing:
            yield translated.problem(
                gap.line, _rule(project, gap), _message(gap, english) + _breaks(project, translated, gap)
            )
        for section in alignment.extra:
            assert section.heading is not None
            yield translated.problem(
                section.heading.line, "structure", f"heading {describe(section.heading)} is not in {english.shown}"
            )
        yield from _compare_section(english, english.parsed.sections[0], translated, translated.parsed.sections[0])


NEVER_TRANSLATED = "anchors are never translated"


def _rule(project: Project, fix: HeadingFix) -> str:
    anchor = fix.anchor
    return "concept-missing" if anchor and project.registry.kind_of_anchor(anchor) else "structure"


def _message(fix: HeadingFix, english: LocalePage) -> str:
    heading = fix.english.heading
    assert heading is not None
    where = f"{english.shown}:{heading.line}"
    if fix.translated is None:
        return f"missing heading {describe(heading)} ({where}): add it here"
    ours = fix.translated.heading
    assert ours is not None
    if not ours.anchor:
        return f"put {{ #{heading.anchor} }} back on this heading ({where} has it; {NEVER_TRANSLATED})"
    written = ours.quoted_anchor
    return f"the anchor {{ #{written} }} must be {{ #{heading.anchor} }}, as on {where} ({NEVER_TRANSLATED})"


def align(project: Project, english: LocalePage, translated: LocalePage) -> Alignment:
    """Pair the headed sections of a translation with the English ones by level and anchor (those
    without an anchor through the English text as stamped, when git history has it)."""
    return align_pages(english.parsed, translated.parsed, stamped_page(project.root, (english, translated)))


def heading_fixes(project: Project, locale: str, name: str) -> list[HeadingFix]:
    """The headings a translated page lacks or carries with the wrong anchor (for other rules to fold in)."""
    pair = project.pair(locale, name) if locale != project.registry.default_locale else None
    return align(project, *pair).fixes() if pair else []


def _breaks(project: Project, page: LocalePage, fix: HeadingFix) -> str:
    anchor = fix.anchor
    found = links_to(project, page.locale, page.name, anchor) if anchor else []
    return f"; until then these links to it break: {', '.join(found)}" if found else ""


def links_to(project: Project, locale: str, name: str, anchor: str) -> list[str]:
    """Where the pages of `locale` link to `name#anchor`, as path:line."""
    found = []
    for page in project.pages_of(locale):
        for link in page.parsed.links:
            if link_target(page.name, link.target) == (name, anchor):
                found.append(f"{page.shown}:{link.line}")
    return found


def _compare_section(source: LocalePage, original: Section, page: LocalePage, translated: Section) -> Iterator[Problem]:
    line = translated.heading.line if translated.heading else max(1, page.parsed.body_start)
    where = describe(translated.heading) if translated.heading else "before the first heading"
    source_line = original.heading.line if original.heading else max(1, source.parsed.body_start)
    for what in ("list_items", "admonitions", "paragraphs"):
        expected, actual = getattr(original, what), getattr(translated, what)
        if expected != actual:
            label = what.replace("_", " ").removesuffix("s")
            yield page.problem(
                line,
                "structure",
                f"section {where} has {_count(actual, label)}; {source.shown}:{source_line} has {expected}",
            )
    english_links, translated_links = _section_links(source.parsed, original), _section_links(page.parsed, translated)
    if english_links != translated_links:
        missing, extra = (
            sorted(set(english_links) - set(translated_links)),
            sorted(set(translated_links) - set(english_links)),
        )
        detail = (
            "; ".join(
                part
                for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"not in English: {', '.join(extra)}" if extra else "",
                )
                if part
            )
            or "a different number of the same links"
        )
        yield page.problem(
            line, "structure", f"section {where} links differently from {source.shown}:{source_line} ({detail})"
        )


def _section_links(parsed: MarkdownPage, section: Section) -> list[str]:
    numbers = section.line_numbers
    return sorted(link.target for link in parsed.links if link.line in numbers)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def describe(heading: Heading) -> str:
    hashes = "#" * heading.level
    anchor = f" {{ #{heading.quoted_anchor} }}" if heading.anchor else ""
    return f"'{hashes} {heading.text}{anchor}'"
