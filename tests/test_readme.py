"""The README holds when followed: its Python runs as written (the API recipe
against a server on 127.0.0.1), its vendoring line works in a fresh checkout and
again, and each table has the shape of its header."""

import contextlib
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

from . import schema as S

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as _file:
    README = _file.read()
KEY = "am_sk_test_123"


def blocks(language):
    return re.findall(r"^```%s\n(.*?)^```$" % language, README, re.S | re.M)


class FakeAutumn(http.server.BaseHTTPRequestHandler):
    """``POST /v1/balances.track`` as the API answers it, chosen by ``customer_id``."""

    requests = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeAutumn.requests.append(
            (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        if self.headers.get("Authorization") != "Bearer " + KEY:
            return self.answer(401, {"message": "Invalid secret key", "code": "unauthorized"})
        customer = body.get("customer_id")
        if customer == "cus_missing":
            return self.answer(404, {"message": "Customer not found", "code": "not_found"})
        if customer == "cus_plain_error":
            return self.answer(502, b"Bad Gateway")
        if customer == "cus_bad_body":
            return self.answer(200, {"customer_id": "cus_bad_body", "value": "1"})
        response = S.load("examples/track_response_0.json")
        if customer == "cus_queued":
            return self.answer(202, dict(response, customer_id="cus_queued", balance=None))
        return self.answer(200, response)

    def answer(self, status, body):
        data = body if type(body) is bytes else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class ReadmePythonTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.HTTPServer(("127.0.0.1", 0), FakeAutumn)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.environ = dict(os.environ)
        os.environ["AUTUMN_URL"] = "http://127.0.0.1:%d" % cls.server.server_port
        os.environ["AUTUMN_SECRET_KEY"] = KEY
        cls.namespace = {"__name__": "readme"}
        cls.printed = io.StringIO()
        with contextlib.redirect_stdout(cls.printed):
            for code in blocks("python"):
                exec(compile(code, "README.md", "exec"), cls.namespace)

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        os.environ.clear()
        os.environ.update(cls.environ)

    def test_every_block_ran_and_the_recipe_called_the_api(self):
        self.assertGreaterEqual(len(blocks("python")), 2)
        self.assertEqual(self.printed.getvalue(), "messages 72 left\n")
        path, headers, body = FakeAutumn.requests[0]
        self.assertEqual(path, "/v1/balances.track")
        self.assertEqual(headers["x-api-version"], "2.5.0")
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(body, {"customer_id": "cus_123", "feature_id": "messages", "value": 1})

    def test_a_queued_event_reads_the_same(self):
        response = self.namespace["track"](customer_id="cus_queued", feature_id="messages")
        self.assertEqual(response.customer_id, "cus_queued")
        self.assertIsNone(response.balance)

    def test_http_errors_become_one_clear_exception(self):
        track, error_class = self.namespace["track"], self.namespace["AutumnError"]
        with self.assertRaises(error_class) as caught:
            track(customer_id="cus_missing", feature_id="messages")
        self.assertEqual(
            (caught.exception.status, caught.exception.message), (404, "Customer not found")
        )
        self.assertEqual(str(caught.exception), "HTTP 404: Customer not found")
        with self.assertRaises(error_class) as caught:
            track(customer_id="cus_plain_error", feature_id="messages")
        self.assertEqual(str(caught.exception), "HTTP 502: Bad Gateway")
        os.environ["AUTUMN_SECRET_KEY"] = "wrong"
        try:
            with self.assertRaises(error_class) as caught:
                track(customer_id="cus_123", feature_id="messages")
        finally:
            os.environ["AUTUMN_SECRET_KEY"] = KEY
        self.assertEqual(caught.exception.status, 401)

    def test_a_body_of_the_wrong_shape_is_a_validation_error(self):
        from trackbalances import ValidationError

        with self.assertRaises(ValidationError) as caught:
            self.namespace["track"](customer_id="cus_bad_body", feature_id="messages")
        self.assertEqual(
            [str(e) for e in caught.exception.errors],
            ["value: expected a number, got str '1'", "balance: required key missing"],
        )


class ReadmeShellTest(unittest.TestCase):
    @unittest.skipUnless(shutil.which("sh") and shutil.which("cp"), "needs a POSIX shell")
    def test_the_vendoring_line_works_and_works_again(self):
        (line,) = [b for b in blocks("sh") if "_vendor" in b]
        with tempfile.TemporaryDirectory() as checkout:
            shutil.copytree(
                os.path.join(ROOT, "trackbalances"),
                os.path.join(checkout, "trackbalances"),
                ignore=shutil.ignore_patterns("__pycache__"),
            )
            stale = os.path.join(checkout, "your_app", "_vendor", "trackbalances")
            os.makedirs(stale)
            open(os.path.join(stale, "_old_module.py"), "w").close()
            for _ in range(2):
                subprocess.run(["sh", "-e", "-c", line], cwd=checkout, check=True, timeout=60)
                vendored = os.path.join(checkout, "your_app", "_vendor", "trackbalances")
                self.assertEqual(
                    sorted(os.listdir(vendored)),
                    sorted(name for name in os.listdir(os.path.join(checkout, "trackbalances"))),
                )
            code = "from your_app._vendor.trackbalances import Balance; print(Balance.__name__)"
            open(os.path.join(checkout, "your_app", "__init__.py"), "w").close()
            open(os.path.join(checkout, "your_app", "_vendor", "__init__.py"), "w").close()
            done = subprocess.run(
                [sys.executable, "-c", code],
                cwd=checkout,
                stdout=subprocess.PIPE,
                timeout=60,
            )
            self.assertEqual(done.stdout.strip(), b"TrackBalances")


class ReadmeTablesTest(unittest.TestCase):
    def test_every_row_has_the_shape_of_its_header(self):
        tables = re.findall(r"((?:^\|.*\|\n)+)", README, re.M)
        self.assertGreaterEqual(len(tables), 4)
        for table in tables:
            rows = [re.split(r"(?<!\\)\|", row)[1:-1] for row in table.splitlines()]
            with self.subTest(header=rows[0]):
                self.assertTrue(all(set(cell.strip()) <= set(":-") for cell in rows[1]))
                for row in rows:
                    self.assertEqual(len(row), len(rows[0]), row)


if __name__ == "__main__":
    unittest.main()
