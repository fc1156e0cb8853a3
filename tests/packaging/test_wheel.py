"""A wheel carries everything a render needs (issue 10): installed outside the
checkout, it renders a copy of the sample from another folder, byte-identical to
the checkout, and finds its five faces.

The wheel is built from a copy of the project's files (so the checkout is left
clean) and installed, without its dependencies, into a fresh venv that sees this
interpreter's packages: what is tested is the package itself, found from the venv
and not from ``src/``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRIP_ENV = ("PYTHONPATH", "LAYOUT_FONTS_DIR", "LAYOUT_LAYOUTS_DIR", "PYTHONHOME")


def _run(cmd: list[str], cwd: Path, timeout: int = 300, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in STRIP_ENV} | extra
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The venv's bin folder, with the project installed from a wheel."""
    top = tmp_path_factory.mktemp("wheel")
    tree = top / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "fonts", "layouts"):
        shutil.copytree(ROOT / name, tree / name, symlinks=True, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(top / "dist"), str(tree)], top)
    (wheel,) = (top / "dist").glob("layout-*.whl")
    # no pip of its own in the venv (ensurepip is most of a venv's cost): this pip installs into it
    _run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(top / "venv")], top)
    bin_dir = top / "venv" / "bin"
    _run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q", "--no-deps",
          "--no-index", str(wheel)], top)
    return bin_dir


def test_the_wheel_carries_fonts_house_styles_and_profile(installed, tmp_path):
    import zipfile

    (wheel,) = installed.parent.parent.glob("dist/layout-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for face in ("NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf", "NotoSansSC-Regular.ttf",
                 "NotoSansSC-Bold.ttf", "LXGWWenKai-Regular.ttf"):
        assert f"layout/data/fonts/{face}" in names
    assert {"layout/data/layouts/house.yaml", "layout/data/layouts/templates/tabloid.yaml",
            "layout/data/layout-newsprint-coldset.icc"} <= names


def test_installed_package_renders_a_copy_of_the_sample_elsewhere(installed, tmp_path):
    where = _run([str(installed / "python"), "-c", "import layout; print(layout.__file__)"], tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout
    elsewhere = tmp_path / "desk"
    shutil.copytree(ROOT / "samples", elsewhere / "samples",
                    ignore=shutil.ignore_patterns("*.pdf", "*.png"))
    _run([str(installed / "layout"), "render", "samples/kaifaqu-news.yaml", "-o", "page.pdf", "-q"], elsewhere)
    _run([sys.executable, "-m", "layout", "render", str(ROOT / "samples" / "kaifaqu-news.yaml"),
          "-o", str(tmp_path / "checkout.pdf"), "-q"], tmp_path, PYTHONPATH=str(ROOT / "src"))
    assert (elsewhere / "page.pdf").read_bytes() == (tmp_path / "checkout.pdf").read_bytes()


def test_installed_package_lists_its_five_faces(installed, tmp_path):
    out = _run([str(installed / "layout"), "fonts"], tmp_path).stdout
    for face in ("NotoSerifSC-Regular", "NotoSerifSC-Bold", "NotoSansSC-Regular", "NotoSansSC-Bold",
                 "LXGWWenKai-Regular"):
        assert face in out, out
