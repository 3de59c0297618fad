"""Translation state made visible in the site, never silent.

A translated page that is outdated or untranslated gets a notice in the page's language with a
link to the English page; the translation-status table and the termbase glossary are generated
from the same data as `handbook status`. Text in another language than the page's carries its
own `lang` (WCAG 3.1.2, language of parts).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from handbook.project import Project
from handbook.termbase import Term

NOTICE_STATES = ("outdated", "untranslated")
NOTICE_CLASS = "translation-notice"


def in_language(text: str, locale: str, page_locale: str) -> str:
    """`text` as inline HTML, marked with its language when it differs from the page's."""
    return text if locale == page_locale or not text else f'<span lang="{locale}">{text}</span>'


def terms_table(project: Project, names: Mapping[str, str], strings: Mapping[str, Any], page_locale: str) -> str:
    """The termbase's preferred terms, one column per locale that has terms, then the notes: each
    term's note and, struck through, the variants not to use."""
    terms = project.termbase.terms
    locales = [code for code in project.registry.locales if any(code in term for term in terms)]
    header = [names.get(code, code) for code in locales] + [strings["notes_column"]]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    rows += [_term_row(term, locales, page_locale) for term in terms]
    return "\n".join(rows)


def _term_row(term: Term, locales: list[str], page_locale: str) -> str:
    cells = [in_language(term.get(code), code, page_locale) for code in locales]
    default = locales[0] if locales else page_locale  # notes are written in the default locale
    notes = [in_language(term.get("note"), default, page_locale)] if term.get("note") else []
    notes += [
        in_language(f"<del>{variant}</del>", code, page_locale)
        for code in locales
        for variant in term.variants.get(code, ())
    ]
    return "| " + " | ".join([*cells, "; ".join(notes)]) + " |"


def avoid_table(project: Project, names: Mapping[str, str], strings: Mapping[str, Any], page_locale: str) -> str:
    """The termbase's forbidden words, with the word to use instead and why (written in the default locale)."""
    default = project.registry.default_locale
    rows = [
        f"| {strings['language_column']} | {strings['avoid_column']} | {strings['use_column']} "
        f"| {strings['why_column']} |",
        "| --- | --- | --- | --- |",
    ]
    for code, words in project.termbase.forbidden.items():
        rows += [
            f"| {names.get(code, code)} | {in_language(word.word, code, page_locale)} "
            f"| {in_language(word.use, code, page_locale)} | {in_language(word.why, default, page_locale)} |"
            for word in words
        ]
    return "\n".join(rows)


def notice_block(state: str, strings: Mapping[str, Any], english_url: str) -> str:
    """The admonition put under the first heading of an outdated or untranslated page."""
    notice = strings[state].format(url=english_url)
    return f'!!! warning {NOTICE_CLASS} "{strings["notice_title"]}"\n\n    {notice}\n'


def after_h1(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", block, *lines[index + 1 :]])
    return block + "\n" + markdown
