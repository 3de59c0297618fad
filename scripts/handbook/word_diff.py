"""A word-level diff of two revisions of a page, for `handbook diff`.

Translators update a translation from what changed in English; a changed word inside a
300-character line is lost in a line diff, so changed lines are compared word by word.
Each line of a hunk starts with one mark: two spaces for an unchanged line shown for context,
`~` for a changed line (inside it, [-removed words-] and {+added words+}), `+` for a line
added whole and `-` for a line removed whole; blank lines added or removed are not shown.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

TOKEN = re.compile(r"\s+|\w+|[^\w\s]+")
CONTEXT_LINES = 1
# Terminal colours for `colour()`: removed red, added green (ANSI SGR codes).
RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"
MARKED = re.compile(r"\[-.*?-\]|\{\+.*?\+\}")


@dataclass(frozen=True)
class Hunk:
    line: int  # the first changed line, in the new revision
    lines: list[str]  # marked lines


def word_hunks(old: str, new: str) -> list[Hunk]:
    """The changes of `new` against `old`, each with a line of context around it."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        out: list[str] = []
        first_change = next(b0 for tag, _, _, b0, _ in group if tag != "equal")
        for tag, a0, a1, b0, b1 in group:
            if tag == "equal":
                out += [f"  {line}" for line in new_lines[b0:b1]]
            else:
                out += _marked(old_lines[a0:a1], new_lines[b0:b1])
        hunks.append(Hunk(first_change + 1, out))
    return hunks


def colour(line: str) -> str:
    """A marked line with removals in red and additions in green, for a terminal."""
    if line.startswith("+ "):
        return f"{GREEN}{line}{RESET}"
    if line.startswith("- "):
        return f"{RED}{line}{RESET}"
    return MARKED.sub(lambda m: f"{RED if m.group().startswith('[-') else GREEN}{m.group()}{RESET}", line)


def _marked(old: list[str], new: list[str]) -> list[str]:
    """Changed lines word by word when they pair up; else whole lines removed and added."""
    if len(old) != len(new):
        return [f"- {line}" for line in old if line.strip()] + [f"+ {line}" for line in new if line.strip()]
    return [f"~ {_marked_line(before, after)}" for before, after in zip(old, new, strict=True)]


def _marked_line(before: str, after: str) -> str:
    a, b = TOKEN.findall(before), TOKEN.findall(after)
    parts: list[str] = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append("".join(b[b0:b1]))
        else:
            parts.append(_change("".join(a[a0:a1]), "".join(b[b0:b1])))
    return "".join(parts)


def _change(removed: str, added: str) -> str:
    """One change, marked, with the spaces around it kept outside the marks."""
    text = removed if removed.strip() else added
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    marks = (f"[-{removed.strip()}-]" if removed.strip() else "") + (f"{{+{added.strip()}+}}" if added.strip() else "")
    return lead + marks + trail
