"""A word-level diff of two revisions of a page, for `handbook diff`.

Translators update a translation from what changed in English; a changed word inside a
300-character line is lost in a line diff, so changed lines are compared word by word, in the
notation of `git diff --word-diff`: [-removed-] and {+added+}.
"""

from __future__ import annotations

import difflib
import re

TOKEN = re.compile(r"\s+|\w+|[^\w\s]+")
CONTEXT_LINES = 1


def word_diff(old: str, new: str) -> str:
    """Changed lines of `new` against `old`, each with its words marked; hunks start with '@@ line N @@'."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        out.append(f"@@ line {group[0][3] + 1} @@")
        for tag, a0, a1, b0, b1 in group:
            if tag == "equal":
                out += [f"  {line}" for line in new_lines[b0:b1]]
            else:
                out += [f"~ {line}" for line in _marked(old_lines[a0:a1], new_lines[b0:b1])]
    return "".join(line + "\n" for line in out)


def _marked(old: list[str], new: list[str]) -> list[str]:
    """The new lines with removed and added words marked; whole lines when the counts differ."""
    if len(old) != len(new):
        return [f"[-{line}-]" for line in old] + [f"{{+{line}+}}" for line in new]
    return [_marked_line(before, after) for before, after in zip(old, new, strict=True)]


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
