"""Settings for every test: Hypothesis without its per-example deadline.

Why: a deadline is a timed assert, and the suite runs on 2 shared cores (CI, helpers
beside it); an example that takes 250 ms under load is not a failure.  Speed is
measured in ``benchmarks/``, never in tests."""

from __future__ import annotations

import pytest
from hypothesis import settings

settings.register_profile("layout", deadline=None)
settings.load_profile("layout")


# Fixtures made once per session or module that cost too little to matter when two
# workers each make them (loading a template or the fonts, finding the seed).
CHEAP_SHARED = frozenset({"fonts", "tabloid", "broadsheet", "seed_path"})


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the marks
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (``pytest -n 2 --dist loadgroup``, what .ci/run runs): the tests
    that use a module- or session-scoped fixture of ours (a rendered sample, a built
    wheel, a reference batch) go to one worker together, so that fixture is made once,
    not once per worker.  Grouped by where the fixture is defined (its module or
    conftest folder).  Without xdist the mark does nothing."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        if info is None:
            continue
        for name in info.names_closure:
            defs = info.name2fixturedefs.get(name) or ()
            fixture = defs[-1] if defs else None
            if (fixture is not None and fixture.scope in ("module", "session") and name not in CHEAP_SHARED
                    and fixture.baseid):  # ours: a plugin's fixtures have no base id
                item.add_marker(pytest.mark.xdist_group(fixture.baseid))
                break
