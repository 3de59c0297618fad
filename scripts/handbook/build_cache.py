"""Results kept between builds, under a key that covers every input.

Two steps cost most of what this handbook's build costs beyond Material's, yet most builds change
none of their inputs: the translation check (`handbook.checked`) and each locale's search index
(`handbook.search.index_cache`). Each keeps its result in its own folder under the project's
`.cache/`, named by a key over every input (the code that makes it included). Any change makes a
new key, and a folder keeps only the newest entry of each name, so it never grows with the edits.
An entry is written whole or not at all, and one that cannot be read is made anew: a stale or
broken entry can cost time, never a wrong result.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

PACKAGE = Path(__file__).parent  # the handbook package: its code is part of every key


@dataclass(frozen=True)
class Codec:
    """How an entry is stored: its file suffix, and the two conversions."""

    suffix: str
    dump: Callable[[Any], bytes]
    load: Callable[[bytes], Any]


JSON = Codec(".json", lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), json.loads)
# Python objects (a checked project): entries are read only from the project's own .cache/.
PICKLE = Codec(".pickle", lambda data: pickle.dumps(data, pickle.HIGHEST_PROTOCOL), pickle.loads)


def digest(parts: Iterable[str | bytes]) -> str:
    """One hex key for `parts`, in order."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))  # ("ab", "c") and ("a", "bc") differ
        hashed.update(data)
    return hashed.hexdigest()


def file_parts(paths: Iterable[Path], base: Path) -> Iterable[str | bytes]:
    """Each file's path (relative to `base`) and content, for `digest`; for a file that cannot be
    read, why not (the reader that needs it reports that, once, at its line)."""
    for path in paths:
        yield path.relative_to(base).as_posix()
        try:
            yield path.read_bytes()
        except OSError as error:
            yield f"unreadable: {error}"


def file_stamps(paths: Iterable[Path]) -> str:
    """Path, size and modification time of each of `paths` that is a file: for inputs too large
    to read at every build (a dictionary, a thesaurus, a program)."""
    stamps = []
    for path in paths:
        try:
            if path.is_file():
                stat = path.stat()
                stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            continue
    return "\n".join(stamps)


@cache
def versions(packages: tuple[str, ...]) -> str:
    """The installed version of each package ("-" if it is not installed)."""
    found = []
    for package in packages:
        try:
            found.append(f"{package}=={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}==-")
    return ",".join(found)


def kept(folder: Path | None, name: str, key: str, make: Callable[[], T], codec: Codec = JSON) -> T:
    """What `make` returns for `key`: from `folder` if an entry is there and readable, else made and
    stored as the only entry of `name`. Without a folder, always made."""
    if folder is None:
        return make()
    entry = folder / f"{name}-{key}{codec.suffix}"
    if entry.is_file():
        # An entry of another version of a class, or cut short: any error reading it makes it anew.
        with contextlib.suppress(Exception):
            loaded: T = codec.load(entry.read_bytes())
            return loaded
    made = make()
    with contextlib.suppress(OSError):  # a folder that cannot be written (a read-only checkout): kept nowhere
        _store(folder, name, entry, codec.dump(made), codec.suffix)
    return made


def _store(folder: Path, name: str, entry: Path, data: bytes, suffix: str) -> None:
    """`data` as the only entry of `name` in `folder`, renamed into place from a file of this
    build's own: a build stopped midway leaves no half-written entry, and two builds at once
    (`serve` and `build`) never write into one file."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob(f"{name}-*{suffix}"), *folder.glob(f"{name}-*.tmp")]:
        old.unlink(missing_ok=True)  # another build's file, being written, may go too: it is only a cache
    handle, partial = tempfile.mkstemp(dir=folder, prefix=f"{name}-", suffix=".tmp")
    with os.fdopen(handle, "wb") as written:
        written.write(data)
    Path(partial).replace(entry)  # FileNotFoundError (an OSError) if another build removed it meanwhile


@cache  # once per process: the code a long-running `serve` builds with is the code it imported
def code_digest(package: Path) -> str:
    """A key part for the source of `package`, every file of it."""
    return digest(file_parts(sorted(files_under(package)), package))


def files_under(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, following links to folders (as MkDocs does) but never into a
    folder twice (a link to a parent would never end), without bytecode."""
    seen: set[str] = set()
    for parent, folders, names in os.walk(folder, followlinks=True):
        seen.add(os.path.realpath(parent))
        folders[:] = [
            name
            for name in folders
            if name != "__pycache__" and os.path.realpath(os.path.join(parent, name)) not in seen
        ]
        yield from (Path(parent) / name for name in names)
