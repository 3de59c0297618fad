"""Types queries into a built site's real search box in Chromium and reads the result links.

The search UI is Material's whatever the engine behind it: `/` opens search, the query is typed
into `input.md-search__input`, and results are the `.md-search-result__link` elements in order
(the ones a reader sees: links folded into "N more on this page" are left out), page by page
and, within a page, best score first, the order in which Material's Enter key picks a result. Every query
message to the search worker and every result message back is counted, so a query's results
are read only once the worker has answered that very query, not an earlier prefix of it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from handbook_bench.page_weight import wire_size

# Material's worker protocol: a QUERY message (type 2) is answered by a RESULT message (type 3).
RECORD_WORKER_MESSAGES = """(() => {
  const Native = window.Worker;
  window.__searchLog = {sent: [], answers: []};  // the queries sent, and those answered (on the page)
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      // Registered before Material's own listener, which renders the first results at once:
      // a task later, they are on the page.
      this.addEventListener("message", event => {
        if (!event.data || event.data.type !== 3) return;
        const query = event.data.data && event.data.data.query;
        setTimeout(() => window.__searchLog.answers.push(query), 0);
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) window.__searchLog.sent.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})();"""
# A worker that names the query it answers (the handbook's) is done when its answer to this one
# is on the page; one that does not (Material's) when as many answers as queries are.
ANSWERED = """query => {
  const log = window.__searchLog;
  if (log.sent.length === 0 || log.sent[log.sent.length - 1] !== query) return false;
  const last = log.answers[log.answers.length - 1];
  return last === undefined ? log.answers.length >= log.sent.length : last === query;
}"""
# Within a page's group, links are taken best score first: the order Enter follows in Material.
VISIBLE_RESULT_LINKS = """() => [...document.querySelectorAll(".md-search-result__item")].flatMap(item =>
  [...item.querySelectorAll(".md-search-result__link")].filter(link => !link.closest("details"))
    .map((link, order) => ({href: link.href, order,
      score: parseFloat(link.querySelector("[data-md-score]")?.dataset.mdScore || "0")}))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(link => link.href))"""
SEARCH_INPUT = "input.md-search__input"
ANSWER_TIMEOUT_MS = 15_000


@dataclass
class SearchRun:
    """The result links of each query, and what the browser downloaded before and for search."""

    links: dict[str, list[str]] = field(default_factory=dict)
    load_bytes: int = 0
    first_search_bytes: int = 0


def open_page(browser: Any, start_url: str, init_script: str | None = None, cpu_slowdown: float = 1) -> LoadedPage:
    """A fresh context on `start_url`, loaded, with what the load downloaded counted; responses
    from then on are collected for the first search."""
    context = browser.new_context()
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    if cpu_slowdown != 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(start_url)
    page.wait_for_load_state("networkidle")
    run = SearchRun(load_bytes=wire_bytes(responses))
    responses.clear()
    return LoadedPage(context, page, responses, run)


@dataclass
class LoadedPage:
    context: Any
    page: Any
    responses: list[Any]
    run: SearchRun

    def count_first_search(self) -> None:
        self.page.wait_for_load_state("networkidle")
        self.run.first_search_bytes = wire_bytes(self.responses)


def run_queries(browser: Any, start_url: str, queries: list[str]) -> SearchRun:
    """Open `start_url`, open search with `/`, and enter each query in turn: the whole text at once
    (relevance reads only the answer to the whole query; typing key by key is for the timings)."""
    loaded = open_page(browser, start_url, RECORD_WORKER_MESSAGES)
    loaded.page.keyboard.press("/")
    for number, query in enumerate(queries):
        loaded.run.links[query] = type_query(loaded.page, query, by_key=False)
        if number == 0:
            loaded.count_first_search()
    loaded.context.close()
    return loaded.run


@dataclass
class Timing:
    """Seconds to results: from typing a first query (the index not loaded yet), and from the last
    key of a second one (the index loaded, the rest of the word already answered)."""

    cold: float
    warm: float
    run: SearchRun


def first_result_seconds(browser: Any, start_url: str, query: str, second_query: str, cpu_slowdown: float) -> Timing:
    """Wall time from typing `query` on a loaded page to its results, then from the last key of
    `second_query` to its results, with the CPU slowed down (Chrome DevTools' CPU throttling), and
    the bytes of the page load and the first search."""
    loaded = open_page(browser, start_url, RECORD_WORKER_MESSAGES, cpu_slowdown)
    loaded.page.keyboard.press("/")
    start = time.perf_counter()
    loaded.run.links[query] = type_query(loaded.page, query)
    cold = time.perf_counter() - start
    loaded.count_first_search()
    type_query(loaded.page, second_query[:-1])
    start = time.perf_counter()
    loaded.run.links[second_query] = type_query(loaded.page, second_query[-1], clear=False)
    warm = time.perf_counter() - start
    loaded.context.close()
    return Timing(cold, warm, loaded.run)


def type_query(page: Any, query: str, clear: bool = True, by_key: bool = True) -> list[str]:
    """Replace the search box's text with `query` (or add `query` to it), key by key or (`by_key`
    false) all at once, and return the visible result links once the worker has answered for the
    whole text."""
    box = page.locator(SEARCH_INPUT)
    if not by_key:
        box.fill(query)
    else:
        if clear:
            box.press("Control+A")
            box.press("Backspace")
        box.press_sequentially(query)
    # Playwright types a letter its keyboard layout lacks («å» last in «etterpå») as inserted text,
    # with no keyup, and Material reads the box on keyup: a key that types nothing sends the text.
    box.press("End")
    from playwright.sync_api import TimeoutError as NoAnswer

    try:
        page.wait_for_function(ANSWERED, arg=box.input_value(), timeout=ANSWER_TIMEOUT_MS)
    except NoAnswer:  # the engine's worker never answered (a query it cannot parse): a miss, said aloud
        print(f"no answer within {ANSWER_TIMEOUT_MS / 1000:.0f} s, counted as a miss: {query!r}", file=sys.stderr)
        return []
    return [str(link) for link in page.evaluate(VISIBLE_RESULT_LINKS)]


def wire_bytes(responses: list[Any]) -> int:
    """What the responses weigh on the wire (gzip for text, as GitHub Pages serves it)."""
    total = 0
    for response in responses:
        with contextlib.suppress(Exception):  # a redirect or an aborted request has no body to count
            total += wire_size(response.body(), response.headers.get("content-type", ""))
    return total
