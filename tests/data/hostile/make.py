#!/usr/bin/env python3
"""Writes the small hostile cases beside this script (tests/hostile.rs runs
them). The large cases (10 MB line, 100 MB and 1 GB files, 100,000-deep HTML
and JSON, symlink loops, hostile file names) are made at test time instead."""

import json
import os

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"
HERE = os.path.dirname(os.path.abspath(__file__))

# One sample of every kind of sequence a terminal acts on.
SEQUENCES = {
    "csi": f"{ESC}[31mred{ESC}[0m {ESC}[2J{ESC}[10;20H{ESC}[?1049h{ESC}[38;5;196m moved \x9b2J",
    "osc8": f"{ESC}]8;;https://evil.example/{ST}click me{ESC}]8;;{ST} and {ESC}]8;;http://x{BEL}bel link{ESC}]8;;{BEL}",
    "osc52": f"{ESC}]52;c;cm0gLXJmIH4K{BEL} and {ESC}]52;p;ZWNobyBwd25lZA=={ST}",
    "osc0": f"{ESC}]0;pwned title{BEL}{ESC}]2;another{ST}",
    "osc-unterminated": f"{ESC}]8;;https://never.example/ runs to the end of the line",
    "dcs": f"{ESC}Pq#0;2;0;0;0#0~~@@vv{ST}{ESC}P$q\"p{ST}\x90+q544e{ST}",
    "apc": f"{ESC}_Gf=100,a=T;iVBORw0KGgo={ST}\x9fapc c1\x9c{ESC}^privacy message{ST}{ESC}Xsos{ST}",
}
BIDI = "\u202eevil\u202c \u2066iso\u2069 \u200fmark \u061c"


def body(seq: str) -> str:
    return (
        f"Anna Berg met officials in Oslo on Monday. {seq} The talks went on.\n\n"
        f"\"We are ready to sign,\" Anna Berg said after the meeting. {seq}\n"
    )


def write(name: str, data) -> None:
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(HERE, name), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def main() -> None:
    for kind, seq in SEQUENCES.items():
        write(f"{kind}.txt", f"Oslo talks {seq}\n\n{body(seq)}")
        write(f"{kind}.md", f"---\ntitle: \"Oslo {kind}\"\nauthor: \"Jo {seq}\"\n---\n\n# Head {seq}\n\n{body(seq)}")
        article = {"title": f"Oslo {seq}", "byline": f"By Jo {seq}", "source": seq, "url": f"https://x.test/{seq}", "date": f"2025-01-02{seq}", "body": body(seq)}
        write(f"{kind}.json", json.dumps(article, ensure_ascii=False))
        write(f"{kind}.jsonl", json.dumps(article, ensure_ascii=False) + "\n" + json.dumps(article) + "\n")
        write(f"{kind}.html", f"<!doctype html><html><head><title>Oslo {seq}</title><meta name=author content=\"Jo {seq}\"><meta property=\"og:site_name\" content=\"{seq}\"></head><body><article><h1>Oslo {seq}</h1><p>{body(seq)}</p><p>{body(seq)}</p><figure><figcaption>Photo {seq}</figcaption></figure></article></body></html>")
        mail = f"From: Jo {seq} <jo@x.test>\r\nSubject: Oslo {seq}\r\nDate: Mon, 2 Jun 2025 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body(seq)}"
        write(f"{kind}.eml", mail)
        mht = (f"From: <Saved by Blink>\r\nSubject: Oslo {seq}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n"
               f"--B\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: https://x.test/{seq}\r\n\r\n"
               f"<html><head><title>Oslo {seq}</title></head><body><article><p>{body(seq)}</p><p>{body(seq)}</p></article></body></html>\r\n--B--\r\n")
        write(f"{kind}.mhtml", mht)
    # Bidi overrides inside names and titles.
    write("bidi.json", json.dumps({"title": f"Anna{BIDI} Berg in Oslo", "byline": f"Jo{BIDI}", "body": f"Anna Be\u202erg\u202c met Ola {BIDI}Nordmann in Oslo.\n\nNordmann said \"the deal is done and signed now.\""}, ensure_ascii=False))
    write("bidi.txt", f"Talks in O\u202eslo\n\nAnna\u2066 Berg\u2069 met \u202dOla Nordmann\u202c in Oslo.\n")
    # NUL bytes: raw (refused as binary) and as JSON escapes (dropped).
    write("nul-raw.md", b"# Oslo\n\nAnna Berg\x00 met\x00 Ola in Oslo.\n")
    write("nul-escaped.json", json.dumps({"title": "Oslo\u0000 talks", "body": "Anna\u0000 Berg met Ola in Oslo.\u0000"}))
    write("nul-escaped.jsonl", json.dumps({"title": "Oslo\u0000", "body": "Anna\u0000 Berg in Oslo."}) + "\n")
    # Invalid UTF-8 in every format.
    bad = b"\xff\xfe\xc3\x28 \xa0\xa1 \xe2\x82 \xf0\x28\x8c\xbc \xed\xa0\x80 \xc0\xaf"
    write("invalid-utf8.txt", b"Oslo " + bad + b"\n\nAnna Berg met " + bad + b" Ola in Oslo.\n")
    write("invalid-utf8.md", b"---\ntitle: Oslo " + bad + b"\n---\n\n# Head " + bad + b"\n\nAnna Berg " + bad + b" in Oslo.\n")
    write("invalid-utf8.json", b'{"title": "Oslo ' + bad + b'", "body": "Anna Berg ' + bad + b' in Oslo."}')
    write("invalid-utf8.jsonl", b'{"title": "Oslo", "body": "Anna Berg in Oslo."}\n{"title": "Bad ' + bad + b'", "body": "x ' + bad + b'"}\n')
    write("invalid-utf8.html", b"<!doctype html><html><head><meta charset=utf-8><title>Oslo " + bad + b"</title></head><body><article><p>Anna Berg " + bad + b" met Ola in Oslo on Monday for talks.</p></article></body></html>")
    write("invalid-utf8.eml", b"From: jo@x.test\r\nSubject: Oslo " + bad + b"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAnna Berg " + bad + b" met Ola in Oslo.\r\n")
    write("invalid-utf8.mhtml", b"From: <Saved by Blink>\r\nSubject: Oslo " + bad + b"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>Anna Berg " + bad + b" met Ola in Oslo on Monday.</p></article></body></html>\r\n--B--\r\n")
    # An empty JSON Lines file, and one of blank lines only.
    write("empty.jsonl", b"")
    write("blank-lines.jsonl", b"\n\n  \n")
    # A gzip and a PDF renamed .txt.
    write("gzip.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00\x86\xa6\x10\x36\x05\x00\x00\x00")
    write("pdf.txt", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


if __name__ == "__main__":
    main()
