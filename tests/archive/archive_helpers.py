"""Shared helpers for the importer's tests: the test archives and the seed."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
# the project's seed archive, beside the checkout (../shared/seed), also from a worktree
SEED = next((p / "shared" / "seed" / "kaifaqu-news.txt" for p in Path(__file__).resolve().parents[2:]
             if (p / "shared" / "seed" / "kaifaqu-news.txt").exists()),
            Path(__file__).resolve().parents[3] / "shared" / "seed" / "kaifaqu-news.txt")
ARCHIVES = sorted(DATA.glob("*.txt"))
# zero-width marks count as white space for "never lose text"
IGNORABLE = frozenset("\u200b\u2060\ufeff")


def visible(text: str) -> str:
    """The text without white space: what "never lose text" is about."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in IGNORABLE)
