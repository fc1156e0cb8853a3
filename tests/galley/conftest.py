import pytest

from layout.fonts import default_fontset


@pytest.fixture(scope="session")
def fonts():
    return default_fontset()
