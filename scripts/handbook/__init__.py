"""The handbook's own code: the translation checker and translator commands (`handbook --help`), the
MkDocs plugin that renders the site, search, and benchmarks.

Only `handbook.plugin` imports MkDocs: content, checks and translator tools must outlive the
rendering toolchain.
"""
