"""Checks what `qopt compile` wrote for one circuit.

Usage: check-compile-outputs.py SCHEMA REPORT_JSON QOPT_CHECK

Validates the report against the qopt-report-v1 JSON Schema, then checks
that every output it lists exists and is well formed: the compiled circuit,
as MLIR and as OpenQASM on physical qubits, is equivalent to the input up to
the reported layout (qopt-check; -O3 may drop diagonal gates before
measurements, which no outcome shows); the pulse JSON parses; the SVG is an
XML document with an <svg> root; the Markdown report has its sections.
Prints one line per check; exits 1 on the first failure.
"""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import jsonschema


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    schema_path, report_path = sys.argv[1], sys.argv[2]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(report_path) as f:
        report = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
    if errors:
        fail("report does not match the schema: " + errors[0].message)
    print("report: valid qopt-report-v1")
    check = [sys.argv[3]]
    if report["opt_level"] == 3:
        check.append("--ignore-final-phases")
    layouts = ["--initial-layout=" + ",".join(map(str, report["initial_layout"])),
               "--final-layout=" + ",".join(map(str, report["final_layout"]))]
    for kind, path in sorted(report["outputs"].items()):
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            fail(kind + ": " + path + " is missing or empty")
        if kind == "svg":
            root = ElementTree.parse(path).getroot()
            if root.tag != "{http://www.w3.org/2000/svg}svg":
                fail("svg: root element is " + root.tag)
        elif kind == "pulse-json":
            with open(path) as f:
                if json.load(f).get("format") != "qopt-pulse-v1":
                    fail("pulse-json: not qopt-pulse-v1")
        elif kind in ("qasm", "mlir"):
            if report["pruning"]:
                print(kind + ": pruned, so not checked for equivalence")
                continue
            command = check + (layouts if kind == "qasm" else ["--up-to-layout"])
            run = subprocess.run(command + [report["input"], path],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                fail(kind + ": " + run.stdout + run.stderr)
            else:
                print(kind + ": " + run.stdout.strip())
            continue
        elif kind == "report-md":
            with open(path) as f:
                text = f.read()
            for heading in ("## Estimated fidelity", "## Time per stage",
                            "## Outputs"):
                if heading not in text:
                    fail("report-md: no '" + heading + "'")
        print(kind + ": ok")
    # No temporary file may be left next to the outputs.
    directory = os.path.dirname(report_path)
    leftovers = [name for name in os.listdir(directory) if ".tmp-" in name]
    if leftovers:
        fail("temporary files left: " + ", ".join(leftovers))
    print("no temporary files")


main()
