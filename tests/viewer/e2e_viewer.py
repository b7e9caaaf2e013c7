#!/usr/bin/python3
"""The viewer as a builder uses it: a real window under Xvfb, real X input from xdotool.
Takes a screenshot of the default build from each view preset (keys 1-4). Drags an EVGA RTX 2060
XC from the catalog panel onto the second x16 slot, saves with Ctrl+S and checks the saved
build; drags that placed card on to the bottom slot, saves and checks, and undoes the move with
Ctrl+Z; then drags another card onto the bottom slot, where it does not fit, saves, and checks
that rigfit check reports the missing case opening. Then opens a tower cooler over tall memory,
raises the cooler's front fan with its slider, saves and checks. Prints the median frame time
the viewer measured.

Usage: e2e_viewer.py --rigfit PATH --source DIR --out DIR
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

PART = "evga-rtx2060-xc"


def wait_for(cond, timeout=30.0, what="condition"):
    end = time.time() + timeout
    while time.time() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.1)
    raise TimeoutError(what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rigfit", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    opt = ap.parse_args()
    os.makedirs(opt.out, exist_ok=True)
    build = os.path.join(opt.out, "e2e-build.json")
    shutil.copy(os.path.join(opt.source, "scenes", "article-build.json"), build)
    probe = os.path.join(opt.out, "e2e-probe.json")
    if os.path.exists(probe):
        os.remove(probe)
    failures = []
    # The part the test makes in Parts > New part: gone before any viewer reads the folder.
    mine = os.environ.get("RIGFIT_USER_PARTS", "")
    card_file = os.path.join(mine, "gpu", "e2e-measured-card.json")
    if mine and os.path.exists(card_file):
        os.remove(card_file)

    def check(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    sys.dont_write_bytecode = True  # nothing written into the source tree
    sys.path.insert(0, os.path.join(opt.source, "tools"))
    from xvfb_display import start_xvfb
    xvfb, display = start_xvfb()
    shot = os.path.join(opt.out, "screenshot.png")  # F12 writes here; screenshot() renames it
    if os.path.exists(shot):
        os.remove(shot)
    # Unsaved work is kept in a recovery file; the steps that stop a viewer with SIGTERM leave
    # theirs here, and the kill -9 step below uses a file of its own.
    recovery = os.path.join(opt.out, "recovery.json")
    if os.path.exists(recovery):
        os.remove(recovery)
    env = dict(os.environ, DISPLAY=display, RIGFIT_VIEWER_PROBE=probe, RIGFIT_VIEWER_SCREENSHOT=shot,
               RIGFIT_RECOVERY_FILE=recovery, RIGFIT_RECENT_FILE=os.path.join(opt.out, "recent"))
    viewer = None
    try:
        started = time.time()
        viewer = subprocess.Popen([opt.rigfit, "view", build, "--parts", os.path.join(opt.source, "parts")],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        def state():
            try:
                return json.load(open(probe))
            except (OSError, ValueError):
                return None

        def xdo(*args):
            subprocess.run(["xdotool", *args], env=env, check=True, timeout=20)

        s = wait_for(state, 60, "the viewer's first frames")
        # The probe is written every 5 frames: this is window to fifth frame, an upper bound.
        check(True, f"the viewer opened a window and drew frames ({(time.time() - started) * 1000:.0f} ms to the fifth frame)")

        def screenshot(name):
            if os.path.exists(shot):
                os.remove(shot)
            xdo("key", "F12")
            wait_for(lambda: os.path.exists(shot) and os.path.getsize(shot) > 10000, 20, "the screenshot")
            os.replace(shot, os.path.join(opt.out, name))

        # The four view presets of the default build, from the keyboard, each a screenshot.
        xdo("mousemove", "640", "400")
        for key, view in (("2", "front"), ("3", "side"), ("4", "top"), ("1", "iso")):
            xdo("key", key)
            time.sleep(0.4)
            screenshot(f"viewer-{view}.png")
        check(True, "screenshots of the iso, front, side and top presets")

        def click_at(p):
            xdo("mousemove", str(int(p[0])), str(int(p[1])))
            time.sleep(0.2)
            xdo("click", "1")
            time.sleep(0.3)

        def select_all():
            # Held across frames: ImGui 1.86 reads keys once a frame, and a tap that falls
            # between two frames is missed (typed characters are queued, keys are not).
            xdo("keydown", "ctrl+a")
            time.sleep(0.15)
            xdo("keyup", "ctrl+a")

        def drag(src, dst, from_catalog):
            # Press, hold a moment as a hand does (a catalog entry is nudged to start its drag),
            # then across in 20 steps; the caller lets go.
            xdo("mousemove", str(int(src[0])), str(int(src[1])))
            time.sleep(0.3)
            xdo("mousedown", "1")
            time.sleep(0.4 if from_catalog else 0.3)
            if from_catalog:
                xdo("mousemove", str(int(src[0]) + 8), str(int(src[1])))
                time.sleep(0.3)
            for k in range(1, 21):
                xdo("mousemove", str(int(src[0] + (dst[0] - src[0]) * k / 20)),
                    str(int(src[1] + (dst[1] - src[1]) * k / 20)))
                time.sleep(0.05)
            time.sleep(0.5)

        def settled():
            # A probe written 10 frames after now: positions read from it match the screen.
            now = state()["frame"]
            return wait_for(lambda: (x := state()) and x["frame"] >= now + 10 and x, 20, "fresh frames")

        def drag_to(mount):
            settled()
            st = wait_for(lambda: (x := state()) and PART in x.get("catalog", {})
                          and "fractal-focus-g" not in x["catalog"] and x, 20, "the filtered catalog")
            src = st["catalog"][PART]
            dst = st["mounts"][PART][mount]
            drag(src, dst, True)
            xdo("mouseup", "1")
            time.sleep(0.5)

        def save_and_read():
            wait_for(lambda: (x := state()) and x.get("dirty"), 20, "the drop to change the build")
            before = os.path.getmtime(build)
            xdo("key", "ctrl+s")
            wait_for(lambda: os.path.getmtime(build) > before, 20, "the save")
            return json.load(open(build))

        # Narrow the catalog to the card by typing in its search box, as a builder would.
        st = state()
        xdo("mousemove", str(int(st["search"][0])), str(int(st["search"][1])))
        xdo("click", "1")
        xdo("type", "2060 XC GAMING")
        xdo("key", "Return")
        time.sleep(0.5)

        drag_to("board/PCIEX16_2")
        saved = save_and_read()
        on = {p["on"]: p["part"] for p in saved["parts"] if "on" in p}
        check(on.get("board/PCIEX16_2") == PART, f"the saved build has {PART} on board/PCIEX16_2")
        recent = open(os.path.join(opt.out, "recent")).read().split("\n")
        check(recent[0] == os.path.abspath(build), f"the opened build is first in File > Open's recent builds ({recent[0]})")

        # The gap between the two cards, picked in the fit panel, is drawn as a dimension line.
        # It passes, and the passes are folded until their header is opened.
        st = wait_for(lambda: (x := state()) and "passes" in x.get("findings", {}) and x, 20,
                      "the passes' header in the fit panel")
        check("gpu-gap" not in st["findings"], "the fit panel folds the passes at first")
        click_at(settled()["findings"]["passes"])
        st = wait_for(lambda: (x := state()) and "gpu-gap" in x.get("findings", {}) and x, 20,
                      "the gpu-gap finding in the fit panel")
        at = st["findings"]["gpu-gap"]
        xdo("mousemove", str(int(at[0])), str(int(at[1])))
        xdo("click", "1")
        st = wait_for(lambda: (x := state()) and "dimension" in x and x, 20, "the dimension line")
        dim = st["dimension"]
        check(dim["check"] == "gpu-gap" and abs(dim["value_mm"] - 5.08) < 1e-6,
              f"selecting gpu-gap draws its dimension line: {dim['value_mm']:.2f} mm")
        check(dim["label_over_parts_px"] == 0,
              f"its label covers no part (on a leader where it must): {dim['label_over_parts_px']} px² over parts")
        # Resting the mouse on the second card labels it: its name, its slot, its least room.
        at = settled()["instances"]["gpu2"]
        xdo("mousemove", str(int(at[0])), str(int(at[1])))
        st = wait_for(lambda: (x := state()) and x.get("hover", "").startswith("gpu2:") and x, 20,
                      "the hover label of gpu2")
        label = st["hover"]
        check("on board / PCIEX16_2" in label and "tightest: 5.1 mm of room (gpu-gap, with gpu1)" in label,
              f"the hover label names the card, its slot and its least room: {label!r}")
        screenshot("viewer.png")
        check(True, "screenshot viewer.png")

        # The placed card, grabbed in the 3D view and dragged to the bottom slot: a move. (The
        # finding framed the two cards: the view has moved since.)
        st = settled()
        src, dst = st["instances"]["gpu2"], st["mounts"][PART]["board/PCIEX16_3"]
        drag(src, dst, False)
        xdo("mouseup", "1")
        wait_for(lambda: (x := state()) and "moved gpu2" in x.get("status", ""), 20, "the move")
        saved = save_and_read()
        where = {p["id"]: p.get("on") for p in saved["parts"]}
        check(where.get("gpu2") == "board/PCIEX16_3",
              f"the placed card, dragged in the 3D view, moved to board/PCIEX16_3 (saved on {where.get('gpu2')})")
        xdo("key", "ctrl+z")
        wait_for(lambda: (x := state()) and x.get("dirty"), 20, "the undo")
        saved = save_and_read()
        where = {p["id"]: p.get("on") for p in saved["parts"]}
        check(where.get("gpu2") == "board/PCIEX16_2", "Ctrl+Z put it back on board/PCIEX16_2")

        drag_to("board/PCIEX16_3")
        saved = save_and_read()
        on = {p["on"]: p["part"] for p in saved["parts"] if "on" in p}
        check(on.get("board/PCIEX16_3") == PART, "a card dropped where it does not fit is placed, in red")
        r = subprocess.run([opt.rigfit, "check", build, "--parts", os.path.join(opt.source, "parts")],
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 1 and "openings 7-8" in r.stdout,
              "and rigfit check reports the missing case opening")
        st = state()
        frame_ms, frame_size = st.get("frame_ms_median", 0), st.get("size", [0, 0])

        # The window made as small as a 1024x640 screen allows: the panels reflow, and the
        # catalog's search, the fit panel's findings and the 3D view stay inside it and usable.
        win = subprocess.run(["xdotool", "search", "--name", "rigfit"], env=env, capture_output=True,
                             text=True, timeout=20).stdout.split()[0]
        xdo("windowsize", win, "1024", "640")
        st = wait_for(lambda: (x := state()) and x.get("size") == [1024, 640] and x, 20, "the resize")
        st = settled()
        inside = lambda p: 0 <= p[0] < 1024 and 0 <= p[1] < 640
        shown = [k for k, p in st.get("findings", {}).items() if inside(p)]
        screenshot("viewer-1024x640.png")
        click_at(st["search"])
        select_all()
        xdo("type", "Wraith")
        xdo("key", "Return")
        found = wait_for(lambda: (x := state()) and "amd-wraith-prism" in x.get("catalog", {}) and x, 20,
                         "a search at 1024x640")
        check(inside(st["search"]) and shown and inside(found["catalog"]["amd-wraith-prism"])
              and inside(st["instances"]["gpu1"]),
              f"at 1024x640 the search, {len(shown)} findings, the catalog and the placed parts are on screen")
        xdo("windowsize", win, "1280", "800")
        wait_for(lambda: (x := state()) and x.get("size") == [1280, 800], 20, "the window back to 1280x800")

        # A second build: a tower cooler over tall memory. Select the cooler, drag its option's
        # slider to the end (the front fan raised as far as be quiet! says), save, and check.
        viewer.terminate()
        viewer.communicate(timeout=10)
        drp4 = os.path.join(opt.out, "e2e-drp4.json")
        shutil.copy(os.path.join(opt.source, "tests", "realworld", "drp4-trident-z.json"), drp4)
        os.remove(probe)
        viewer = subprocess.Popen([opt.rigfit, "view", drp4, "--parts", os.path.join(opt.source, "parts")],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        st = wait_for(lambda: (x := state()) and "cooler" in x.get("instances", {}) and x, 60,
                      "the cooler's grab point")
        at = st["instances"]["cooler"]
        xdo("mousemove", str(int(at[0])), str(int(at[1])))
        xdo("click", "1")
        wait_for(lambda: (x := state()) and "fan_raise_mm" in x.get("options", {}), 20,
                 "the selected cooler's option slider")
        # The panel sizes itself over its first frames: its slider's place from fresh ones.
        x0, y, x1 = settled()["options"]["fan_raise_mm"]
        xdo("mousemove", str(int(x0 + 5)), str(int(y)))
        xdo("mousedown", "1")
        for k in range(1, 11):
            xdo("mousemove", str(int(x0 + 5 + (x1 + 40 - x0) * k / 10)), str(int(y)))
            time.sleep(0.05)
        xdo("mouseup", "1")
        wait_for(lambda: (x := state()) and x.get("status", "").startswith("cooler: front fan raised"),
                 30, "the option to be set")
        screenshot("viewer-option.png")
        before = os.path.getmtime(drp4)
        xdo("key", "ctrl+s")
        wait_for(lambda: os.path.getmtime(drp4) > before, 20, "the save")
        saved = {p["id"]: p for p in json.load(open(drp4))["parts"]}
        raise_mm = saved["cooler"].get("options", {}).get("fan_raise_mm")
        check(raise_mm is not None and abs(raise_mm - 6.8) < 1e-6,
              f"the cooler's front fan, raised with its slider, saved as {raise_mm} mm")
        r = subprocess.run([opt.rigfit, "check", drp4, "--parts", os.path.join(opt.source, "parts"),
                            "--format", "json"], capture_output=True, text=True, timeout=60)
        ram = [f for f in json.loads(r.stdout)["findings"] if f["check"] == "cooler-ram"]
        check(len(ram) == 1 and ram[0]["severity"] == "pass" and abs(ram[0]["measured"] - 2.8) < 1e-6,
              "and the memory then clears it by 2.8 mm")

        # Parts > New part: a card described by its dimensions joins the catalog and is saved
        # to the builder's own parts folder (RIGFIT_USER_PARTS, set by ctest to a test folder).
        def field(key):
            # The popup resizes itself as it is filled in: positions from fresh frames only.
            wait_for(lambda: (x := state()) and key in x.get("form", {}), 20, f"the form's {key}")
            return settled()["form"][key]

        click_at(wait_for(lambda: (x := state()) and x.get("menu", {}).get("Parts"), 20, "the Parts menu"))
        wait_for(lambda: (x := state()) and x.get("menu", {}).get("New part"), 20, "Parts > New part")
        click_at(settled()["menu"]["New part"])  # a menu lays itself out over its first frames
        for key, text in (("name", "E2E measured card"), ("how_measured", "measured with a steel rule"),
                          ("length_mm", "285"), ("thickness_slots", "2.5"), ("bracket_slots", "2")):
            click_at(field(key))
            xdo("type", text)
        for combo, choice in (("cooling", "open_air"), ("interface", "x16")):
            click_at(field(combo))
            click_at(field(f"{combo}={choice}"))
        screenshot("viewer-new-part.png")
        click_at(field("add"))
        wait_for(lambda: os.path.exists(card_file), 20, "the new part's file")
        st = settled()
        check(json.load(open(card_file))["figures"]["length_mm"]["value"] == 285
              and "added e2e-measured-card" in st.get("status", ""),
              f"Parts > New part saved {card_file} and added it to the catalog")

        # A third build: the Node 304 as it ships, HDD brackets in. Case > take them out, save,
        # and the card that was 158 mm too long is 8 mm too long against Fractal's 310 mm.
        viewer.terminate()
        viewer.communicate(timeout=10)
        node = os.path.join(opt.out, "e2e-node304.json")
        shipped = json.load(open(os.path.join(opt.source, "tests", "realworld", "node304-strix-3090.json")))
        shipped["parts"][0].pop("options", None)
        json.dump(shipped, open(node, "w"))
        os.remove(probe)
        if os.path.exists(recovery):
            os.remove(recovery)  # whatever the steps before left unsaved is not this step's
        viewer = subprocess.Popen([opt.rigfit, "view", node, "--parts", os.path.join(opt.source, "parts")],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        click_at(wait_for(lambda: (x := state()) and x.get("menu", {}).get("Case"), 60, "the Case menu"))
        wait_for(lambda: (x := state()) and x.get("menu", {}).get("hdd_brackets_removed"), 20,
                 "Case > the HDD brackets")
        click_at(settled()["menu"]["hdd_brackets_removed"])
        wait_for(lambda: (x := state()) and "taken out" in x.get("status", ""), 20, "the brackets taken out")
        screenshot("viewer-case-menu.png")
        before = os.path.getmtime(node)
        xdo("key", "ctrl+s")
        wait_for(lambda: os.path.getmtime(node) > before, 20, "the save")
        case_options = json.load(open(node))["parts"][0].get("options", {})
        check(case_options.get("hdd_brackets_removed") == 1,
              f"Case > take the HDD brackets out saved the case's options as {case_options}")
        r = subprocess.run([opt.rigfit, "check", node, "--parts", os.path.join(opt.source, "parts"),
                            "--format", "json"], capture_output=True, text=True, timeout=60)
        length = [f for f in json.loads(r.stdout)["findings"] if f["check"] == "gpu-length"]
        check(len(length) == 1 and abs(length[0]["measured"] + 8.0) < 1e-6,
              "and the card is then 8 mm over the 310 mm the case takes without them")

        # A new build from a chosen case: search for it, drag it into the view. The Node 304
        # build is saved first each time, so only the popup asks. The empty case says what to
        # do, not "fits".
        def search_for(text, part):
            st = settled()
            click_at(st["search"])
            select_all()
            xdo("type", text)
            xdo("key", "Return")
            return wait_for(lambda: (x := state()) and part in x.get("catalog", {})
                            and "fractal-focus-g" not in x["catalog"] and x, 20, f"{part} found")

        def drag_into_view(part):
            st = settled()
            src = st["catalog"][part]
            w, h = st.get("size", [1280, 800])
            dst = (300 + (w - 300 - 400) / 2, h / 2)  # between the catalog and the fit panel
            drag(src, dst, True)

        # The Node 304 build moved into the H510 Flow: a case dropped on a build with parts
        # asks whether to move the build into it; its parts keep their places.
        parts_before = settled()["parts"]
        search_for("H510 Flow", "nzxt-h510-flow")
        drag_into_view("nzxt-h510-flow")
        xdo("mouseup", "1")
        wait_for(lambda: (x := state()) and x.get("swap", {}).get("Swap"), 20, "the offer to move the build")
        click_at(settled()["swap"]["Swap"])  # a popup sizes itself over its first frames
        st = wait_for(lambda: (x := state()) and x.get("status", "").startswith("swapped") and x, 20,
                      "the swap")
        screenshot("viewer-swap.png")
        before = os.path.getmtime(node)
        xdo("key", "ctrl+s")
        wait_for(lambda: os.path.getmtime(node) > before, 20, "the save")
        moved = json.load(open(node))["parts"]
        check(moved[0]["part"] == "nzxt-h510-flow" and len(moved) == parts_before
              and "every part moved" in st["status"],
              f"a case dropped on the Node 304 build moved the build into it: {st['status']}")
        # File > Export report and Export picture, to the names it offers beside the build.
        for item, written in (("Export report", node[:-5] + "-report.html"), ("Export picture", node[:-5] + ".png")):
            if os.path.exists(written):
                os.remove(written)
            click_at(wait_for(lambda: (x := state()) and x.get("menu", {}).get("File"), 20, "the File menu"))
            wait_for(lambda: (x := state()) and x.get("menu", {}).get(item), 20, f"File > {item}")
            click_at(settled()["menu"][item])
            wait_for(lambda: (x := state()) and x.get("export", {}).get("Export"), 20, "the export popup")
            click_at(settled()["export"]["Export"])
            wait_for(lambda: os.path.exists(written), 20, f"{written} written")
        report = open(node[:-5] + "-report.html").read()
        png = open(node[:-5] + ".png", "rb").read(8)
        check("NZXT H510 Flow" in report and "Verdict" in report and png == b"\x89PNG\r\n\x1a\n",
              "File > Export report wrote the HTML report, Export picture a PNG of the window")

        # Dropped again, the other choice: an empty build in it.
        drag_into_view("nzxt-h510-flow")
        xdo("mouseup", "1")
        wait_for(lambda: (x := state()) and x.get("swap", {}).get("New"), 20, "the offer of an empty build")
        click_at(settled()["swap"]["New"])
        st = wait_for(lambda: (x := state()) and "new build in NZXT H510 Flow" in x.get("status", "") and x,
                      20, "the new build in the chosen case")
        check(st.get("parts") == 1 and not st.get("dirty"),
              f"dragging a case into the view starts a new build in it: {st.get('status')}")
        check(st.get("verdict") == "nothing to check", f"and the empty case is not 'fits': {st.get('verdict')}")
        screenshot("viewer-new-case.png")
        # A cooler with no CPU to sit on: held over the view it says why at the cursor, and
        # dropped it says why in the status line.
        search_for("Wraith Prism", "amd-wraith-prism")
        drag_into_view("amd-wraith-prism")
        screenshot("viewer-refused.png")
        xdo("mouseup", "1")
        st = wait_for(lambda: (x := state()) and "cannot place" in x.get("status", "") and x, 20,
                      "the refusal's reason")
        check("place a CPU first" in st["status"] and st.get("parts") == 1,
              f"a part that can go nowhere is refused with its reason: {st['status']}")

        # File > Import part list: the seed article's list read from a file, matched and
        # placed; the build becomes the list's (unsaved), each line's outcome listed.
        click_at(wait_for(lambda: (x := state()) and x.get("menu", {}).get("File"), 20, "the File menu"))
        wait_for(lambda: (x := state()) and x.get("menu", {}).get("Import part list"), 20,
                 "File > Import part list")
        click_at(settled()["menu"]["Import part list"])
        pop = wait_for(lambda: (x := state()) and x.get("import", {}).get("path") and x["import"], 20,
                       "the import popup")
        click_at(pop["path"])
        select_all()
        xdo("type", "--delay", "15", os.path.join(opt.source, "tests", "partlist", "lists", "article-forum.md"))
        click_at(settled()["import"]["Read file"])
        click_at(settled()["import"]["Import"])
        try:
            st = wait_for(lambda: (x := state()) and "imported" in x.get("status", "") and x, 30, "the import")
        except TimeoutError:
            raise TimeoutError(f"the import; the status line said {state().get('status')!r}")
        check("8 of 8 parts placed" in st["status"] and st["dirty"] and st["parts"] == 9
              and st.get("verdict") == "fits",
              f"File > Import part list made the article's list into the open build: {st['status']}")
        screenshot("viewer-import.png")
        click_at(settled()["import"]["Close"])

        # Never lose a builder's work: an unsaved change, kill -9 (no chance to save), start
        # again, restore, and the change is there; Ctrl+S then saves it.
        viewer.terminate()
        viewer.communicate(timeout=10)
        killed = os.path.join(opt.out, "e2e-killed.json")
        shutil.copy(os.path.join(opt.source, "scenes", "article-build.json"), killed)
        if os.path.exists(recovery):
            os.remove(recovery)
        os.remove(probe)
        args = [opt.rigfit, "view", killed, "--parts", os.path.join(opt.source, "parts")]
        viewer = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first = wait_for(lambda: (x := state()) and x.get("instances", {}).get("ram2") and x, 60,
                         "the build to kill")
        parts, gone = first["parts"], "ram2"
        click_at(settled()["instances"][gone])
        xdo("key", "Delete")
        wait_for(lambda: (x := state()) and x.get("dirty") and x.get("parts") == parts - 1, 20,
                 "a module removed, unsaved")
        wait_for(lambda: os.path.exists(recovery), 20, "the autosave")
        viewer.kill()  # SIGKILL: no handler runs
        viewer.communicate(timeout=10)
        os.remove(probe)
        viewer = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wait_for(lambda: (x := state()) and x.get("recovery", {}).get("Restore"), 60,
                 "the offer to restore")
        screenshot("viewer-recovery.png")
        click_at(settled()["recovery"]["Restore"])
        restored = wait_for(lambda: (x := state()) and not x.get("recovery_offered") and x, 20,
                            "the restore")
        check(restored["dirty"] and restored["parts"] == parts - 1 and gone not in restored["instances"],
              f"after kill -9 the unsaved change came back on restore ({restored['parts']} parts, unsaved)")
        before = os.path.getmtime(killed)
        xdo("key", "ctrl+s")
        wait_for(lambda: os.path.getmtime(killed) > before, 20, "the save of the restored build")
        ids = [p["id"] for p in json.load(open(killed))["parts"]]
        check(gone not in ids and len(ids) == parts - 1, "and Ctrl+S saved it to the build's file")
        wait_for(lambda: not os.path.exists(recovery), 20, "the recovery copy removed once saved")
        check(True, "the recovery copy is removed once the work is saved")
        # SIGTERM with unsaved changes keeps them too.
        click_at(settled()["instances"]["gpu1"])
        xdo("key", "Delete")
        wait_for(lambda: (x := state()) and x.get("dirty"), 20, "another unsaved change")
        viewer.terminate()
        said, _ = viewer.communicate(timeout=10)
        kept = json.load(open(recovery)) if os.path.exists(recovery) else {}
        check(viewer.returncode == 128 + 15 and "gpu1" not in [p["id"] for p in kept.get("build", {}).get("parts", [])]
              and kept.get("build_path") == killed,
              f"SIGTERM kept the unsaved change in the recovery file (exit {viewer.returncode})"
              + ("" if viewer.returncode == 128 + 15 else f"; the viewer said: {said.strip()[-3000:]}"))
        viewer = None
        os.remove(recovery)

        # File > Quit with an unsaved change asks: Cancel keeps the viewer and the change, and
        # Discard changes quits leaving the file as it was saved.
        os.remove(probe)
        viewer = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wait_for(lambda: (x := state()) and x.get("instances", {}).get("gpu1"), 60, "the build to quit")
        saved_text = open(killed).read()
        click_at(settled()["instances"]["gpu1"])
        xdo("key", "Delete")
        wait_for(lambda: (x := state()) and x.get("dirty"), 20, "an unsaved change before Quit")

        def quit_menu():
            click_at(wait_for(lambda: (x := state()) and x.get("menu", {}).get("File"), 20, "the File menu"))
            wait_for(lambda: (x := state()) and x.get("menu", {}).get("Quit"), 20, "File > Quit")
            click_at(settled()["menu"]["Quit"])
            wait_for(lambda: (x := state()) and x.get("unsaved", {}).get("Cancel"), 20, "the question")
            return settled()["unsaved"]

        click_at(quit_menu()["Cancel"])
        time.sleep(1)
        st = settled()
        check(viewer.poll() is None and st["dirty"] and open(killed).read() == saved_text,
              "File > Quit with unsaved changes asks; Cancel keeps the viewer open and the change")
        click_at(quit_menu()["Discard"])
        said, _ = viewer.communicate(timeout=20)
        check(viewer.returncode == 0 and open(killed).read() == saved_text,
              f"and Discard changes quits (exit {viewer.returncode}) with the file as it was saved")
        viewer = None
        if os.path.exists(recovery):
            os.remove(recovery)

        check(frame_ms > 0,
              f"frame time at {frame_size[0]}x{frame_size[1]} with the panels, median of the last "
              f"60 frames: {frame_ms:.1f} ms")
    except (TimeoutError, subprocess.SubprocessError, KeyError, OSError) as e:
        check(False, f"the viewer session: {type(e).__name__} {e}")
    finally:
        if viewer:
            viewer.terminate()
            try:
                out, _ = viewer.communicate(timeout=10)
                if out.strip():
                    print("viewer said:", out.strip()[:2000])
                check("mesh" not in out, "no part's mesh was missing or broken")
            except subprocess.TimeoutExpired:
                viewer.kill()
        xvfb.terminate()
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
