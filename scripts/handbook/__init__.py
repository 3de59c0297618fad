"""The handbook's command-line tools: checks, generators and benchmarks (run `python -m scripts --help`).

Nothing here imports MkDocs: content and checks must outlive the rendering toolchain.
"""
