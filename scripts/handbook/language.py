"""Which language a piece of text is in, for the untranslated-text rule.

A block left in English inside a Norwegian page is rarely identical to its English twin (it
may be the English of an older revision, or a re-worded one), so the rule also asks a language
identifier. py3langid is used: a 4.6 MB model that tells English from Norwegian even on short
headings, against 96 MB for lingua (see the README). It is restricted to the handbook's
languages and their close neighbours, and loaded only when a check needs it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# Locale code -> the identifier's code (it knows Norwegian as "no", and nynorsk as "nn").
IDENTIFIER_CODE = {"nb": "no", "nn": "nn", "en": "en", "da": "da", "sv": "sv", "de": "de", "fr": "fr"}
# Neighbours kept in the candidate set so that Norwegian is not forced into "English".
NEIGHBOURS = ("en", "no", "nn", "da", "sv")
# Below these, a block is too short to judge.
MIN_WORDS = 4
MIN_CONFIDENCE = 0.95
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@functools.cache
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy and a 4 MB model: only when needed

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def supported(locale: str) -> bool:
    return locale in IDENTIFIER_CODE


def foreign_language(text: str, locale: str) -> tuple[str, float] | None:
    """(language code, confidence) when `text` is confidently in another language than `locale`'s."""
    words = WORD.findall(text)
    if len(words) < MIN_WORDS or not supported(locale):
        return None
    expected = IDENTIFIER_CODE[locale]
    candidates = tuple(sorted({*NEIGHBOURS, expected}))
    found, confidence = _identifier(candidates).classify(" ".join(words))
    if found == expected or confidence < MIN_CONFIDENCE:
        return None
    if {found, expected} <= {"no", "nn", "da"}:
        return None  # Scandinavian neighbours blur on short text; the termbase guards the wording
    return str(found), float(confidence)
