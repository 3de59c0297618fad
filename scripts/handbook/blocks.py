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
    # Where each further source line starts in `text` (lines are joined with one space), so a
    # sentence found in the text is reported at its own line.
    breaks: tuple[int, ...] = ()

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        return self.line + sum(start <= offset for start in self.breaks)


def section_blocks(section: Section) -> list[Block]:
    """The blocks of a section, in order."""
    blocks: list[Block] = []
    current: Block | None = None
    for number, text in section.lines:
        stripped = text.strip()
        ends_block = not stripped or ADMONITION.match(text) or TABLE_ROW.match(text) or LIST_ITEM.match(text)
        if ends_block and current is not None:
            blocks.append(current)
            current = None
        if not stripped:
            continue
        if ADMONITION.match(text):
            title = ADMONITION_TITLE.match(text)
            if title and title.group("title"):
                blocks.append(Block("box title", number, title.group("title")))
        elif TABLE_ROW.match(text):
            if not TABLE_SEPARATOR.match(text):
                cells = [cell.strip() for cell in stripped.strip("|").split("|")]
                blocks += [Block("cell", number, cell) for cell in cells if cell]
        elif LIST_ITEM.match(text):
            current = Block("item", number, LIST_MARKER.sub("", text))
        elif current is None:
            kind = "box text" if text.startswith(("    ", "\t")) and _in_box(section, number) else "paragraph"
            current = Block(kind, number, stripped)
        else:
            breaks = (*current.breaks, len(current.text) + 1)
            current = Block(current.kind, current.line, current.text + " " + stripped, breaks)
    if current is not None:
        blocks.append(current)
    return blocks


def _in_box(section: Section, number: int) -> bool:
    """An indented paragraph belongs to the box opened above it (boxes need not have a title)."""
    for line, text in reversed(section.lines):
        if line >= number:
            continue
        if ADMONITION.match(text):
            return True
        if text.strip() and not text.startswith(("    ", "\t")):
            return False
    return False
