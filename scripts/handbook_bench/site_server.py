"""Serves a built site on 127.0.0.1 the way GitHub Pages does: under the `site_url` path, with
the root 404.html (and status 404) for every missing URL, and (with `compress=True`, for speed
measurements) text gzip-compressed for browsers that accept it."""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class _PagesHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "outside-the-site-path" / "missing")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        # linkchecker lifts its per-host request throttle for servers that send this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _CompressingPagesHandler(_PagesHandler):
    """Sends text files gzip-compressed when the browser accepts it, as GitHub Pages does."""

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not os.path.isfile(path)
            or not kind.startswith(COMPRESSED_TYPES)
            or not urlsplit(self.path).path.endswith(("/", Path(path).name))
        ):
            super().do_GET()
            return
        body = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# What GitHub Pages compresses (text); images are sent as they are.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)


class _QuietServer(ThreadingHTTPServer):
    """A browser that closes a connection mid-response (a page left, a worker stopped) is normal."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, path_prefix: str, port: int | None = 0, compress: bool = False) -> Iterator[str]:
    """Yield the base URL (http://127.0.0.1:PORT/prefix/) of `site` served in a thread."""
    handler = type("Handler", (_CompressingPagesHandler if compress else _PagesHandler,), {"prefix": path_prefix})
    server = _QuietServer(("127.0.0.1", port or 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{path_prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_apart(site: Path, path_prefix: str, port: int | None = 0) -> Iterator[str]:
    """As `serve`, from a process of its own: for timings, so that serving a busy page (an offline
    copy downloading thousands of files) does not slow down this process, which drives the browser."""
    port = port or free_port()
    command = [sys.executable, "-m", "handbook_bench.site_server", str(site), path_prefix, str(port)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}{path_prefix}"
    finally:
        process.terminate()
        process.wait()


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"the site server on port {port} did not start")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":  # python -m handbook_bench.site_server SITE PATH_PREFIX PORT (for serve_apart)
    with serve(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])):
        threading.Event().wait()
