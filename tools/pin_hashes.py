"""Rewrite a requirements file with the SHA-256 of every file PyPI has for each pinned version.

    .venv/bin/python tools/pin_hashes.py requirements.txt        # in place

Each `name==version` line (comments kept) becomes `name==version --hash=sha256:...` with one hash
per wheel and sdist of that release, for every platform and Python, so that
`pip install --no-deps --require-hashes -r requirements.txt` installs the same bytes everywhere.
Needs the network (pypi.org's simple API); run it when a pin changes, and commit the result.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from pathlib import Path

PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\#]+)")


def hashes(name: str, version: str) -> list[str]:
    from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
    from packaging.version import Version

    request = urllib.request.Request(f"https://pypi.org/simple/{canonicalize_name(name)}/",
                                     headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as reply:  # the simple API (PEP 691)
        data = json.load(reply)
    wanted = Version(version)
    found = []
    for f in data["files"]:
        filename = f["filename"]
        try:
            parsed = parse_wheel_filename(filename) if filename.endswith(".whl") else parse_sdist_filename(filename)
        except ValueError:
            continue
        if parsed[1] == wanted and "sha256" in f["hashes"]:
            found.append(f["hashes"]["sha256"])
    found = sorted(set(found))
    if not found:
        raise SystemExit(f"{name}=={version}: PyPI lists no files")
    return found


def main() -> int:
    path = Path(sys.argv[1])
    out: list[str] = []
    lines = path.read_text().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        while line.rstrip().endswith("\\") and i + 1 < len(lines):  # an entry already hashed: read it whole
            i += 1
            line = line.rstrip()[:-1] + " " + lines[i].strip()
        i += 1
        m = PIN.match(line)
        if not m:
            out.append(line)
            continue
        if "#" in line:
            out.append(line[line.index("#"):])  # an inline comment goes on its own line, above
        name, version = m.groups()
        entry = [f"{name}=={version}", *(f"    --hash=sha256:{h}" for h in hashes(name, version))]
        out.append(" \\\n".join(entry))
        print(f"{name}=={version}: {len(entry) - 1} files", file=sys.stderr)
    path.write_text("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
