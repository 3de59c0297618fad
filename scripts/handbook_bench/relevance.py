"""Search relevance: the benchmark queries (`scripts/handbook_bench/queries.yml`) and how results are scored.

A query's answers are sections (`page.md#concept-id`) or whole pages (`page.md`). A result link
is mapped back to a section of the built site: a link to a subsection (say "What to do") counts
for the concept section it sits in. success@5 asks whether an answer is among the first five
links; MRR averages 1/rank of the first answer. Plain data in, plain data out: no MkDocs, no
browser, so the same scoring serves the bench, the relevance floor test and any engine.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from handbook.datafile import Lines, read_data_file
from handbook.problems import Problem
from handbook.search.index import heading_parents

QUERIES_FILE = "scripts/handbook_bench/queries.yml"
# Queries written by others who never saw the pages, the termbase or the other queries, from a
# paragraph on each topic; by set name, oldest first. A file may be absent (benches and tests skip it).
# Each set was measured once before its queries were read. The misses of the others have since
# been read, while looking for the everyday words staff type and search lacks (those typed in more
# than one set are search synonyms in termbase.yml). Nobody here has read the queries of UNREAD:
# they say whether what was learnt from the others holds for queries it was not learnt from.
# How the sets are written: blind-topics.md beside this file.
BLIND_SETS = 60  # blind, blind-2 … blind-60
BLIND_QUERY_FILES = {
    name: f"scripts/handbook_bench/queries-{name}.yml"
    for name in ("blind", *(f"blind-{number}" for number in range(2, BLIND_SETS + 1)))
}
UNREAD = (
    "blind-6",
    "blind-17",
    "blind-18",
    "blind-21",
    "blind-22",
    "blind-23",
    "blind-24",
    "blind-25",
    "blind-26",
    "blind-27",
    "blind-28",
    "blind-29",
    "blind-30",
    "blind-31",
    "blind-32",
    "blind-37",
    "blind-38",
    "blind-39",
    "blind-40",
    "blind-41",
    "blind-42",
    "blind-43",
    "blind-44",
    "blind-45",
    "blind-46",
    "blind-47",
    "blind-48",
    "blind-49",
    "blind-50",
    "blind-51",
    "blind-52",
    "blind-53",
    "blind-54",
    "blind-55",
    "blind-56",
    "blind-57",
    "blind-58",
    "blind-59",
    "blind-60",
)
# The sets written from the topic paragraphs kept in blind-topics.md, by brief; the earlier ones
# were written from paragraphs that were not kept. The third brief's sets are unread, queries from
# paragraphs this search never learnt from: the truest of its measures. Of the second brief's,
# the first four (33 to 36) have been read.
SECOND_BRIEF_FIRST, THIRD_BRIEF_FIRST = 33, 45  # the first set written from each
SECOND_BRIEF = tuple(f"blind-{number}" for number in range(SECOND_BRIEF_FIRST, THIRD_BRIEF_FIRST))
THIRD_BRIEF = tuple(f"blind-{number}" for number in range(THIRD_BRIEF_FIRST, BLIND_SETS + 1))
QUERY_SETS = ("tuned", "held-out", *BLIND_QUERY_FILES)
TOP_K = 5


@dataclass(frozen=True)
class Query:
    locale: str
    text: str
    answers: tuple[str, ...]  # page.md or page.md#anchor
    heldout: bool = False
    line: int = 1
    blind: str = ""  # the name of its set in BLIND_QUERY_FILES, if it is from one

    @property
    def query_set(self) -> str:
        return self.blind or ("held-out" if self.heldout else "tuned")


@dataclass(frozen=True)
class Target:
    """Where a result link leads: a page (`roadblocks.md`) and the concept section, if any."""

    page: str
    section: str = ""


@dataclass(frozen=True)
class Scores:
    queries: int
    success: float  # success@TOP_K
    mrr: float


def load_query_sets(root: Path) -> tuple[list[Query], list[Problem], list[str]]:
    """The queries of QUERIES_FILE and of each blind set whose file exists (marked with the set's
    name), their problems, and the names of the blind sets whose file is absent."""
    queries, problems = load_queries(root)
    absent = []
    for name, file in BLIND_QUERY_FILES.items():
        if not (root / file).is_file():
            absent.append(name)
            continue
        blind, blind_problems = load_queries(root, file)
        queries += [replace(q, blind=name) for q in blind]
        problems += blind_problems
    return queries, problems, absent


def load_queries(root: Path, name: str = QUERIES_FILE) -> tuple[list[Query], list[Problem]]:
    """Every query of every locale; problems name the file and line of a malformed entry."""
    data, lines, problems = read_data_file(root, name, "search-queries", "one list of queries per locale")
    if data is None:
        return [], problems
    queries = []
    for locale, entries in data.items():
        for entry in entries if isinstance(entries, list) else [None]:
            query = _read_query(locale, entry, lines)
            if query is None:
                line = lines.of(entry, lines.of(data))
                problems.append(
                    Problem(
                        name,
                        line,
                        str(locale),
                        "search-queries",
                        "each query needs q (text) and answers (a list of page.md or page.md#anchor)",
                    )
                )
            else:
                queries.append(query)
    return queries, problems


def _read_query(locale: str, entry: Any, lines: Lines) -> Query | None:
    if not isinstance(entry, dict):
        return None
    text, answers = entry.get("q"), entry.get("answers")
    if not (
        isinstance(text, str)
        and text.strip()
        and isinstance(answers, list)
        and answers
        and all(isinstance(a, str) and a.split("#")[0].endswith(".md") for a in answers)
    ):
        return None
    return Query(locale, text, tuple(answers), entry.get("heldout") is True, lines.of(entry))


def answer_target(answer: str) -> Target:
    page, _, section = answer.partition("#")
    return Target(page, section)


def is_answer(target: Target, answers: tuple[str, ...]) -> bool:
    """A result answers the query if it is an answer section, or lies on an answer page."""
    for answer in map(answer_target, answers):
        if target.page == answer.page and (not answer.section or target.section == answer.section):
            return True
    return False


def first_answer_rank(targets: list[Target], answers: tuple[str, ...]) -> int | None:
    for rank, target in enumerate(targets, start=1):
        if is_answer(target, answers):
            return rank
    return None


def card_rank(targets: list[Target], answers: tuple[str, ...]) -> int | None:
    """The rank of the first result card (Material shows one per page, its sections inside) that
    holds an answer."""
    pages = list(dict.fromkeys(target.page for target in targets))
    for rank, page in enumerate(pages, start=1):
        if any(is_answer(target, answers) for target in targets if target.page == page):
            return rank
    return None


def score(ranked: dict[Query, list[Target]], by_card: bool = False) -> Scores:
    """success@TOP_K and MRR over the queries given (an empty set scores 0), counting result
    links or, `by_card`, result cards."""
    rank_of = card_rank if by_card else first_answer_rank
    ranks = [rank_of(targets, query.answers) for query, targets in ranked.items()]
    if not ranks:
        return Scores(0, 0.0, 0.0)
    success = statistics.fmean(1.0 if rank is not None and rank <= TOP_K else 0.0 for rank in ranks)
    mrr = statistics.fmean(1.0 / rank if rank is not None else 0.0 for rank in ranks)
    return Scores(len(ranks), success, mrr)


class SiteMap:
    """Maps result links of one built site back to (page.md, concept section).

    Works for both URL styles: `roadblocks.html#x` (this site) and `roadblocks/#x` (MkDocs'
    directory URLs, as the vanilla baseline uses)."""

    def __init__(self, site: Path, base_url: str, locale_prefix: str):
        self.site, self.base, self.prefix = site, base_url, locale_prefix
        self._parents: dict[str, dict[str, str]] = {}

    def target(self, href: str) -> Target | None:
        """None for a link outside this locale (another language's page counts as a miss)."""
        url = urlsplit(href)
        path = unquote(url.path)
        base_path = urlsplit(self.base).path + self.prefix
        if not path.startswith(base_path):
            return None
        relative = path[len(base_path) :]
        page = self._page_name(relative)
        if page is None:
            return None
        return Target(page, self._section(relative, page, unquote(url.fragment)))  # «gjøre», not gj%C3%B8re

    @staticmethod
    def _page_name(relative: str) -> str | None:
        if relative in ("", "index.html"):
            return "index.md"
        if relative.endswith(".html"):
            return relative.removesuffix(".html") + ".md"
        if relative.endswith("/") and "/" not in relative[:-1]:
            return relative[:-1] + ".md"
        return None

    def _section(self, relative: str, page: str, fragment: str) -> str:
        if not fragment:
            return ""
        return self._parents_of(relative, page).get(fragment, fragment)

    def _parents_of(self, relative: str, page: str) -> dict[str, str]:
        """Each heading id on the page, mapped to the id of the h2 section it belongs to."""
        if page not in self._parents:
            file = (
                self.site
                / self.prefix
                / (relative + "index.html" if relative.endswith("/") or not relative else relative)
            )
            self._parents[page] = heading_parents(file.read_text(encoding="utf-8")) if file.is_file() else {}
        return self._parents[page]
