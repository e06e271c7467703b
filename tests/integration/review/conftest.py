"""Fixtures of the review page's integration tests: a seeded database (the real pipeline over
corpus mails, once per session, copied per test) and a TestClient on the real app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from review.app import create_app
from tests.integration.review.seed import CORPUS, PASSWORD, Seeded, copy_seeded, reopen, seed

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (CORPUS / "cases").is_dir():
        pytest.skip("../shared/corpus is not beside the project (CI has it)")
    folder = tmp_path_factory.mktemp("review-seed")
    done = seed(f"sqlite:///{folder / 'claims.db'}", folder)
    done.services.store.engine.dispose()
    return folder / "claims.db"


@pytest.fixture
def seeded(seeded_template: Path, tmp_path: Path) -> Iterator[Seeded]:
    data = reopen(copy_seeded(seeded_template, tmp_path / "db"), tmp_path)
    yield data
    data.services.store.engine.dispose()


@pytest.fixture
def client(seeded: Seeded) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.deps), base_url="http://127.0.0.1") as c:
        yield c


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: TestClient, name: str = "bo", password: str = PASSWORD) -> str:
    """Logs in; returns the session's CSRF token."""
    page = client.get("/login")
    response = client.post("/login", data={"name": name, "password": password, "csrf": csrf_of(page.text)}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/sager").text)
