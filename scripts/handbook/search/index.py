"""The search index of one locale, enriched at build time so that readers find the answer.

Material's lunr index lists a page's sections as documents (location, title, text). This module
turns the locale's share of it into the documents of the lunr index built here
(`handbook.search.lunr_index`) and loaded by the handbook's search worker
(`overrides/assets/javascripts/search-worker.js`):

- generated pages (glossary, translation status) are left out: they never outrank content;
- a subsection's title names its section ("Lack of training › What to do");
- `title_extra` and `extra` carry words the title and the text do not contain but readers type: the termbase's
  synonyms and variants of each term the section uses (once per use), the forbidden words whose `use` word
  it contains, and the parts of its compound words (Norwegian «salgssamtale» → «salg», «samtale»),
  split only where both parts are words of the handbook's own vocabulary;
- a section of a pitfall concept (concepts.yml: a kind with `pitfall: true`, the roadblocks and
  mistakes), or a subsection of one, is listed in the index's `pitfalls`: the worker ranks them
  first for a query with one of the locale's `negations`, the rest for any other query. A
  subsection counts by the concept it is in, not by what it says: a roadblock's "What to do" is a
  pitfall's, a step's "Watch for" is not;
- the locale's questions of amount ("how much", «hvor mye») are the index's `questions`: the
  worker counts both words of one as stop words where they are typed together;
- each subsection's section is listed in the index's `sections`: the worker scores a section and
  its subsections as the one text a reader sees ("Poor communication", its "How it shows up" and
  "What to do").

Plain functions over plain data (the built site folder, the termbase): no MkDocs import.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.locales import base_language, built_page
from handbook.rules.spelling import DICTIONARIES, SpellerError, unknown_words
from handbook.search.lunr_index import FIELD_BOOSTS, build_index, stemmer, words
from handbook.search.vocabulary import expansion_table, load_thesaurus, thesaurus_path, weighted_words, word_forms
from handbook.stemming import stem
from handbook.termbase import Term, Termbase

# Generated pages: their tables repeat every term, so they would outrank the handbook's content.
UNSEARCHED_PAGES = ("glossary.md", "translation-status.md")
SECTION_SEPARATOR = " › "
# Locales whose words are written together as compounds.
COMPOUNDING = {"nb", "nn", "no", "sv", "da", "de"}
# Words that say something did not happen, by language, as typed with or without the apostrophe:
# a query with one ("nobody told them", «ba ikke om unnskyldning») is after what went wrong, so the
# worker ranks pitfall sections first. A closed class, like a stop-word list; a locale without one
# ranks every query alike. "without" and «uten» are none: "apologise without excuses" asks how.
NORWEGIAN_NEGATIONS = ("ikke", "ikkje", "ingen", "ingenting", "intet", "aldri", "verken", "hverken")
NEGATIONS = {
    "en": (
        "not", "no", "nobody", "noone", "none", "nothing", "never", "neither", "nor", "cannot",
        "ain't", "aint", "aren't", "arent", "can't", "cant", "couldn't", "couldnt", "didn't", "didnt",
        "doesn't", "doesnt", "don't", "dont", "hadn't", "hadnt", "hasn't", "hasnt", "haven't", "havent",
        "isn't", "isnt", "mightn't", "mightnt", "mustn't", "mustnt", "needn't", "neednt", "shan't", "shant",
        "shouldn't", "shouldnt", "wasn't", "wasnt", "weren't", "werent", "won't", "wont", "wouldn't", "wouldnt",
    ),
    "nb": NORWEGIAN_NEGATIONS,
    "no": NORWEGIAN_NEGATIONS,
    "nn": ("ikkje", "ikke", "ingen", "inga", "ingenting", "aldri", "korkje"),
}  # fmt: skip
# The commonest questions of amount and time, by language: in "how much discount can I give" or
# «hvor mye avslag kan jeg gi», "how much" asks the question and is no word of the topic, so the
# worker counts both words as stop words where they come together ("too much work" keeps its
# "much"). Some words are stop words already ("often", «mange»); the pairs are listed whole, as
# readers type them. Nynorsk readers type the Bokmål forms too, as with the negations.
NORWEGIAN_QUESTIONS = ("hvor mye", "hvor mange", "hvor lenge", "hvor ofte")
QUESTIONS = {
    "en": ("how much", "how many", "how long", "how often"),
    "nb": NORWEGIAN_QUESTIONS,
    "no": NORWEGIAN_QUESTIONS,
    "nn": ("kor mykje", "kor mye", "kor mange", "kor lenge", "kor ofte", *NORWEGIAN_QUESTIONS),
}
MIN_PART = 4  # shorter parts («opp», «tro», «unn») make wrong splits
LINKING = ("", "s", "e")  # «salg-s-samtale», «kunde-opplysninger»
# Endings that are words in their own right («ende», «elle») but only inflect a stem («manglende»).
NOT_PARTS = frozenset({"ende", "ene", "inger", "elle", "ledes", "else", "elser", "heten", "ning"})
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]+)"')
STUB_FILE = "search/search_index.json"
INDEX_FILE = "search/handbook_index.js"
INDEX_GLOBAL = "handbookSearchIndex"
INDEX_START, INDEX_END = f"self.{INDEX_GLOBAL} = JSON.parse(", ");\n"
EXTRA_FIELDS = tuple(field for field in FIELD_BOOSTS if field not in ("title", "text"))  # indexed, never shown


@dataclass(frozen=True)
class Expansion:
    """Where the stemmed phrase `trigger` occurs, readers may type `words` instead."""

    trigger: tuple[str, ...]
    words: tuple[str, ...]


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("-", " "))]


def plain_text(markup: str) -> str:
    return html.unescape(TAG.sub(" ", markup))


def expansions(termbase: Termbase, locale: str) -> list[Expansion]:
    """Synonyms and variants of each term (a reader types "apologise" as readily as a writer does),
    the term and its synonyms in the other languages (staff type "follow up" into the Norwegian
    handbook too) unless a word of them is also a word of this locale's language (`_foreign`),
    and each forbidden word as a synonym of the word to use instead."""
    found = []
    others = [_other_languages(term, locale) for term in termbase.terms]
    foreign = _foreign(locale, [word for words in others for word in words])
    for term, other_words in zip(termbase.terms, others, strict=True):
        kept = [word for word in other_words if word in foreign]
        words = (*term.synonyms.get(locale, ()), *term.variants.get(locale, ()), *kept)
        if locale in term and words:
            found.append(Expansion(_stems(locale, term.get(locale)), words))
    for word in termbase.forbidden.get(locale, ()):
        found.append(Expansion(_stems(locale, word.use), (word.word,)))
    return [e for e in found if e.trigger]


def _other_languages(term: Term, locale: str) -> list[str]:
    language = base_language(locale)
    return [
        word
        for other, preferred in term.words.items()
        if base_language(other) != language
        for word in (preferred, *term.synonyms.get(other, ()))
    ]


def _foreign(locale: str, phrases: list[str]) -> set[str]:
    """The phrases none of whose words the locale's Hunspell dictionary knows: "follow up" in
    Norwegian, but not "act fast" («fast»), nor «handle med én gang» in English ("handle"), which
    would lead a reader's own word to another topic. None without a dictionary for the locale."""
    dictionary = DICTIONARIES.get(locale)
    if dictionary is None or not phrases:
        return set()
    words = sorted({word for phrase in phrases for word in words_of(phrase)})
    try:
        unknown = set(unknown_words(words, dictionary))
    except SpellerError:  # no Hunspell: the checker, run by the same build, says how to install it
        return set()
    return {phrase for phrase in phrases if all(word in unknown for word in words_of(phrase))}


def _stems(locale: str, text: str) -> tuple[str, ...]:
    return tuple(stem(locale, w) for w in words_of(text))


def expansion_words(locale: str, text: str, rules: list[Expansion]) -> list[str]:
    """The words of every rule whose trigger occurs in `text`, once per occurrence."""
    stems = _stems(locale, text)
    added = []
    for rule in rules:
        size = len(rule.trigger)
        hits = sum(1 for i in range(len(stems) - size + 1) if stems[i : i + size] == rule.trigger)
        added += list(rule.words) * hits
    return added


class Decompounder:
    """Splits compounds into parts that the handbook itself uses as words.

    A word is split as first part + optional linking letter + rest, where the first part is a
    word of the vocabulary as written and the rest is a vocabulary word in any inflection (or
    splits again). Termbase terms are never cut through inside a longer word: «servicegjenopprettingen»
    may split after «service», never inside «gjenoppretting»."""

    def __init__(self, locale: str, vocabulary: set[str], protected: frozenset[str] | set[str] = frozenset()) -> None:
        self.locale = locale
        self._seen: dict[str, list[str]] = {}
        self.words = {w for w in vocabulary if len(w) >= MIN_PART}
        self.stems = {stem(locale, w) for w in self.words}
        self.protected: dict[str, set[int]] = {}  # each term -> where it may itself be cut
        terms = {p.lower() for p in protected if len(p) > MIN_PART}
        own_cuts = {term: _cut_points(self._split(term) or [], term) for term in terms}
        self.protected = own_cuts

    def parts(self, word: str) -> list[str]:
        word = word.lower()
        if word not in self._seen:
            self._seen[word] = [] if len(word) < 2 * MIN_PART else self._split(word) or []
        return self._seen[word]

    def _split(self, word: str) -> list[str] | None:
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):  # the longest first part first
            head = word[:cut]
            if head not in self.words or self._protected_cut(word, cut):
                continue
            for link in LINKING:
                rest = word[cut:]
                if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                    continue
                tail = rest[len(link) :]
                if self._known(tail):
                    return [head, tail]
                deeper = self._split(tail) if len(tail) >= 2 * MIN_PART else None
                if deeper:
                    return [head, *deeper]
        return None

    def _known(self, part: str) -> bool:
        return part not in NOT_PARTS and (part in self.words or stem(self.locale, part) in self.stems)

    def _protected_cut(self, word: str, cut: int) -> bool:
        """A cut inside a termbase term is refused, unless the term itself splits there."""
        for term, allowed in self.protected.items():
            start = word.find(term) if term != word else -1
            while start != -1:
                if start < cut < start + len(term) and cut - start not in allowed:
                    return True
                start = word.find(term, start + 1)
        return False


def _cut_points(parts: list[str], word: str) -> set[int]:
    """Offsets in `word` where its parts begin (after any linking letter) or end."""
    points, position = set(), 0
    for part in parts:
        position = word.find(part, position)
        points |= {position, position + len(part)}
        position += len(part)
    return points


def heading_parents(page_html: str) -> dict[str, str]:
    """Each heading id of a built page's article, mapped to the id of the h1/h2 section it is in.

    A scan of the heading tags, not a parse of the page: the navigation of a large site makes
    every page long, and this runs for every page of every locale."""
    start = page_html.find("<article")
    article = page_html[start : page_html.find("</article>", start)] if start != -1 else page_html
    parents, current = {}, ""
    for level, anchor in HEADING.findall(article):
        current = anchor if level in "12" else current
        parents[anchor] = current
    return parents


def enrich(
    docs: list[dict[str, Any]], locale: str, site_folder: Path, termbase: Termbase, pitfalls: frozenset[str]
) -> list[dict[str, Any]]:
    """The locale's index documents as the search worker indexes them (see the module doc); a
    section of a concept in `pitfalls`, or a subsection of one, is marked `pitfall`; each names
    its `section` (a subsection the section it is in, any other document itself)."""
    skipped = {built_page(name) for name in UNSEARCHED_PAGES}
    kept = [doc for doc in docs if doc["location"].split("#")[0] not in skipped]
    titles = {doc["location"]: doc["title"] for doc in kept}
    rules = expansions(termbase, locale)
    splitter = _decompounder(locale, kept, termbase)
    parents: dict[str, dict[str, str]] = {}
    return [_enriched(doc, locale, site_folder, titles, parents, rules, splitter, pitfalls) for doc in kept]


def _decompounder(locale: str, docs: list[dict[str, Any]], termbase: Termbase) -> Decompounder | None:
    if base_language(locale) not in COMPOUNDING:
        return None
    vocabulary = {w for doc in docs for w in words_of(doc["title"] + " " + plain_text(doc["text"]))}
    protected = {w for term in termbase.terms if locale in term for w in words_of(term.get(locale))}
    return Decompounder(locale, vocabulary, protected)


def _enriched(
    doc: dict[str, Any],
    locale: str,
    site_folder: Path,
    titles: dict[str, str],
    parents: dict[str, dict[str, str]],
    rules: list[Expansion],
    splitter: Decompounder | None,
    pitfalls: frozenset[str],
) -> dict[str, Any]:
    page, _, anchor = doc["location"].partition("#")
    title = doc["title"]
    parent = ""
    section = doc["location"]  # a subsection's is the section it is in
    if anchor:
        if page not in parents:
            file = site_folder / page
            parents[page] = heading_parents(file.read_text(encoding="utf-8")) if file.is_file() else {}
        parent = parents[page].get(anchor, anchor)
        if parent != anchor and f"{page}#{parent}" in titles:
            title = titles[f"{page}#{parent}"] + SECTION_SEPARATOR + title
            section = f"{page}#{parent}"
    return {
        "location": doc["location"],
        "section": section,
        "title": title,
        "text": doc["text"],
        "pitfall": parent in pitfalls,
        "title_extra": " ".join(_extra_words(locale, doc["title"], rules, splitter)),
        "extra": " ".join(_extra_words(locale, plain_text(doc["text"]), rules, splitter)),
    }


def _extra_words(locale: str, text: str, rules: list[Expansion], splitter: Decompounder | None) -> list[str]:
    extra = expansion_words(locale, text, rules)
    if splitter:
        extra += [part for word in words_of(text) for part in splitter.parts(word)]
    return extra


def locale_index(docs: list[dict[str, Any]], locale: str, lunr_language: str, separator: str) -> dict[str, Any]:
    """The locale's index for the worker: the sections as results show them, the lunr index built
    from them here, the expansion table of the words readers type instead
    (`handbook.search.vocabulary`), the pitfall sections, the locale's negations and questions of
    amount, and each subsection's section (pairs of refs)."""
    fields = [
        {"title": plain_text(doc["title"]), "text": plain_text(doc["text"]), **{f: doc[f] for f in EXTRA_FIELDS}}
        for doc in docs
    ]
    shown = [{"location": doc["location"], "title": doc["title"], "text": doc["text"]} for doc in docs]
    built = _built(fields, locale, lunr_language, separator, thesaurus_path(locale))
    polarity = {
        "pitfalls": [ref for ref, doc in enumerate(docs) if doc["pitfall"]],
        "negations": " ".join(NEGATIONS.get(base_language(locale), ())),
    }
    return {
        "lang": lunr_language,
        "separator": separator,
        "docs": shown,
        **built,
        **polarity,
        "questions": ",".join(QUESTIONS.get(base_language(locale), ())),
        "sections": sections(docs),
    }


def sections(docs: list[dict[str, Any]]) -> list[list[int]]:
    """[subsection, section] refs (places in `docs`) for each subsection (`enrich` names a section
    only when it is among the documents)."""
    refs = {doc["location"]: ref for ref, doc in enumerate(docs)}
    return [[ref, refs[doc["section"]]] for ref, doc in enumerate(docs) if doc["section"] != doc["location"]]


def write_locale_index(folder: Path, full: dict[str, Any]) -> None:
    """The locale's index (`locale_index`; loaded when a reader first searches), and the stub that
    Material's page script fetches at page load: only the settings, and where the index is."""
    lunr_language, separator = full["lang"], full["separator"]
    target = folder / INDEX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"{INDEX_START}{_js_string(_json(full))}{INDEX_END}", encoding="utf-8")
    stub = {
        "config": {"lang": [lunr_language], "separator": separator, "pipeline": [], "index": INDEX_FILE},
        "docs": [],
    }
    (folder / STUB_FILE).write_text(_json(stub), encoding="utf-8")
    (folder / STUB_FILE).with_suffix(".js").write_text(f"var __index = {_json(stub)}", encoding="utf-8")


def _built(
    fields: list[dict[str, str]], locale: str, lunr_language: str, separator: str, thesaurus: Path | None
) -> dict[str, Any]:
    """The lunr index of `fields`, and the expansion table of the words the index lacks."""
    index = build_index(fields, lunr_language, separator)
    if thesaurus is None:
        return {"index": index, "vocabulary": ""}
    _, stem = stemmer(lunr_language)
    titles = [words(field["title"], separator) for field in fields]
    texts = [words(field["text"], separator) for field in fields]
    indexed = {posting[0] for posting in index["postings"]}
    ranked = weighted_words(titles, texts)
    table = expansion_table(locale, ranked, indexed, stem, load_thesaurus(thesaurus), word_forms(locale))
    return {"index": index, "vocabulary": table}


def _js_string(text: str) -> str:
    """`text` as a single-quoted JavaScript string, for JSON.parse: browsers read JSON much faster
    than the same object written as code, and single quotes leave JSON's double quotes (and so
    its compression) as they are."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def read_locale_index(path: Path) -> dict[str, Any]:
    """What `write_locale_index` wrote to `path`, as data."""
    literal = path.read_text(encoding="utf-8").removeprefix(INDEX_START).removesuffix(INDEX_END)
    text = re.sub(r"\\(.)", r"\1", literal[1:-1], flags=re.DOTALL)  # undo _js_string
    return dict(json.loads(text))


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
