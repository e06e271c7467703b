"""Shared pytest setup: each team adds its plugin module to `pytest_plugins`."""

pytest_plugins = ["tests.servers.mail", "tests.servers.postgres", "tests.servers.oauth2"]

# No per-example deadline: on a loaded two-core CI machine a slow example is no bug, and a
# deadline would make property tests flaky. Failing examples are still shrunk and printed.
from hypothesis import settings  # noqa: E402

settings.register_profile("claims", deadline=None, print_blob=True)
settings.load_profile("claims")
