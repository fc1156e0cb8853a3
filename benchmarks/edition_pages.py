#!/usr/bin/env python3
"""An edition of 16 different pages of real-length text, whole process, against
Typst setting the same texts (issue 12: at most 0.7x Typst's time per page).

Generates (into a temporary folder, nothing in the repo) 16 tabloid pages in the
house style, each with a lead story across five columns and two stories below it,
~4,000 characters a page of copy made from a word list for the purpose, and an
edition file with one story jumping from 第1版 to 第2版.  Then, measured in one
run, alternating so both meet the same machine load:

- ``layout render EDITION.yaml -o ed.pdf`` (PDF/X-4, all cores: ``--jobs``), a
  whole process (Python start, imports, load, place, render, write);
- Typst (Python binding, ``pip install typst``) compiling one document of the same
  16 pages' texts in five justified columns of 9 pt Noto Serif CJK (no headline
  groups, one face, no PDF/X: less work than ours), also a whole process.

    python benchmarks/edition_pages.py [--runs 5] [--jobs N] [--no-pyc] [--base OTHER/src]

The CPU of our process is also given apart from its workers' ("main" and
"workers"): the main process's CPU is the wall time the run needs on two free
cores, a figure the load of this shared machine does not move (its wall time
is only that when a second core is free).

Both run with compiled bytecode, as installed packages do (pip compiles the .pyc
files of a wheel when it installs it): this sandbox sets PYTHONDONTWRITEBYTECODE,
so our package (an editable install, or PYTHONPATH) would be compiled from source
at every start (~10 ms a page of an edition of 16, nothing to do with the engine).
The warm-up run compiles it once into a private cache (PYTHONPYCACHEPREFIX in
its temporary folder); ``--no-pyc`` measures the old way.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fonts"
PAGES = 16
WORDS = ("园区", "企业", "今年", "工作人员", "介绍", "培训", "服务", "发展", "项目", "群众", "道路", "整治", "活动",
         "产业", "创新", "社区", "建设", "管理", "开展", "推进", "加强", "落实", "提升", "环境", "电商", "农民",
         "直播", "带货", "政策", "宣传", "孵化", "就业", "技能", "乡村", "振兴", "文明", "城市", "志愿", "服务站",
         "8月", "2020年", "10天", "3.8亿元", "150余家")
# (story id, grid columns, rows, text columns, characters of copy)
STORIES = (("lead", "1-5", "1-30", 5, 1650), ("left", "1-3", "31-67", 3, 1250), ("right", "4-5", "31-67", 2, 780))


def copy(rng: random.Random, chars: int) -> list[str]:
    """Paragraphs of about ``chars`` characters."""
    paras, n = [], 0
    while n < chars:
        sents = []
        for _ in range(rng.randint(2, 5)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(5, 12))]
            sents.append("".join(words[:4]) + "，" + "".join(words[4:]) + rng.choice("。。。！"))
        p = "".join(sents)
        paras.append(p)
        n += len(p)
    return paras


def headline(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 7)))


def make(folder: Path) -> tuple[Path, Path]:
    """(edition file, Typst source) for the 16 pages."""
    rng = random.Random(12)
    entries, typ = [], [TYPST_HEAD]
    for n in range(1, PAGES + 1):
        stories = []
        for sid, cols, rows, k, chars in STORIES:
            if n == 1 and sid == "left":  # runs on to 第2版 (转版)
                chars += 400
            if n == 2 and sid == "left":  # the continuation of 第1版's left story goes above it
                rows, chars = "41-67", chars - 420
            head, paras = headline(rng), copy(rng, chars)
            body = "\n\n".join(paras)
            stories.append(f"  - id: {sid}\n    columns: {cols}\n    rows: {rows}\n    text_columns: {k}\n"
                           f"    headline: {head}\n    headline_style: {'headline' if sid == 'lead' else 'headline-2'}\n"
                           f"    byline: 本报讯\n    balance: true\n    body: |\n"
                           + "".join(f"      {p}\n\n" for p in paras))
            typ.append(f"= {head}\n\n" + body + "\n\n")
        (folder / f"p{n:02d}.yaml").write_text("extends: house\nstories:\n" + "".join(stories), encoding="utf-8")
        entries.append(f"  - {{file: p{n:02d}.yaml, section: 第{n}版要闻, editor: 王某}}\n")
        typ.append("#pagebreak()\n")
    jumps = "jumps:\n  - story: left\n    from: 1\n    to: {page: 2, columns: 1-3, rows: 31-40}\n"
    ed = folder / "edition.yaml"
    ed.write_text("edition:\n  paper: 开发区报\n  date: 2020-08-10\npages:\n" + "".join(entries) + jumps,
                  encoding="utf-8")
    src = folder / "edition.typ"
    src.write_text("".join(typ[:-1]), encoding="utf-8")
    return ed, src


TYPST_HEAD = """#set page(width: 272mm, height: 390mm, margin: 15mm, columns: 5)
#set text(font: "Noto Serif CJK SC", size: 9pt, lang: "zh")
#set par(justify: true, leading: 5.4pt, first-line-indent: 2em)
#show heading: set text(size: 18pt)
"""


# ``python -c SPLIT layout-args``: the command line run as ``layout`` runs it, and
# the process's own CPU and its workers' written to $LAYOUT_BENCH_SPLIT at the end
SPLIT = """import os, resource, sys
from layout.cli import exit_now, main
code = main(sys.argv[1:])
s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
with open(os.environ["LAYOUT_BENCH_SPLIT"], "w") as f:
    f.write(f"{s.ru_utime + s.ru_stime} {c.ru_utime + c.ru_stime}")
exit_now(code)
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall and CPU (children's user + system) seconds of one process (its
    warnings -- the generated pages underfill a little -- are not printed), and
    the CPU of the process itself without its workers (``SPLIT``; 0 otherwise)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - w
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = 0.0
    if "LAYOUT_BENCH_SPLIT" in env:
        own = float(Path(env["LAYOUT_BENCH_SPLIT"]).read_text().split()[0])
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, own


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=None, help="layout render --jobs (default: one per core)")
    ap.add_argument("--no-pyc", action="store_true", help="no compiled bytecode for our package (compiled at each start)")
    ap.add_argument("--base", metavar="SRC", help="also time layout imported from SRC (another checkout's src/, "
                    "e.g. main's), alternating in the same run: before and after under the same load")
    a = ap.parse_args()
    try:
        import typst  # noqa: F401
    except ImportError:
        print("the typst package is not installed: pip install typst (or pip install -e '.[bench]')", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="layout-edition-bench-"))
    ed, src = make(tmp)
    out, tout = tmp / "ed.pdf", tmp / "typst.pdf"
    ours = [sys.executable, "-c", SPLIT, "render", str(ed), "-o", str(out), "-q"]
    if a.jobs:
        ours += ["--jobs", str(a.jobs)]
    theirs = [sys.executable, "-c",
              f"import typst; typst.compile({str(src)!r}, output={str(tout)!r}, font_paths=[{str(FONTS)!r}])"]
    env = dict(os.environ, LAYOUT_BENCH_SPLIT=str(tmp / "split.txt"))
    if not a.no_pyc:
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")  # written by the warm-up run below
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    base_env = dict(env, PYTHONPATH=a.base) if a.base else None
    load = os.getloadavg()[0]
    timed(ours, env)  # warm the caches (fonts, profile, bytecode), as a production machine has them
    timed(theirs, env)
    if base_env:
        timed(ours, base_env)
    res: dict[str, list[tuple[float, float, float]]] = {"layout": [], "typst": []}
    if base_env:
        res["base"] = []
    for _ in range(a.runs):
        res["layout"].append(timed(ours, env))
        res["typst"].append(timed(theirs, env))
        if base_env:
            res["base"].append(timed(ours, base_env))
    print(f"{PAGES} pages, load at the start {load:.1f}, {os.cpu_count()} cores; per page (whole process / {PAGES}):")
    med, cpu = {}, {}
    for name, rs in res.items():
        walls = [w for w, _, _ in rs]
        cpus = [c for _, c, _ in rs]
        med[name], cpu[name] = statistics.median(walls), statistics.median(cpus)
        split = ""
        if name != "typst":
            own = statistics.median(o for _, _, o in rs)
            split = (f" (main {own / PAGES * 1000:5.1f} ms, workers"
                     f" {statistics.median(c - o for _, c, o in rs) / PAGES * 1000:5.1f} ms)")
        print(f"  {name:7}: wall median {med[name] / PAGES * 1000:6.1f} ms, best {min(walls) / PAGES * 1000:6.1f} ms"
              f" | cpu median {statistics.median(cpus) / PAGES * 1000:6.1f} ms{split}")
    print(f"  ratio layout/typst (wall medians): {med['layout'] / med['typst']:.2f} (target <= 0.70);"
          f" CPU medians: {cpu['layout'] / cpu['typst']:.2f}; load at the end {os.getloadavg()[0]:.1f}")
    if base_env:
        print(f"  ratio base/typst (wall medians): {med['base'] / med['typst']:.2f}; CPU medians: "
              f"{cpu['base'] / cpu['typst']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
