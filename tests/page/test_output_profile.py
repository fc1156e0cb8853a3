"""The plant's own output profile: photos are separated with it and it is the
PDF/X output intent; anything but a CMYK output profile is refused up front."""

from __future__ import annotations

import shutil

from layout.cli import main
from layout.render.images import default_output_profile

from .conftest import SHORT_PAGE, write_layout


def test_plant_profile_becomes_the_output_intent(tmp_path):
    import pikepdf

    profile = tmp_path / "plant.icc"
    shutil.copy(default_output_profile(), profile)
    src = write_layout(tmp_path, SHORT_PAGE)
    out = tmp_path / "page.pdf"
    assert main(["render", str(src), "-o", str(out), "-q", "--output-profile", str(profile)]) == 0
    with pikepdf.open(out) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.DestOutputProfile.read_bytes() == profile.read_bytes()


def test_rgb_profile_is_refused_before_drawing(tmp_path, capsys):
    from PIL import ImageCms

    rgb = tmp_path / "srgb.icc"
    rgb.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    src = write_layout(tmp_path, SHORT_PAGE)
    out = tmp_path / "never.pdf"
    assert main(["render", str(src), "-o", str(out), "--output-profile", str(rgb)]) == 2
    assert "CMYK output" in capsys.readouterr().err and not out.exists()
