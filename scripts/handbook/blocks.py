"""A section's text split into the blocks a translator translates one by one: paragraphs, list
items, table cells, box titles and box bodies, each with its line.

The untranslated-text rule pairs the n-th block of a kind in an English section with the n-th
block of that kind in the translated section, so an English paragraph left inside a Norwegian
section is found and reported at its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.markdown_page import ADMONITION, LIST_ITEM, Section

ADMONITION_TITLE = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"(?P<title>[^"]*)")?')
TABLE_ROW = re.compile(r"^[ \t]*\|")
TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t:|-]+\|?[ \t]*$")
LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "item", "cell", "box title", "box text"
    line: int
    text: str


def section_blocks(section: Section) -> list[Block]:
    """The blocks of a section, in order."""
    blocks: list[Block] = []
    current: Block | None = None
    for number, text in section.lines:
        stripped = text.strip()
        if not stripped:
            _close(blocks, current)
            current = None
            continue
        if ADMONITION.match(text):
            _close(blocks, current)
            current = None
            title = ADMONITION_TITLE.match(text)
            if title and title.group("title"):
                blocks.append(Block("box title", number, title.group("title")))
            continue
        if TABLE_ROW.match(text):
            _close(blocks, current)
            current = None
            if not TABLE_SEPARATOR.match(text):
                blocks += [
                    Block("cell", number, cell.strip()) for cell in stripped.strip("|").split("|") if cell.strip()
                ]
            continue
        if LIST_ITEM.match(text):
            _close(blocks, current)
            current = None
            current = Block("item", number, LIST_MARKER.sub("", text))
            continue
        if current is None:
            kind = "box text" if text.startswith(("    ", "\t")) and _in_box(blocks, section, number) else "paragraph"
            current = Block(kind, number, stripped)
        else:
            current = Block(current.kind, current.line, current.text + " " + stripped)
    _close(blocks, current)
    return blocks


def _close(blocks: list[Block], current: Block | None) -> None:
    if current is not None:
        blocks.append(current)


def _in_box(blocks: list[Block], section: Section, number: int) -> bool:
    """An indented paragraph belongs to the box opened above it (boxes need not have a title)."""
    for line, text in reversed(section.lines):
        if line >= number:
            continue
        if ADMONITION.match(text):
            return True
        if text.strip() and not text.startswith(("    ", "\t")):
            return False
    return False
