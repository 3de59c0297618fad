"""One Markdown page, read into what the checks need, each item with its line number.

A small line-based reader, not a Markdown renderer: it knows the constructs the handbook uses
(front matter, ATX headings with `{ #id }` anchors, lists and task lists, admonitions, fenced
code, inline links) and nothing of MkDocs, so the checks survive a change of site generator.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown.extensions.toc import slugify_unicode, unique

from handbook.characters import fold_anchor
from handbook.datafile import yaml_error_line, yaml_error_message

# Front matter is read as MkDocs reads it, with PyYAML's safe loader (libyaml's when PyYAML was built with it).
FRONT_MATTER_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
# The id is everything after '#' up to a space or the brace, as attr_list reads it: quoted as typed.
EXPLICIT_ANCHOR = re.compile(r"[ \t]*\{:?[ \t]*#([^\s}]+)[^}]*\}[ \t]*$")
FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S")
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+\S")
# An inline link or image: [text](target "title"), with <target>, 'title' or (title) also allowed.
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
# A reference definition, [label]: target: its target is checked like an inline link's.
REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*(<[^>]*>|\S+)")
CODE_SPAN = re.compile(r"(`+).+?\1")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^}]*\}")
MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|[*_`>#\[\]()!|-]+")
# The id Python-Markdown's toc extension gives a heading without `{ #id }`: its Unicode slugify, which
# keeps letters such as æ, ø and å. mkdocs.yml's `toc: slugify:` names the same function
# (tests/test_markdown_page.py keeps the two the same).
HEADING_ID = slugify_unicode


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None  # as the checks compare it (see `characters.fold_anchor`)
    line: int
    written_anchor: str | None = None  # exactly as typed

    @property
    def quoted_anchor(self) -> str | None:
        """The anchor to quote back to a translator: what they typed."""
        return self.written_anchor or self.anchor

    @property
    def signature(self) -> str:
        """What must match across locales: the level and the explicit anchor, never the text."""
        return f"h{self.level}" + (f"#{self.anchor}" if self.anchor else "")


@dataclass
class Section:
    """A heading and the lines up to the next heading (the part before the first heading has none)."""

    heading: Heading | None
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def list_items(self) -> int:
        return sum(bool(LIST_ITEM.match(text)) for _, text in self.lines)

    @property
    def admonitions(self) -> int:
        return sum(bool(ADMONITION.match(text)) for _, text in self.lines)

    @property
    def paragraphs(self) -> int:
        """Runs of unindented prose lines that do not continue a list item: a dropped paragraph
        changes this count, re-wrapping a paragraph or a list item does not."""
        count, previous = 0, "blank"
        for _, text in self.lines:
            if not text.strip():
                kind = "blank"
            elif LIST_ITEM.match(text) or ADMONITION.match(text) or text[0] in " \t":
                kind = "block"
            else:
                kind = "prose" if previous in ("blank", "prose") else "block"  # lazy list continuation
            count += kind == "prose" and previous != "prose"
            previous = kind
        return count

    @property
    def line_numbers(self) -> set[int]:
        return {number for number, _ in self.lines}

    @property
    def plain_text(self) -> str:
        """The section's words, markup and whitespace removed: what a reader would compare."""
        return " ".join(MARKUP.sub(" ", " ".join(text for _, text in self.lines)).split()).lower()


@dataclass
class Link:
    target: str
    line: int


@dataclass
class FrontMatterError:
    line: int
    message: str


@dataclass
class MarkdownPage:
    lines: list[str]
    body_start: int  # index of the first line after the front matter (0 without front matter)
    front_matter: dict[str, Any]
    front_matter_error: FrontMatterError | None
    sections: list[Section]
    links: list[Link]
    unclosed_fence: int | None = None  # line of a code fence that is never closed
    code_lines: frozenset[int] = frozenset()  # lines of fenced code, fences included

    @property
    def headings(self) -> list[Heading]:
        return [section.heading for section in self.sections if section.heading]

    def reader_lines(self) -> list[tuple[int, str]]:
        """Every line a reader sees, numbered: front matter values, headings and text, but not
        code, link targets or attribute lists such as `{ #id }`."""
        front = self.front_matter_lines()
        body = [(s.heading.line, s.heading.text) for s in self.sections if s.heading]
        body += [line for section in self.sections for line in section.lines]
        return [(number, LINK_TARGET.sub("]", text)) for number, text in sorted(front + body)]

    def front_matter_line(self, key: str) -> int:
        """The line of a front-matter key, or 1 (the opening '---') when it is absent."""
        pattern = re.compile(rf"^{re.escape(key)}[ \t]*:")
        return next((number for number, text in self.front_matter_lines() if pattern.match(text)), 1)

    def front_matter_lines(self) -> list[tuple[int, str]]:
        """The numbered lines between the front matter's '---' markers (none without front matter)."""
        return list(enumerate(self.lines[1 : self.body_start - 1], 2)) if self.body_start else []

    def anchors(self) -> set[str]:
        """Every id a link may target: explicit anchors and the ids Python-Markdown's toc extension
        gives the other headings (HEADING_ID, made unique against every id already used)."""
        found = {heading.anchor for heading in self.headings if heading.anchor}
        for heading in self.headings:
            if not heading.anchor:
                unique(HEADING_ID(heading.text, "-"), found)  # adds the id to `found`
        return found

    def concept_body(self, heading: Heading) -> list[str]:
        """The non-blank lines under a heading, down to the next heading of the same or a higher level."""
        start = next(i for i, section in enumerate(self.sections) if section.heading is heading)
        body = []
        for section in self.sections[start:]:
            if section.heading is not heading and section.heading and section.heading.level <= heading.level:
                break
            body += [text for _, text in section.lines if text.strip()]
        return body


def read_page(path: Path) -> MarkdownPage:
    """Parse a page file. Raises OSError or UnicodeDecodeError if it cannot be read."""
    return parse_page(path.read_text(encoding="utf-8-sig"))  # as MkDocs reads it: a BOM is allowed


def split_lines(text: str) -> list[str]:
    """Lines as editors and git number them: split on newlines only."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and lines[-1] == "" else lines


def parse_page(text: str) -> MarkdownPage:
    lines = split_lines(text.removeprefix("\ufeff"))
    front_matter, error, body_start = _front_matter(lines)
    sections, links, unclosed, code = _body(lines, body_start)
    return MarkdownPage(lines, body_start, front_matter, error, sections, links, unclosed, frozenset(code))


def _front_matter(lines: list[str]) -> tuple[dict[str, Any], FrontMatterError | None, int]:
    if not lines or lines[0].strip() != "---":
        return {}, FrontMatterError(1, "the page has no front matter (a '---' block with title and description)"), 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, FrontMatterError(1, "the front matter is never closed with '---'"), len(lines)
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=FRONT_MATTER_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        return (
            {},
            FrontMatterError(1 + yaml_error_line(error), front_matter_message(error)),
            end + 1,
        )
    if not isinstance(data, dict):
        return {}, FrontMatterError(2, "the front matter must be a mapping of keys to values"), end + 1
    return data, None, end + 1


def front_matter_message(error: yaml.YAMLError) -> str:
    """The parser's complaint, plus the usual fix in words a translator understands."""
    message = f"invalid YAML: {yaml_error_message(error, 1)}"
    if "mapping values are not allowed" in message:
        message += ' (a value that contains ": " must be wrapped in "double quotes")'
    return message


def _body(lines: list[str], start: int) -> tuple[list[Section], list[Link], int | None, set[int]]:
    sections, links, code = [Section(None)], [], set()
    fence, fence_line = None, None  # the open fence's marker (e.g. "````"), and its line
    for index in range(start, len(lines)):
        number, text = index + 1, lines[index]
        if fence is None and (opening := FENCE_OPEN.match(text)):
            fence, fence_line = opening.group(1), number
        elif fence is not None:
            if re.fullmatch(rf"[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*", text):
                fence = None
        else:
            heading = _heading(text, number)
            if heading:
                sections.append(Section(heading))
                continue
            sections[-1].lines.append((number, text))
            links += [Link(target, number) for target in link_targets(text)]
            continue
        sections[-1].lines.append((number, ""))
        code.add(number)
    return sections, links, fence_line if fence is not None else None, code


def link_targets(text: str) -> list[str]:
    """The link and image targets on one line, outside code spans."""
    text = CODE_SPAN.sub(lambda match: " " * len(match.group(0)), text)
    found = [match.group(1) for match in LINK.finditer(text)]
    reference = REFERENCE.match(text)
    found += [reference.group(1)] if reference else []
    return [target.removeprefix("<").removesuffix(">") for target in found]


def _heading(text: str, number: int) -> Heading | None:
    match = HEADING.match(text)
    if not match:
        return None
    title = match.group(2)
    anchor = EXPLICIT_ANCHOR.search(title)
    if not anchor:
        return Heading(len(match.group(1)), title.strip(), None, number)
    written = anchor.group(1)
    return Heading(len(match.group(1)), title[: anchor.start()].strip(), fold_anchor(written), number, written)


def keyed_sections(parsed: MarkdownPage) -> Iterator[tuple[tuple[str, int], Section]]:
    """Sections keyed by heading signature and its occurrence, so they pair up across locales."""
    seen: Counter[str] = Counter()
    for section in parsed.sections:
        signature = section.heading.signature if section.heading else ""
        seen[signature] += 1
        yield (signature, seen[signature]), section
