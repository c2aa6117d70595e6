"""``kazextract schema``: the JSON Schema of the output, generated from the pydantic models."""
import json
import sys


def register(sub):
    p = sub.add_parser("schema", help="print the JSON Schema of the output documents")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..records import json_schema

    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
