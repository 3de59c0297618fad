"""Serves a built site on 127.0.0.1 the way GitHub Pages does: under the `site_url` path, with
the root 404.html (and status 404) for every missing URL."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class _PagesHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        relative = path[len(self.prefix):] if path.startswith(self.prefix) else "\0missing"
        return super().translate_path("/" + relative)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path, path_prefix: str):
    """Yield the base URL (http://127.0.0.1:PORT/prefix/) of `site` served in a thread."""
    handler = type("Handler", (_PagesHandler,), {"prefix": path_prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{path_prefix}"
    finally:
        server.shutdown()
        server.server_close()
