"""House style that a word pattern can check (STYLE.md): the rules a reviewer should not have to catch by eye.

Most of STYLE.md needs an editor, but some of it is mechanical. English pages spell out negative
contractions ("do not", "cannot"), because readers of a second language misread "can't" and
"don't"; the rule holds in sample phrases too, so one search finds every slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handbook.locales import base_language
from handbook.problems import Problem
from handbook.project import Project

# Per language: (pattern, what to write instead). A straight or a typographic apostrophe.
HOUSE_STYLE: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": ((re.compile(r"\b\w+n['’]t\b", re.IGNORECASE), "write the negative in full (do not, cannot), see STYLE.md"),),
}


def check_house_style(project: Project) -> Iterator[Problem]:
    """English pages write negative contractions in full: "do not", not "don't" (STYLE.md)."""
    for locale in project.registry.locales:
        patterns = HOUSE_STYLE.get(base_language(locale), ())
        for page in project.pages_of(locale) if patterns else ():
            for number, text in page.parsed.reader_lines():
                for pattern, advice in patterns:
                    for match in pattern.finditer(text):
                        yield page.problem(number, "house-style", f"'{match.group(0)}': {advice}")
