#!/usr/bin/env python3
"""Runs fulint over the fixture drafts in the JSON-based formats and validates what it prints.

  --format json   against docs/fulint-output.schema.json (JSON Schema 2020-12)
  --format sarif  against tests/data/sarif-schema-2.1.0.json (the OASIS schema, draft-07), plus
                  what GitHub code scanning needs beyond the schema (ruleIndex agrees with
                  ruleId, absolute helpUri/informationUri, relative artifact URIs, columnKind)
  --format lsp    structurally (LSP 3.17 Diagnostic: 0-based ranges, severity 1-4, file URIs)

Usage: validate_json.py FULINT_BINARY SOURCE_DIR
Needs python3-jsonschema (Debian). Prints "N passed, N failed" and exits 1 on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    sys.exit("validate_json.py: python3-jsonschema is not installed (scripts/install-deps)")

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def run(binary, fmt, paths, cwd):
    proc = subprocess.run([binary, "--format", fmt, "--quiet", "--no-color", *paths], cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1, 2):
        raise AssertionError(f"--format {fmt}: exit {proc.returncode}: {proc.stderr.decode()}")
    return json.loads(proc.stdout.decode("utf-8"))


def validate(schema_path, document):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path)
        raise AssertionError(f"{len(errors)} schema errors; first at /{where}: {e.message[:300]}")


def check_json(doc, paths):
    assert [f["path"] for f in doc["files"]] == paths, "files missing or out of order"
    for f in doc["files"]:
        for d in f.get("diagnostics", []):
            s, e = d["start"], d["end"]
            assert (s["line"], s["column"], s["offset"]) <= (e["line"], e["column"], e["offset"]), d


def check_sarif(log, paths):
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(set(ids)), "rules must be unique and sorted"
    for key in ("informationUri",):
        if key in driver:
            assert SCHEME.match(driver[key]), f"driver.{key} is not absolute"
    for r in rules:
        assert r["shortDescription"]["text"] and r["help"]["text"], r["id"]
        if "helpUri" in r:
            assert SCHEME.match(r["helpUri"]), f"{r['id']}: helpUri {r['helpUri']} is not absolute"
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    used = set()
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res
        used.add(res["ruleId"])
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert not SCHEME.match(uri) and not uri.startswith("/"), f"uri {uri} is not relative"
        region = loc["region"]
        assert (region["startLine"], region["startColumn"]) <= (region["endLine"], region["endColumn"])
    assert used <= set(ids), "every result's rule is listed (the loaded rules, fulint's own)"
    assert {"fulint.Parse", "fulint.Rule"} <= set(ids), "fulint's own rules are listed"


def check_lsp(files, paths, cwd):
    assert len(files) == len(paths)
    for f, path in zip(files, paths):
        assert f["uri"].startswith("file:///"), f["uri"]
        assert f["uri"].endswith(path.replace(" ", "%20")), (f["uri"], path)
        for d in f["diagnostics"]:
            start, end = d["range"]["start"], d["range"]["end"]
            for p in (start, end):
                assert p["line"] >= 0 and p["character"] >= 0, d
            assert (start["line"], start["character"]) <= (end["line"], end["character"]), d
            assert d["severity"] in (1, 2, 3, 4) and d["source"] == "fulint" and d["message"]
            if "codeDescription" in d:
                assert SCHEME.match(d["codeDescription"]["href"]), d


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    fixtures = os.path.join(source, "tests", "fixtures")
    paths = []
    for root, _, names in sorted(os.walk(fixtures)):
        for name in sorted(names):
            if not name.endswith(".expected") and not name.endswith(".fixed"):
                paths.append(os.path.relpath(os.path.join(root, name), source))
    passed = failed = 0

    def check(name, fn):
        nonlocal passed, failed
        try:
            fn()
            passed += 1
            print(f"ok   {name}")
        except Exception as e:  # noqa: BLE001 - report every failure and go on
            failed += 1
            print(f"FAIL {name}: {e}")

    json_schema = os.path.join(source, "docs", "fulint-output.schema.json")
    sarif_schema = os.path.join(source, "tests", "data", "sarif-schema-2.1.0.json")

    def json_fixtures():
        doc = run(binary, "json", paths, source)
        validate(json_schema, doc)
        check_json(doc, paths)

    def sarif_fixtures():
        log = run(binary, "sarif", paths, source)
        validate(sarif_schema, log)
        check_sarif(log, paths)

    def lsp_fixtures():
        check_lsp(run(binary, "lsp", paths, source), paths, source)

    check(f"json: {len(paths)} fixture drafts", json_fixtures)
    check(f"sarif: {len(paths)} fixture drafts", sarif_fixtures)
    check(f"lsp: {len(paths)} fixture drafts", lsp_fixtures)

    # Awkward inputs: a name with a space and non-ASCII letters, an empty file, a file that is
    # not UTF-8 (a located decode error), CRLF with an emoji.
    with tempfile.TemporaryDirectory() as tmp:
        odd = ["my note \u00e9t\u00e9.txt", "empty.txt", "broken.txt", "crlf.txt"]
        contents = [b"Dear Dr. Lee,\n\nThank you very very much!!!\n", b"",
                    b"Dear Dr. Lee,\n\nHello \xc3\x28 world.\n",
                    "Subject: Thanks \U0001F389\r\n\r\nHey Dr. Lee,\r\n\r\nthx!!!\r\n".encode()]
        for name, data in zip(odd, contents):
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)

        def json_odd():
            doc = run(binary, "json", odd, tmp)
            validate(json_schema, doc)

        def sarif_odd():
            log = run(binary, "sarif", odd, tmp)
            validate(sarif_schema, log)
            check_sarif(log, odd)

        def lsp_odd():
            files = run(binary, "lsp", odd, tmp)
            assert all(f["uri"].startswith("file:///") for f in files)
            assert any("my%20note%20%C3%A9t%C3%A9.txt" in f["uri"] for f in files), files

        check("json: odd names, empty, invalid UTF-8, CRLF", json_odd)
        check("sarif: odd names, empty, invalid UTF-8, CRLF", sarif_odd)
        check("lsp: percent-encoded file URIs", lsp_odd)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
