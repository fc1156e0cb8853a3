"""Helpers for the edition tests: the sample's path and small editions written into a
temporary folder with text generated for the purpose."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kaifaqu-edition.yaml"

# Words for generated copy: our own, written for these tests.
_WORDS = ("园区", "企业", "今年", "工作人员", "介绍", "培训", "服务", "发展", "项目", "群众", "道路", "整治",
          "活动", "产业", "创新", "社区", "建设", "管理", "开展", "推进", "加强", "落实", "提升", "环境")


def copy_text(n_paragraphs: int, seed: int = 1, sentences: int = 5) -> list[str]:
    """Paragraphs of plausible Chinese copy, the same for the same seed."""
    rng = random.Random(seed)
    paras = []
    for _ in range(n_paragraphs):
        out = []
        for _ in range(sentences):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 9))]
            out.append("".join(words[:3]) + "，" + "".join(words[3:]) + "。")
        paras.append("".join(out))
    return paras


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def page_yaml(stories: str, indent: int = 0) -> str:
    """A house-style page with the given stories (YAML list items)."""
    body = "extends: house\nstories:\n" + textwrap.indent(textwrap.dedent(stories).strip("\n"), "  ") + "\n"
    return textwrap.indent(body, " " * indent)


def story_yaml(sid: str, columns: str, rows: str, paragraphs: list[str], headline: str = "园区发展迈上新台阶",
               extra: str = "") -> str:
    body = "\n".join(f"      {p}\n" for p in paragraphs)
    return (f"- id: {sid}\n  columns: {columns}\n  rows: {rows}\n  headline: {headline}\n"
            f"  headline_style: headline-2\n{extra}  body: |\n{body}")


def articles(pdf_path: Path) -> list[tuple[str, list[int], str]]:
    """The tagged PDF's articles in the structure tree's order: (title, the pages
    they run on, their copy read through the marked content they point to)."""
    import pdfplumber
    import pikepdf

    with pikepdf.open(pdf_path) as doc:
        refs = [(str(el.T), [(doc.pages.index(pikepdf.Page(k.Pg)), int(k.MCID)) for k in el.K])
                for el in doc.Root.StructTreeRoot.K.K if el.S == "/Art"]
    with pdfplumber.open(pdf_path) as pdf:
        text: dict[tuple[int, int], str] = {}
        for n, page in enumerate(pdf.pages):
            for c in page.chars:
                if c.get("mcid") is not None and c.get("tag") != "Artifact":
                    key = (n, c["mcid"])
                    text[key] = text.get(key, "") + c["text"]
    return [(title, sorted({p for p, _ in mcrs}), "".join(text.get(m, "") for m in mcrs)) for title, mcrs in refs]
