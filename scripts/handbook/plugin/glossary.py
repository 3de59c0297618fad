"""The glossary page's tables, generated from the termbase: the preferred terms per locale, with
each term's note and its variants, and the words to avoid, with why. A note and a why are shown in
the page's language when the termbase has them in it, else in the default locale's. Each word or
text in another language than the page's carries its own `lang` (WCAG 3.1.2, language of parts),
so a screen reader reads it in that language. Languages are named in the page's language (CLDR's
names, from Babel): «Engelsk» and «Norsk bokmål» on a Norwegian page, "English" and "Norwegian
Bokmål" on an English one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel import Locale, UnknownLocaleError

from handbook.project import Project
from handbook.termbase import Localized, Term


def lang_span(text: str, locale: str, page_locale: str) -> str:
    """`text` as inline HTML, marked with its language when it differs from the page's."""
    return text if locale == page_locale or not text else f'<span lang="{locale}">{text}</span>'


def language_name(locale: str, page_locale: str, names: Mapping[str, str]) -> str:
    """The name of `locale`'s language in `page_locale`'s, capitalized as a column header or a
    table cell starts; when Babel does not know either locale, the language switcher's name for
    it (`names`), else its code."""
    try:
        name = str(
            Locale.parse(locale.replace("-", "_")).get_display_name(Locale.parse(page_locale.replace("-", "_"))) or ""
        )
    except (ValueError, UnknownLocaleError):
        name = ""
    return name[:1].upper() + name[1:] if name else names.get(locale, locale)


def in_page_language(text: Localized, page_locale: str) -> str:
    """A note or a why as inline HTML: the page locale's text if there is one, else the default
    locale's, marked with its language."""
    locale, shown = text.for_reader(page_locale)
    return lang_span(shown, locale, page_locale)


def terms_table(project: Project, names: Mapping[str, str], strings: Mapping[str, Any], page_locale: str) -> str:
    """The termbase's preferred terms, one column per locale that has terms, then the notes: each
    term's note and, struck through, the variants not to use. A phrase only search uses
    (`glossary: false`) is no key term, and is left out."""
    terms = [term for term in project.termbase.terms if term.glossary]
    locales = [code for code in project.registry.locales if any(code in term for term in terms)]
    header = [language_name(code, page_locale, names) for code in locales] + [strings["notes_column"]]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    rows += [_term_row(term, locales, page_locale) for term in terms]
    return "\n".join(rows)


def _term_row(term: Term, locales: list[str], page_locale: str) -> str:
    cells = [lang_span(term.get(code), code, page_locale) for code in locales]
    notes = [in_page_language(term.note, page_locale)] if term.note else []
    notes += [
        lang_span(f"<del>{variant}</del>", code, page_locale)
        for code in locales
        for variant in term.variants.get(code, ())
    ]
    return "| " + " | ".join([*cells, "; ".join(notes)]) + " |"


def avoid_table(project: Project, names: Mapping[str, str], strings: Mapping[str, Any], page_locale: str) -> str:
    """The termbase's forbidden words, with the word to use instead and why."""
    rows = [
        f"| {strings['language_column']} | {strings['avoid_column']} | {strings['use_column']} "
        f"| {strings['why_column']} |",
        "| --- | --- | --- | --- |",
    ]
    for code, words in project.termbase.forbidden.items():
        rows += [
            f"| {language_name(code, page_locale, names)} | {lang_span(word.word, code, page_locale)} "
            f"| {lang_span(word.use, code, page_locale)} | {in_page_language(word.reason, page_locale)} |"
            for word in words
        ]
    return "\n".join(rows)
