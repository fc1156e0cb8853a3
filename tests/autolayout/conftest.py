"""Fixtures for the automatic layout: the templates and their fonts, loaded once."""

from __future__ import annotations

import pytest

from layout.autolayout import load_template


@pytest.fixture(scope="session")
def tabloid():
    return load_template("tabloid")


@pytest.fixture(scope="session")
def broadsheet():
    return load_template("broadsheet")


@pytest.fixture(scope="session")
def fonts(tabloid):
    return tabloid.fonts.fontset()
