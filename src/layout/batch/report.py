"""The batch report: ``OUT_DIR/report.json`` per archive, and a one-screen summary.

Per archive: its status (``done`` this run, ``kept`` from an earlier run with the
same content, options and code, ``failed``), pages, template, fill per page,
fidelity (the PDF read back: characters lost, added, moved, the first differences
with their places), the layout's problems, seconds, and for a failure its reason.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from layout.batch.work import Outcome

SHOWN = 10  # archives with problems listed in the summary before "… and N more"


class State(enum.Enum):
    DONE = "done"
    KEPT = "kept"
    FAILED = "failed"


@dataclass(frozen=True)
class Entry:
    """One archive in the report: ``result`` as ``outcome_json`` makes it."""

    state: State
    result: dict

    @property
    def lost(self) -> int:
        return int((self.result.get("fidelity") or {}).get("lost", 0))



def outcome_json(o: Outcome) -> dict:
    """An outcome as the manifest stores it and the report shows it (no PDF bytes)."""
    fid = None
    if o.fidelity is not None:
        fid = {**dataclasses.asdict(o.fidelity), "percent": o.fidelity.percent}
        fid["differences"] = list(fid["differences"])
    return {"source": o.name, "output": o.output, "pages": o.pages, "template": o.template,
            "fill": list(o.fill), "fidelity": fid, "problems": list(o.problems), "notes": list(o.notes),
            "seconds": round(o.seconds, 3), "cpu_seconds": round(o.cpu, 3),
            "error": o.error}


def report_json(entries: Sequence[Entry], *, out_dir: str, options: dict, code: str, workers: str,
                seconds: float) -> dict:
    ran = [e for e in entries if e.state is not State.KEPT]
    pages_now = sum(e.result.get("pages") or 0 for e in ran if e.state is State.DONE)
    return {
        "out_dir": out_dir, "options": options, "code": code, "workers": workers,
        "archives": len(entries),
        "done": sum(e.state is State.DONE for e in entries),
        "kept": sum(e.state is State.KEPT for e in entries),
        "failed": sum(e.state is State.FAILED for e in entries),
        "lost_text": sum(e.lost > 0 for e in entries),
        "pages": sum(e.result.get("pages") or 0 for e in entries),
        "seconds": round(seconds, 2),
        "pages_per_minute": round(pages_now * 60 / seconds, 1) if seconds > 0 and pages_now else None,
        "results": [{"status": e.state.value, **e.result} for e in sorted(entries, key=lambda e: e.result["source"])],
    }


def summary(rep: dict, report_path: str, verbose: bool = False) -> str:
    """At most ~20 lines: the totals, then the archives that failed or lost text,
    then those with layout problems (all archives with ``verbose``)."""
    lines = [f"layout reprint: {rep['archives']} archives -> {rep['out_dir']} ({rep['workers']})",
             f"  done {rep['done']}, kept from an earlier run {rep['kept']}, failed {rep['failed']}; "
             f"{rep['pages']} pages; text lost in {rep['lost_text']} archive(s)"]
    rate = f", {rep['pages_per_minute']} pages/min" if rep["pages_per_minute"] else ""
    lines.append(f"  {rep['seconds']} s{rate}; report: {report_path}")
    results = rep["results"]
    bad = [r for r in results if r["status"] == "failed" or ((r.get("fidelity") or {}).get("lost") or 0) > 0]
    other = [r for r in results if r not in bad and (verbose or has_problems(r))]
    for title, rows in (("failed or lost text:", bad), ("with problems:" if not verbose else "archives:", other)):
        if not rows:
            continue
        lines.append(title)
        for r in rows[:SHOWN if not verbose else len(rows)]:
            lines.append(f"  {r['source']}: {_one_line(r)}")
        if not verbose and len(rows) > SHOWN:
            lines.append(f"  … and {len(rows) - SHOWN} more in the report")
    return "\n".join(lines) + "\n"


def has_problems(r: dict) -> bool:
    """The layout warned, or the PDF holds text added or moved (exit 1 under --strict)."""
    fid = r.get("fidelity") or {}
    return bool(r.get("problems") or fid.get("added") or fid.get("moved"))


def _one_line(r: dict) -> str:
    if r["status"] == "failed":
        text = r.get("error") or "failed"
        text = text.removeprefix(f"{r['source']}: ")
        return " ".join(part.strip() for part in text.splitlines())
    fid = r.get("fidelity") or {}
    parts = [f"{r['pages']} page(s) {r['template']}", "fill " + "/".join(f"{f:.0f}" for f in r["fill"]) + "%"]
    if fid:
        parts.append(f"{fid['percent']}% of the text" + (f", {fid['lost']} lost" if fid["lost"] else "")
                     + (f", {fid['added']} added" if fid["added"] else "")
                     + (f", {fid['moved']} moved" if fid["moved"] else ""))
        if fid.get("differences"):
            first = fid["differences"][0]
            text = first.get("text", "")
            shown = text if len(text) <= 12 else text[:11] + "…"
            parts.append(f"first {first.get('kind', '?')} 「{shown}」 at {first.get('source', '?')}")
    if r.get("problems"):
        parts.append(f"{len(r['problems'])} problem(s): {r['problems'][0]}")
    return "; ".join(parts)
