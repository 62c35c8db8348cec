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

# Batch summaries: a complete 1.0 one, a partial 1.1 one pass; a 1.1 one without
# `complete` (what 1.0 writers produce under the new version) must not.
entry = {"input": "in/a.pdf", "output": "out/a.json", "status": "converted", "pages": 3,
         "warnings": 1, "seconds": 0.25}
summary_10 = {"schema": "kreport.batch_summary", "schema_version": "1.0",
              "kreport_version": "0.1.0", "inputs": 1, "converted": 1, "skipped": 0,
              "failed": 0, "pages": 3, "seconds": 0.3, "files": [entry]}
summary_11 = dict(summary_10, schema_version="1.1", complete=False, inputs=2, pending=1,
                  files=[entry, {"input": "in/b.pdf", "output": None, "status": "pending",
                                 "pages": 0, "warnings": 0, "seconds": 0}])
for summary in (summary_10, summary_11):
    schema = schemas[("kreport.batch_summary", summary["schema_version"])]
    for err in jsonschema.Draft7Validator(schema).iter_errors(summary):
        failures += 1
        print(f"batch summary {summary['schema_version']}: {err.message}")
incomplete = {k: v for k, v in summary_11.items() if k != "complete"}
if not list(jsonschema.Draft7Validator(schemas[("kreport.batch_summary", "1.1")]).iter_errors(incomplete)):
    failures += 1
    print("a 1.1 batch summary without `complete` passed the schema")

print(f"{len(goldens) - (1 if failures else 0)} passed, {failures} failed")
sys.exit(1 if failures else 0)
