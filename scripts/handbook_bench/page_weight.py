"""First-load weight of pages in a real browser: what a reader downloads to see a page.

Used by `make bench` to compare this site with a vanilla Material build of the same content.
Bytes are counted as a web server would send them gzip-compressed (GitHub Pages compresses
text), for every response from the site's own server until the network is idle; requests to
any other host are blocked and counted.
"""

from __future__ import annotations

import gzip
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handbook_bench.site_server import COMPRESSED_TYPES, serve
from handbook_bench.support import chromium


@dataclass(frozen=True)
class PageWeight:
    path: str
    bytes: int
    requests: int
    third_party_requests: int


def wire_size(body: bytes, content_type: str) -> int:
    return len(gzip.compress(body, 6, mtime=0)) if content_type.startswith(COMPRESSED_TYPES) else len(body)


def measure(site: Path, site_url: str, pages: list[str]) -> list[PageWeight]:
    """Load each page in a fresh browser context (empty cache) and add up what it downloads.

    `site_url` is the address the site was built for: it is served there, on 127.0.0.1."""
    weights = []
    address = urlsplit(site_url)
    with serve(site, address.path, address.port) as base, chromium() as browser:
        for path in pages:
            context = browser.new_context()
            local: list[Any] = []
            foreign: list[str] = []
            context.route("**/*", _first_party_only(base, foreign))
            page = context.new_page()
            page.on("response", _collect(local))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            total = sum(wire_size(r.body(), r.headers.get("content-type", "")) for r in local if r.ok)
            weights.append(PageWeight(path, total, len(local), len(foreign)))
            context.close()
        browser.close()
    return weights


def _first_party_only(base: str, foreign: list[str]) -> Callable[[Any], None]:
    """A route handler that lets the site's own requests through and records and blocks the rest."""

    def route(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    return route


def _collect(responses: list[Any]) -> Callable[[Any], None]:
    """A response handler (Playwright needs a function it can tag, not a bound builtin)."""

    def collect(response: Any) -> None:
        responses.append(response)

    return collect


def median_bytes(weights: list[PageWeight]) -> float:
    return statistics.median(weight.bytes for weight in weights)
