"""The key of a locale's built lunr index and expansion table, kept between builds (`handbook.build_cache`).

Building them is most of the search's build cost (enriching every section, lunr.py indexing it,
reading the thesaurus), yet most builds change no word of a locale. The key covers every input:
the locale's documents as Material indexed them, the termbase, the registry's pitfall concepts,
the pages' headings, the lunr language and separator, the source of the whole handbook package
as the check's key has it (modules all over it build them: the page parser, the registry, the
termbase, the vocabulary and its derivations), the thesaurus file (its size and modification
time), the Hunspell dictionaries (other-language term words are judged by them) and the versions
of lunr.py and the lemmatizer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handbook.build_cache import PACKAGE, code_digest, digest, file_stamps, versions
from handbook.rules.spelling import dictionary_stamp

CACHE_FOLDER = ".cache/handbook-search"  # under the project's folder (beside mkdocs.yml)
CACHE_FORMAT = 2
PACKAGES = ("simplemma", "lunr")


def cache_key(inputs: Any, thesaurus: Path | None) -> str:
    """A key for `inputs` (JSON data) built by this version of the code, with this thesaurus."""
    stamp = file_stamps([thesaurus] if thesaurus else [])
    data = json.dumps([CACHE_FORMAT, inputs], ensure_ascii=False, sort_keys=True)
    return digest([data, code_digest(PACKAGE), versions(PACKAGES), stamp, dictionary_stamp()])


# Computed as the modules that build the index are imported, so an edit to them while `serve`
# runs makes no entry that claims the new code but holds the old code's index.
code_digest(PACKAGE)
