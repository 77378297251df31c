"""The real server on its real port: DNS rebinding, cross-origin calls, paths and headers as a browser would send them.

The route tests (Explorer/Tests) check the same rules in process with an allow-list made for the test client; here
the allow-list is the one the executable builds from `--host` and the port it bound, and requests go over TCP with
raw targets (http.client does not normalise `/../`).
"""

import http.client
import os
import unittest

import harness


class LiveSecurityTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        reason = harness.skip_reason()
        if reason:
            raise unittest.SkipTest(reason)
        cls.server = harness.Server("graphs")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def request(self, target, host=None, method="GET", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", host or f"127.0.0.1:{self.server.port}")
            for name, value in (headers or {}).items():
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def test_host_must_be_the_bound_address(self):
        port = self.server.port
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            self.assertEqual(self.request("/api/graph", host=host)[0], 200, host)
        for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", f"10.0.0.1:{port}"):
            status, _, body = self.request("/api/graph", host=host)
            self.assertEqual(status, 403, host)
            self.assertIn(b"DNS rebinding", body)
            self.assertEqual(self.request("/", host=host)[0], 403, host)

    def test_cross_origin_api_calls_are_refused(self):
        port = self.server.port
        self.assertEqual(self.request("/api/search?q=kabul", headers={"Origin": "http://evil.example"})[0], 403)
        self.assertEqual(self.request("/api/search?q=kabul", headers={"Origin": f"http://127.0.0.1:{port + 1}"})[0], 403)
        self.assertEqual(self.request("/api/search?q=kabul", headers={"Sec-Fetch-Site": "cross-site"})[0], 403)
        self.assertEqual(self.request("/api/search?q=kabul", headers={"Origin": f"http://127.0.0.1:{port}",
                                                                      "Sec-Fetch-Site": "same-origin"})[0], 200)

    def test_no_path_reaches_the_file_system(self):
        here = os.path.join(harness.REPO, "Package.swift")
        self.assertTrue(os.path.exists(here))
        for target in ("/assets/../Package.swift", "/../Package.swift", "/assets/%2e%2e/Package.swift",
                       "/assets/..%2fPackage.swift", "//etc/passwd", "/assets//etc/passwd", "/etc/passwd",
                       "/assets/app.js/", "/assets/%2Fetc%2Fpasswd", "/Package.swift"):
            status, _, body = self.request(target)
            self.assertEqual(status, 404, target)
            self.assertNotIn(b"swift-tools-version", body, target)
            self.assertNotIn(b"root:", body, target)
        self.assertEqual(self.request("/assets/app.js")[0], 200)

    def test_headers_and_methods(self):
        status, headers, _ = self.request("/")
        self.assertEqual(status, 200)
        self.assertIn("script-src 'self'", headers.get("Content-Security-Policy", ""))
        self.assertNotIn("unsafe-inline", headers.get("Content-Security-Policy", ""))
        self.assertEqual(headers.get("X-Content-Type-Options"), "nosniff")
        self.assertEqual(self.request("/api/graph", method="POST", headers={"Content-Length": "0"})[0], 405)


if __name__ == "__main__":
    unittest.main()
