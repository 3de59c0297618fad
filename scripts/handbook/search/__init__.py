"""The handbook's own search: an enriched per-locale index built from the site (index.py), the
relevance benchmark (relevance.py, bench.py, browser.py) and the Pagefind comparison (pagefind.py).

Nothing here imports MkDocs; the plugin calls `index` after the build has written every page.
"""
