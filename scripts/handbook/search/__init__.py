"""The handbook's own search: an enriched per-locale index built from the site (index.py), serialised
for lunr.js (lunr_index.py).

Nothing here imports MkDocs; the plugin calls `index` after the build has written every page. The
relevance benchmark that measures it lives apart, in `handbook_bench`.
"""
