"""A server on 127.0.0.1 that answers ``POST /v1/balances.track`` as the API does, for
the README's recipe, and the README's code blocks."""

import http.server
import json
import os
import re
import threading

from . import schema as S

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "am_sk_test_123"


def readme_blocks(language):
    """The text of every fenced block of ``language`` in the README."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as file:
        text = file.read()
    return re.findall(r"^```%s\n(.*?)^```$" % language, text, re.S | re.M)


class FakeAutumn(http.server.BaseHTTPRequestHandler):
    """The API's answers, chosen by the request: 200 with the balances when the body
    says ``"async": false``, else 202 with ``balance`` null and no ``balances`` (API
    2.5.0's default); special customers get the API's errors and odd bodies."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.requests.append((self.path, headers, body))
        if self.headers.get("Authorization") != "Bearer " + KEY:
            return self.answer(401, {"message": "Invalid secret key", "code": "unauthorized"})
        customer = body.get("customer_id")
        if customer == "cus_missing":
            return self.answer(404, {"message": "Customer not found", "code": "not_found"})
        if customer == "cus_plain_error":
            return self.answer(502, b"Bad Gateway")
        if customer == "cus_bad_body":
            return self.answer(200, {"customer_id": "cus_bad_body", "value": "1"})
        if customer == "cus_old_server":  # how servers of mid-2026 answered an async track
            return self.answer(202, {"success": True})
        # cus_busy: the server queues the event under load, even when asked to wait.
        if body.get("async") is False and customer != "cus_busy":
            return self.answer(200, S.load("examples/track_response_0.json"))
        return self.answer(202, {"customer_id": customer, "value": body["value"], "balance": None})

    def answer(self, status, body):
        data = body if type(body) is bytes else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Loopback:
    """``with Loopback() as server:`` a FakeAutumn on a free port of 127.0.0.1, with
    ``AUTUMN_URL`` and ``AUTUMN_SECRET_KEY`` set for the recipe, and ``server.requests``
    the (path, headers, body) it received; the environment is restored after."""

    def __enter__(self):
        self.server = http.server.HTTPServer(("127.0.0.1", 0), FakeAutumn)
        self.server.requests = self.requests = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.environ = dict(os.environ)
        os.environ["AUTUMN_URL"] = "http://127.0.0.1:%d" % self.server.server_port
        os.environ["AUTUMN_SECRET_KEY"] = KEY
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
        os.environ.clear()
        os.environ.update(self.environ)
