"""The translation checks: every locale folder under docs/ against the default locale and the registry.

Each rule is a function that yields `Problem`s; `RULES` lists them with the ID they report under.
Everything is read once into `Content`, and no rule stops another: one run reports every problem.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from scripts.markdown_page import Heading, MarkdownPage, Section, read_page
from scripts.problems import ANY_LOCALE, Problem
from scripts.registry import LOCALE_PATTERN, Registry
from scripts.staleness import RECORD_KEY, changed_sections, recorded_hashes, source_hashes
from scripts.termbase import TERMBASE_FILE, Termbase, load_termbase

DOCS_DIR = "docs"
REQUIRED_FRONT_MATTER = ("title", "description")
# Sections shorter than this (in characters of text) are too short to call untranslated.
MIN_UNTRANSLATED_CHARS = 20
# A heading, title or description with fewer letters than this may be the same in every language.
MIN_SAME_WORDS_LETTERS = 4
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass
class LocalePage:
    locale: str
    name: str  # the page path inside the locale folder, e.g. "roadblocks.md"
    shown: str  # the path shown in problems, relative to the project root
    parsed: MarkdownPage | None  # None when the file could not be read

    def problem(self, line: int, rule: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.shown, line, self.locale, rule, message, severity)


@dataclass
class Content:
    """Every page of every locale folder, read once."""

    root: Path
    registry: Registry
    termbase: Termbase
    locale_dirs: list[str]  # folders under docs/ that look like locales
    pages: dict[tuple[str, str], LocalePage]
    loading_problems: list[Problem]

    def page(self, locale: str, name: str) -> LocalePage | None:
        return self.pages.get((locale, name))

    def pair(self, locale: str, name: str) -> tuple[LocalePage, LocalePage] | None:
        """(default-locale page, page of `locale`) when both exist and could be read."""
        source, page = self.page(self.registry.default_locale, name), self.page(locale, name)
        if source is None or page is None or source.parsed is None or page.parsed is None:
            return None
        return source, page

    def readable(self, locale: str) -> Iterator[LocalePage]:
        for (page_locale, _), page in sorted(self.pages.items()):
            if page_locale == locale and page.parsed is not None:
                yield page

    @property
    def translations(self) -> list[str]:
        return [locale for locale in self.registry.locales[1:] if locale in self.locale_dirs]


def load_content(root: Path, registry: Registry) -> Content:
    docs = root / DOCS_DIR
    locale_dirs = sorted(
        entry.name for entry in (docs.iterdir() if docs.is_dir() else [])
        if entry.is_dir() and re.fullmatch(LOCALE_PATTERN, entry.name)
        and (entry.name in registry.locales or any(entry.rglob("*.md")))  # not an images folder
    )
    termbase, unreadable = load_termbase(root)
    pages = {}
    for locale in locale_dirs:
        for path in sorted((docs / locale).rglob("*.md")):
            name = path.relative_to(docs / locale).as_posix()
            page = LocalePage(locale, name, path.relative_to(root).as_posix(), None)
            try:
                page.parsed = read_page(path)
            except OSError as error:
                unreadable.append(page.problem(1, "unreadable", f"cannot read the page: {error.strerror or error}"))
            except UnicodeDecodeError as error:
                line = error.object[: error.start].count(b"\n") + 1
                unreadable.append(page.problem(line, "unreadable", f"not valid UTF-8 (byte 0x{error.object[error.start]:02x}); save the file as UTF-8"))
            pages[(locale, name)] = page
    return Content(root, registry, termbase, locale_dirs, pages, unreadable)


def check_locale_folders(content: Content) -> Iterator[Problem]:
    """Every registry locale has a folder under docs/, and every locale folder is in the registry."""
    for locale in content.registry.locales:
        if locale not in content.locale_dirs:
            yield Problem(f"{DOCS_DIR}/{locale}", 1, locale, "locale-missing", f"the locale folder is missing (concepts.yml lists '{locale}')")
    for locale in content.locale_dirs:
        if locale not in content.registry.locales:
            yield Problem(f"{DOCS_DIR}/{locale}", 1, locale, "locale-unknown", f"'{locale}' holds pages but is not in the registry's locales: add it to 'locales' in concepts.yml and to the languages in mkdocs.yml (`python -m scripts new-locale {locale}` does both for a new language)")


def check_page_parity(content: Content) -> Iterator[Problem]:
    """Each registry page exists in every locale; no locale has a page the registry does not list."""
    listed = set(content.registry.pages)
    default = content.registry.default_locale
    for locale in content.registry.locales:
        if locale not in content.locale_dirs:
            continue
        for name in content.registry.pages:
            if content.page(locale, name) is None:
                where = "the registry lists it" if locale == default else f"{DOCS_DIR}/{default}/{name} exists"
                yield Problem(f"{DOCS_DIR}/{locale}/{name}", 1, locale, "page-missing", f"page is missing ({where})")
    for (locale, name), page in sorted(content.pages.items()):
        if name not in listed and locale in content.registry.locales:
            yield page.problem(1, "page-orphan", "page is not in the registry's page list (concepts.yml), so no other locale has to have it")


def check_front_matter(content: Content) -> Iterator[Problem]:
    """Front matter is valid YAML with a non-empty title and description."""
    for locale in content.registry.locales:
        for page in content.readable(locale):
            parsed = page.parsed
            if parsed.front_matter_error:
                yield page.problem(parsed.front_matter_error.line, "front-matter", parsed.front_matter_error.message)
                continue
            for key in REQUIRED_FRONT_MATTER:
                value = parsed.front_matter.get(key)
                if not isinstance(value, str) or not value.strip():
                    yield page.problem(parsed.front_matter_line(key), "front-matter", f"'{key}' is missing or empty")
            if RECORD_KEY in parsed.front_matter and recorded_hashes(parsed) is None:
                yield page.problem(parsed.front_matter_line(RECORD_KEY), "front-matter", f"'{RECORD_KEY}' must be {{source: \"<hash>\", sections: {{<anchor>: \"<hash>\"}}}}: run `python -m scripts stamp {page.locale} {page.name}` to rewrite it")


def check_concepts(content: Content) -> Iterator[Problem]:
    """Each registry concept is a heading anchor exactly once, on its page, in every locale; no unknown concept anchors."""
    registry = content.registry
    known = {concept.id: concept for concept in registry.concepts}
    for locale in registry.locales:
        found: Counter[str] = Counter()
        for page in content.readable(locale):
            for heading in page.parsed.headings:
                anchor = heading.anchor
                if not anchor or registry.kind_of_anchor(anchor) is None:
                    continue
                concept = known.get(anchor)
                if concept is None:
                    yield page.problem(heading.line, "concept-unknown", f"'{anchor}' looks like a concept ID but is not in concepts.yml")
                elif concept.page != page.name:
                    yield page.problem(heading.line, "concept-misplaced", f"'{anchor}' belongs on {concept.page} (concepts.yml line {concept.line})")
                else:
                    found[anchor] += 1
                    if found[anchor] > 1:
                        yield page.problem(heading.line, "concept-duplicate", f"'{anchor}' appears more than once")
        yield from _missing_concepts(content, locale, found)


def _missing_concepts(content: Content, locale: str, found: Counter[str]) -> Iterator[Problem]:
    for concept in content.registry.concepts:
        page = content.page(locale, concept.page)
        if found[concept.id] == 0 and page is not None and page.parsed is not None:
            yield page.problem(1, "concept-missing", f"no heading with anchor {{ #{concept.id} }} (concepts.yml line {concept.line})")


def check_code_fences(content: Content) -> Iterator[Problem]:
    """Every code fence is closed (an open one hides the rest of the page from every other rule)."""
    for locale in content.registry.locales:
        for page in content.readable(locale):
            if page.parsed.unclosed_fence:
                yield page.problem(page.parsed.unclosed_fence, "code-fence", "this code fence is never closed, so the rest of the page is read as code")


def check_concept_order(content: Content) -> Iterator[Problem]:
    """Concepts of an ordered kind (the recovery steps) appear in registry order."""
    registry = content.registry
    for locale in registry.locales:
        for page in content.readable(locale):
            for kind in (kind for kind in registry.kinds if kind.ordered):
                expected = [c.id for c in registry.concepts_on(page.name) if c.kind == kind]
                headings = [h for h in page.parsed.headings if h.anchor in expected]
                present = [anchor for anchor in expected if anchor in {h.anchor for h in headings}]
                for position, heading in enumerate(headings[: len(present)]):
                    if heading.anchor != present[position]:
                        yield page.problem(heading.line, "concept-order", f"'{heading.anchor}' is out of order: expected '{present[position]}' here ({kind.name} order: {', '.join(expected)})")
                        break


def check_concept_bodies(content: Content) -> Iterator[Problem]:
    """Every concept section has heading text and a body."""
    for locale in content.registry.locales:
        for page in content.readable(locale):
            for heading in page.parsed.headings:
                if not heading.anchor or content.registry.kind_of_anchor(heading.anchor) is None:
                    continue
                if not heading.text:
                    yield page.problem(heading.line, "concept-empty", f"the heading of '{heading.anchor}' has no text")
                if not page.parsed.concept_body(heading):
                    yield page.problem(heading.line, "concept-empty", f"the section '{heading.anchor}' has no body")


def check_structure(content: Content) -> Iterator[Problem]:
    """Each translated page has the default locale's headings, and per section the same list items, admonitions and paragraphs."""
    for source, page in translated_pairs(content):
        yield from _compare_structure(source, page)


def _compare_structure(source: LocalePage, page: LocalePage) -> Iterator[Problem]:
    theirs = [s for s in source.parsed.sections if s.heading]
    ours = [s for s in page.parsed.sections if s.heading]
    matcher = difflib.SequenceMatcher(a=[s.heading.signature for s in theirs], b=[s.heading.signature for s in ours], autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for original, translated in zip(theirs[a0:a1], ours[b0:b1], strict=True):
                yield from _compare_section(source, original, page, translated)
            continue
        for section in theirs[a0:a1]:
            line = ours[b0].heading.line if b0 < len(ours) else max(1, len(page.parsed.lines))
            yield page.problem(line, "structure", f"missing heading {_describe(section.heading)} ({source.shown}:{section.heading.line})")
        for section in ours[b0:b1]:
            yield page.problem(section.heading.line, "structure", f"heading {_describe(section.heading)} is not in {source.shown}")
    yield from _compare_section(source, source.parsed.sections[0], page, page.parsed.sections[0])


def _compare_section(source: LocalePage, original: Section, page: LocalePage, translated: Section) -> Iterator[Problem]:
    line = translated.heading.line if translated.heading else max(1, page.parsed.body_start)
    where = _describe(translated.heading) if translated.heading else "before the first heading"
    source_line = original.heading.line if original.heading else max(1, source.parsed.body_start)
    for what in ("list_items", "admonitions", "paragraphs"):
        expected, actual = getattr(original, what), getattr(translated, what)
        if expected != actual:
            label = what.replace("_", " ").removesuffix("s")
            yield page.problem(line, "structure", f"section {where} has {_count(actual, label)}; {source.shown}:{source_line} has {expected}")
    theirs, ours = _section_links(source.parsed, original), _section_links(page.parsed, translated)
    if theirs != ours:
        missing, extra = sorted(set(theirs) - set(ours)), sorted(set(ours) - set(theirs))
        detail = "; ".join(part for part in (f"missing {', '.join(missing)}" if missing else "", f"not in English: {', '.join(extra)}" if extra else "") if part) or "a different number of the same links"
        yield page.problem(line, "structure", f"section {where} links differently from {source.shown}:{source_line} ({detail})")


def _section_links(parsed: MarkdownPage, section: Section) -> list[str]:
    numbers = section.line_numbers
    return sorted(link.target for link in parsed.links if link.line in numbers)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _describe(heading: Heading) -> str:
    hashes = "#" * heading.level
    anchor = f" {{ #{heading.anchor} }}" if heading.anchor else ""
    return f"'{hashes} {heading.text}{anchor}'"


def check_links(content: Content) -> Iterator[Problem]:
    """Every relative link and #anchor resolves to a page and heading of the same locale."""
    for locale in content.registry.locales:
        for page in content.readable(locale):
            for link in page.parsed.links:
                message = _broken_link(content, page, link.target)
                if message:
                    yield page.problem(link.line, "link", message)


def _broken_link(content: Content, page: LocalePage, target: str) -> str | None:
    if SCHEME.match(target) or target.startswith("//"):
        return None
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part.partition("?")[0])
    if path_part.startswith("/"):
        return f"'{target}' is an absolute path; link to the Markdown file relatively"
    name = _resolve(page.name, path_part) if path_part else page.name
    if name is None:
        return f"'{target}' points outside the locale folder"
    linked = content.page(page.locale, name)
    if linked is None:
        if (content.root / DOCS_DIR / page.locale / name).exists():
            return None  # an image or other asset
        return f"'{target}': no page {name} in {DOCS_DIR}/{page.locale}/"
    if anchor and linked.parsed is not None and anchor not in linked.parsed.anchors():
        return f"'{target}': {name} has no heading with anchor '#{anchor}'"
    return None


def _resolve(from_page: str, relative: str) -> str | None:
    parts: list[str] = []
    for part in (PurePosixPath(from_page).parent / relative).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def check_untranslated(content: Content) -> Iterator[Problem]:
    """No translated page or section has the same text as the default locale."""
    for source, page in translated_pairs(content):
        yield from _identical_text(source, page)


def _identical_text(source: LocalePage, page: LocalePage) -> Iterator[Problem]:
    identical, with_text = identical_sections(source, page)
    if identical and len(identical) == len(with_text):
        yield page.problem(1, "untranslated", f"the whole page is the same as {source.shown}")
        return
    for key in REQUIRED_FRONT_MATTER:
        if _same_words(source.parsed.front_matter.get(key), page.parsed.front_matter.get(key)):
            yield page.problem(page.parsed.front_matter_line(key), "untranslated", f"'{key}' is the same as in {source.shown}")
    theirs = dict(_keyed_sections(source.parsed))
    for key, section in _keyed_sections(page.parsed):
        if section.heading and key in theirs and _same_words(theirs[key].heading.text, section.heading.text):
            yield page.problem(section.heading.line, "untranslated", f"heading {_describe(section.heading)} is the same as in {source.shown}")
    for section in identical:
        line = section.heading.line if section.heading else 1
        where = _describe(section.heading) if section.heading else "before the first heading"
        yield page.problem(line, "untranslated", f"the text of section {where} is the same as in {source.shown}")


def identical_sections(source: LocalePage, page: LocalePage) -> tuple[list[Section], list[Section]]:
    """(sections whose text is the default locale's, all sections with enough text to judge)."""
    theirs = dict(_keyed_sections(source.parsed))
    with_text = [(key, s) for key, s in _keyed_sections(page.parsed) if len(s.plain_text) >= MIN_UNTRANSLATED_CHARS]
    identical = [s for key, s in with_text if key in theirs and theirs[key].plain_text == s.plain_text]
    return identical, [s for _, s in with_text]


def _same_words(english, translated) -> bool:
    """Identical text long enough to be words, not a number or a name like "OK"."""
    return isinstance(english, str) and isinstance(translated, str) and english.strip().casefold() == translated.strip().casefold() \
        and sum(char.isalpha() for char in english) >= MIN_SAME_WORDS_LETTERS


def is_untranslated(source: LocalePage, page: LocalePage) -> bool:
    identical, with_text = identical_sections(source, page)
    return bool(identical) and len(identical) == len(with_text)


def is_outdated(source: LocalePage, page: LocalePage) -> bool:
    recorded = recorded_hashes(page.parsed)
    return recorded is None or recorded.page != source_hashes(source.parsed).page


def _keyed_sections(parsed: MarkdownPage) -> Iterator[tuple[tuple[str, int], Section]]:
    """Sections keyed by heading signature and its occurrence, so they pair up across locales."""
    seen: Counter[str] = Counter()
    for section in parsed.sections:
        signature = section.heading.signature if section.heading else ""
        seen[signature] += 1
        yield (signature, seen[signature]), section


def check_outdated(content: Content) -> Iterator[Problem]:
    """Each translation records the English revision it translates, and that revision is current (a warning; an error with --strict)."""
    for source, page in translated_pairs(content):
        recorded, current = recorded_hashes(page.parsed), source_hashes(source.parsed)
        malformed = recorded is None and RECORD_KEY in page.parsed.front_matter
        if page.parsed.front_matter_error or malformed or is_untranslated(source, page):
            continue  # reported by front-matter or untranslated already
        line = page.parsed.front_matter_line(RECORD_KEY)
        stamp = f"`python -m scripts stamp {page.locale} {page.name}`"
        if recorded is None:
            yield page.problem(line, "outdated", f"no record of the English revision translated; when the page is translated, run {stamp}", "warning")
        elif recorded.page != current.page:
            changed = changed_sections(recorded, current)
            what = f"changed sections: {', '.join(changed)}" if changed else "changes outside the anchored sections"
            yield page.problem(line, "outdated", f"{source.shown} changed since this translation ({what}); see `python -m scripts diff {page.locale} {page.name}`, update the page, then run {stamp}", "warning")


def translated_pages(content: Content, locale: str) -> Iterator[tuple[LocalePage, LocalePage]]:
    """(default-locale page, translated page) pairs of one locale, both readable."""
    for page in content.readable(locale):
        pair = content.pair(locale, page.name)
        if pair is not None:
            yield pair


def translated_pairs(content: Content) -> Iterator[tuple[LocalePage, LocalePage]]:
    for locale in content.translations:
        yield from translated_pages(content, locale)


def check_forbidden_terms(content: Content) -> Iterator[Problem]:
    """No page uses a word the termbase forbids for its locale, not even inside a compound."""
    for locale in sorted(set(content.termbase.forbidden) - set(content.registry.locales), key=str):
        hint = " (YAML reads an unquoted no, yes, on or off as true or false: quote the code)" if isinstance(locale, bool) else ""
        yield Problem(TERMBASE_FILE, content.termbase.forbidden_line, ANY_LOCALE, "termbase", f"'forbidden' lists words for '{locale}', which is not a locale in concepts.yml{hint}")
    for locale in content.registry.locales:
        words = content.termbase.forbidden.get(locale, ())
        for page in content.readable(locale) if words else ():
            for number, text in page.parsed.reader_lines():
                for word in words:
                    for match in word.pattern.finditer(text):
                        found = match.group(0)
                        inside = f" contains '{word.word}'" if found.lower() != word.word.lower() else ""
                        yield page.problem(number, "forbidden-term", f"'{found}'{inside}: use '{word.use}' ({word.why})")


Rule = Callable[[Content], Iterator[Problem]]

# Each rule function and the rule IDs its problems carry, in the order the rules run.
RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (check_locale_folders, ("locale-missing", "locale-unknown")),
    (check_page_parity, ("page-missing", "page-orphan")),
    (check_front_matter, ("front-matter",)),
    (check_code_fences, ("code-fence",)),
    (check_concepts, ("concept-missing", "concept-duplicate", "concept-misplaced", "concept-unknown")),
    (check_concept_order, ("concept-order",)),
    (check_concept_bodies, ("concept-empty",)),
    (check_structure, ("structure",)),
    (check_links, ("link",)),
    (check_untranslated, ("untranslated",)),
    (check_forbidden_terms, ("forbidden-term",)),
    (check_outdated, ("outdated",)),
)
# Problems found before any rule runs, and what each means.
LOADING_RULES = {
    "registry": "concepts.yml cannot be read or is not a valid registry (then no page is checked).",
    "termbase": "termbase.yml cannot be read or has an entry of the wrong shape.",
    "unreadable": "A page cannot be read, or is not UTF-8.",
}
LOADING_RULE_IDS = tuple(LOADING_RULES)


def run_checks(content: Content) -> list[Problem]:
    problems = list(content.loading_problems)
    for rule, _ in RULES:
        problems.extend(rule(content))
    return sorted(problems, key=lambda p: (p.locale != content.registry.default_locale, p.locale, p.path, p.line, p.rule))
