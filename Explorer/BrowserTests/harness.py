"""Starts the explorer server and a headless Chromium for the browser tests.

The server is `ACTORGRAPH_EXPLORER` (default: Explorer/.build/debug/actorgraph-explorer), started with
`--graph G [--sources S] --host 127.0.0.1 --port P` on a free port; the tests wait for `/api/graph` to answer.
Screenshots go to `BROWSER_TEST_OUTPUT` (default: Explorer/BrowserTests/output, gitignored).
"""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUTPUT = os.environ.get("BROWSER_TEST_OUTPUT", os.path.join(HERE, "output"))
SERVER = os.environ.get("ACTORGRAPH_EXPLORER", os.path.join(REPO, "Explorer", ".build", "debug", "actorgraph-explorer"))
SEEDS = os.environ.get("ACTORGRAPH_SEEDS", os.path.join(os.path.dirname(REPO), "shared", "seeds"))
HOSTILE = os.path.join(HERE, "fixtures", "hostile")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One explorer server process on a free local port."""

    def __init__(self, graph, sources=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [SERVER, "--graph", graph, "--host", "127.0.0.1", "--port", str(self.port)]
        if sources:
            args += ["--sources", sources]
        os.makedirs(OUTPUT, exist_ok=True)
        self.log_path = os.path.join(OUTPUT, f"server-{self.port}.log")
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(args, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the explorer server exited with status {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/graph", timeout=2) as response:
                    self.graph = json.load(response)
                    return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"the explorer server did not answer on {self.url} within 60 s; see {self.log_path}")
                time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def chromium_missing():
    """Why the browser tests cannot run here, or None when Chromium, its driver and Selenium are present."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "Selenium is not installed in this Python (make browser-deps installs it into .venv)"
    for tool in ("chromium", "chromedriver"):
        if not shutil.which(tool):
            return f"`{tool}` is not on PATH (make browser-deps installs Debian's chromium and chromium-driver)"
    if not os.access(SERVER, os.X_OK):
        return f"the explorer server {SERVER} is not built (swift build --package-path Explorer)"
    return None


def skip_reason():
    """Why to skip the browser tests, or None; under CI=true a missing piece is an error, never a skip."""
    reason = chromium_missing()
    if reason and os.environ.get("CI") == "true":
        raise RuntimeError(f"CI=true and the browser tests cannot run: {reason}")
    return reason


def browser(width=1600, height=1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def wait_ready(driver, timeout=20.0):
    """Waits until the page has settled (`window.actorgraphReady === true`); returns the seconds waited."""
    start = time.monotonic()
    # A click starts its load synchronously, but give a debounced action (typing) a moment to begin.
    time.sleep(0.05)
    while time.monotonic() - start < timeout:
        if driver.execute_script("return window.actorgraphReady === true"):
            return time.monotonic() - start
        time.sleep(0.03)
    raise AssertionError(f"the page did not settle within {timeout} s")


def wait_for(driver, script, timeout=10.0, message="condition"):
    """Polls a JavaScript expression until it is truthy; returns its value."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        value = driver.execute_script(f"return ({script})")
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}: {script}")


def shot(driver, name):
    os.makedirs(OUTPUT, exist_ok=True)
    path = os.path.join(OUTPUT, f"{name}.png")
    driver.save_screenshot(path)
    return path


def severe_console_errors(driver):
    """Console messages at SEVERE level (failed loads, CSP violations, uncaught exceptions)."""
    try:
        return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    except Exception:  # noqa: BLE001 - not every driver keeps logs
        return []
