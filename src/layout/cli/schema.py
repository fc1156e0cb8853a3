"""``layout schema``: print the JSON Schema of the page format (docs/format.md).

Editors use it to complete and check layouts, e.g. with the YAML language server:
put ``# yaml-language-server: $schema=layout.schema.json`` at the top of a page.
"""

from __future__ import annotations

import argparse
import json
import sys

from layout.errors import EXIT_OK


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="print the JSON Schema of the page format",
                              description=__doc__.split("\n\n")[0])
    p.add_argument("-o", "--output", help="write the schema to this file instead of standard output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.files import plan_output
    from layout.model.schema import json_schema

    out = plan_output(args.output) if args.output else None
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if out is not None:
        out.write(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return EXIT_OK
