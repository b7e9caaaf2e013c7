#!/usr/bin/env python3
"""Hostile and clumsy inputs through the real rigfit binary.

Builds several hundred broken build files, part files and paths from the project's own scenes
and parts (mutated fields, wrong types, absurd numbers, broken syntax, duplicate keys, deep
nesting, FIFOs, folders, symlink loops, oversized files) and runs `rigfit check` on each with a
time limit. Every one must end with exit 2 and a message naming the file (a clear error), never
a crash (a signal) or a hang (the time limit). Prints the totals; exits 1 if any input failed.
"""
import argparse
import copy
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

TIMEOUT_S = 20


def build_mutations(scene):
    """(name, text) pairs: build files that must each be refused with a clear error."""
    out = []
    text = json.dumps(scene, indent=1)
    # Syntax: cut anywhere, trailing text, nothing, bytes that are not text.
    for cut in range(1, len(text), max(1, len(text) // 40)):
        out.append((f"cut-{cut}", text[:cut]))
    out += [("trailing", text + " x"), ("empty", ""), ("space", "   \n"), ("nul", text[:20] + "\0" + text[20:]),
            ("latin1", text.replace("Deep", "D\xe9ep").encode("latin-1").decode("latin-1") + "\xff"),
            ("array", "[]"), ("string", '"build"'), ("number", "42"), ("null", "null")]
    # The format version, every way it can be wrong.
    for v in ["0", "-1", "4", "1.0", "1e400", "-1e400", "4294967297", "18446744073709551617", '"1"',
              "true", "null", "[]", "{}", "NaN", "Infinity"]:
        out.append((f"version-{v}", text.replace('"rigfit_build": 1', f'"rigfit_build": {v}', 1)))
    # Each field of each part: missing, or of the wrong type.
    for i, part in enumerate(scene["parts"]):
        for field in list(part.keys()):
            s = copy.deepcopy(scene)
            del s["parts"][i][field]
            if field != "on" or i == 0:  # a part that is not the case needs "on"
                out.append((f"part{i}-no-{field}", json.dumps(s)))
            for bad_name, bad in [("num", 7), ("null", None), ("list", [1]), ("obj", {}), ("empty", ""),
                                  ("huge", 1e308)]:
                s = copy.deepcopy(scene)
                s["parts"][i][field] = bad
                out.append((f"part{i}-{field}-{bad_name}", json.dumps(s)))
        for junk in ["color", "On", "options "]:
            s = copy.deepcopy(scene)
            s["parts"][i][junk] = "x"
            out.append((f"part{i}-field-{junk.strip()}", json.dumps(s)))
    # References that lead nowhere, twice, in a circle, or to a mount of another kind.
    for name, edit in [
        ("unknown-part", lambda s: s["parts"][1].update(part="no-such-board")),
        ("unknown-mount", lambda s: s["parts"][1].update(on="case/PCIEX16_9")),
        ("unknown-parent", lambda s: s["parts"][1].update(on="nothing/tray")),
        ("later-parent", lambda s: s["parts"][2].update(on="cooler/cooler")),
        ("self-parent", lambda s: s["parts"][1].update(on="board/tray")),
        ("duplicate-id", lambda s: s["parts"][2].update(id="board")),
        ("mount-taken", lambda s: s["parts"][5].update(on="board/DIMM_A2")),
        ("other-kind", lambda s: s["parts"][7].update(on="board/DIMM_A1")),
        ("case-not-first", lambda s: s["parts"].reverse()),
        ("no-parts", lambda s: s.update(parts=[])),
        ("two-cases", lambda s: s["parts"].append({"id": "c2", "part": "fractal-focus-g"})),
        ("on-no-slash", lambda s: s["parts"][1].update(on="case")),
        ("on-empty-parent", lambda s: s["parts"][1].update(on="/tray")),
    ]:
        s = copy.deepcopy(scene)
        edit(s)
        out.append((name, json.dumps(s)))
    # Options: not in format 1, and out of range, of the wrong type or absurd in format 2.
    s = copy.deepcopy(scene)
    s["parts"][3]["options"] = {"fan_raise_mm": 1}
    out.append(("options-in-format-1", json.dumps(s)))
    drp4 = copy.deepcopy(scene)
    drp4["rigfit_build"] = 2
    drp4["parts"][3]["part"] = "be-quiet-dark-rock-pro-4"
    for v in ["-1", "6.9", "1e308", "1e400", "4294967297", '"3"', "null", "[]", "true"]:
        t = json.dumps(drp4).replace('"be-quiet-dark-rock-pro-4"',
                                     '"be-quiet-dark-rock-pro-4", "options": {"fan_raise_mm": ' + v + "}", 1)
        out.append((f"fan-raise-{v}", t))
    t = json.dumps(drp4).replace('"be-quiet-dark-rock-pro-4"',
                                 '"be-quiet-dark-rock-pro-4", "options": {"no_such_option": 1}', 1)
    out.append(("unknown-option", t))
    # Keys given twice, nesting past any sense, too large a file.
    out.append(("duplicate-key", text.replace('"name":', '"name": "a", "name":', 1)))
    out.append(("duplicate-part-key", text.replace('"id": "board"', '"id": "board", "id": "board2"', 1)))
    for depth in [65, 1000, 90000]:
        out.append((f"deep-{depth}", text[:-2] + ', "notes": ' + "[" * depth + "]" * depth + "}"))
    out.append(("deep-name", text.replace('"name":', '"name": ' + "{" * 100 + "}" * 100 + ', "x":', 1)))
    out.append(("nine-mb", text[:-2] + ', "notes": "' + "x" * (9 << 20) + '"}'))
    return out


def part_mutations(part):
    """(name, text) pairs: part files that must each be refused with a clear error."""
    out = []
    text = json.dumps(part, indent=1)
    for cut in range(1, len(text), max(1, len(text) // 20)):
        out.append((f"cut-{cut}", text[:cut]))
    for key in list(part["figures"].keys()):
        for bad_name, bad in [("null", None), ("str", "big"), ("neg", -5), ("huge", 1e308), ("list", [])]:
            p = copy.deepcopy(part)
            p["figures"][key]["value"] = bad
            empty_plugs = key == "power_plugs" and bad_name == "list"  # a card without plugs: valid
            if not empty_plugs and (key in ("length_mm", "thickness_slots", "bracket_slots", "height_mm")
                                    or bad_name in ("null", "list")):
                out.append((f"fig-{key}-{bad_name}", json.dumps(p)))
        p = copy.deepcopy(part)
        p["figures"][key] = {"value": p["figures"][key]["value"]}
        out.append((f"fig-{key}-no-source", json.dumps(p)))
    for v in ["1e400", "4294967297", "1.0", "0", "3"]:
        out.append((f"schema-{v}", text.replace(f'"schema": {part["schema"]}', f'"schema": {v}', 1)))
    out.append(("figures-duplicate", text.replace('"figures": {', '"figures": {"length_mm": {"value": 1, "source": "opendb"},', 1)))
    for file in ["/etc/passwd", "../../x.obj", "meshes/../../../x.obj"]:
        p = copy.deepcopy(part)
        p["schema"] = 2
        p["mesh"] = {"file": file}
        out.append((f"mesh-{file.replace('/', '_')}", json.dumps(p)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rigfit", required=True)
    ap.add_argument("--source", required=True)
    opt = ap.parse_args()
    scene = json.load(open(os.path.join(opt.source, "scenes", "article-build.json")))
    card = json.load(open(os.path.join(opt.source, "parts", "gpu", "evga-rtx2060-xc.json")))
    work = tempfile.mkdtemp(prefix="rigfit-bad-inputs-")
    cases = []  # (label, args, path that the message must name)
    for name, text in build_mutations(scene):
        path = os.path.join(work, f"build-{name}.json")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        cases.append((f"build {name}", ["check", path], path))
    for name, text in part_mutations(card):
        d = os.path.join(work, f"part-{name}", "gpu")
        os.makedirs(d)
        path = os.path.join(d, "evga-rtx2060-xc.json")
        with open(path, "w") as f:
            f.write(text)
        # The user's part replaces nothing: a second part with the seed's id is an error too,
        # so the file is read through its own folder.
        cases.append((f"part {name}", ["parts", "validate", os.path.dirname(d)], path))
    # Paths that are not files.
    fifo = os.path.join(work, "fifo.json")
    os.mkfifo(fifo)
    loop_a, loop_b = os.path.join(work, "loop-a.json"), os.path.join(work, "loop-b.json")
    os.symlink(loop_b, loop_a)
    os.symlink(loop_a, loop_b)
    parts_loop = os.path.join(work, "parts-loop")
    os.makedirs(parts_loop)
    os.symlink(os.path.join(parts_loop, "x.json"), os.path.join(parts_loop, "y.json"))
    os.symlink(os.path.join(parts_loop, "y.json"), os.path.join(parts_loop, "x.json"))
    build = os.path.join(opt.source, "scenes", "article-build.json")
    cases += [("path folder", ["check", work], work),
              ("path fifo", ["check", fifo], fifo),
              ("path symlink loop", ["check", loop_a], loop_a),
              ("path missing", ["check", os.path.join(work, "missing.json")], os.path.join(work, "missing.json")),
              ("path device", ["check", "/dev/zero"], "/dev/zero"),
              ("parts folder with a loop", ["check", build, "--more-parts", parts_loop], parts_loop),
              ("parts folder missing", ["check", build, "--parts", os.path.join(work, "nope")], os.path.join(work, "nope"))]

    env = dict(os.environ, RIGFIT_USER_PARTS="")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    # An unknown part id is answered with the nearest ids from the OpenDB listings, which the
    # first use in a build folder makes (2 s in a release build, longer than a case's time limit
    # under ASan on a loaded machine). Made once here, untimed, so that each case's limit
    # measures the case, not that one-time listing.
    subprocess.run([opt.rigfit, "parts", "search", "rtx", "--limit", "1"], capture_output=True,
                   timeout=600, env=env, cwd=opt.source)
    clear = crashes = hangs = unclear = 0
    for label, args, named in cases:
        try:
            r = subprocess.run([opt.rigfit, *args], capture_output=True, timeout=TIMEOUT_S, env=env,
                               cwd=opt.source)
        except subprocess.TimeoutExpired:
            hangs += 1
            print(f"HANG  {label}")
            continue
        said = (r.stdout + r.stderr).decode("utf-8", "replace")
        if r.returncode < 0 or r.returncode > 4:
            crashes += 1
            print(f"CRASH {label}: exit {r.returncode}: {said[-300:]}")
        elif r.returncode == 2 and named in said and "terminate called" not in said and "[json.exception" not in said:
            clear += 1
        else:
            unclear += 1
            print(f"UNCLEAR {label}: exit {r.returncode}: {said.strip()[:300]}")
    shutil.rmtree(work, ignore_errors=True)
    total = len(cases)
    print(f"{total} hostile inputs: {clear} clear errors (exit 2, naming the file), {unclear} not, "
          f"{crashes} crashes, {hangs} hangs")
    ok = clear == total
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
