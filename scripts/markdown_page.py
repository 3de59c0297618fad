"""One Markdown page, read into what the checks need, each item with its line number.

A small line-based reader, not a Markdown renderer: it knows the constructs the handbook uses
(front matter, ATX headings with `{ #id }` anchors, lists and task lists, admonitions, fenced
code, inline links) and nothing of MkDocs, so the checks survive a change of site generator.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.registry import load_yaml_with_lines, yaml_error_line, yaml_error_message

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
EXPLICIT_ANCHOR = re.compile(r"[ \t]*\{:?[ \t]*#([A-Za-z0-9_-]+)[^}]*\}[ \t]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S")
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+\S")
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^}]*\}")
MARKUP = re.compile(r"\{[^}]*\}|[*_`>#\[\]()!|-]+|\([^)]*\)")


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int

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
        """Runs of prose lines: a dropped paragraph changes this count."""
        count, in_paragraph = 0, False
        for _, text in self.lines:
            prose = bool(text.strip()) and not LIST_ITEM.match(text) and not ADMONITION.match(text)
            count += prose and not in_paragraph
            in_paragraph = prose
        return count

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
    body_start: int  # index of the first line after the front matter
    front_matter: dict[str, Any]
    front_matter_error: FrontMatterError | None
    sections: list[Section]
    links: list[Link]

    @property
    def headings(self) -> list[Heading]:
        return [section.heading for section in self.sections if section.heading]

    def reader_lines(self) -> list[tuple[int, str]]:
        """Every line a reader sees, numbered: front matter values, headings and text, but not
        code, link targets or attribute lists such as `{ #id }`."""
        front = [(number, text) for number, text in enumerate(self.lines[1 : self.body_start - 1], 2)]
        body = [(s.heading.line, s.heading.text) for s in self.sections if s.heading]
        body += [line for section in self.sections for line in section.lines]
        return [(number, LINK_TARGET.sub("]", text)) for number, text in sorted(front + body)]

    def front_matter_line(self, key: str) -> int:
        """The line of a front-matter key, or 1 (the opening '---') when it is absent."""
        pattern = re.compile(rf"^{re.escape(key)}[ \t]*:")
        for number, text in enumerate(self.lines[1:], 2):
            if text.strip() in ("---", "..."):
                break
            if pattern.match(text):
                return number
        return 1

    def anchors(self) -> set[str]:
        """Every id a link may target: explicit anchors and the slugs of the other headings."""
        found, used = set(), {}
        for heading in self.headings:
            if heading.anchor:
                found.add(heading.anchor)
                continue
            slug = slugify(heading.text)
            used[slug] = used.get(slug, -1) + 1
            found.add(slug if used[slug] == 0 else f"{slug}_{used[slug]}")
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


def slugify(text: str) -> str:
    """The heading id Python-Markdown's toc extension generates by default."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def read_page(path: Path) -> MarkdownPage:
    """Parse a page file. Raises OSError or UnicodeDecodeError if it cannot be read."""
    return parse_page(path.read_text(encoding="utf-8"))


def parse_page(text: str) -> MarkdownPage:
    lines = text.splitlines()
    front_matter, error, body_start = _front_matter(lines)
    sections, links = _body(lines, body_start)
    return MarkdownPage(lines, body_start, front_matter, error, sections, links)


def _front_matter(lines: list[str]) -> tuple[dict[str, Any], FrontMatterError | None, int]:
    if not lines or lines[0].strip() != "---":
        return {}, FrontMatterError(1, "the page has no front matter (a '---' block with title and description)"), 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, FrontMatterError(1, "the front matter is never closed with '---'"), len(lines)
    try:
        data = load_yaml_with_lines("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        return {}, FrontMatterError(1 + yaml_error_line(error), f"invalid YAML: {yaml_error_message(error, 1)}"), end + 1
    if not isinstance(data, dict):
        return {}, FrontMatterError(2, "the front matter must be a mapping of keys to values"), end + 1
    data.pop("__line__", None)
    return data, None, end + 1


def _body(lines: list[str], start: int) -> tuple[list[Section], list[Link]]:
    sections, links = [Section(None)], []
    in_fence = False
    for index in range(start, len(lines)):
        number, text = index + 1, lines[index]
        if FENCE.match(text):
            in_fence = not in_fence
        if in_fence or FENCE.match(text):
            sections[-1].lines.append((number, ""))
            continue
        heading = _heading(text, number)
        if heading:
            sections.append(Section(heading))
            continue
        sections[-1].lines.append((number, text))
        links += [Link(match.group(1), number) for match in LINK.finditer(text)]
    return sections, links


def _heading(text: str, number: int) -> Heading | None:
    match = HEADING.match(text)
    if not match:
        return None
    title = match.group(2)
    anchor = EXPLICIT_ANCHOR.search(title)
    if anchor:
        title = title[: anchor.start()]
    return Heading(len(match.group(1)), title.strip(), anchor.group(1) if anchor else None, number)
