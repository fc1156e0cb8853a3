#!/usr/bin/env python3
"""How the reprint's cost grows with the archive (issue 13, class 7: "recognition
and layout near-linear in archive size ... a benchmark shows the curve").

Archives are generated here (made-up text, nothing committed), in three forms:
- ``briefs``: N short items, each a headline line and one 本报讯 sentence (every
  item read as its own story: the case that was super-linear); their headlines
  are 8 phrases and a number, so words repeat more than on a real page;
- ``varied``: the same with a different headline and sentence for every item;
- ``paragraphs``: one story of N one-line paragraphs;
- ``line``: one paragraph of N characters.
Each size runs in a fresh process (peak memory is the process's); the times are
import (recognition) and automatic layout (search + placing), on the broadsheet,
wall and CPU (on this shared machine the CPU time is the steadier figure), and a
digest of the layouts made (``repr`` of the pages, their layouts, placed pages and
continuations): a change meant to cost less must leave every digest as it was.
``--base SRC`` runs every size with another source tree too (``SRC`` is a ``src``
folder, e.g. of a ``git worktree`` or ``git archive`` of an older commit), the two
alternating, so a change is measured before and after under the same load.

    python benchmarks/scale.py [--form briefs|varied|paragraphs|line] [--sizes 100,1000,10000] [--base SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HEADS = ("城郊荷花竞相开放", "社区义诊进万家", "夜市烟火气回来了", "科技小院助农增收", "老旧小区改造惠及居民",
         "全民健身运动会开幕", "图书馆延长开放时间", "新建公园迎来首批游客")


WORDS = ("社区", "居民", "企业", "项目", "工程", "学校", "医院", "公园", "道路", "农田", "文化", "科技", "服务", "环境",
         "安全", "交通", "养老", "就业", "培训", "志愿", "开工", "建成", "启动", "提升", "改造", "举办", "推进", "完成",
         "新建", "开放", "迎来", "助力", "惠及", "整治", "巡查", "签约")


def _varied(i: int, k: int) -> str:
    """``k`` words, a different choice for every ``i`` (a fixed pseudo-random walk:
    no two briefs share a headline, as on a real page)."""
    x, out = i * 2654435761 % 2**32, []
    for _ in range(k):
        x = (x * 1103515245 + 12345) % 2**31  # a linear congruential step
        out.append(WORDS[(x >> 8) % len(WORDS)])
    return "".join(out)


def archive(form: str, n: int) -> str:
    """The archive text of ``form`` at size ``n``."""
    if form == "briefs":
        items = [f"{HEADS[i % len(HEADS)]}{i + 1}\n\n本报讯 {i % 28 + 1}日，开发区第{i + 1}场社区活动举行，居民踊跃参加。"
                 for i in range(n)]
        return "开发区新闻\n\n" + "\n\n".join(items) + "\n"
    if form == "varied":
        items = [f"{_varied(i, 3 + i % 3)}\n\n本报讯 {i % 28 + 1}日，{_varied(n + i, 4)}，{_varied(2 * n + i, 3)}。"
                 for i in range(n)]
        return "开发区新闻\n\n" + "\n\n".join(items) + "\n"
    if form == "paragraphs":
        body = "\n\n".join(f"第{i + 1}项工作按计划推进，各单位按时报送进度。" for i in range(n))
        return f"开发区新闻\n\n工作进展一览\n\n本报讯 开发区各项工作进展如下。\n\n{body}\n"
    if form == "line":
        unit = "开发区持续优化营商环境，企业办事更加便利。"
        return "开发区新闻\n\n营商环境持续优化\n\n本报讯 " + (unit * (n // len(unit) + 1))[:n] + "\n"
    raise ValueError(form)


CHILD = """
import hashlib, json, resource, sys, time
from pathlib import Path
import layout
from layout.archive.import_page import import_archive
from layout.autolayout import auto_layout, load_template, stories_from_archive
t0 = time.perf_counter()
imported = import_archive(sys.argv[1])
stories = stories_from_archive(imported.page)
t1 = time.perf_counter()
template = load_template("broadsheet")
fonts = template.fonts.fontset()
c1 = time.process_time()
result = auto_layout(stories, template, fonts, header="开发区新闻")
t2, c2 = time.perf_counter(), time.process_time()
fills = [p.fill_pct for p in result.metrics.pages]
laid = repr((result.pages, result.layouts, result.placed, result.continued))
laid = laid.replace(str(Path(layout.__file__).parents[2]), "<tree>")  # a template's path names the tree
print(json.dumps({"stories": len(stories), "import_s": t1 - t0, "layout_s": t2 - t1, "layout_cpu_s": c2 - c1,
                  "pages": len(fills),
                  "min_fill_but_last": min(fills[:-1], default=None), "holes": result.metrics.total("holes"),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "digest": hashlib.sha256(laid.encode()).hexdigest()[:12]}))
"""


def run(form: str, n: int, src: str | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": src} if src else None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{form}-{n}.txt"
        path.write_text(archive(form, n), encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=False,
                              env=env)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--form", choices=("briefs", "varied", "paragraphs", "line"), default="briefs")
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--base", metavar="SRC", help="also run each size with this source tree (before/after)")
    args = ap.parse_args()
    print(f"{args.form}: size, stories, import s, layout s (CPU s), pages, min fill (not last), holes, peak MB, layout digest"
          f", load {os.getloadavg()[0]:.1f}")
    trees = [("base", args.base), ("this", None)] if args.base else [("", None)]
    for n in (int(s) for s in args.sizes.split(",")):
        for name, src in trees:
            r = run(args.form, n, src)
            if "error" in r:
                print(f"{n:>7} {name:>4}  error: {r['error']}")
                continue
            fill = "-" if r["min_fill_but_last"] is None else f"{r['min_fill_but_last']:.1f}%"
            print(f"{n:>7} {name:>4} {r['stories']:>6} {r['import_s']:8.2f} {r['layout_s']:9.2f}"
                  f" ({r['layout_cpu_s']:7.2f}) {r['pages']:>5} {fill:>8} {r['holes']:>5} {r['peak_mb']:8.0f}"
                  f"  {r['digest']}",
                  flush=True)


if __name__ == "__main__":
    main()
