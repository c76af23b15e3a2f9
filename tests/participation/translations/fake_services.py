"""Stand-ins for the machine translation services, served over real HTTP on 127.0.0.1.

No package registry ships translation model weights, so the clients are tested against these
local servers (stdlib http.server in a thread), which implement the documented endpoints:
LibreTranslate's ``POST /translate`` (``q`` as a list -> ``{"translatedText": [...]}``) and
Google Cloud Translation Basic's ``POST /language/translate/v2`` (``q`` as a list ->
``{"data": {"translations": [{"translatedText": ...}]}}``). Each "translation" is the text
with the target language in brackets, so a test can tell what was sent where.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeService:
    def __init__(self):
        self.calls: list[dict] = []
        self.fail_next = 0

    def answer(self, path: str, payload: dict) -> tuple[int, dict]:
        self.calls.append({"path": path, **payload})
        if self.fail_next:
            self.fail_next -= 1
            return 503, {"error": "busy"}
        translated = [f"[{payload['target']}] {text}" for text in payload["q"]]
        if path == "/translate":
            return 200, {"translatedText": translated}
        if path == "/language/translate/v2":
            return 200, {"data": {"translations": [{"translatedText": t} for t in translated]}}
        return 404, {"error": "not found"}


@contextmanager
def serve():
    service = FakeService()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the stdlib's name
            length = int(self.headers.get("Content-Length", 0))
            payload = json.loads(self.rfile.read(length) or b"{}")
            payload["headers"] = dict(self.headers)
            status, body = service.answer(self.path.split("?")[0], payload)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
