#!/usr/bin/env python3
"""Writes the lsp fuzz target's seed corpus: the client side of each transcript in
tests/lsp/*.test as the byte stream the server reads (bodies framed with Content-Length,
`>>> raw` blocks as they are). Run from the repository root: tests/fuzz/lsp_seeds.py"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus/lsp"
DIRECTIVE = re.compile(r"^(>>>|<<<|===)")


def client_stream(text):
    out, block, kind = b"", [], None

    def flush():
        nonlocal out
        if kind == "send":
            body = "\n".join(block).strip().encode()
            out += b"Content-Length: %d\r\n\r\n" % len(body) + body
        elif kind == "raw":
            out += b"".join(line.encode() + b"\r\n" for line in block)

    raw_body = False
    for line in text.splitlines():
        if DIRECTIVE.match(line):
            flush()
            block, raw_body = [], line.startswith(">>> raw") or line.startswith("=== ")
            kind = "raw" if line.startswith(">>> raw") else "send" if line == ">>>" else None
            continue
        if raw_body and line == "":
            flush()
            kind, block, raw_body = None, [], False
            continue
        if line.startswith("#") and not raw_body:
            continue
        block.append(line.replace("${DIR}", "/nonexistent-fulint-fuzz"))
    flush()
    return out


OUT.mkdir(parents=True, exist_ok=True)
for test in sorted((ROOT / "tests/lsp").glob("*.test")):
    stream = client_stream(test.read_text())
    if b"executeCommand" in stream:  # left out by the target (it writes files)
        continue
    (OUT / (test.stem + ".bin")).write_bytes(stream)
