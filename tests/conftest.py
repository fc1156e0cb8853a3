"""Settings for every test: Hypothesis without its per-example deadline.

Why: a deadline is a timed assert, and the suite runs on 2 shared cores (CI, helpers
beside it); an example that takes 250 ms under load is not a failure.  Speed is
measured in ``benchmarks/``, never in tests."""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("layout", deadline=None)
settings.load_profile("layout")
