#!/usr/bin/env python3
"""Make the sample page's placeholder photos (we ship no real photographs).

Each picture is a drawn scene -- sky, buildings, ground -- clearly labelled
"占位图 PLACEHOLDER" so nobody mistakes it for a news photo.  Deterministic: the
same script writes the same bytes.  Run: python samples/photos/make_placeholders.py
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[1] / "fonts" / "NotoSansSC-Bold.ttf"

# name -> (width px, height px, seed, caption shown on the picture)
PHOTOS = {
    "park-corner.jpg": (1300, 1550, 1, "电子商务产业园一角"),
    "training.jpg": (2000, 1400, 2, "政策宣讲"),
    "exhibition.jpg": (1000, 1300, 3, "特色展览馆"),
}


def scene(w: int, h: int, seed: int, label: str) -> Image.Image:
    rnd = random.Random(seed)
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    horizon = int(h * rnd.uniform(0.55, 0.7))
    for y in range(horizon):  # sky gradient
        t = y / horizon
        d.line([(0, y), (w, y)], fill=(int(120 + 90 * t), int(160 + 70 * t), int(215 + 30 * t)))
    for y in range(horizon, h):  # ground
        t = (y - horizon) / max(1, h - horizon)
        d.line([(0, y), (w, y)], fill=(int(110 - 40 * t), int(120 - 40 * t), int(105 - 35 * t)))
    x = 0
    while x < w:  # buildings along the horizon
        bw = rnd.randint(w // 14, w // 6)
        bh = rnd.randint(h // 8, int(h * 0.45))
        shade = rnd.randint(70, 150)
        d.rectangle([x, horizon - bh, x + bw, horizon], fill=(shade, shade + 8, shade + 20))
        for wy in range(horizon - bh + 12, horizon - 10, 26):  # windows
            for wx in range(x + 10, x + bw - 14, 24):
                if rnd.random() < 0.7:
                    d.rectangle([wx, wy, wx + 10, wy + 12], fill=(230, 225, 180))
        x += bw + rnd.randint(4, 30)
    font = ImageFont.truetype(str(FONT), max(24, h // 16))
    small = ImageFont.truetype(str(FONT), max(18, h // 28))
    pad = h // 40
    d.rectangle([0, 0, w, pad * 2 + h // 16 + h // 28 + pad], fill=(30, 30, 30))
    d.text((pad, pad), "占位图 PLACEHOLDER", font=font, fill=(255, 210, 0))
    d.text((pad, pad + h // 16 + pad // 2), f"示意：{label}（非新闻照片）", font=small, fill=(240, 240, 240))
    return img


def main() -> None:
    for name, (w, h, seed, label) in PHOTOS.items():
        scene(w, h, seed, label).save(HERE / name, quality=88, optimize=True, subsampling=0)
        print(name, (HERE / name).stat().st_size)


if __name__ == "__main__":
    main()
