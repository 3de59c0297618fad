"""Text that must never reach a reader, defined once: merge-conflict markers, invisible characters
and lookalike characters.

The page reader, the data-file reader and the hygiene rules all ask this module, so a line the
checker calls a conflict marker, or a character it calls invisible, is the same everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# The lines git writes around a conflict (`|||||||` opens the common ancestor in diff3 style).
CONFLICT_MARKER = re.compile(r"^(?:<{7}|\|{7}|>{7})(?:[ \t].*)?$|^={7}[ \t\r]*$")

# Characters a reader cannot see: every control character but tab (newlines and carriage returns
# never reach a line), every format character (zero-width space, joiner and non-joiner, word
# joiner, soft hyphen, a byte-order mark inside the text, bidi controls...), and the Unicode line
# and paragraph separators.
ALLOWED_CONTROLS = frozenset("\t\n\r")
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def conflict_markers(lines: list[str]) -> list[tuple[int, str]]:
    """The 1-based line number and text of every merge-conflict marker line."""
    return [(number, text) for number, text in enumerate(lines, 1) if CONFLICT_MARKER.match(text)]


def conflict_message(marker: str) -> str:
    return (
        f"merge-conflict marker '{marker.strip()}': keep the right text between the markers and delete the marker lines"
    )


def is_invisible(char: str) -> bool:
    return char not in ALLOWED_CONTROLS and unicodedata.category(char) in INVISIBLE_CATEGORIES


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """The 1-based column and the character of every invisible character on a line."""
    if text.isascii() and text.isprintable():
        return []
    return [(column, char) for column, char in enumerate(text, 1) if is_invisible(char)]


def without_invisible(text: str) -> str:
    """`text` as a reader sees it: the invisible characters (each reported on its own) taken out."""
    return "".join(char for char in text if not is_invisible(char)) if not text.isascii() else text


def invisible_message(char: str, column: int) -> str:
    return f"{describe(char)} at column {column}: delete it"


def describe(char: str) -> str:
    """A character as a translator can look it up: `U+2011 NON-BREAKING HYPHEN`."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '<control>')}"


@cache
def lookalike(char: str) -> str | None:
    """The ASCII text a non-ASCII character imitates (U+2011 -> '-', Cyrillic е -> 'e'), if any."""
    if char.isascii():
        return None
    from confusable_homoglyphs.confusables import confusables_data  # 900 kB of data: only when needed

    for homoglyph in confusables_data.get(char) or ():
        if homoglyph["c"].isascii() and homoglyph["c"].isprintable():
            return str(homoglyph["c"])
    return None


def fold_anchor(written: str) -> str:
    """An anchor as the checks compare it: invisible characters dropped, lookalikes read as the
    ASCII they imitate. The anchor-lookalike and invisible-character rules report what was folded."""
    if written.isascii() and written.isprintable():
        return written
    return "".join("" if is_invisible(char) else lookalike(char) or char for char in written)
