"""The recognition report (``layout import --report``): what was recognised, story
by story, with a confidence per decision, and the unsure ones flagged (issue 6:
"the rules are explainable").
"""

from __future__ import annotations

from collections import Counter

from layout.archive.model import ArchivedPage, ArchivedStory, Note
from layout.archive.normalize import Normalized
from layout.archive.read import ArchiveText

SHOW = 36  # characters of an element shown in the report
UNSURE_MARK = "?"
PLAIN_BODY = 0.95  # a body paragraph's confidence when nothing but its place decided it (parse._text)


def _short(text: str) -> str:
    return text if len(text) <= SHOW else text[:SHOW - 1] + "…"


def format_report(page: ArchivedPage, archive: ArchiveText | None = None,
                  normalized: Normalized | None = None) -> str:
    """The report as text, one line per decision; unsure decisions start with '?'."""
    out: list[str] = []
    if archive is not None:
        how = "detected" if archive.detected else "as given"
        bom = ", with BOM" if archive.bom else ""
        out.append(f"archive {archive.path}: {archive.encoding} ({how}{bom}), {archive.newline} line ends")
    if normalized is not None:
        out.extend(_normalisation(normalized))
    for note in page.notes:
        out.append(_note_line(note, note.decision, ""))
    for n, story in enumerate(page.stories, 1):
        out.append("")
        out.extend(_story(n, story))
    out.append("")
    out.append(_summary(page))
    return "\n".join(out) + "\n"


def _normalisation(normalized: Normalized) -> list[str]:
    if not normalized.changes:
        return ["normalised: nothing to change"]
    counts = Counter((c.old, c.new) for c in normalized.changes)
    kinds = ", ".join(f"{old!r}->{new!r} x{k}" for (old, new), k in sorted(counts.items()))
    first = ", ".join(f"{c.line}:{c.column}" for c in normalized.changes[:8])
    more = " …" if len(normalized.changes) > 8 else ""
    return [f"normalised {len(normalized.changes)} characters: {kinds} (at {first}{more})"]


def _note_line(note: Note, what: str, text: str) -> str:
    mark = UNSURE_MARK if note.unsure else " "
    where = f"line {note.where.line}" if note.where else ""
    shown = f"  {_short(text)}" if text else ""
    return f"{mark} {what:<12}{shown}  [{note.confidence:.2f} {where}] {note.reason}"


def _story(n: int, story: ArchivedStory) -> list[str]:
    lines = [w.line for _, w in story.where]
    span = f"lines {min(lines)}-{max(lines)}" if lines else ""
    title = story.headline or "(no headline)"
    out = [f"story {n}: {_short(title)}  ({span})"]
    texts = dict(story.elements())
    body_refs = {ref for ref in texts if ref.startswith("paragraphs.")}
    for note in story.notes:
        ref = note.element
        if ref in body_refs and note.confidence >= PLAIN_BODY and ref != "paragraphs.0":
            continue  # plain paragraphs are summarised below; a paragraph decided otherwise is shown
        out.append(_note_line(note, ref, texts.get(ref, "")))
    chars = sum(len(p) for p in story.paragraphs)
    out.append(f"  body        {len(story.paragraphs)} paragraphs, {chars} characters, "
               f"{len(story.subheads)} subheads")
    for i, cap in enumerate(story.captions):
        state = "cut off in the archive, kept as it is" if cap.truncated else "complete"
        broken = f", {len(cap.lines)} archive lines" if len(cap.lines) > 1 else ""
        marker = cap.marker or "no picture marker"
        out.append(f"  caption {i}   {marker}{broken}, {state}")
    return out


def _summary(page: ArchivedPage) -> str:
    notes = [n for s in page.stories for n in s.notes] + list(page.notes)
    unsure = sum(n.unsure for n in notes)
    caps = [c for s in page.stories for c in s.captions]
    return (f"{len(page.stories)} stories, {sum(len(s.paragraphs) for s in page.stories)} paragraphs, "
            f"{len(caps)} captions ({sum(c.truncated for c in caps)} cut off), "
            f"{unsure} of {len(notes)} decisions unsure (marked {UNSURE_MARK})")
