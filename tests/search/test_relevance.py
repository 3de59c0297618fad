"""Relevance floors: every query of scripts/handbook_bench/queries.yml typed into the real search box.

success@5 and MRR per locale, for the tuned queries and the held-out ones, must stay at or above
the targets; so must the blind set's (scripts/handbook_bench/queries-blind.yml, written by others,
scored by result card as the bench does), when that file exists. Scores only, never timings.
The queries file itself is checked too: every answer names a page of the registry and, if it has
an anchor, a concept on that page.
"""

from __future__ import annotations

import pytest

from handbook_bench.relevance import (
    BLIND_QUERY_FILES,
    SECOND_BRIEF,
    THIRD_BRIEF,
    UNREAD,
    Query,
    Target,
    load_queries,
    load_query_sets,
    score,
)
from handbook_bench.search_bench import measure, print_row
from handbook_bench.search_browser import SearchRun
from handbook_bench.site_server import free_port
from handbook_bench.support import chromium
from tests.helpers import PROJECT_ROOT

SUCCESS_FLOOR = 0.95
MRR_FLOOR = 0.85
# Each blind set's floors (success@5, MRR) hold what it measures now less a margin: the goal, 0.95
# and 0.85, is not reached yet (README, "Benchmarks"). First measured, before anything was tuned on them:
# the first set 0.84 en, 0.82 nb (MRR 0.80, 0.76); the second 0.60, 0.60 (0.51, 0.54); the third
# 0.76, 0.71 (0.65, 0.63); the fourth 0.66, 0.79 (0.53, 0.64); the fifth 0.79, 0.80 (0.68, 0.67);
# the sixth 0.81, 0.70 (0.68, 0.65), and 0.84, 0.77 (0.72, 0.71) with the synonyms that the
# fifth set's misses asked for; the seventh 0.81, 0.87 (0.74, 0.74); the eighth 0.77, 0.83 (0.70, 0.73);
# the ninth 0.84, 0.80 (0.71, 0.68); the tenth 0.86, 0.87 (0.74, 0.76); the eleventh 0.89, 0.86
# (0.79, 0.78); the twelfth 0.96, 0.94 (0.85, 0.83); the thirteenth 0.94, 0.87 (0.86, 0.75); the
# fourteenth 0.94, 0.87 (0.84, 0.80); the fifteenth 0.96, 0.89 (0.87, 0.75); the sixteenth 0.94,
# 0.90 (0.82, 0.84); the seventeenth 0.93, 0.86 (0.82, 0.77); the eighteenth 0.93, 0.89 (0.86, 0.82);
# the nineteenth 0.93, 0.91 (0.82, 0.82); the twentieth 0.97, 0.93 (0.83, 0.83); the twenty-first 0.91,
# 0.96 (0.80, 0.84); the twenty-second 0.90, 0.97 (0.80, 0.87); the twenty-third, written after the
# last change to search, 0.93, 0.87 (0.80, 0.79); the twenty-fourth, likewise, 0.96, 0.94 (0.82, 0.87);
# the last two 0.91 (0.78) and 0.96 (0.83) in English once two misspelt synonyms were taken out;
# the twenty-fifth to twenty-eighth, unread, 0.97, 0.91 (0.86, 0.84); 0.96, 0.96 (0.83, 0.87); 0.91,
# 0.93 (0.81, 0.86); 0.93, 0.96 (0.79, 0.87), and after the changes of the same work (negated
# queries rank what goes wrong first, "thats" is "that's", four Norwegian synonyms) 1.00, 0.93
# (0.90, 0.84); 0.96, 0.96 (0.84, 0.89); 0.93, 0.93 (0.83, 0.88); 0.97, 0.96 (0.85, 0.89); the
# twenty-ninth to thirty-second, written after those changes and measured once, 0.94, 0.96 (0.88,
# 0.90); 0.96, 0.97 (0.90, 0.91); 0.91, 0.87 (0.83, 0.80); 0.97, 0.94 (0.93, 0.87). The floors of
# the older sets were raised to their figures less the same margin then. The thirty-third to
# thirty-sixth, written from new topic paragraphs (scripts/handbook_bench/blind-topics.md) and
# measured once: 0.97, 0.86 (0.79, 0.73); 0.89, 0.94 (0.77, 0.81); 0.97, 0.91 (0.83, 0.83); 0.94,
# 0.86 (0.78, 0.73). The thirty-seventh to fortieth, from the same paragraphs, with search as it
# was for the four before them: 0.93, 0.93 (0.79, 0.81); 0.94, 0.96 (0.81, 0.79); 0.93, 0.93
# (0.80, 0.76); 0.94, 0.89 (0.79, 0.75). The forty-first to forty-fourth, from the same paragraphs,
# with search as it was: 0.94, 0.90 (0.76, 0.71); 0.90, 0.81 (0.72, 0.72); 0.93, 0.94 (0.81, 0.77);
# 0.91, 0.93 (0.72, 0.76). The forty-fifth to forty-eighth, from the third topic paragraphs, with
# search as it was: 0.90, 0.93 (0.73, 0.77); 0.94, 0.87 (0.79, 0.77); 0.93, 0.91 (0.76, 0.80);
# 0.94, 0.96 (0.78, 0.83). Every floor was then set to each set's figures less the same margin
# with a section and its subsections scored as one text (the thirty-third to thirty-sixth read).
# The forty-ninth to fifty-second, from the third topic paragraphs, with search as it was then:
# 0.96, 0.96 (0.82, 0.81); 0.91, 0.93 (0.80, 0.80); 0.93, 0.90 (0.79, 0.80); 0.99, 0.97 (0.86,
# 0.85). Every floor was then set to each set's figures less the same margin with stop words
# counting half and questions of amount ("how much") counting as stop words: a floor figure of
# eighteen sets fell, by 0.01 but for the forty-third's success@5 (0.03) and the sixteenth's
# (0.02), and of twenty-seven rose. The fifty-third to fifty-sixth, from the third topic
# paragraphs, with search and pages as they were then: 0.94, 0.89 (0.82, 0.76); 0.96, 0.96 (0.79,
# 0.80); 0.97, 0.94 (0.75, 0.83); 0.89, 0.90 (0.74, 0.81). Every floor was then set to each set's
# figures less the same margin with examples added to the pages (what a fix is, what costs
# credibility, whom to hire, how poor listening and too much work show up, the checklist's first
# line) and «uhøflig» a synonym of «respekt»: eleven floor figures fell, by 0.01 or 0.02, and
# fifty-one rose. The fifty-seventh to sixtieth, from the third topic paragraphs, with search and
# pages as they were then: 0.96, 0.96 (0.86, 0.87); 0.99, 0.97 (0.86, 0.83); 0.97, 0.94 (0.87,
# 0.83); 0.91, 0.87 (0.83, 0.78).
BLIND_FLOORS = {
    "blind": (0.88, 0.82),
    "blind-2": (0.91, 0.80),
    "blind-3": (0.94, 0.88),
    "blind-4": (0.91, 0.88),
    "blind-5": (0.91, 0.86),
    "blind-6": (0.88, 0.82),
    "blind-7": (0.91, 0.86),
    "blind-8": (0.92, 0.86),
    "blind-9": (0.88, 0.82),
    "blind-10": (0.92, 0.84),
    "blind-11": (0.88, 0.84),
    "blind-12": (0.91, 0.84),
    "blind-13": (0.89, 0.85),
    "blind-14": (0.92, 0.84),
    "blind-15": (0.89, 0.84),
    "blind-16": (0.88, 0.83),
    "blind-17": (0.88, 0.82),
    "blind-18": (0.89, 0.83),
    "blind-19": (0.91, 0.83),
    "blind-20": (0.92, 0.84),
    "blind-21": (0.88, 0.83),
    "blind-22": (0.88, 0.79),
    "blind-23": (0.81, 0.78),
    "blind-24": (0.89, 0.84),
    "blind-25": (0.87, 0.80),
    "blind-26": (0.91, 0.82),
    "blind-27": (0.87, 0.80),
    "blind-28": (0.89, 0.83),
    "blind-29": (0.89, 0.85),
    "blind-30": (0.91, 0.83),
    "blind-31": (0.84, 0.78),
    "blind-32": (0.88, 0.83),
    "blind-33": (0.88, 0.74),
    "blind-34": (0.88, 0.75),
    "blind-35": (0.89, 0.77),
    "blind-36": (0.82, 0.71),
    "blind-37": (0.88, 0.75),
    "blind-38": (0.88, 0.73),
    "blind-39": (0.89, 0.76),
    "blind-40": (0.85, 0.74),
    "blind-41": (0.84, 0.68),
    "blind-42": (0.77, 0.66),
    "blind-43": (0.85, 0.73),
    "blind-44": (0.87, 0.69),
    "blind-45": (0.84, 0.66),
    "blind-46": (0.84, 0.71),
    "blind-47": (0.85, 0.72),
    "blind-48": (0.88, 0.73),
    "blind-49": (0.89, 0.76),
    "blind-50": (0.87, 0.75),
    "blind-51": (0.84, 0.75),
    "blind-52": (0.89, 0.80),
    "blind-53": (0.85, 0.70),
    "blind-54": (0.89, 0.72),
    "blind-55": (0.88, 0.69),
    "blind-56": (0.85, 0.68),
    "blind-57": (0.90, 0.79),
    "blind-58": (0.91, 0.77),
    "blind-59": (0.88, 0.77),
    "blind-60": (0.81, 0.71),
}


@pytest.fixture(scope="module")
def queries():
    loaded, problems = load_queries(PROJECT_ROOT)
    assert problems == [], [p.format() for p in problems]
    return loaded


def test_every_blind_set_has_a_floor_and_the_unread_ones_are_blind_sets():
    assert set(BLIND_FLOORS) == set(BLIND_QUERY_FILES)
    assert set(UNREAD) <= set(BLIND_QUERY_FILES)
    assert THIRD_BRIEF and set(THIRD_BRIEF) <= set(UNREAD)  # nothing was learnt from the third brief
    assert set(SECOND_BRIEF) & set(UNREAD) and not set(SECOND_BRIEF) & set(THIRD_BRIEF)


def test_every_answer_is_a_page_or_a_concept_on_it(registry):
    """In every query file: the tuned and held-out queries and each blind set."""
    every, problems, _ = load_query_sets(PROJECT_ROOT)
    assert problems == [], [p.format() for p in problems]
    concepts = {(c.page, c.id) for c in registry.concepts}
    wrong = [
        f"{q.query_set} line {q.line}: {answer}"
        for q in every
        for answer in q.answers
        if answer.split("#")[0] not in registry.pages or ("#" in answer and tuple(answer.split("#", 1)) not in concepts)
    ]
    assert wrong == []


def test_each_locale_has_enough_tuned_and_held_out_queries(queries, registry):
    for locale in registry.locales:
        mine = [q for q in queries if q.locale == locale]
        assert len(mine) >= 40 and sum(q.heldout for q in mine) >= 10, locale


def test_a_malformed_query_is_reported_with_its_line(tmp_path):
    (tmp_path / "q.yml").write_text(
        "en:\n  - {q: refund, answers: [recovery-steps.md]}\n  - {q: refund}\n", encoding="utf-8"
    )
    _, problems = load_queries(tmp_path, "q.yml")
    assert [p.format() for p in problems] == [
        "en:q.yml:3: search-queries: each query needs q (text) and answers (a list of page.md or page.md#anchor)"
    ]


@pytest.fixture(scope="module")
def ranked(built_site, registry, queries):
    site_url = f"http://127.0.0.1:{free_port()}{deployed_path(built_site)}"
    results = {}
    with chromium() as browser:
        for locale in registry.locales:
            mine = [q for q in queries if q.locale == locale]
            results[locale], _ = measure(browser, built_site, site_url, locale, registry.default_locale, mine)
    return results


def deployed_path(site) -> str:
    from tests.browser import deployed_base

    return "/" + deployed_base(site).split("/", 3)[3]


@pytest.mark.browser
@pytest.mark.parametrize("heldout", [False, True], ids=["tuned", "held-out"])
def test_search_finds_the_answer(ranked, registry, heldout):
    floors = {}
    for locale in registry.locales:
        scores = score({q: t for q, t in ranked[locale].items() if q.heldout == heldout})
        if scores.success < SUCCESS_FLOOR or scores.mrr < MRR_FLOOR:
            floors[locale] = f"success@5 {scores.success:.2f}, MRR {scores.mrr:.2f} over {scores.queries} queries"
    assert floors == {}


def test_the_blind_set_is_read_when_present_and_scored_apart(tmp_path, capsys):
    bench = tmp_path / "scripts" / "handbook_bench"
    bench.mkdir(parents=True)
    (bench / "queries.yml").write_text("en:\n  - {q: refund, answers: [recovery-steps.md]}\n", encoding="utf-8")
    assert [q.blind for q in load_query_sets(tmp_path)[0]] == [""]
    assert load_query_sets(tmp_path)[2] == list(BLIND_QUERY_FILES)
    (bench / "queries-blind.yml").write_text(
        "en:\n  - {q: money back, answers: [recovery-steps.md#step-offer-compensation]}\n", encoding="utf-8"
    )
    queries, problems, absent = load_query_sets(tmp_path)
    assert (
        absent == list(BLIND_QUERY_FILES)[1:]
        and problems == []
        and [(q.text, q.query_set) for q in queries]
        == [
            ("refund", "tuned"),
            ("money back", "blind"),
        ]
    )
    # The blind answer is in the second card (the first page holds no answer): MRR 0.5 by card.
    ranked = {
        queries[0]: [Target("recovery-steps.md", "step-apologize")],
        queries[1]: [Target("mistakes.md", "mistake-arguing"), Target("recovery-steps.md", "step-offer-compensation")],
    }
    print_row("engine", "en", ranked, SearchRun())
    cells = capsys.readouterr().out.split()
    assert cells[2:8] == ["1.00", "1.00", "-", "-", "1.00", "0.50"], cells
    # The pools, read (the first set is one), unread and the second and third briefs', to three
    # decimals: the goal is judged there.
    assert cells[-10:-2] == ["1.000", "0.500", "-", "-", "-", "-", "-", "-"], cells


@pytest.mark.browser
@pytest.mark.parametrize("blind_set", BLIND_QUERY_FILES)
def test_search_finds_the_answer_to_the_blind_queries(built_site, registry, blind_set):
    if not (PROJECT_ROOT / BLIND_QUERY_FILES[blind_set]).is_file():
        pytest.skip(f"{BLIND_QUERY_FILES[blind_set]} is absent")
    queries, problems, _ = load_query_sets(PROJECT_ROOT)
    assert problems == [], [p.format() for p in problems]
    blind: list[Query] = [q for q in queries if q.blind == blind_set]
    success_floor, mrr_floor = BLIND_FLOORS[blind_set]
    site_url = f"http://127.0.0.1:{free_port()}{deployed_path(built_site)}"
    floors = {}
    with chromium() as browser:
        for locale in registry.locales:
            mine = [q for q in blind if q.locale == locale]
            ranked, _ = measure(browser, built_site, site_url, locale, registry.default_locale, mine)
            scores = score(ranked, by_card=True)
            if scores.success < success_floor or scores.mrr < mrr_floor:
                floors[locale] = f"success@5 {scores.success:.2f}, MRR {scores.mrr:.2f} over {scores.queries} queries"
    assert floors == {}
