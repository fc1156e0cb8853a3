"""layout schema: print the JSON Schema of the page format (docs/format.md).

Editors use it to complete and check layouts, e.g. with the YAML language server:
put "# yaml-language-server: $schema=layout.schema.json" at the top of a page.
"""

from __future__ import annotations

import argparse
import json

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK

DESCRIPTION = """\
Print the JSON Schema of the page format (docs/format.md), for editors: with the YAML
language server, write the schema to a file and put this line at the top of a page:

  # yaml-language-server: $schema=layout.schema.json
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="print the JSON Schema of the page format",
                              description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", help="write the schema to this file instead of standard output")
    add_common_options(p)
    p.add_argument("--edition", action="store_true", help="the schema of an edition file instead of a page")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.cli.common import kib
    from layout.files import plan_output
    from layout.model.schema import json_schema

    out = plan_output(args.output) if args.output else None
    with args.reporter.step("built the schema"):
        if getattr(args, "edition", False):
            from layout.edition.keys import edition_schema

            schema = edition_schema()
        else:
            schema = json_schema()
    text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    args.reporter.set(title=schema.get("title"), keys=sorted(schema.get("properties", {})))
    if out is not None:
        data = text.encode("utf-8")
        out.write(data)
        args.reporter.wrote(out, f"JSON Schema of the page format, {kib(len(data))}", kind="schema",
                            bytes=len(data))
    elif args.reporter.as_json:
        args.reporter.set(schema=schema)
    else:
        args.reporter.out.write(text)
    return EXIT_OK
