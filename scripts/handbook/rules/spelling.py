"""Rule on spelling: every word a reader reads is in the locale's Hunspell dictionary or in the
project's word list (`words/<locale>.txt`, beside the termbase).

Hunspell is the spell checker LibreOffice and Firefox use, with Debian's dictionaries
(`hunspell-en-us`, `hunspell-no`). The `hunspell` command is started once per dictionary for a
whole check, with every distinct word of the project on its input (`look_up_all`; the untranslated
rule asks too), which is faster than a call per word through a binding and needs no compiled
Python package. Spelling is advisory: a
warning, also with --strict, since a dictionary never knows every correct word; a word it does not
know, and that is right, goes into the word list.

Debian's nb_NO dictionary lacks some inflections of words it knows («datoen», «datoene» of
«dato»). For such dictionaries (`LEMMATIZED`), a word Hunspell rejects is accepted when the
dictionary of simplemma, the lemmatizer search already uses, lists it as a form of another word
that Hunspell accepts. Only simplemma's dictionary counts, never its guesses from word endings:
those would take the typo «problemne» for a form of «problem».
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from handbook.blocks import ADMONITION_TITLE
from handbook.build_cache import file_stamps
from handbook.characters import without_invisible
from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.sentences import readable

# Locale -> Hunspell dictionary (Debian: hunspell-en-us, hunspell-no). Other locales are not checked.
DICTIONARIES = {"en": "en_US", "nb": "nb_NO", "nn": "nn_NO"}
WORD_LISTS = "words"  # words/<locale>.txt: correct words the dictionary lacks, one per line
SUGGESTIONS = 3
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
PART_SEPARATOR = re.compile(r"['’-]")
URL = re.compile(r"\b\w+://\S+")
REFERENCE_DEFINITION = re.compile(r"^[ \t]*\[[^\]]+\]:")  # `[ref]: target.md "title"`: a link target
SPELLED_FIELDS = ("title", "description")
# Hunspell dictionary -> simplemma language, for the dictionaries that lack inflections (above).
# Not en_US: it has them, and simplemma's English list also holds misspellings («becuse»).
LEMMATIZED = {"nb_NO": "nb", "nn_NO": "nn"}
# Where Hunspell looks for a dictionary besides $DICPATH (Debian installs them in the first).
DICTIONARY_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")


def check_spelling(project: Project) -> Iterator[Problem]:
    """Every word a reader reads (outside code, anchors and link targets) is in the locale's
    Hunspell dictionary or in words/<locale>.txt (a warning, also with --strict)."""
    look_up_all(project)
    for locale in project.registry.locales:
        dictionary = DICTIONARIES.get(locale)
        if dictionary is None:
            continue
        pages = list(project.pages_of(locale))
        known = word_list(project.root, locale)
        words = {word for page in pages for _, word in page_words(page) if not listed(word, known)}
        try:
            wrong = misspelled(sorted(words), dictionary)
        except SpellerError as error:
            yield Problem(WORD_LISTS, 1, locale, "spelling", str(error), "warning")
            continue
        for page in pages:
            for line, word in page_words(page):
                if word in wrong:
                    message = f"'{word}' (suggestions: {', '.join(wrong[word]) or 'none'})"
                    yield page.problem(line, "spelling", message, "warning")


def without_foreign_text(problems: list[Problem], project: Project) -> list[Problem]:
    """The problems without spelling warnings in text reported as untranslated: that text is in
    another language, so its words are not misspellings (one error per mistake)."""
    pages = {page.shown: page for page in project.pages.values()}
    foreign: set[tuple[str, int]] = set()
    for problem in problems:
        page = pages.get(problem.path)
        if problem.rule != "untranslated" or page is None:
            continue
        foreign |= {(problem.path, line) for line in _extent(page, problem.line)}
    return [p for p in problems if p.rule != "spelling" or (p.path, p.line) not in foreign]


def _extent(page: LocalePage, line: int) -> set[int]:
    """The lines an untranslated problem at `line` covers: the whole page from line 1, a whole
    section from its heading, else the line itself."""
    if line == 1:
        return set(range(1, len(page.parsed.lines) + 1))
    for section in page.parsed.sections:
        if section.heading and section.heading.line == line:
            return {line} | {number for number, _ in section.lines}
    return {line}


class SpellerError(Exception):
    """Hunspell or its dictionary is missing, or it failed."""


def page_words(page: LocalePage) -> Iterator[tuple[int, str]]:
    """(line, word) for every word a reader reads: title, description, headings and text."""
    parsed = page.parsed
    for field in SPELLED_FIELDS:
        value = parsed.front_matter.get(field)
        if isinstance(value, str):
            yield from ((parsed.front_matter_line(field), word) for word in WORD.findall(without_invisible(value)))
    for number, text in parsed.reader_lines():
        if number < parsed.body_start:
            continue  # front matter: only its title and description are read
        if REFERENCE_DEFINITION.match(text):
            continue
        title = ADMONITION_TITLE.match(text)
        if title:
            text = title.group("title") or ""
        yield from ((number, word) for word in WORD.findall(readable(URL.sub(" ", without_invisible(text)))))


def listed(word: str, known: set[str]) -> bool:
    """In the word list as written, or, at the start of a sentence, in lower case."""
    return word in known or word.lower() in known


def word_list(root: Path, locale: str) -> set[str]:
    path = root / WORD_LISTS / f"{locale}.txt"
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


def misspelled(words: Iterable[str], dictionary: str) -> dict[str, list[str]]:
    """The words Hunspell does not know, each with its first suggestions. One process lists them
    (-l); only if there are any, a second one suggests (-a, slow: it searches the dictionary).
    Inflections the dictionary lacks of words it knows are not misspelled (LEMMATIZED)."""
    unknown = unknown_words(words, dictionary)
    inflected = inflections(unknown, dictionary)
    unknown = [word for word in unknown if word not in inflected]
    if not unknown:
        return {}
    # Pipe mode: a banner line, then per input line one answer per word and a blank line;
    # '^' makes Hunspell read each line as text, never as a command.
    answers = _hunspell(["-a"], (f"^{word}" for word in unknown), dictionary).split("\n\n")
    return _wrong_words(unknown, answers)


def inflections(words: list[str], dictionary: str) -> set[str]:
    """Those of `words` (which Hunspell rejects) that simplemma's dictionary lists as a form of
    another word, and Hunspell accepts that word («datoen»: «dato»); none unless the dictionary
    is in LEMMATIZED. One more Hunspell process, only when there are such lemmas."""
    language = LEMMATIZED.get(dictionary)
    if language is None:
        return set()
    lemmas: dict[str, str] = {}
    for word in words:
        found = _lemma(word, language)
        if found and found.lower() != word.lower() and WORD.fullmatch(found):  # «tor» is no form of «Tor»
            lemmas[word] = found
    if not lemmas:
        return set()
    rejected = set(unknown_words(sorted(set(lemmas.values())), dictionary))
    return {word for word, found in lemmas.items() if found not in rejected}


@cache
def _lemma(word: str, language: str) -> str | None:
    """The lemma simplemma's dictionary gives for `word`, or None if it does not list the word.
    Cached: `serve` checks the same words after every edit."""
    found = _dictionary_lookup().get_lemma(word, language)
    return str(found) if found is not None else None


@cache
def _dictionary_lookup() -> Any:
    # Imported at the first word Hunspell rejects: simplemma and its dictionary of a language take
    # half a second to load, and a check with no unknown words never needs them.
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy()


def known_words(words: list[str], locale: str, root: Path) -> list[str]:
    """Those of `words` that the locale's Hunspell dictionary or its word list knows, or that are
    inflections the dictionary lacks of words it knows (as for the spelling rule), in order; none
    when the locale has no dictionary or Hunspell cannot run."""
    dictionary = DICTIONARIES.get(locale)
    if dictionary is None or not words:
        return []
    known = word_list(root, locale)
    try:
        unknown = set(unknown_words(words, dictionary))
        unknown -= inflections(sorted(unknown), dictionary)
    except SpellerError:
        return [word for word in words if listed(word, known)]
    return [word for word in words if word not in unknown or listed(word, known)]


# (dictionary, word) -> whether Hunspell knows the word: each word is looked up once per process,
# whichever rule asks (starting Hunspell loads its dictionary, a fifth of a second for nb_NO).
_KNOWN: dict[tuple[str, str], bool] = {}
_ANSWERED_WITH: dict[str, str] = {}  # "stamp": the dictionary_stamp the answers in _KNOWN are from


def unknown_words(words: Iterable[str], dictionary: str) -> list[str]:
    """Those of `words` (one per item) that the Hunspell dictionary does not know, in order; one
    Hunspell process for the words not looked up before, none if there are none."""
    words = list(words)
    new = sorted({word for word in words if (dictionary, word) not in _KNOWN})
    if new:
        unknown = {word for word in _hunspell(["-l"], new, dictionary).splitlines() if word}
        _KNOWN.update(((dictionary, word), word not in unknown) for word in new)
    return [word for word in words if not _KNOWN[(dictionary, word)]]


def look_up_all(project: Project) -> None:
    """Look up every word of the project at once, one Hunspell process per dictionary: each
    locale's words in its own dictionary, and every locale's in the default locale's (the
    untranslated rule asks it whether a translated sentence is English). Then the rules' own
    questions are answered from `_KNOWN`. Without Hunspell, nothing: each rule reports that itself."""
    _forget_if_changed(dictionary_stamp())
    default = DICTIONARIES.get(project.registry.default_locale)
    wanted: dict[str, set[str]] = {}
    for locale in project.registry.locales:
        words = {part for page in project.pages_of(locale) for _, word in page_words(page) for part in _parts(word)}
        for dictionary in {DICTIONARIES.get(locale), default} - {None}:
            wanted.setdefault(str(dictionary), set()).update(words)
    try:
        for dictionary, words in wanted.items():
            unknown_words(words, dictionary)
    except SpellerError:
        return


def _forget_if_changed(stamp: str) -> None:
    """Forget every answer when Hunspell or a dictionary changed since they were given (`serve`
    runs for hours; a dictionary may be upgraded meanwhile)."""
    if _ANSWERED_WITH.get("stamp") != stamp:
        _KNOWN.clear()
        _ANSWERED_WITH["stamp"] = stamp


def _parts(word: str) -> list[str]:
    """The word and, for one with a hyphen or apostrophe, each part (other rules split there)."""
    return [word, *PART_SEPARATOR.split(word)] if PART_SEPARATOR.search(word) else [word]


def dictionary_stamp() -> str:
    """Which Hunspell and which dictionary files a check would use (path, size and modification
    time of each, the program's too), for the keys of results kept between builds: a new
    dictionary or Hunspell makes a new key. Hunspell also looks in the current folder."""
    folders = [*os.environ.get("DICPATH", "").split(os.pathsep), *DICTIONARY_FOLDERS, os.getcwd()]
    program = shutil.which("hunspell")
    paths = [Path(program).resolve()] if program else []
    for name in DICTIONARIES.values():
        for folder in filter(None, folders):
            paths += [Path(folder) / f"{name}.dic", Path(folder) / f"{name}.aff"]
    return file_stamps(paths)


def _hunspell(mode: list[str], lines: Iterable[str], dictionary: str) -> str:
    if shutil.which("hunspell") is None:
        raise SpellerError("hunspell is not installed (Debian: apt-get install hunspell hunspell-en-us hunspell-no)")
    result = subprocess.run(
        # No personal dictionary (-p): words/<locale>.txt, in the project, is the one list of extra words.
        ["hunspell", *mode, "-i", "utf-8", "-d", dictionary, "-p", os.devnull],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0 or result.stderr.strip():
        raise SpellerError(f"hunspell -d {dictionary} failed: {result.stderr.strip() or 'no output'}")
    return result.stdout


def _wrong_words(words: list[str], answers: list[str]) -> dict[str, list[str]]:
    """Each unknown word with the suggestions of its answer (the '&' line; '#' has none)."""
    first, *rest = answers
    answers = [first.split("\n", 1)[1] if "\n" in first else "", *rest]  # drop the banner
    wrong: dict[str, list[str]] = {word: [] for word in words}
    for word, answer in zip(words, answers, strict=False):
        suggested = next((line for line in answer.splitlines() if line.startswith("&") and ": " in line), "")
        if suggested:
            wrong[word] = suggested.split(": ", 1)[1].strip().split(", ")[:SUGGESTIONS]
    return wrong
