"""Build src/layout/data/layout-newsprint-coldset.icc, the default PDF/X output profile.

Why we make our own: a PDF/X file must embed a CMYK output profile, and we may only
ship one we are free to redistribute.  The package registries we use offer no
newspaper profile under a licence compatible with ours (Debian's colord-data has no
print profiles; Ghostscript's default_cmyk.icc is a SWOP *offset* profile under the
AGPL; the WAN-IFRA/ICC newspaper profiles are not in any registry).  So this script
synthesises a characterisation of coldset offset on newsprint from the published aim
values of ISO 12647-3:2013 (paper and solid colours, tone value increase 26 % at
40 %, total ink 240 %) and lets ArgyllCMS `colprof` turn it into an ICC v2 output
profile.  The result is our own work, dedicated to the public domain (CC0 1.0) so
that every PDF embedding it stays free of attribution duties (see
src/layout/data/LICENSE-newsprint-icc.txt).

The print model (why it is good enough): Demichel-weighted Neugebauer mixing in XYZ
(Murray-Davies, n = 1) of the 16 ink overprints, on *effective* coverages that
include the standard's tone value increase, because TVI is itself defined through
Murray-Davies.  Paper, C, M, Y, K and the three two-colour overprints are the
standard's aims; the overprints it does not give (three and four colours, anything
with K) follow density additivity with a trapping efficiency fitted to the
two-colour aims.  It is an approximation of the registered condition IFRA26, not a
measurement; the receiving plant's RIP prints DeviceCMYK as is and uses the profile
only to proof and to convert non-CMYK data, which is what we use it for too.

Usage (needs Debian's `argyll` package; only maintainers run this):
    python scripts/build_newsprint_icc.py [--out src/layout/data/layout-newsprint-coldset.icc]
"""

from __future__ import annotations

import argparse
import itertools
import math
import shutil
import subprocess
import tempfile
from pathlib import Path

# D50 reference white (ICC PCS)
WHITE_D50 = (0.9642, 1.0, 0.8249)

# ISO 12647-3:2013 aims, coldset offset on newsprint (45 g/m2), D50/2 degrees, black
# backing; approximate values as widely quoted for the IFRA26 condition.
AIMS_LAB = {
    "": (82.0, 0.0, 3.0),  # paper
    "C": (57.0, -23.0, -27.0),
    "M": (54.0, 44.0, -1.0),
    "Y": (78.0, -3.0, 58.0),
    "K": (36.0, 1.0, 4.0),
    "MY": (53.0, 40.0, 22.0),
    "CY": (53.0, -34.0, 17.0),
    "CM": (41.0, 7.0, -22.0),
}
TVI_AT_40 = 0.26  # tone value increase at 40 % (the "26" of IFRA26)
TOTAL_INK_LIMIT = 240  # percent, the coldset norm (ISO 12647-3)
BLACK_INK_LIMIT = 100
GRID = (0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)  # percent per channel: 11^4 patches
DESCRIPTION = "layout newsprint coldset (ISO 12647-3:2013 approx., TAC 240)"
COPYRIGHT = "Public domain (CC0 1.0): layout project, synthesised from ISO 12647-3 aims"


def lab_to_xyz(lab: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D50) to XYZ."""
    L, a, b = lab
    fy = (L + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def finv(t: float) -> float:
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    return tuple(w * finv(f) for w, f in zip(WHITE_D50, (fx, fy, fz), strict=True))  # type: ignore[return-value]


def xyz_to_lab(xyz: tuple[float, float, float]) -> tuple[float, float, float]:
    """XYZ to CIELAB (D50)."""

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, WHITE_D50, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def densities(xyz: tuple[float, float, float], paper: tuple[float, float, float]) -> list[float]:
    """Per-channel optical density relative to paper (a tristimulus 'density')."""
    return [-math.log10(max(v, 1e-6) / p) for v, p in zip(xyz, paper, strict=True)]


def trapping_efficiency(paper: tuple[float, float, float], xyz: dict[str, tuple]) -> float:
    """Fraction of the second ink's density that adds on top of the first, fitted
    (least squares over channels) to the standard's two-colour overprints."""
    num = den = 0.0
    for pair in ("MY", "CY", "CM"):
        d1, d2 = densities(xyz[pair[0]], paper), densities(xyz[pair[1]], paper)
        d12 = densities(xyz[pair], paper)
        for a, b, ab in zip(d1, d2, d12, strict=True):
            first, second = max(a, b), min(a, b)
            num += (ab - first) * second
            den += second * second
    return num / den


def primaries() -> dict[str, tuple[float, float, float]]:
    """XYZ of all 16 Neugebauer primaries (subsets of 'CMYK')."""
    xyz = {k: lab_to_xyz(v) for k, v in AIMS_LAB.items()}
    paper = xyz[""]
    eff = trapping_efficiency(paper, xyz)
    out = dict(xyz)
    for r in range(1, 5):
        for combo in itertools.combinations("CMYK", r):
            key = "".join(combo)
            if key in out:
                continue
            # start from the largest known sub-combination, add the rest's density
            known = max((k for k in out if k and set(k) <= set(key)), key=len)
            d = densities(out[known], paper)
            for ink in key:
                if ink in known:
                    continue
                di = densities(out[ink], paper)
                d = [max(a, b) + eff * min(a, b) for a, b in zip(d, di, strict=True)]
            out[key] = tuple(p * 10 ** (-v) for p, v in zip(paper, d, strict=True))  # type: ignore[assignment]
    return out


def effective(a: float) -> float:
    """Printed coverage for a nominal coverage 0..1: symmetric TVI curve through the
    standard's value at 40 % (TVI(a) = c a (1 - a))."""
    c = TVI_AT_40 / (0.4 * 0.6)
    return min(1.0, a + c * a * (1 - a))


def predict(cmyk: tuple[float, float, float, float], prim: dict) -> tuple[float, float, float]:
    """Demichel-Neugebauer (Murray-Davies) XYZ of a CMYK tint, coverages 0..1."""
    cov = [effective(v) for v in cmyk]
    xyz = [0.0, 0.0, 0.0]
    for mask in itertools.product((0, 1), repeat=4):
        w = 1.0
        for on, a in zip(mask, cov, strict=True):
            w *= a if on else 1 - a
        if w == 0:
            continue
        key = "".join(ink for ink, on in zip("CMYK", mask, strict=True) if on)
        for i in range(3):
            xyz[i] += w * prim[key][i]
    return tuple(xyz)  # type: ignore[return-value]


def write_ti3(path: Path) -> int:
    """Write the synthetic characterisation as an Argyll CGATS .ti3 file."""
    prim = primaries()
    rows = []
    for i, cmyk in enumerate(itertools.product(GRID, repeat=4), start=1):
        lab = xyz_to_lab(predict(tuple(v / 100 for v in cmyk), prim))
        rows.append(f"{i} {' '.join(f'{v:.1f}' for v in cmyk)} {' '.join(f'{v:.3f}' for v in lab)}")
    header = [
        "CTI3",
        "",
        'DESCRIPTOR "Argyll Calibration Target chart information 3"',
        'ORIGINATOR "layout scripts/build_newsprint_icc.py"',
        'CREATED "1970-01-01"',
        'DEVICE_CLASS "OUTPUT"',
        'COLOR_REP "CMYK_LAB"',
        f'TOTAL_INK_LIMIT "{TOTAL_INK_LIMIT}"',
        "",
        "NUMBER_OF_FIELDS 8",
        "BEGIN_DATA_FORMAT",
        "SAMPLE_ID CMYK_C CMYK_M CMYK_Y CMYK_K LAB_L LAB_A LAB_B",
        "END_DATA_FORMAT",
        "",
        f"NUMBER_OF_SETS {len(rows)}",
        "BEGIN_DATA",
    ]
    path.write_text("\n".join([*header, *rows, "END_DATA", ""]), encoding="ascii")
    return len(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="src/layout/data/layout-newsprint-coldset.icc")
    ap.add_argument("--srgb", default="/usr/share/color/argyll/ref/sRGB.icm",
                    help="source gamut for the perceptual table (Argyll's sRGB)")
    args = ap.parse_args()
    if not shutil.which("colprof"):
        raise SystemExit("colprof not found: apt-get install argyll")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "newsprint"
        n = write_ti3(base.with_suffix(".ti3"))
        print(f"{n} synthetic patches; primaries:")
        for k, v in primaries().items():
            print(f"  {k or 'paper':5} L*a*b* {' '.join(f'{x:6.1f}' for x in xyz_to_lab(v))}")
        cmd = ["colprof", "-v", "-qm", "-b", "l", "-kh", f"-l{TOTAL_INK_LIMIT}", f"-L{BLACK_INK_LIMIT}",
               "-S", args.srgb, "-cmt", "-dpp", "-nc",
               "-A", "layout", "-M", "newsprint coldset", "-D", DESCRIPTION, "-C", COPYRIGHT, str(base)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        data = base.with_suffix(".icc").read_bytes()
        out.write_bytes(data)
    print(f"wrote {out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
