"""The glossary page's tables, generated from the termbase: the preferred terms per locale and
the words to avoid. Each word in another language than the page's carries its own `lang`
(WCAG 3.1.2, language of parts), so a screen reader reads it in that language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from handbook.project import Project
from handbook.termbase import Term


def lang_span(text: str, locale: str, page_locale: str) -> str:
    """`text` as inline HTML, marked with its language when it differs from the page's."""
    return text if locale == page_locale or not text else f'<span lang="{locale}">{text}</span>'


def terms_table(project: Project, names: Mapping[str, str], page_locale: str) -> str:
    """The termbase's preferred terms, one column per locale that has terms."""
    terms = project.termbase.terms
    locales = [code for code in project.registry.locales if any(code in term for term in terms)]
    rows = ["| " + " | ".join(names.get(code, code) for code in locales) + " |", "|" + " --- |" * len(locales)]
    rows += [_term_row(term, locales, page_locale) for term in terms]
    return "\n".join(rows)


def _term_row(term: Term, locales: list[str], page_locale: str) -> str:
    return "| " + " | ".join(lang_span(term.get(code), code, page_locale) for code in locales) + " |"


def avoid_table(project: Project, names: Mapping[str, str], strings: Mapping[str, Any], page_locale: str) -> str:
    """The termbase's forbidden words, with the word to use instead."""
    rows = [
        f"| {strings['language_column']} | {strings['avoid_column']} | {strings['use_column']} |",
        "| --- | --- | --- |",
    ]
    for code, words in project.termbase.forbidden.items():
        rows += [
            f"| {names.get(code, code)} | {lang_span(word.word, code, page_locale)} "
            f"| {lang_span(word.use, code, page_locale)} |"
            for word in words
        ]
    return "\n".join(rows)
