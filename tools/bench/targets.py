#!/usr/bin/env python3
"""Every target of issue 19, measured in one run and printed side by side
(tools/bench-targets.sh runs this; docs/performance.md has the table).

    targets.py BUILD_DIR WORK_DIR [--runs N]

BUILD_DIR holds tools/bench/nd_bench, tools/bench/nd_bench_commands,
tools/numbness-diary-cli and platform/numbness-diary. WORK_DIR gets the 100k
diary and every file written. Each figure is what its target names: in-process
figures from nd_bench (Google Benchmark, JSON output), whole processes timed with
/usr/bin/time (CPU = user + system of the child, peak RSS), the app's start and
`log` against the sqlite3 shell from nd_bench_commands. A figure that could not
be measured says so; nothing is guessed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROWS = 100000


def sh(cmd, env=None, timeout=1800):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, timeout=timeout)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def timed(cmd, work):
    """wall s, CPU s, peak MiB of one whole process (or None when it failed)."""
    out = os.path.join(work, "time.txt")
    r = sh(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out] + cmd)
    if r.returncode != 0:
        sys.stderr.write("FAILED: %s\n%s\n" % (" ".join(cmd), r.stdout[-2000:]))
        return None
    wall, user, sys_, kb = open(out).read().split()[-4:]
    print("# %s: wall %s s, user %s s, system %s s, peak %s kB" % (" ".join(os.path.basename(c) for c in cmd[:4]), wall, user, sys_, kb), file=sys.stderr)
    return float(wall), float(user) + float(sys_), int(kb) / 1024.0


def main():
    build, work = sys.argv[1], sys.argv[2]
    runs = 5
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    bench = os.path.join(build, "tools/bench/nd_bench")
    commands = os.path.join(build, "tools/bench/nd_bench_commands")
    cli = os.path.join(build, "tools/numbness-diary-cli")
    app = os.path.join(build, "platform/numbness-diary")
    os.makedirs(work, exist_ok=True)
    rows = []   # (figure, measured, target, status, load)
    notes = []
    raw = []    # (what ran, its output): printed after the table, so every figure can be checked

    def add(figure, measured, target, ok, cpu_ok=None):
        status = "met" if ok else ("met on CPU time only (machine loaded)" if cpu_ok else "MISSED")
        if ok is None:
            status = "not measured"
        rows.append((figure, measured, target, status, loadavg()))

    db = os.path.join(work, "diary-100k.sqlite")
    if not os.path.exists(db):
        sh([bench, "--make-db", db, str(ROWS)])

    # ---- 1. First frame and `log` as whole processes (nd_bench_commands, under Xvfb).
    cmd = [commands, "--cli", cli, "--sqlite3", shutil.which("sqlite3") or "sqlite3", "--tmp", work, "--runs", str(runs)]
    if os.access(app, os.X_OK) and shutil.which("xvfb-run"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"] + cmd + ["--app", app]
    r = sh(cmd)
    text = r.stdout

    def grab(label):
        m = re.search(re.escape(label) + r"\s+([-0-9.]+)(?:\s+([-0-9.]+))?(?:\s+([-0-9.]+))?", text)
        return [float(x) for x in m.groups() if x is not None] if m else None

    ratio_ff = grab("ratio first frame 100k / empty")
    empty_ff = grab("app start to first frame, empty diary")
    big_ff = grab("app start to first frame, 100k")
    cpu_delta = re.search(r"app CPU before first frame, 100k minus empty\s+([-0-9.]+)", text)
    if ratio_ff and empty_ff and big_ff:
        add("first frame, 100k vs empty (exec to first frame, median of %d)" % runs,
            "%.0f vs %.0f ms: %.2fx" % (big_ff[0], empty_ff[0], ratio_ff[0]), "<= 1.25x", ratio_ff[0] <= 1.25)
    else:
        add("first frame, 100k vs empty", "-", "<= 1.25x", None)
    if cpu_delta:
        d = float(cpu_delta.group(1))
        add("app CPU before the first frame, 100k minus empty", "%+.0f ms" % d, "<= +100 ms", d <= 100)
    log_ratio = grab("ratio log / sqlite3 insert, 100k")
    log_ms = grab("numbness-diary-cli log, 100k")
    sq_ms = grab("sqlite3 shell INSERT, 100k-episode file")
    if log_ratio and log_ms and sq_ms:
        add("`log` vs a sqlite3 shell INSERT, 100k (whole processes, median of %d)" % runs,
            "%.1f vs %.1f ms: %.2fx" % (log_ms[0], sq_ms[0], log_ratio[0]), "<= 1.5x", log_ratio[0] <= 1.5)
    spread = grab("ratio log (a fast spread) / sqlite3 insert, 100k")
    if spread:
        add("`log` of a fast spread vs the INSERT, 100k", "%.2fx" % spread[0], "<= 1.5x", spread[0] <= 1.5)
    raw.append(("nd_bench_commands", text))

    # ---- 2. In-process figures (nd_bench): frames after a change, the dense year's PDF, FHIR / CSV.
    out_json = os.path.join(work, "nd_bench.json")
    # Names carry suffixes (".../iterations:10/manual_time", ".../min_time:2.000"): matched by prefix.
    # Every page on a worker (the desktop) and without one (the web build: "_sync"); after an
    # edit, and after an episode logged or sent to the bin ("_add").
    filt = "BM_FrameAfterChange/(log|diary|diary_phone|patterns_30d|patterns_90d|patterns_year|patterns_all|causes)" \
           "(_sync|_middle_sync|_add|_add_sync)?/" \
           "|BM_PdfYear/100000/|BM_ExportFhir/100000/0|BM_ExportFhirStreamed/100000|BM_ExportCsv/100000"
    r = sh([bench, "--tmp", work, "--benchmark_filter=" + filt, "--benchmark_out=" + out_json,
            "--benchmark_out_format=json", "--benchmark_color=false"])
    raw.append(("nd_bench " + filt, r.stdout))
    benches = {}
    if os.path.exists(out_json):
        for b in json.load(open(out_json)).get("benchmarks", []):
            if b.get("run_type", "iteration") != "iteration":
                continue
            # "BM_PdfYear/100000/min_time:2.000" -> "BM_PdfYear/100000"
            name = "/".join(p for p in b["name"].split("/") if ":" not in p and p != "manual_time")
            benches[name] = b

    def ms(b, key):
        unit = {"ms": 1.0, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b.get("time_unit", "ns")]
        return b[key] * unit

    worst_after, worst_name, longest_patterns, longest_causes_sync = -1.0, "", -1.0, -1.0
    longest_first_visit, first_visit_page = -1.0, ""
    per_page = []
    for name, b in benches.items():
        if name.startswith("BM_FrameAfterChange/"):
            page = name.split("/")[1]
            cpu = ms(b, "real_time")   # manual time = the frame's UI-thread CPU
            per_page.append("%s %.2f" % (page, cpu))
            if cpu > worst_after:
                worst_after, worst_name = cpu, page
            if page.startswith("patterns"):
                longest_patterns = max(longest_patterns, b.get("longest_frame_ms", -1))
            if page.startswith("causes") and page.endswith("sync"):
                longest_causes_sync = max(longest_causes_sync, b.get("longest_frame_ms", -1))
            # A page's first visit: the first one in the process also has the worker's
            # copy of the 100k diary made (a slice a frame, app/diary_copy.hpp).
            if not page.endswith("sync") and b.get("first_visit_longest_ms", -1) > longest_first_visit:
                longest_first_visit, first_visit_page = b["first_visit_longest_ms"], page
    if per_page:
        add("frame right after one change, every page, 100k (UI-thread CPU ms)",
            "worst %s %.2f ms (%s)" % (worst_name, worst_after, ", ".join(sorted(per_page))), "<= 2 ms",
            worst_after <= 2)
        add("longest frame on Patterns after a change, any range, 100k", "%.1f ms" % longest_patterns, "<= 16 ms",
            longest_patterns <= 16)
        if longest_first_visit >= 0:   # not one of the issue's targets: Patterns' bar, held to every page's first visit
            add("longest frame on a page's first visit with a worker, 100k (the worker's copy included)",
                "%.1f ms (%s)" % (longest_first_visit, first_visit_page), "<= 16 ms", longest_first_visit <= 16)
        if longest_causes_sync >= 0:   # not one of the issue's targets: Patterns' bar, held to Causes too
            add("longest frame on Causes after a change without a worker (web), 100k, until the match is current",
                "%.1f ms" % longest_causes_sync, "<= 16 ms", longest_causes_sync <= 16)
    else:
        add("frame right after one change", "-", "<= 2 ms", None)
    for name, label, limit in (("BM_PdfYear/100000", "PDF of the dense year (1,087 episodes)", 300),
                               ("BM_ExportFhir/100000/0", "FHIR (compact) of 100k, in-process writer", 1000),
                               ("BM_ExportFhirStreamed/100000", "FHIR (compact) of 100k, in-process, streamed", 1000),
                               ("BM_ExportCsv/100000", "CSV of 100k, in-process writer", 1000)):
        b = benches.get(name)
        if b:
            wall, cpu = ms(b, "real_time"), ms(b, "cpu_time")
            add(label, "%.0f ms (CPU %.0f)" % (wall, cpu), "<= %d ms" % limit, wall <= limit, cpu <= limit)
        else:
            add(label, "-", "<= %d ms" % limit, None)

    # ---- 3. The commands a person runs, whole processes on the 100k diary.
    floor = timed([cli, "--db", db, "list"], work)
    exports = (("export-csv", [cli, "--db", db, "export-csv", os.path.join(work, "e.csv"), "--force"]),
               ("export-fhir --compact", [cli, "--db", db, "export-fhir", os.path.join(work, "fc.json"), "--force",
                                          "--compact"]),
               ("export-fhir (pretty, the default)",
                [cli, "--db", db, "export-fhir", os.path.join(work, "f.json"), "--force"]))
    for label, cmd in exports:
        # Each export starts with the page cache's dirty data written out, as a person's
        # one export would: the bundle is 450 MB, and the write-back of the file before it
        # (throttled by the kernel into the next writer) read as 0.6 s of system time.
        os.sync()
        t = timed(cmd, work)
        if t and floor:
            extra = t[2] - floor[2]
            timed_target = "pretty" not in label   # issue 19 names CSV and the compact FHIR
            target_ok = extra <= 32 and (t[1] <= 1 or not timed_target)
            add("`%s` of 100k: CPU, peak RSS over `list`'s %.0f MiB" % (label, floor[2]),
                "%.2f s CPU (%.2f wall), +%.1f MiB" % (t[1], t[0], extra),
                "<= 32 MB extra" + ("; <= 1 s" if timed_target else ""), target_ok)
    backup = os.path.join(work, "b.ndb")
    restored = os.path.join(work, "r.sqlite")
    for f in (restored, restored + "-wal", restored + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    for label, cmd in (("backup", [cli, "--db", db, "backup", backup, "--force"]),
                       ("restore (into an empty diary)", [cli, "--db", restored, "restore", backup]),
                       ("restore --merge (the same backup again)", [cli, "--db", restored, "restore", backup, "--merge"])):
        t = timed(cmd, work)
        if t:
            add("`%s` of 100k" % label, "%.2f s CPU (%.2f wall), peak %.0f MiB" % (t[1], t[0], t[2]), "<= 2 s",
                t[0] <= 2, t[1] <= 2)
        else:
            add("`%s` of 100k" % label, "failed", "<= 2 s", False)

    # ---- 4. The app's own peak memory, headless (no GL driver), Diary page, 100k.
    def headless(path):
        r = sh([bench, "--headless-start", path, "diary"], env=dict(os.environ, XDG_DATA_HOME=work + "/xdg",
                                                                   HOME=work + "/home"))
        m = re.search(r"VmHWM:\s+(\d+) kB", r.stdout)
        return int(m.group(1)) / 1024.0 if m else None
    first_db = os.path.join(work, "first", "diary.sqlite")
    shutil.rmtree(os.path.dirname(first_db), ignore_errors=True)
    os.makedirs(os.path.dirname(first_db))
    shutil.copy(db, first_db)
    first = headless(first_db)     # no backup yet: the automatic backup runs
    steady = headless(first_db)    # opened before: no backup due
    if first and steady:
        add("app's own peak memory, headless, 100k, Diary page (first start: backup due / again)",
            "%.1f / %.1f MiB" % (first, steady), "<= 100 MB", max(first, steady) <= 100)
    else:
        add("app's own peak memory, headless, 100k", "-", "<= 100 MB", None)

    # ---- 5. The longest frame while a password backup and a PDF export run.
    r = sh([bench, "--frames-during-jobs"])
    raw.append(("nd_bench --frames-during-jobs", r.stdout))
    m = re.search(r"longest frame\s+([0-9.]+) ms", r.stdout)
    if m:
        v = float(m.group(1))
        add("longest frame while a password backup and a PDF export run (demo)", "%.1f ms" % v, "<= 50 ms", v <= 50)
    else:
        add("longest frame during jobs", "-", "<= 50 ms", None)
        notes.append(r.stdout[-500:])

    print("| figure | measured | target | status | load (1 min, 5, 15) |")
    print("|---|---|---|---|---|")
    for figure, measured, target, status, load in rows:
        print("| %s | %s | %s | %s | %s |" % (figure, measured, target, status, load))
    for n in notes:
        print("\nnote: " + n)
    for what, out in raw:
        print("\n---- raw output: %s\n%s" % (what, out.rstrip()))


if __name__ == "__main__":
    main()
