"""Shared pytest setup: each team adds its plugin module to `pytest_plugins`."""

pytest_plugins = ["tests.servers.mail", "tests.servers.postgres"]
