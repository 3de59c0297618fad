"""Rules on words: no page uses a word the termbase forbids, or a known variant of a preferred term."""

from __future__ import annotations

import re
from collections.abc import Iterator

from handbook.problems import ANY_LOCALE, Problem
from handbook.project import Project
from handbook.termbase import TERMBASE_FILE


def check_forbidden_terms(project: Project) -> Iterator[Problem]:
    """No page uses a word the termbase forbids for its locale, not even inside a compound."""
    for locale in sorted(set(project.termbase.forbidden) - set(project.registry.locales), key=str):
        hint = (
            " (YAML reads an unquoted no, yes, on or off as true or false: quote the code)"
            if isinstance(locale, bool)
            else ""
        )
        yield Problem(
            TERMBASE_FILE,
            project.termbase.forbidden_line,
            ANY_LOCALE,
            "termbase",
            f"'forbidden' lists words for '{locale}', which is not a locale in concepts.yml{hint}",
        )
    for locale in project.registry.locales:
        words = project.termbase.forbidden.get(locale, ())
        for page in project.pages_of(locale) if words else ():
            for number, text in page.parsed.reader_lines():
                for word in words:
                    for match in word.pattern.finditer(text):
                        found = match.group(0)
                        inside = f" contains '{word.word}'" if found.lower() != word.word.lower() else ""
                        yield page.problem(
                            number,
                            "forbidden-term",
                            f"'{found}'{inside}, which is forbidden ({word.why}): write '{word.use}' instead",
                        )


def check_term_variants(project: Project) -> Iterator[Problem]:
    """No page writes a known variant of a preferred term (termbase `variants`) instead of the term itself."""
    for term in project.termbase.terms:
        for locale, variants in term.variants.items():
            preferred = term.get(locale)
            # A variant that is a term itself contradicts the termbase, which reports it there, once.
            variants = tuple(variant for variant in variants if not project.termbase.is_term(locale, variant))
            patterns = [re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.IGNORECASE) for variant in variants]
            for page in project.pages_of(locale):
                for number, text in page.parsed.reader_lines():
                    for pattern in patterns:
                        for match in pattern.finditer(text):
                            message = (
                                f"'{match.group(0)}' is a variant of the termbase term '{preferred}': "
                                f"write '{preferred}' (termbase.yml line {term.line})"
                            )
                            yield page.problem(number, "term-variant", message)
