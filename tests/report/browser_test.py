#!/usr/bin/python3
"""The fit report as a person meets it: rigfit writes it, headless Chromium opens it, and we check
the page's DOM (the answer, one row per check, the drawings), validate the JSON against its
schema, render the Markdown's tables, and keep a screenshot for a person to look at.

Usage: browser_test.py --rigfit PATH --source DIR --out DIR
"""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import markdown

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--hide-scrollbars"]


class Dom(html.parser.HTMLParser):
    """Just enough of the DOM: elements by id, rows by class, text under a given id."""

    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.finding_rows, self.svgs_in_drawings = [], {}, 0, 0
        self.text_by_id, self.tags_under = {}, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("meta", "link", "br", "img", "input", "hr"):  # HTML void elements
            self.stack.append((tag, a.get("id")))
        if a.get("id"):
            self.ids[a["id"]] = tag
        if tag == "tr" and "finding" in (a.get("class") or "").split():
            self.finding_rows += 1
        if tag == "svg" and any(i == "drawings" for _, i in self.stack):
            self.svgs_in_drawings += 1
        for _, i in self.stack:
            if i:
                self.tags_under.setdefault(i, []).append(tag)

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, i in self.stack:
            if i:
                self.text_by_id[i] = self.text_by_id.get(i, "") + data


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


def chromium(args, profile):
    return run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rigfit", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    opt = ap.parse_args()
    os.makedirs(opt.out, exist_ok=True)
    build = os.path.join(opt.source, "scenes", "article-build.json")
    failures = []

    def check(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    paths = {ext: os.path.join(opt.out, "article-build." + ext) for ext in ("html", "md", "json")}
    for ext, path in paths.items():
        r = run([opt.rigfit, "report", build, "-o", path, "--with-solve",
                 "--parts", os.path.join(opt.source, "parts")])
        check(r.returncode == 0 and os.path.exists(path), f"rigfit report -o {ext}: {r.stdout.strip()} {r.stderr.strip()}")

    report = json.load(open(paths["json"], encoding="utf-8"))
    schema = json.load(open(os.path.join(opt.source, "docs", "report.schema.json"), encoding="utf-8"))
    try:
        jsonschema.validate(report, schema)
        check(True, "the JSON report validates against docs/report.schema.json")
    except jsonschema.ValidationError as e:
        check(False, f"the JSON report validates against its schema: {e.message}")
    check(len(report["findings"]) > 10, f"{len(report['findings'])} findings in the JSON report")
    # Every scene's report, with whatever categories it holds (fans, radiators), meets the schema.
    for scene in sorted(os.listdir(os.path.join(opt.source, "scenes"))):
        out = os.path.join(opt.out, "scene-" + scene)
        r = run([opt.rigfit, "report", os.path.join(opt.source, "scenes", scene), "-o", out,
                 "--parts", os.path.join(opt.source, "parts")])
        try:
            jsonschema.validate(json.load(open(out, encoding="utf-8")), schema)
            check(r.returncode in (0, 1, 3, 4), f"the JSON report of scenes/{scene} validates against the schema")
        except (OSError, ValueError, jsonschema.ValidationError) as e:
            check(False, f"the JSON report of scenes/{scene} validates: {getattr(e, 'message', e)}")

    md_html = markdown.markdown(open(paths["md"], encoding="utf-8").read(), extensions=["tables"])
    tables = md_html.count("<table>")
    # checks, solve, and one figure table per part
    check(tables == 2 + len(report["parts"]), f"the Markdown renders {tables} tables")

    profile = tempfile.mkdtemp(prefix="rigfit-chromium-")
    try:
        dom_run = chromium(["--dump-dom", "file://" + os.path.abspath(paths["html"])], profile)
        check(dom_run.returncode == 0 and "</html>" in dom_run.stdout, "Chromium loads the HTML report")
        dom = Dom()
        dom.feed(dom_run.stdout)
        answer = " ".join(dom.text_by_id.get("answer", "").split())
        check("fits in PCIEX16_2 with 5.1 mm" in answer, f"the answer is on top: {answer[:90]}...")
        check(dom.finding_rows == len(report["findings"]),
              f"one row per check: {dom.finding_rows} rows, {len(report['findings'])} findings")
        check(dom.svgs_in_drawings == 3, f"{dom.svgs_in_drawings} drawings in the drawings section")
        renders = dom_run.stdout.count('src="data:image/png;base64,')
        check(renders == 2, f"{renders} 3D renders embedded (offscreen OpenGL)")
        for section in ("checks", "parts", "not-checked", "estimates", "solve"):
            check(section in dom.ids, f"section #{section} present")

        # Escaping in a real browser: a part named with markup shows as text and adds no element.
        parts = os.path.join(profile, "parts")
        shutil.copytree(os.path.join(opt.source, "parts"), parts)
        gpu_file = os.path.join(parts, "gpu", "evga-rtx2060-xc.json")
        gpu = json.load(open(gpu_file, encoding="utf-8"))
        evil = 'Évga <img src=x onerror="alert(1)"> "Black" & Co'
        gpu["name"] = evil
        json.dump(gpu, open(gpu_file, "w", encoding="utf-8"), ensure_ascii=False)
        evil_html = os.path.join(opt.out, "escaping.html")
        r = run([opt.rigfit, "report", build, "-o", evil_html, "--parts", parts])
        check(r.returncode == 0, "rigfit report with a hostile part name")
        d2 = Dom()
        d2.feed(chromium(["--dump-dom", "file://" + os.path.abspath(evil_html)], profile).stdout)
        check(evil in " ".join(d2.text_by_id.get("parts", "").split()) or evil in d2.text_by_id.get("parts", ""),
              "the hostile name appears as text")
        check("img" not in d2.tags_under.get("parts", []), "and adds no <img> element")

        shot = os.path.join(opt.out, "report.png")
        s = chromium([f"--screenshot={shot}", "--window-size=1000,2400", "file://" + os.path.abspath(paths["html"])], profile)
        check(os.path.exists(shot) and os.path.getsize(shot) > 20000,
              f"screenshot {shot} ({os.path.getsize(shot) if os.path.exists(shot) else 0} bytes)")
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    passed = 0 if failures else 1
    print(f"{passed} passed, {1 - passed} failed")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
