"""The benchmark's page-weight measurement, on a two-file site with one third-party request."""

from __future__ import annotations

import pytest

from handbook_bench.page_weight import measure, wire_size
from handbook_bench.site_server import free_port


@pytest.mark.browser
def test_measure_counts_own_bytes_and_blocks_other_hosts(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><link rel="stylesheet" href="style.css">'
        '<link rel="stylesheet" href="https://fonts.example.invalid/font.css">',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("body { color: black; }\n" * 50, encoding="utf-8")
    (tmp_path / "404.html").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    [weight] = measure(tmp_path, f"http://127.0.0.1:{free_port()}/site/", ["index.html"])
    expected = sum(
        wire_size((tmp_path / name).read_bytes(), kind)
        for name, kind in (("index.html", "text/html"), ("style.css", "text/css"))
    )
    assert (weight.bytes, weight.requests, weight.third_party_requests) == (expected, 2, 1)
