"""``layout fonts``: list the faces, or check that they cover a text.

Why: before a page is set, an editor wants to know that every character of the
copy exists in some face (issue 2: a character no face has is reported with its
code point and place, never drawn as a blank or a tofu box), and which faces the
job uses.

Exit codes: 0 -- listed, or full coverage; 1 -- ``--check`` found characters that
no face covers (the report is on stdout); 2 -- bad input: an unreadable or
non-UTF-8 file, a font that is missing, corrupt or cannot be embedded, a bad
``--font``/``--fallback`` value.
"""

from __future__ import annotations

import argparse
import re

from layout.cli.common import Reporter, add_common_options
from layout.errors import EXIT_OK, EXIT_PROBLEMS, LayoutError

# how many places of each missing character the report lists
PLACES_SHOWN = 5

_ROLE_RE = re.compile(r"[a-z][a-z0-9_-]*\Z")

EPILOG = """\
exit status: 0 listed / full coverage; 1 --check found characters no face covers;
2 bad input (unreadable or non-UTF-8 file, missing or corrupt font, bad option).

examples:
  layout fonts
  layout fonts --check story.txt
  layout fonts --font song=/path/FZShuSong.ttf --check story.txt
  layout fonts --font ming=/path/fonts.ttc:2 --fallback song=ming,hei --check story.txt
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "fonts",
        help="list the faces, or check that they cover a text",
        description="List the faces by role (file, family, glyphs, GB 2312 / GBK Han coverage),\n"
        "or with --check list every character of a text that no face covers.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--check", metavar="FILE", help="UTF-8 text file to check; '-' reads stdin")
    p.add_argument(
        "--font",
        metavar="ROLE=PATH[:INDEX]",
        action="append",
        default=[],
        help="add a face, or replace a role's face (INDEX: face in a .ttc); repeatable",
    )
    p.add_argument(
        "--fallback",
        metavar="ROLE=R1,R2",
        action="append",
        default=[],
        help="faces tried, in order, when ROLE lacks a character; repeatable",
    )
    p.add_argument("--role", default="song", help="primary face for --check (default: song)")
    add_common_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.fonts.fontset import default_fontset

    specs = [parse_font_option(v) for v in args.font]
    chains = dict(parse_fallback_option(v) for v in args.fallback)
    fonts = default_fontset().with_faces(specs, chains)
    if args.role not in fonts.specs:
        raise LayoutError(f"--role: unknown face {args.role!r}; known faces: {', '.join(fonts.roles)}")
    if args.check is None:
        with args.reporter.step("read the faces and counted their coverage"):
            print_listing(fonts, args.reporter)
        return EXIT_OK
    with args.reporter.step(f"checked {args.check}"):
        return check_file(args.check, fonts, args.role, args.reporter)


def parse_font_option(value: str):
    """``ROLE=PATH[:INDEX]`` -> FaceSpec.  A trailing ``:digits`` is the face index."""
    from layout.fonts.fontset import FaceSpec

    role, sep, rest = value.partition("=")
    if not sep or not rest:
        raise LayoutError(f"--font {value!r}: expected ROLE=PATH[:INDEX], e.g. song=/fonts/MySong.ttf")
    role = role.strip()
    if not _ROLE_RE.match(role):
        raise LayoutError(
            f"--font {value!r}: role must be lower-case letters, digits, '-' or '_', not {role!r}"
        )
    path, index = rest, 0
    head, colon, tail = rest.rpartition(":")
    if colon and tail.isdigit() and head:
        path, index = head, int(tail)
    return FaceSpec(role, path, index)


def parse_fallback_option(value: str) -> tuple[str, tuple[str, ...]]:
    role, sep, rest = value.partition("=")
    chain = tuple(r.strip() for r in rest.split(",") if r.strip())
    if not sep or not role.strip() or not chain:
        raise LayoutError(f"--fallback {value!r}: expected ROLE=R1,R2, e.g. song=hei,kai")
    return role.strip(), chain


def print_listing(fonts, report: Reporter) -> None:
    """One line per face: role, file, family, glyphs, GB 2312 and GBK Han coverage."""
    from layout.fonts.charsets import gb2312_han, gbk_han

    gb2312, gbk = gb2312_han(), gbk_han()
    rows = [("role", "file", "family", "glyphs", f"GB2312 Han /{len(gb2312)}", f"GBK Han /{len(gbk)}")]
    faces = []
    for face in fonts.faces():
        where = face.path if face.index == 0 else f"{face.path}:{face.index}"
        cover = (sum(1 for cp in gb2312 if face.covers(cp)), sum(1 for cp in gbk if face.covers(cp)))
        rows.append((face.role, where, face.family, str(face.glyph_count), str(cover[0]), str(cover[1])))
        faces.append({"role": face.role, "file": str(face.path), "index": face.index, "family": face.family,
                      "glyphs": face.glyph_count, "gb2312_han": cover[0], "gbk_han": cover[1]})
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines += [f"fallback {role}: {' -> '.join(fonts.chain(role))}" for role in fonts.roles]
    report.text("\n".join(lines))
    report.set(faces=faces, fallback={role: list(fonts.chain(role)) for role in fonts.roles},
               gb2312_han=len(gb2312), gbk_han=len(gbk))


def read_text(name: str) -> str:
    """The UTF-8 text of file ``name`` ('-' = stdin); LayoutError (exit 2) when the
    file cannot be read or is not UTF-8, naming the first bad byte's offset."""
    from layout.files import read_input
    from layout.textfile import decode_utf8

    return decode_utf8(read_input(name, "text", 64 * 1024 * 1024), name)


def check_file(name: str, fonts, role: str, report: Reporter) -> int:
    from layout.fonts.coverage import check_text

    result = check_text(read_text(name), fonts, role)
    for m in result.missing:
        report.text(f"{name}: missing {m.describe(PLACES_SHOWN)}", problem=True)
    for r, chars in result.fallback.items():
        report.text(f"{name}: {len(chars)} character(s) from fallback face {r}: {_shorten(chars)}")
    report.set(file=name, distinct=result.distinct, fallback=dict(result.fallback),
               missing=[{"char": m.char, "code": m.code, "name": m.name,
                         "places": [str(o) for o in m.occurrences]} for m in result.missing])
    if result.missing:
        total = sum(len(m.occurrences) for m in result.missing)
        report.text(f"{name}: {len(result.missing)} character(s) no face covers ({total} occurrence(s)) "
                    f"among {result.distinct} distinct characters", problem=True)
        return EXIT_PROBLEMS
    report.text(f"{name}: full coverage ({result.distinct} distinct characters)")
    return EXIT_OK


def _shorten(chars: str, limit: int = 40) -> str:
    return chars if len(chars) <= limit else chars[:limit] + f"... ({len(chars) - limit} more)"
