"""Search as a reader uses it, in Chromium on the built site: what typed words find, how results
are named, the keyboard, and when the index is loaded."""

from __future__ import annotations

import pytest

from handbook.search.index import INDEX_FILE
from handbook_bench.relevance import SiteMap, Target
from handbook_bench.search_browser import (
    ANSWER_TIMEOUT_MS,
    ANSWERED,
    RECORD_WORKER_MESSAGES,
    run_queries,
    type_query,
)
from handbook_bench.site_server import serve
from handbook_bench.support import chromium
from tests.search.test_relevance import deployed_path

pytestmark = pytest.mark.browser

READER_PAUSE_MS = 200


@pytest.fixture(scope="module")
def served(built_site):
    with serve(built_site, deployed_path(built_site)) as base, chromium() as browser:
        yield browser, base, built_site


def result_targets(served, locale: str, query: str) -> list[Target]:
    browser, base, site = served
    prefix = "" if locale == "en" else f"{locale}/"
    links = run_queries(browser, f"{base}{prefix}index.html", [query]).links[query]
    mapper = SiteMap(site, base, prefix)
    return [mapper.target(link) for link in links]


@pytest.mark.parametrize(
    "locale, query, sections",
    [
        ("en", "arguments", {"mistake-arguing"}),  # inflected form of "argument"
        # passive of «avbryte»: the vent mistake, step 1 (hear the whole story without interrupting)
        # and poor listening (a termbase search synonym)
        ("nb", "avbrytes", {"mistake-not-letting-them-vent", "step-apologize", "roadblock-not-listening"}),
        ("en", "compens", {"step-offer-compensation"}),  # a prefix
        ("en", "thats all i can do", {"mistake-saying-this-is-all-i-can-do"}),  # "that's" without its apostrophe
        ("en", "reimburse", {"step-offer-compensation"}),  # termbase synonym
        ("nb", "omtanke", {"step-show-compassion"}),  # termbase synonym
        ("nb", "medfølelse", {"step-show-compassion"}),  # forbidden word -> the term to use
    ],
)
def test_the_first_result_is_the_section_that_answers(served, locale, query, sections):
    targets = result_targets(served, locale, query)
    assert targets and targets[0].section in sections, targets[:3]


@pytest.mark.parametrize(
    "locale, query, section",
    [
        ("en", "didn't apologise", "mistake-not-apologizing"),
        ("en", "hadn’t apologised", "mistake-not-apologizing"),  # typographic apostrophe
        ("en", "how to say sorry properly", "step-apologize"),
        ("nb", "jeg beklaget ikke", "mistake-not-apologizing"),
        ("nb", "slik beklager du", "step-apologize"),
    ],
)
def test_a_query_that_says_something_did_not_happen_finds_what_went_wrong(served, locale, query, section):
    """The step and the mistake share their words; a negation ("didn't", «ikke») asks for the
    mistake (a kind with `pitfall: true` in concepts.yml), and its absence for the step."""
    targets = result_targets(served, locale, query)
    assert targets and targets[0].section == section, targets[:3]


@pytest.mark.parametrize(
    "locale, query",
    [
        ("en", "customer keeps calling for updates"),
        ("nb", "kunden ringer og lurer på hvordan saken går"),
    ],
)
def test_a_section_and_its_subsections_score_as_one_text(served, locale, query):
    """The words are spread over poor communication, its "How it shows up" (the customer has to
    call) and its "What to do" (updates): no one of them holds as many as the follow-up step or
    the keys to success do, the three together hold more."""
    targets = result_targets(served, locale, query)
    assert targets and targets[0].section == "roadblock-poor-communication", targets[:3]


@pytest.mark.parametrize(
    "locale, query, section",
    [
        ("en", "how much money off am i allowed to give", "step-offer-compensation"),
        ("nb", "hvor mye avslag kan jeg gi", "step-offer-compensation"),
        ("en", "how do i know how much money off to give", "step-offer-compensation"),  # "how" twice
        ("en", "too much on my plate", "roadblock-work-conflicts"),
        ("nb", "veldig mye jobb", "roadblock-work-conflicts"),
    ],
)
def test_a_question_of_amount_is_no_word_of_the_topic(served, locale, query, section):
    """A question of amount ("how much", «hvor mye»: the index's `questions`) is no word of the
    topic: it does not rank "Too much work" («For stor arbeidsmengde») first. Outside such a
    question "much" and «mye» count: as stop words everywhere, the last two queries would find
    other sections."""
    targets = result_targets(served, locale, query)
    assert targets and targets[0].section == section, targets[:3]


@pytest.mark.parametrize(
    "locale, query, section",
    [
        ("en", "talk to customers early and often", "success-communication"),
        ("nb", "ingen hadde sagt fra at ferja var innstilt", "roadblock-poor-communication"),
    ],
)
def test_stop_words_count_half(served, locale, query, section):
    """The keys to success say "early and often"; «ingen hadde sagt fra» is a search synonym of
    communication. At a fifth of a word's weight their stop words ("to", "and", "often"; «ingen»,
    «hadde», «fra», «at», «var») lost to "talk" in poor communication's "How it shows up", and to
    «sagt fra» and «ferja» in the mistake of not letting the customer vent."""
    targets = result_targets(served, locale, query)
    assert targets and targets[0].section == section, targets[:3]


def test_a_norwegian_compound_part_finds_the_compound(served):
    """«samtale» finds «salgssamtale» (in the follow-up step's "Se opp for")."""
    sections = [t.section for t in result_targets(served, "nb", "samtale")[:5]]
    assert "step-follow-up" in sections, sections


@pytest.mark.parametrize(
    "locale, query, sections",
    [
        ("en", "calm down voice", {"mistake-telling-them-to-calm-down", "mistake-raising-your-voice"}),
        ("nb", "roe seg ned stemmen", {"mistake-telling-them-to-calm-down", "mistake-raising-your-voice"}),
    ],
)
def test_a_card_shows_the_sections_that_score_nearly_as_high_as_its_best(served, locale, query, sections):
    """Material folds all but a page's best section into "N more on this page"; sections at least
    half as good stay in sight (result_targets reads only the links a reader sees)."""
    targets = result_targets(served, locale, query)
    first_card = [t.section for t in targets if t.page == targets[0].page]
    assert sections <= set(first_card), targets[:5]


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_results_stay_in_the_readers_locale(served, locale):
    targets = result_targets(served, locale, "service")
    assert targets and all(t is not None for t in targets), targets


def open_page(served, path: str, index_route=None):
    """The page at `path`, loaded, and the URLs it requested; `index_route`, if given, handles each
    request for the search index."""
    browser, base, _ = served
    context = browser.new_context()
    context.add_init_script(RECORD_WORKER_MESSAGES)
    page = context.new_page()
    if index_route:
        page.route(f"**/{INDEX_FILE}", index_route)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    return page, requests


@pytest.mark.parametrize(
    "path, query, title",
    [
        ("index.html", "coaching", "Lack of training › What to do"),
        ("nb/index.html", "nettkurs", "Manglende opplæring › Dette kan du gjøre"),
    ],
)
def test_a_subsection_result_names_its_section(served, path, query, title):
    page, _ = open_page(served, path)
    page.keyboard.press("/")
    type_query(page, query)
    assert title in page.eval_on_selector_all(".md-search-result__article h2", "hs => hs.map(h => h.textContent)")
    page.context.close()


def test_the_index_loads_when_the_reader_searches_not_with_the_page(served):
    page, requests = open_page(served, "nb/roadblocks.html")
    assert not [url for url in requests if url.endswith(INDEX_FILE)]
    page.keyboard.press("/")
    type_query(page, "kunde")
    assert [url for url in requests if url.endswith("nb/" + INDEX_FILE)]
    page.context.close()


def test_only_the_last_of_the_words_typed_while_the_index_loads_is_answered(served):
    """Every key typed is a query; those typed while the index is on its way are answered only in
    their last form, not first letter first (each answer is a search and a re-rendered list)."""
    held = []  # the index request, let through once the whole word is typed
    page, _ = open_page(served, "index.html", lambda route: held.append(route))
    page.keyboard.press("/")
    word = "apologise"
    page.locator("input.md-search__input").press_sequentially(word, delay=50)
    page.wait_for_function(f"() => window.__searchLog.sent.includes({word!r})", timeout=ANSWER_TIMEOUT_MS)
    assert held and [q for q in page.evaluate("window.__searchLog.sent") if q] == [
        word[:n] for n in range(1, len(word) + 1)
    ]
    held[0].continue_()
    page.wait_for_function(f"() => window.__searchLog.answers.includes({word!r})", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(READER_PAUSE_MS)
    assert [query for query in page.evaluate("window.__searchLog.answers") if query] == [word]
    page.context.close()


def test_an_index_that_failed_to_load_is_loaded_again_with_the_next_query(served):
    """A dropped connection costs the reader one answer, not search until the next page load."""
    requests = []
    page, _ = open_page(
        served,
        "index.html",
        lambda route: (requests.append(route), route.abort() if len(requests) == 1 else route.continue_()),
    )
    page.keyboard.press("/")
    assert type_query(page, "apologise", by_key=False) == []
    assert "apologise" in page.evaluate("window.__searchLog.answers")  # answered, with nothing
    assert type_query(page, "refund")
    assert len(requests) == 2
    page.context.close()


def test_keyboard_slash_opens_escape_closes_enter_opens_the_first_result(served):
    page, _ = open_page(served, "index.html")
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.wait_for_timeout(READER_PAUSE_MS)  # Material debounces focus: a blur and a focus within 1 ms cancel out
    page.keyboard.press("s")
    page.wait_for_function("document.getElementById('__search').checked")
    first = type_query(page, "reimburse")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    assert page.url.split("?")[0] == first.split("?")[0] and "#step-offer-compensation" in page.url
    page.context.close()


@pytest.mark.parametrize(
    "locale, query, answer",
    [
        ("en", "debate", "mistake-arguing"),  # a thesaurus synonym of "argue", in no page
        ("nb", "kjekle", "mistake-arguing"),  # a thesaurus synonym of «krangle», in no page
        ("nb", "kompensere", "step-offer-compensation"),  # the verb of «kompensasjon», in no page
        ("en", "refnd", "step-offer-compensation"),  # a letter left out of a termbase synonym
        ("en", "empaty", "step-show-compassion"),  # two letters swapped: one edit
        ("en", "roadblokcs", "roadblocks.md"),
        ("nb", "komensasjonn", "step-offer-compensation"),  # two letters off in a long word
        # a letter left out, and the stemmer cuts the typo elsewhere: «erstatn|ig», «erstatning»
        ("nb", "erstatnig", "step-offer-compensation"),
        ("en", "disrespectful", "roadblock-lack-of-respect"),  # holds "respect"
        ("nb", "respektløs", "roadblock-lack-of-respect"),  # holds «respekt»
        ("nb", "kunde losningsorientert", "success-can-do-attitude"),  # typed without ø
        ("nb", "follow up", "step-follow-up"),  # the English term, typed into the Norwegian handbook
    ],
)
def test_a_word_the_handbook_does_not_use_finds_the_section(served, locale, query, answer):
    targets = result_targets(served, locale, query)[:5]
    assert any(answer in (t.page, t.section) for t in targets), targets


EMPTY_PANEL = ".handbook-search-empty"
EN_NOTHING, NB_NOTHING = "Nothing in the handbook matches “{}”.", "Ingenting i håndboken passer til «{}»."


@pytest.mark.parametrize(
    "path, query, nothing, did_you_mean, suggestion, topic",
    [
        (
            "index.html",
            "xqzvbrmk",
            EN_NOTHING,
            "Did you mean:",
            None,
            "Seven mistakes",
        ),
        (
            "index.html",
            "raodbloks",
            EN_NOTHING,
            "Did you mean:",
            "roadblocks",
            "Seven mistakes",
        ),
        (
            "nb/index.html",
            "hnidrigner",
            NB_NOTHING,
            "Mente du:",
            "hindringer",
            "Sju feil",
        ),
    ],
)
def test_when_nothing_matches_the_reader_is_told_and_offered_words_and_topics(
    served, path, query, nothing, did_you_mean, suggestion, topic
):
    page, _ = open_page(served, path)
    page.keyboard.press("/")
    assert type_query(page, query) == []
    page.wait_for_selector(f"{EMPTY_PANEL}:not([hidden])")
    text = page.inner_text(EMPTY_PANEL)
    assert nothing.format(query) in text
    topics = page.eval_on_selector_all(f"{EMPTY_PANEL} li a", "links => links.map(a => a.textContent)")
    assert any(title.startswith(topic) for title in topics), topics
    buttons = page.eval_on_selector_all(f"{EMPTY_PANEL} button", "bs => bs.map(b => b.textContent)")
    if suggestion is None:
        assert did_you_mean not in text
        page.context.close()
        return
    assert did_you_mean in text and suggestion in buttons, (text, buttons)
    page.click(f"{EMPTY_PANEL} button:text-is('{suggestion}')")
    page.wait_for_function(ANSWERED, arg=suggestion, timeout=ANSWER_TIMEOUT_MS)
    assert page.input_value("input.md-search__input") == suggestion
    assert page.eval_on_selector_all(".md-search-result__link", "links => links.length") > 0
    page.wait_for_selector(f"{EMPTY_PANEL}[hidden]", state="attached")
    page.context.close()
