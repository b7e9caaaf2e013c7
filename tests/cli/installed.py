#!/usr/bin/env python3
"""rigfit as installed (issue 17): `cmake --install --strip` into a scratch prefix, the prefix
moved elsewhere, and the installed program run from outside the source tree with a bare
environment. It must find its catalog, scenes and meshes beside itself, name no path of the
source tree, and ship a manual page that covers every command and option, bash completion that
completes, a valid desktop file and icon. Prints each check; exits 1 if any failed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def main():
    scratch = os.path.abspath(opt.out)
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    staged = os.path.join(scratch, "staged")
    p = subprocess.run(["cmake", "--install", opt.build, "--prefix", staged, "--strip"],
                       capture_output=True, text=True)
    check(p.returncode == 0, "cmake --install --strip into a scratch prefix" + ("" if p.returncode == 0 else ": " + p.stderr))
    if p.returncode:
        return 1
    prefix = os.path.join(scratch, "moved", "usr")  # an installed tree is relocatable
    os.makedirs(os.path.dirname(prefix))
    os.rename(staged, prefix)
    home = os.path.join(scratch, "home")
    os.makedirs(home)
    binary = os.path.join(prefix, "bin", "rigfit")
    share = os.path.join(prefix, "share")
    env = {"HOME": home, "PATH": os.path.join(prefix, "bin") + ":/usr/bin:/bin", "LANG": "C.UTF-8"}

    def run(args, cwd="/"):
        r = subprocess.run([binary] + args, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
        return r.returncode, r.stdout, r.stderr

    for rel in ["bin/rigfit", "share/rigfit/parts/gpu", "share/rigfit/parts/opendb/GPU.jsonl.gz",
                "share/rigfit/scenes/article-build.json", "share/rigfit/assets/meshes/gpu-shroud-1fan.gltf",
                "share/man/man1/rigfit.1", "share/doc/rigfit/LICENSE", "share/doc/rigfit/copyright",
                "share/doc/rigfit/README.md", "share/doc/rigfit/docs/check.schema.json",
                "share/applications/rigfit.desktop", "share/icons/hicolor/scalable/apps/rigfit.svg",
                "share/bash-completion/completions/rigfit", "share/zsh/vendor-completions/_rigfit"]:
        check(os.path.exists(os.path.join(prefix, rel)), f"installed: {rel}")

    with open(binary, "rb") as f:
        data = f.read()
    if opt.sanitized:
        # GCC 12's sanitizers keep each file's own path for their reports, whatever
        # -ffile-prefix-map says; a sanitized build is never installed or packaged.
        print("note  a sanitized build: its program names source files for its reports (not checked)")
    else:
        check(opt.source.encode() not in data and opt.build.encode() not in data,
              "the installed program names no path of the source or build tree")

    scene = os.path.join(share, "rigfit", "scenes", "article-build.json")
    code, out, err = run(["check", scene])
    check(code == 0 and "Verdict: everything checked fits" in out and not err,
          f"the installed program checks a shipped scene from / (exit {code}) {err.strip()}")
    code, out, err = run([])
    check(code == 0 and scene in out, "bare rigfit (no display) checks the installed default build")
    code, out, err = run(["render", scene, "-o", os.path.join(scratch, "x.png"), "--backend", "mock"])
    check(code == 0 and "warning" not in err, f"its meshes are found (no mesh warning) {err.strip()}")
    code, out, err = run(["parts", "list"])
    n = re.search(r"(\d+) parts: (\d+) curated", out)
    check(code == 0 and n and int(n.group(1)) > 20000, f"it lists the installed catalog and OpenDB snapshot ({n.group(0) if n else out[-200:]})")
    # The program alone, away from its data: it says where it looked; $RIGFIT_PARTS points it.
    alone = os.path.join(scratch, "alone")
    os.makedirs(alone)
    shutil.copy(binary, alone)
    r = subprocess.run([os.path.join(alone, "rigfit"), "check", scene], capture_output=True, text=True,
                       env=env, cwd="/", timeout=60)
    check(r.returncode == 2 and "--parts" in r.stderr and "RIGFIT_PARTS" in r.stderr,
          f"a program away from its data says where it looked and how to point it ({r.stderr.strip()[:100]})")
    r = subprocess.run([os.path.join(alone, "rigfit"), "check", scene], capture_output=True, text=True,
                       env=dict(env, RIGFIT_PARTS=os.path.join(share, "rigfit", "parts")), cwd="/", timeout=60)
    check(r.returncode == 0, "with $RIGFIT_PARTS it checks the build")
    code, out, err = run(["--version"])
    version = out.strip().split()[-1] if code == 0 else "?"
    check(code == 0 and re.fullmatch(r"\d+\.\d+\.\d+", version) is not None, f"--version: {out.strip()}")

    # The manual page.
    man = os.path.join(share, "man", "man1", "rigfit.1")
    r = subprocess.run(["groff", "-man", "-ww", "-z", man], capture_output=True, text=True)
    check(r.returncode == 0 and not r.stderr, f"groff renders the manual page without a warning {r.stderr.strip()}")
    with open(man, encoding="utf-8") as f:
        page = f.read().replace("\\-", "-")
    check(f'"rigfit {version}"' in page, "the manual page carries the program's version")
    code, usage, _ = run(["--help"])
    commands = ["check", "solve", "report", "render", "view", "parts", "import", "help", "version"]
    for c in commands:
        check(re.search(rf"\b{c}\b", page) is not None, f"the manual page has the command {c}")
    missing = []
    for c in ["check", "solve", "report", "render", "view", "parts", "import"]:
        code, help_text, _ = run([c, "--help"])
        for o in sorted(set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", help_text))):
            if o not in page:
                missing.append(f"{c} {o}")
    check(not missing, "every option of every command's --help is in the manual page" + (f": missing {missing}" if missing else ""))

    # Bash completion, with the installed program on PATH.
    completion = os.path.join(share, "bash-completion", "completions", "rigfit")

    def complete(*words):
        script = (f"source '{completion}'; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
                  f"COMP_CWORD={len(words) - 1}; _rigfit; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
        r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, cwd=opt.source)
        return r.stdout.split()

    check(complete("rigfit", "ch") == ["check"], "bash completes a command (ch: check)")
    check(set(complete("rigfit", "render", "b.json", "--view", "")) == {"iso", "front", "side", "top"},
          "bash completes --view's values")
    check("--strict" in complete("rigfit", "check", "--st"), "bash completes a command's options")
    ids = complete("rigfit", "solve", "b.json", "--add", "evga-rtx2060-x")
    check("evga-rtx2060-xc" in ids and all(i.startswith("evga-rtx2060-x") for i in ids),
          f"bash completes part ids from the catalog ({len(ids)})")
    check(complete("rigfit", "check", "sce") == ["scenes"], "bash completes folders for a build")
    check(complete("rigfit", "check", "scenes/article-b") == ["scenes/article-bottom-slot.json", "scenes/article-build.json"],
          "bash completes build files")
    check(complete("rigfit", "parts", "sh") == ["show"], "bash completes parts' subcommands")
    zsh = shutil.which("zsh")
    if zsh:
        r = subprocess.run([zsh, "-n", os.path.join(share, "zsh", "vendor-completions", "_rigfit")],
                           capture_output=True, text=True)
        check(r.returncode == 0, f"the zsh completion parses {r.stderr.strip()}")
    else:
        print("note  zsh is not installed: its completion was not parsed")

    # The desktop file and the icon.
    desktop = os.path.join(share, "applications", "rigfit.desktop")
    validator = shutil.which("desktop-file-validate")
    if validator:
        r = subprocess.run([validator, desktop], capture_output=True, text=True)
        check(r.returncode == 0 and not r.stdout.strip(), f"desktop-file-validate passes {r.stdout.strip()}")
    else:
        check(False, "desktop-file-validate is installed (tools/deps test installs desktop-file-utils)")
    with open(desktop, encoding="utf-8") as f:
        entry = f.read()
    check("Exec=rigfit view %f" in entry and "Icon=rigfit" in entry, "the desktop file opens the viewer with its icon")
    try:
        root = ET.parse(os.path.join(share, "icons", "hicolor", "scalable", "apps", "rigfit.svg")).getroot()
        check(root.tag.endswith("svg") and root.get("viewBox") == "0 0 64 64", "the icon is an SVG")
    except ET.ParseError as e:
        check(False, f"the icon is an SVG ({e})")

    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sanitized", action="store_true", help="the build runs under ASan and UBSan")
    opt = ap.parse_args()
    opt.build = os.path.abspath(opt.build)
    opt.source = os.path.abspath(opt.source)
    sys.exit(main())
