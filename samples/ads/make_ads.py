#!/usr/bin/env python3
"""Make the second sample's ad and 报花 (samples/qinghe-news.yaml): a made-up bank ad as
a one-page PDF with its font embedded (as a PDF/X-1a ad arrives: nothing to fetch),
and a small ornament strip as PNG.  Deterministic: the same script writes the same
bytes.  Run: python samples/ads/make_ads.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = HERE.parents[1] / "fonts"
AD_SIZE = (270.0, 216.0)  # pt: two grid columns by fifteen grid lines of the house page
AD_TEXT = ("清河农商银行", "惠农贷款 一站办理", "服务热线 0000-00000000")


def make_ad(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("AdHei", str(FONTS / "NotoSansSC-Bold.ttf")))
    w, h = AD_SIZE
    # the embedded face from the start: a canvas's default Helvetica would sit unembedded
    # in the page resources, which a plant's preflight rejects
    c = canvas.Canvas(str(path), pagesize=(w, h), invariant=1, initialFontName="AdHei", initialFontSize=13)
    c.setFillColorCMYK(0.9, 0.2, 0.6, 0.1)
    c.rect(0, 0, w, h, fill=1, stroke=0)
    c.setFillColorCMYK(0, 0.1, 0.9, 0)
    c.rect(0, 0, w, 52, fill=1, stroke=0)
    c.setFillColorCMYK(0, 0, 0, 0)
    c.setFont("AdHei", 30)
    c.drawCentredString(w / 2, h - 70, AD_TEXT[0])
    c.setFont("AdHei", 18)
    c.drawCentredString(w / 2, h - 112, AD_TEXT[1])
    c.setFillColorCMYK(0.9, 0.2, 0.6, 0.1)
    c.setFont("AdHei", 13)
    c.drawCentredString(w / 2, 20, AD_TEXT[2])
    c.save()


def make_ornament(path: Path) -> None:
    """报花: a rule strip with a title, for the corner of a column (40:3)."""
    w, h = 1200, 90
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w - 1, h - 1), fill=(180, 20, 30))
    for x in range(20, w, 40):
        d.ellipse((x, 12, x + 14, 26), fill=(255, 255, 255))
        d.ellipse((x, h - 26, x + 14, h - 12), fill=(255, 255, 255))
    font = ImageFont.truetype(str(FONTS / "NotoSansSC-Bold.ttf"), 44)
    d.text((w // 2, h // 2), "清 河 之 窗", font=font, fill=(255, 255, 255), anchor="mm")
    img.save(path, optimize=True)


if __name__ == "__main__":
    make_ad(HERE / "bank-ad.pdf")
    make_ornament(HERE / "qinghe-window.png")
