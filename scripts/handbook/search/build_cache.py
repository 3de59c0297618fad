"""The built lunr index and expansion table of a locale, kept between builds.

Building them is most of what this handbook's build costs beyond Material's (enriching every
section, lunr.py indexing it, reading the thesaurus), yet most builds change no word of a
locale. The result is kept in a cache folder under a key that covers every input: the locale's
documents as Material indexed them, the termbase, the pages' headings, the lunr language and
separator, the source of the modules that build them, the thesaurus file (its size and
modification time) and the versions of lunr.py and the lemmatizer. Any change makes a new key; the folder
keeps only the newest entry of each locale, so it never grows with the edits.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

CACHE_FOLDER = ".cache/handbook-search"  # under the project's folder (beside mkdocs.yml)
CACHE_FORMAT = 1
CODE_MODULES = (
    "index.py",
    "lunr_index.py",
    "vocabulary.py",
    "build_cache.py",
    "../termbase.py",
    "../locales.py",
    "../stemming.py",
)


def cache_key(inputs: Any, thesaurus: Path | None) -> str:
    """A key for `inputs` (JSON data) built by this version of the code, with this thesaurus."""
    digest = hashlib.sha256()
    digest.update(json.dumps([CACHE_FORMAT, inputs], ensure_ascii=False, sort_keys=True).encode())
    here = Path(__file__).parent
    for name in CODE_MODULES:
        digest.update((here / name).read_bytes())
    digest.update(version("simplemma").encode())
    digest.update(version("lunr").encode())
    if thesaurus is not None and thesaurus.is_file():
        stat = thesaurus.stat()
        digest.update(f"{thesaurus}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def cached(folder: Path | None, locale: str, key: str, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """What `make` returns for `key`, from `folder` if it is there, else made and stored."""
    if folder is None:
        return make()
    entry = folder / f"{locale}-{key}.json"
    if entry.is_file():
        loaded: dict[str, Any] = json.loads(entry.read_text(encoding="utf-8"))
        return loaded
    made = make()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{locale}-*.json"):
        old.unlink(missing_ok=True)
    partial = entry.with_suffix(".tmp")
    partial.write_text(json.dumps(made, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    partial.replace(entry)  # a build stopped midway leaves no half-written entry
    return made
