"""Headless Chromium for the page tests, driven over the DevTools protocol (websocket-client), nothing
downloaded: Debian's ``chromium`` package (``.ci/run`` installs it). Without a browser the tests skip on a
developer's machine and fail in CI, like the PostgreSQL tests."""
from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import List, Optional

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--window-size=1100,1400"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "chrome:", "devtools:")


def browser_required() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def find_chromium() -> Optional[str]:
    for name in (os.environ.get("KAZEXTRACT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def skip_or_fail(message: str):
    if browser_required():
        pytest.fail(message + " (CI: .ci/run installs Debian's chromium)")
    pytest.skip(message)


class Page:
    """One tab: load a file, evaluate scripts, take a screenshot; console errors, exceptions and network
    requests seen while it was loaded are collected."""

    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.events: List[dict] = []

    def send(self, method: str, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, method: str, timeout: float = 30.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if any(e["method"] == method for e in self.events):
                return
            self.ws.settimeout(max(0.1, end - time.monotonic()))
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
        raise TimeoutError(method)

    def drain(self, seconds: float):
        """Collect the events that arrive in the next ``seconds`` (late requests, errors of scripts)."""
        import websocket

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.ws.settimeout(max(0.05, end - time.monotonic()))
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                break
            if "method" in msg:
                self.events.append(msg)
        self.ws.settimeout(30)

    def open(self, path: Path):
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.events.clear()
        self.send("Page.navigate", url=Path(path).resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.drain(0.5)

    def evaluate(self, expression: str):
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"script failed: {res['exceptionDetails']}")
        return res["result"].get("value")

    def console_errors(self) -> List[str]:
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
            elif e["method"] == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append(f"{d.get('text', '')} {d.get('exception', {}).get('description', '')}".strip())
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", ""))
        return out

    def network_requests(self) -> List[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"
                and not e["params"]["request"]["url"].startswith(LOCAL_SCHEMES)]

    def screenshot(self, full_page: bool = False) -> bytes:
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        return base64.b64decode(self.send("Page.captureScreenshot", **params)["data"])


def distinct_colours(png: bytes) -> int:
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 16)
    return len(colours) if colours is not None else 1 << 16


class Browser:
    def __init__(self, binary: str):
        self.profile = tempfile.mkdtemp(prefix="kazextract-chromium-")
        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        end = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > end:
                self.close()
                raise RuntimeError(f"{binary} did not start (exit code {self.proc.returncode})")
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])

    def new_page(self) -> Page:
        import websocket

        targets = json.loads(urllib.request.urlopen(
            urllib.request.Request(f"http://127.0.0.1:{self.port}/json/list"), timeout=30).read())
        page = next(t for t in targets if t.get("type") == "page")
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        return Page(ws)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    binary = find_chromium()
    if binary is None:
        skip_or_fail("no chromium on PATH (apt-get install chromium)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        skip_or_fail("the browser tests need websocket-client (pip install '.[test]')")
    try:
        b = Browser(binary)
    except RuntimeError as exc:
        skip_or_fail(str(exc))
    yield b
    b.close()
