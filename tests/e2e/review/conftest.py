"""A real browser (Debian's /usr/bin/chromium, headless, RECIPES.md §7) against the review page
served by uvicorn in a thread on 127.0.0.1 with a free port, over a database seeded by the real
pipeline. Without chromium the tests are skipped, except under CI=true, where they fail."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from review.app import create_app
from tests.integration.review.seed import CORPUS, Seeded, seed

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"the browser tests must run under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    def __init__(self, seeded: Seeded, url: str) -> None:
        self.seeded = seeded
        self.url = url


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if not (CORPUS / "cases").is_dir():
        _unavailable("../shared/corpus is not beside the project")
    folder = tmp_path_factory.mktemp("review-e2e")
    seeded = seed(f"sqlite:///{folder / 'claims.db'}", folder)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(seeded.deps), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield Served(seeded, f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(timeout=10)
    seeded.services.store.engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
        return
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()
