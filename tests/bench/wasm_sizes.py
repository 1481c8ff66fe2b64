#!/usr/bin/env python3
"""Where the bytes of a wasm module go: code size per function from the name section, summed by
crate. Usage: wasm_sizes.py module.wasm [top-N]"""
import re
import sys
from collections import Counter


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        yield sid, data[j:j + size]
        i = j + size


def main():
    data = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    imports = 0
    bodies, names = [], {}
    for sid, body in sections(data):
        if sid == 2:  # imports: count function imports (they shift function indices)
            n, i = leb(body, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(body, i)
                    i += ln
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imports += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, i = leb(body, i)
                bodies.append(size)
                i += size
        elif sid == 11:
            print(f"data section: {len(body)} bytes")
        elif sid == 0:
            ln, i = leb(body, 0)
            if body[i:i + ln] != b"name":
                continue
            i += ln
            while i < len(body):
                sub = body[i]
                size, i = leb(body, i + 1)
                if sub == 1:
                    n, k = leb(body, i)
                    for _ in range(n):
                        idx, k = leb(body, k)
                        ln, k = leb(body, k)
                        names[idx] = body[k:k + ln].decode("utf8", "replace")
                        k += ln
                i += size
    by_crate, by_fn = Counter(), Counter()
    for idx, size in enumerate(bodies):
        name = names.get(idx + imports, f"func{idx}")
        m = re.search(r"_ZN\d+([A-Za-z_][A-Za-z0-9_]*)", name) or re.match(r"<?([A-Za-z_][A-Za-z0-9_]*)", name)
        by_crate[m.group(1) if m else "?"] += size
        by_fn[name[:110]] += size
    print(f"code: {sum(bodies)} bytes in {len(bodies)} functions")
    for c, s in by_crate.most_common(top):
        print(f"{s:9d}  {c}")
    print("--- largest functions")
    for f, s in by_fn.most_common(top):
        print(f"{s:9d}  {f}")


main()
