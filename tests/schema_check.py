#!/usr/bin/python3
"""Checks the schemas and the golden records with python3-jsonschema, an implementation
independent of the valijson one compiled into kreport: each schema must be a valid draft-07
schema, every golden record must pass it (with format checking on), and a broken record
must fail it (so this check can fail)."""
import copy, glob, json, sys
import jsonschema

schemas = {}
for path in sorted(glob.glob("schemas/*/*.json")):
    schema = json.load(open(path, encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    name = "kreport." + path.split("/")[1]
    schemas[(name, path.split("/")[2][:-5])] = schema

failures = 0
goldens = sorted(glob.glob("tests/golden/*.json"))
for path in goldens:
    record = json.load(open(path, encoding="utf-8"))
    schema = schemas[(record["schema"], record["schema_version"])]
    v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for err in v.iter_errors(record):
        failures += 1
        print(f"{path}: /{'/'.join(map(str, err.absolute_path))}: {err.message}")

broken = copy.deepcopy(json.load(open(goldens[0], encoding="utf-8")))
broken["document"]["kind"] = "memo"
del broken["figures"]
if not list(jsonschema.Draft7Validator(schemas[("kreport.report", "1.0")]).iter_errors(broken)):
    failures += 1
    print("a broken record passed the schema")

print(f"{len(goldens) - (1 if failures else 0)} passed, {failures} failed")
sys.exit(1 if failures else 0)
