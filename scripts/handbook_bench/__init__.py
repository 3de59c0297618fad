"""Measurement for the handbook, kept apart from the shipped `handbook` package.

`make bench`, `make search-bench`, `make lighthouse` and the icon renderer live here, with what they
share with the tests (the site server, Chromium, the generated handbooks and the vanilla baseline).
Nothing here is installed with the handbook: it runs from a checkout (`python -m handbook_bench`),
imports the product, and is never imported by it.
"""
