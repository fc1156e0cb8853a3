"""Issue 17: decompression bombs (class 6) and broken pictures (class 10): a huge
JPEG is decoded reduced (peak memory bounded), a huge PNG is refused at load, a
truncated JPEG or a garbage ICC profile is reported at the layout line, a broken
--output-profile before any work."""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import zlib

from hostile_helpers import HWM, PAGE, ROOT, no_traceback, run, write


def _page_with_photo(tmp_path, name: str):
    text = PAGE.replace("  - id: one\n", f"  - id: one\n    photos: [{{file: {name}, rows: 1-8}}]\n")
    return write(tmp_path, "p.yaml", text)


def _png_header_bomb(path, w: int, h: int) -> None:
    """A valid greyscale PNG of w x h zero pixels, compressed in steps (small file)."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    co = zlib.compressobj(9)
    row = b"\0" * (w + 1)
    idat = b"".join(co.compress(row) for _ in range(h)) + co.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def test_huge_png_is_refused_at_load_with_place(tmp_path):
    _png_header_bomb(tmp_path / "big.png", 9000, 9000)  # 81 Mpx, 80 KB on disk
    r = run("render", str(_page_with_photo(tmp_path, "big.png")), "-o", str(tmp_path / "o.pdf"))
    no_traceback(r)
    assert r.code == 2, r.err
    assert re.search(r"p\.yaml:\d+:\d+: photo 'big\.png' is 9000x9000 px", r.err), r.err
    assert not (tmp_path / "o.pdf").exists()


def test_huge_jpeg_renders_in_bounded_memory(tmp_path):
    """12000 x 9000 px (108 Mpx; 3.6 GB before) placed small: decoded at 1/8."""
    make = ("from PIL import Image; import sys\n"
            "Image.new('L', (12000, 9000), 128).save(sys.argv[1], quality=30)\n")
    subprocess.run([sys.executable, "-c", make, str(tmp_path / "big.jpg")], check=True, timeout=120)
    p = _page_with_photo(tmp_path, "big.jpg")
    code = (HWM + "import sys\nfrom layout.cli import main\nrc = main(sys.argv[1:])\n"
            "print(rc, _hwm_kb(), file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-c", code, "render", str(p), "-o", str(tmp_path / "o.pdf"), "-q"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert "Traceback" not in r.stderr and "DecompressionBomb" not in r.stderr, r.stderr
    rc, kb = r.stderr.strip().splitlines()[-1].split()
    assert rc == "0", r.stderr
    assert int(kb) / 1024 < 500, f"peak {int(kb) / 1024:.0f} MB"


def _jpeg(**kw) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (30, 120, 200)).save(buf, "JPEG", **kw)
    return buf.getvalue()


def test_truncated_jpeg_is_reported_at_load(tmp_path):
    data = _jpeg()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    r = run("render", str(_page_with_photo(tmp_path, "cut.jpg")), "-o", str(tmp_path / "o.pdf"))
    assert r.code == 2, r.err
    assert re.search(r"p\.yaml:\d+:\d+: photo 'cut\.jpg' is damaged", r.err), r.err


def test_garbage_icc_profile_is_reported_at_load(tmp_path):
    (tmp_path / "icc.jpg").write_bytes(_jpeg(icc_profile=b"not a profile" * 20))
    r = run("render", str(_page_with_photo(tmp_path, "icc.jpg")), "-o", str(tmp_path / "o.pdf"))
    assert r.code == 2, r.err
    assert re.search(r"p\.yaml:\d+:\d+: photo 'icc\.jpg' has a broken embedded ICC", r.err), r.err


def test_truncated_output_profile_is_refused_before_work(tmp_path):
    from layout.render.images import default_output_profile

    icc = tmp_path / "cut.icc"
    icc.write_bytes(default_output_profile().read_bytes()[:2000])
    p = write(tmp_path, "p.yaml", PAGE)
    r = run("render", str(p), "-o", str(tmp_path / "o.pdf"), "--output-profile", str(icc))
    no_traceback(r)
    assert r.code == 2, r.err
    assert not (tmp_path / "o.pdf").exists()
