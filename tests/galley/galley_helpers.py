"""Run ``layout galley`` in-process and read the PDF back."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pdfplumber

from layout.cli import main

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kaifaqu-news.txt"
PDFCHECK = SEED.parents[1] / "tools" / "pdfcheck.py"


def galley(*argv: str) -> tuple[int, str]:
    """Exit code and stderr of ``layout galley ARGV``."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(["galley", *argv])
    return rc, err.getvalue()


def page_chars(pdf_path: Path) -> list[list[dict]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [[c for c in page.chars if not c["text"].isspace()] for page in pdf.pages]
