#!/usr/bin/env python3
"""Writes seed 000 in the encodings scraped Chinese files come in, for the encoding tests.

GB18030 (a superset of GBK), UTF-16LE with a BOM, and UTF-8 with a BOM and CRLF line ends.
Run from the repository root: python3 scripts/make-encoding-fixtures.py
"""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
text = (root / 'corpus' / '000_0018174054ff74da.txt').read_text(encoding='utf-8')
out = root / 'test' / 'fixtures' / 'encodings'
out.mkdir(parents=True, exist_ok=True)
(out / '000.gb18030.txt').write_bytes(text.encode('gb18030'))
(out / '000.utf16le-bom.txt').write_bytes(b'\xff\xfe' + text.encode('utf-16-le'))
(out / '000.utf8-bom-crlf.txt').write_bytes(b'\xef\xbb\xbf' + text.replace('\n', '\r\n').encode('utf-8'))
