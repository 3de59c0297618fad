"""A word-level diff of two revisions of a page, for `handbook diff`.

Translators update a translation from what changed in English; a changed word inside a
300-character line is lost in a line diff, so changed lines are compared word by word.
Each line of a hunk starts with one mark: two spaces for an unchanged line shown for context,
`~` for a changed line (inside it, [-removed words-] and {+added words+}), `+` for a line
added whole and `-` for a line removed whole; a blank line added or removed is a `+` or `-` alone,
so a hunk keeps the file's paragraph spacing.
`word_changes` gives the same changes one line at a time, with a few words of context, for
`stamp --unchanged` to show what it accepts.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass

TOKEN = re.compile(r"\s+|\w+|[^\w\s]+")
CONTEXT_LINES = 1
CONTEXT_WORDS = 3  # words shown around a change in `word_changes`
ALIKE = 0.6  # share of words two lines have in common to be shown as one line changed word by word
# Terminal colours for `colour()`: removed red, added green (ANSI SGR codes).
RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"
MARKED = re.compile(r"\[-.*?-\]|\{\+.*?\+\}")


@dataclass(frozen=True)
class Hunk:
    line: int  # the first changed line, in the new revision
    lines: list[str]  # marked lines
    section_line: int = 0  # a line of the new revision in the section that holds the change


@dataclass(frozen=True)
class _Item:
    """One line of a hunk: unchanged context, or a changed line (`blank`: a blank line added or
    removed), with the line of the new revision whose section holds it."""

    line: int
    section_line: int
    changed: bool
    marked: str
    blank: bool = False

    @property
    def shown(self) -> bool:
        """A change that makes a hunk: blank lines added or removed alone do not."""
        return self.changed and not self.blank


def word_hunks(old: str, new: str, section_of: Callable[[int], Hashable] = lambda line: None) -> list[Hunk]:
    """The changes of `new` against `old`, each with a line of context around it; a hunk that
    spans sections (`section_of` a line of `new`) is cut in one per section."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        items: list[_Item] = []
        for tag, a0, a1, b0, b1 in group:
            if tag == "equal":
                items += [_Item(b + 1, b + 1, False, f"  {new_lines[b]}") for b in range(b0, b1)]
                continue
            for before, after, index in _line_pairs(old_lines[a0:a1], new_lines[b0:b1]):
                line, section_line = _lines_of(b0, index, after is None, len(new_lines))
                blank = not (before or "").strip() and not (after or "").strip()
                if blank and before is not None and after is not None:  # only spaces changed: context
                    items.append(_Item(line, section_line, False, f"  {after}"))
                else:
                    items.append(_Item(line, section_line, True, _marked_pair(before, after), blank))
        hunks += _cut(items, section_of)
    return hunks


def _lines_of(b0: int, index: int, removed: bool, count: int) -> tuple[int, int]:
    """The line of a changed line in the new revision, and the line whose section holds it: the
    line itself, or, for a line removed whole, the line before the place it was removed from."""
    line = max(1, min(b0 + index + 1, count))
    return line, max(1, min(b0 + index, count)) if removed else line


def _cut(items: list[_Item], section_of: Callable[[int], Hashable]) -> list[Hunk]:
    """The hunk's lines cut where the section changes; a piece without a shown change (only context
    and blank lines added or removed) goes with the piece after it (or, at the end, before it). A
    hunk whose only changes are blank lines (a paragraph split in two) is shown whole."""
    pieces: list[list[_Item]] = []
    for item in items:
        if pieces and section_of(pieces[-1][-1].section_line) == section_of(item.section_line):
            pieces[-1].append(item)
        else:
            pieces.append([item])
    shown = {id(piece) for piece in pieces if any(item.shown for item in piece)}
    if not shown:
        changed = [item for item in items if item.changed]
        return [Hunk(changed[0].line, [item.marked for item in items], changed[0].section_line)] if changed else []
    merged: list[list[_Item]] = []
    waiting: list[_Item] = []
    for piece in pieces:
        if id(piece) in shown:
            merged.append(waiting + piece)
            waiting = []
        else:
            waiting += piece
    merged[-1] += waiting
    hunks = []
    for piece in merged:
        first = next(item for item in piece if item.shown)
        hunks.append(Hunk(first.line, [item.marked for item in piece], first.section_line))
    return hunks


@dataclass(frozen=True)
class WordChange:
    """The change to one line of the new revision (or a line removed before it)."""

    line: int
    removed: str  # the words removed, joined
    added: str  # the words added, joined
    marked: str  # the change marked as in a hunk, cut to a few words of context
    section_line: int = 0  # the line whose section holds it (for a line removed whole, the line before)


def word_changes(old: str, new: str) -> list[WordChange]:
    """The changes of `new` against `old`, one per changed, added or removed non-blank line."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    changes = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for before, after, index in _line_pairs(old_lines[a0:a1], new_lines[b0:b1]) if tag != "equal" else ():
            line, section_line = _lines_of(b0, index, after is None, len(new_lines))
            if before is not None and after is not None:
                changes.append(_line_change(line, before, after))
            elif (before or after or "").strip():
                text = (before or after or "").strip()
                marked = f"[-{text}-]" if before is not None else f"{{+{text}+}}"
                removed, added = (text, "") if before is not None else ("", text)
                changes.append(WordChange(line, removed, added, marked, section_line))
    return changes


def _line_pairs(old: list[str], new: list[str]) -> list[tuple[str | None, str | None, int]]:
    """The lines of a changed block as (old line, new line, index in `new`), paired one to one when
    the block keeps its number of lines, else paired in order where they are alike and the rest
    removed (no new line; the index of the new line after it) or added (no old line) whole."""
    if len(old) == len(new):
        return [(before, after, index) for index, (before, after) in enumerate(zip(old, new, strict=True))]
    matches, next_old = [], 0
    for index, after in enumerate(new):
        match = next((k for k in range(next_old, len(old)) if _alike(old[k], after)), None)
        if match is not None:
            matches.append((match, index))
            next_old = match + 1
    pairs: list[tuple[str | None, str | None, int]] = []
    old_done = new_done = 0
    for old_index, new_index in [*matches, (len(old), len(new))]:
        pairs += [(before, None, new_done) for before in old[old_done:old_index]]
        pairs += [(None, new[index], index) for index in range(new_done, new_index)]
        if old_index < len(old):
            pairs.append((old[old_index], new[new_index], new_index))
        old_done, new_done = old_index + 1, new_index + 1
    return pairs


def _alike(before: str, after: str) -> bool:
    """Two non-blank lines that share most of their words: one line edited, not replaced."""
    if not before.strip() or not after.strip():
        return False
    return difflib.SequenceMatcher(a=TOKEN.findall(before), b=TOKEN.findall(after), autojunk=False).ratio() >= ALIKE


def _line_change(line: int, before: str, after: str) -> WordChange:
    parts = _parts(before, after)
    removed = " ".join(r for kind, r, _ in parts if kind == "~" and r)
    added = " ".join(a for kind, _, a in parts if kind == "~" and a)
    return WordChange(line, removed, added, _excerpt(parts), line)


def _excerpt(parts: list[tuple[str, str, str]]) -> str:
    """The marked line, its unchanged stretches cut to CONTEXT_WORDS words beside each change."""
    out = []
    for index, (kind, removed, added) in enumerate(parts):
        if kind == "~":
            out.append(_change(removed, added))
            continue
        words = removed.split()  # unchanged text: `removed` and `added` are the same
        keep_head = 0 if index == 0 else CONTEXT_WORDS  # words after the change before
        keep_tail = 0 if index == len(parts) - 1 else CONTEXT_WORDS  # words before the change after
        if len(words) <= keep_head + keep_tail:
            out.append(removed)
            continue
        kept = [" ".join(words[:keep_head]), "…", " ".join(words[len(words) - keep_tail :])]
        lead = " " if removed[:1].isspace() and keep_head else ""
        trail = " " if removed[-1:].isspace() and keep_tail else ""
        out.append(lead + " ".join(piece for piece in kept if piece) + trail)
    return "".join(out).strip()


def colour(line: str) -> str:
    """A marked line with removals in red and additions in green, for a terminal."""
    if line == "+" or line.startswith("+ "):
        return f"{GREEN}{line}{RESET}"
    if line == "-" or line.startswith("- "):
        return f"{RED}{line}{RESET}"
    return MARKED.sub(lambda m: f"{RED if m.group().startswith('[-') else GREEN}{m.group()}{RESET}", line)


def _marked_pair(before: str | None, after: str | None) -> str:
    """A changed line word by word when it pairs up; else a line removed or added whole (a blank
    one as its mark alone)."""
    if before is not None and after is not None:
        return f"~ {_marked_line(before, after)}"
    if before is not None:
        return f"- {before}" if before.strip() else "-"
    return f"+ {after}" if (after or "").strip() else "+"


def _marked_line(before: str, after: str) -> str:
    return "".join(_change(removed, added) if kind == "~" else added for kind, removed, added in _parts(before, after))


def _parts(before: str, after: str) -> list[tuple[str, str, str]]:
    """The line word by word: ("=", text, text) for unchanged text, ("~", removed, added) for a change."""
    a, b = TOKEN.findall(before), TOKEN.findall(after)
    parts = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        kind = "=" if tag == "equal" else "~"
        parts.append((kind, "".join(a[a0:a1]), "".join(b[b0:b1])))
    return parts


def _change(removed: str, added: str) -> str:
    """One change, marked, with the spaces around it kept outside the marks."""
    text = removed if removed.strip() else added
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    marks = (f"[-{removed.strip()}-]" if removed.strip() else "") + (f"{{+{added.strip()}+}}" if added.strip() else "")
    return lead + marks + trail
