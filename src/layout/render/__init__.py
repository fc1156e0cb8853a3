"""The render stage: a placed page -> a display list (``drawing``, ``display``,
``proof``) -> a PDF (``pdfbackend`` and its helpers ``text``, ``images``,
``cidfonts``, ``canvas``, ``pdfxwrite``, ``pdfx``).

This package is also the API's ``layout.render(source, ...)`` (layout.api.render):
``layout.render`` cannot be both a function and this package, since importing any
``layout.render.*`` module binds the package to that name.  So the package is
callable; calling it imports the API (nothing else here is imported eagerly, so the
stage's modules still load only when used).
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableStage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> bytes:
        """``layout.render(source, *, base_dir=None, ...) -> bytes``: see ``layout.api.render``."""
        from layout.api import render

        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableStage
