#!/usr/bin/env python3
"""Brings PublicAPI.Unshipped.txt in line with the code: adds new public symbols (RS0016) and drops removed ones (RS0017).

Usage: python3 eng/update-public-api.py src/ServerlessShield [more project folders]
Review the diff afterwards: every line is a public promise.
"""
import re, subprocess, sys, pathlib

def update(project_dir: pathlib.Path) -> None:
    unshipped = project_dir / "PublicAPI.Unshipped.txt"
    shipped = project_dir / "PublicAPI.Shipped.txt"
    for f in (unshipped, shipped):
        if not f.exists() or not f.read_text().startswith("#nullable enable"):
            rest = f.read_text() if f.exists() else ""
            f.write_text("#nullable enable\n" + rest.replace("#nullable enable\n", ""))
    out = subprocess.run(["dotnet", "build", str(project_dir), "-p:TreatWarningsAsErrors=false", "-nologo"],
                         capture_output=True, text=True).stdout
    added = set(re.findall(r"warning RS0016: Symbol '(.+?)' is not part of the declared public API", out))
    removed = set(re.findall(r"warning RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", out))
    lines = [l for l in unshipped.read_text().splitlines()[1:] if l.strip()]
    lines = [l for l in lines if l not in removed] + sorted(added)
    unshipped.write_text("#nullable enable\n" + "\n".join(sorted(set(lines))) + ("\n" if lines else ""))
    print(f"{project_dir}: +{len(added)} -{len(removed)}")

for arg in sys.argv[1:]:
    update(pathlib.Path(arg))
