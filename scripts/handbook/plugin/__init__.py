"""The handbook's MkDocs plugin: everything MkDocs-specific lives in this package.

`plugin.py` holds the events and the order they run in; `config.py` its options; each other
module one page or site transform as plain functions, so a change of site generator replaces
this package and nothing else.
"""
