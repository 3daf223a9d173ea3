#!/usr/bin/env python3
"""Runs every uts4j benchmark and writes docs/BENCHMARKS.md: the published table, never typed by hand.

Run from the repository root, as root (kernel=required rows create real UTS namespaces), after
    mvn -B -q package -DskipTests
Usage: bench/report.py [-o docs/BENCHMARKS.md] [--forks N] [--starts N] [--only SECTION ...] [--readme-only]
Sections: fastpath, throughput, scale, handoff, tenants, startup (default: all). Takes about
25 minutes on a 2-core machine with all sections; progress goes to stderr. A run of some sections
replaces those in the existing report and keeps the others; every run rewrites the README's summary
(between its bench/report.py markers) from the report.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

AGENT_JAR = "agent/target/uts4j-agent.jar"
BENCH_JAR = "bench/target/benchmarks.jar"
JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
SCALE_SIZES = [2, 100, 1000, 10000]
SCALE_HEAP = "-Xms512m -Xmx512m -Xmn128m"
WORK = "bench/target/report"


def log(msg):
    print("report.py: " + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("$ " + " ".join(cmd))
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit("report.py: failed (exit %d): %s" % (done.returncode, " ".join(cmd)))
    return done


def jmh(pattern, name, forks, extra=()):
    """Runs the JMH benchmarks matching pattern; returns {method: (score, error, unit, alloc B/op or None)}."""
    out = os.path.join(WORK, name + ".json")
    cmd = ["java", "-jar", BENCH_JAR, pattern, "-rf", "json", "-rff", out, "-prof", "gc"]
    if forks:
        cmd += ["-f", str(forks)]
    run(cmd + list(extra))
    results = {}
    for r in json.load(open(out)):
        cls, method = r["benchmark"].rsplit(".", 2)[-2:]
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm") or r.get("secondaryMetrics", {}).get(
            "gc.alloc.rate.norm")
        # SampleTime (hand-offs wake another thread): the median sample, which a busy machine moves far less than the mean.
        score = pm["scorePercentiles"]["50.0"] if r["mode"] == "sample" else pm["score"]
        results[(cls, method)] = (score, pm["scoreError"], pm["scoreUnit"], alloc["score"] if alloc else None)
    return results


def fmt(x, digits=2):
    return ("%." + str(digits) + "f") % x


def verdict(ok):
    return "met" if ok else "**not met**"


def fastpath(forks):
    r = jmh("io\\.uts4j\\.bench\\.Agent(Off|Unbound|Bound)Benchmark", "fastpath", forks)

    def ns(cls, m):
        return r[("Agent" + cls + "Benchmark", m)][0]

    def alloc(cls, m):
        a = r[("Agent" + cls + "Benchmark", m)][3]
        return "—" if a is None else "%.0f" % a

    rows = [
        ("unbound `getProperty(\"java.version\")`", "Unbound", "getPropertyJavaVersion", 1.05),
        ("unbound `getLocalHost()`", "Unbound", "getLocalHost", 1.05),
        ("unbound `getenv(\"PATH\")`", "Unbound", "getenvPath", 1.05),
        ("unbound `getProperty(\"os.name\")` (a key some tenant overrides: the thread's binding is looked up)",
         "Unbound", "getPropertyOsName", None),
        ("bound `getLocalHost()`", "Bound", "getLocalHost", 0.25),
        ("bound, overridden `getProperty(\"os.name\")`", "Bound", "getPropertyOsName", 1.5),
        ("bound, overridden `getenv(\"HOSTNAME\")`", "Bound", "getenvHostname", 1.5),
        ("bound `getProperty(\"java.version\")` (not overridden)", "Bound", "getPropertyJavaVersion", 1.5),
    ]
    lines = ["| call | agent off (ns) | agent on (ns) | on / off | target | | allocated (B/op, on) |",
             "| --- | --: | --: | --: | --: | --- | --: |"]
    for label, cls, m, target in rows:
        off, on = ns("Off", m), ns(cls, m)
        ratio = on / off
        lines.append("| %s | %s | %s | %s× | %s | %s | %s |" % (
            label, fmt(off), fmt(on), fmt(ratio), "≤ %s×" % target if target else "—",
            verdict(ratio <= target) if target else "", alloc(cls, m)))
    return ("Fast path", "JMH `AverageTime`, the agent off and on (tenant `t` overriding `os.name` and `FOO`, "
            "its rule missing the worker for *unbound*, matching it for *bound*) in one run; `-prof gc` "
            "gives the allocation per call.",
            "java -jar bench/target/benchmarks.jar 'io\\.uts4j\\.bench\\.Agent(Off|Unbound|Bound)Benchmark' -prof gc",
            lines)


def throughput(forks):
    r = jmh("io\\.uts4j\\.bench\\.ThroughputBenchmark", "throughput", forks)
    one = r[("ThroughputBenchmark", "oneThread")][0]
    two = r[("ThroughputBenchmark", "twoThreads")][0]
    lines = ["| threads | calls/µs | ratio to one thread | target |", "| --: | --: | --: | --- |",
             "| 1 | %s | 1.00× | |" % fmt(one),
             "| 2 (two tenants) | %s | %s× | ≥ 1.8×: %s |" % (fmt(two), fmt(two / one), verdict(two / one >= 1.8))]
    return ("Throughput", "Bound threads of two tenants each asking an overridden property: the fast path writes "
            "nothing shared, so two threads should do nearly twice the calls of one (on %d CPUs)." % os.cpu_count(),
            "java -jar bench/target/benchmarks.jar ThroughputBenchmark", lines)


def write_scale_config(n):
    path = os.path.join(WORK, "tenants-%d.conf" % n)
    with open(path, "w") as f:
        for i in range(n):
            f.write("tenant.t%d.hostname=t%d\ntenant.t%d.threads=t%d-.*\ntenant.t%d.loader=l%d\n"
                    "tenant.t%d.property.os.name=os%d\n" % ((i, i) * 4))
    return os.path.abspath(path)


def scale(forks):
    scores = {}
    for n in SCALE_SIZES:
        conf = write_scale_config(n)
        # The same fixed heap at every size: left to itself, G1 sizes the young generation after what
        # the start left live, and at some sizes (100, 10,000) chose one so small that collections,
        # not binding, made up most of a scope's time.
        r = jmh("io\\.uts4j\\.bench\\.ScaleBenchmark", "scale-%d" % n, forks or 1,
                ["-jvmArgs", "%s -javaagent:%s=kernel=off,config=%s" % (SCALE_HEAP, AGENT_JAR, conf)])
        scores[n] = {m: r[("ScaleBenchmark", m)][0] for m in ("renameThenAsk", "switchLoaderThenAsk", "scopeThenAsk")}
    base = scores[SCALE_SIZES[0]]
    lines = ["| tenants | rename, then ask (ns) | vs 2 tenants | switch loader, then ask (ns) | vs 2 tenants | "
             "scope and ask alone (ns) |", "| --: | --: | --: | --: | --: | --: |"]
    for n in SCALE_SIZES:
        s = scores[n]
        lines.append("| %d | %s | %s× | %s | %s× | %s |" % (
            n, fmt(s["renameThenAsk"], 0), fmt(s["renameThenAsk"] / base["renameThenAsk"]),
            fmt(s["switchLoaderThenAsk"], 0), fmt(s["switchLoaderThenAsk"] / base["switchLoaderThenAsk"]),
            fmt(s["scopeThenAsk"], 0)))
    worst = max(max(scores[n]["renameThenAsk"] / base["renameThenAsk"],
                    scores[n]["switchLoaderThenAsk"] / base["switchLoaderThenAsk"]) for n in SCALE_SIZES)
    lines.append("")
    lines.append("Target: binding at 10,000 tenants ≤ 1.3× binding at 2 — worst ratio %s×: %s." % (
        fmt(worst), verdict(worst <= 1.3)))
    return ("Binding at scale", "Each operation renames the worker (or switches its context class loader) in a "
            "host scope and asks an overridden property, so the rules of every tenant are matched again: tenant "
            "`t<i>` has `threads=t<i>-.*` and `loader=l<i>`; the worker alternates between the last tenant's name "
            "and one no rule matches. Every size runs with the same heap (%s)." % SCALE_HEAP,
            "bench/report.py --only scale (writes the configurations, then java -jar bench/target/benchmarks.jar "
            "ScaleBenchmark -jvmArgs '%s -javaagent:...=kernel=off,config=<file>')" % SCALE_HEAP, lines)


def handoff(forks):
    r = jmh("io\\.uts4j\\.bench\\.HandOff(Off|Unbound|Bound)?Benchmark", "handoff", forks)
    methods = sorted({m for (_, m) in r})
    classes = sorted({c for (c, _) in r})
    unit = next(iter(r.values()))[2]
    order = {"HandOffOffBenchmark": 0, "HandOffUnboundBenchmark": 1, "HandOffBoundBenchmark": 2}
    classes = sorted(classes, key=lambda c: order.get(c, 3))
    lines = ["| hand-off (%s, median sample) | " % unit + " | ".join(
        c.replace("HandOff", "").replace("Benchmark", "") or "base" for c in classes)
        + " | unbound / off (target ≤ 1.05) | bound / off (target) |",
             "| --- |" + " --: |" * (len(classes) + 2)]

    def ratio(m, cls, target):
        off, on = r.get(("HandOffOffBenchmark", m)), r.get((cls, m))
        if not off or not on:
            return "—"
        x = on[0] / off[0]
        return "%s× (≤ %s: %s)" % (fmt(x), target, verdict(x <= target))

    for m in methods:
        bound_target = 1.10 if "Stream" in m else 1.15
        lines.append("| `%s` | " % m + " | ".join(fmt(r[(c, m)][0]) if (c, m) in r else "—" for c in classes)
                     + " | %s | %s |" % (ratio(m, "HandOffUnboundBenchmark", 1.05),
                                         ratio(m, "HandOffBoundBenchmark", bound_target)))
    return ("Identity follows the work", "What capturing and restoring the submitter's identity adds to each "
            "JDK hand-off, agent off and on (`-prof gc` in the JSON under bench/target/report).",
            "java -jar bench/target/benchmarks.jar 'io\\.uts4j\\.bench\\.HandOff' -prof gc", lines)


def timed_start(java, args, runs):
    """Median wall seconds and the last run's stdout/stderr of `java args`."""
    walls = []
    for _ in range(runs):
        t0 = time.monotonic()
        done = run([java] + args)
        walls.append(time.monotonic() - t0)
    return statistics.median(walls), done


def tenants(starts):
    # The agent jar on the class path too, so that the run with no agent finds the API (and sees it detached).
    probe = ["-cp", BENCH_JAR + ":" + AGENT_JAR, "io.uts4j.bench.probe.HeapAfterStart"]
    big = write_scale_config(10000)
    small = write_scale_config(2)
    rows = []
    heap = {}
    for label, agent in [("no agent", None), ("2 tenants, kernel=off", "kernel=off,config=" + small),
                         ("10,000 tenants, kernel=off", "kernel=off,config=" + big),
                         ("2 tenants, kernel=required", "kernel=required,config=" + small),
                         ("10,000 tenants, kernel=required", "kernel=required,config=" + big)]:
        args = (["-javaagent:%s=%s" % (AGENT_JAR, agent)] if agent else []) + probe
        wall, done = timed_start("java", args, starts)
        m = re.search(r"tenants=(\d+) heapUsed=(\d+)", done.stdout)
        heap[label] = (int(m.group(1)), int(m.group(2)))
        line = next((l for l in done.stderr.splitlines() if l.startswith("uts4j")), "")
        rows.append((label, wall, len(line)))
    lines = ["| start (probe main, %d runs, median) | wall (s) | start-up line (characters) |" % starts,
             "| --- | --: | --: |"]
    for label, wall, chars in rows:
        lines.append("| %s | %s | %s |" % (label, fmt(wall), chars or "—"))
    per = (heap["10,000 tenants, kernel=off"][1] - heap["2 tenants, kernel=off"][1]) / (10000 - 2)
    per_ns = (heap["10,000 tenants, kernel=required"][1] - heap["2 tenants, kernel=required"][1]) / (10000 - 2)
    longest = max(c for _, _, c in rows)
    ns_wall = rows[4][1]
    lines += ["", "| measure | value | target |", "| --- | --: | --- |",
              "| heap held per idle tenant, kernel=off | %.2f KiB | ≤ 2 KiB: %s |" % (per / 1024, verdict(per <= 2048)),
              "| heap held per idle tenant with its namespace, kernel=required | %.2f KiB | |" % (per_ns / 1024),
              "| JVM up and down with 10,000 kernel namespaces | %s s | ≤ 3 s: %s |" % (fmt(ns_wall), verdict(ns_wall <= 3)),
              "| longest start-up line | %d characters | ≤ 400: %s |" % (longest, verdict(longest <= 400))]
    return ("Many tenants", "A main that collects the heap five times and prints what stays in use, started "
            "with no agent and with 2 or 10,000 tenants (the scale configuration); heap per idle tenant is the "
            "difference over the 9,998 extra tenants.",
            "bench/report.py --only tenants", lines)


def startup(starts):
    out = os.path.join(WORK, "startup.md")
    run(["bench/startup.sh", "-n", str(starts), "-o", out])
    body = open(out).read().splitlines()
    body = [l for l in body if not l.startswith("## ")]
    return ("Start-up", "Cold (a new folder, jar copy and HOME per start: a fresh container) and warm, against a "
            "bare JVM and an empty `-javaagent`; targets: kernel=off and auto ≤ +80 ms and ≤ +10 MiB, kernel=required "
            "≤ +120 ms, cold.", "bench/startup.sh -n %d" % starts, body)


README_START = "<!-- bench/report.py: summary start (generated; do not edit) -->"
README_END = "<!-- bench/report.py: summary end -->"


def tables(md):
    """The generated report's sections: {title: [lines]}."""
    out, title = {}, None
    for line in md.splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            out[title] = []
        elif title:
            out[title].append(line)
    return out


def readme_summary(md):
    """The README's summary of the generated report: its key tables, as generated, and where they come from."""
    sec = tables(md)
    top = md.split("\n## ", 1)[0].splitlines()
    head = [l for l in top if l.startswith(("- date:", "- machine:", "- commit:", "- sections of this run:"))]
    out = [README_START, "", "From [docs/BENCHMARKS.md](docs/BENCHMARKS.md) (" + "; ".join(
        h[2:] for h in head) + "). Regenerate both with `bench/report.py`.", ""]

    def rows(title):
        """The section from its first table on: tables, the blank lines between them, verdict lines."""
        body = sec.get(title, [])
        first = next((i for i, l in enumerate(body) if l.startswith("|")), len(body))
        body = body[first:]
        while body and not body[-1].strip():
            body.pop()
        return body + [""] if body else []

    if "Start-up" in sec:
        out += ["**Start-up**, cold (a fresh folder, jar and HOME per start), medians, added to a bare JVM:", ""]
        table = [l for l in sec["Start-up"] if l.startswith("|")]
        out += table[:2] + [l for l in table[2:] if "| cold |" in l] + [""]
    if "Fast path" in sec:
        out += ["**Fast path** (JMH, agent off and on in one run):", ""] + rows("Fast path")
    if "Identity follows the work" in sec:
        out += ["**Hand-offs** (JMH, agent off and on in one run):", ""] + rows("Identity follows the work")
    for title in ("Throughput", "Binding at scale", "Many tenants"):
        if title in sec:
            out += ["**%s**:" % title, ""] + rows(title)
    return out + [README_END]


def update_readme(md, path="README.md"):
    text = open(path).read()
    if README_START in text and README_END in text:
        before, rest = text.split(README_START, 1)
        after = rest.split(README_END, 1)[1]
    elif "STARTUP_AND_SPEED_PLACEHOLDER" in text:
        before, after = text.split("STARTUP_AND_SPEED_PLACEHOLDER", 1)
    else:
        raise SystemExit("report.py: %s has no summary markers (%s ... %s)" % (path, README_START, README_END))
    with open(path, "w") as f:
        f.write(before + "\n".join(readme_summary(md)) + after)
    log("updated the summary in " + path)


SECTIONS = {"fastpath": lambda a: fastpath(a.forks), "throughput": lambda a: throughput(a.forks),
            "scale": lambda a: scale(a.forks), "handoff": lambda a: handoff(a.forks),
            "tenants": lambda a: tenants(a.starts), "startup": lambda a: startup(a.starts)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", default="docs/BENCHMARKS.md")
    p.add_argument("--forks", type=int, default=0, help="JMH forks per class (default: each class's own)")
    p.add_argument("--starts", type=int, default=9, help="starts per configuration for start-up and tenants")
    p.add_argument("--only", nargs="+", choices=list(SECTIONS), default=list(SECTIONS))
    p.add_argument("--readme-only", action="store_true",
                   help="only rewrite the README's summary from the existing report (-o)")
    a = p.parse_args()
    if a.readme_only:
        update_readme(open(a.o).read())
        return
    for f in (AGENT_JAR, BENCH_JAR):
        if not os.path.isfile(f):
            raise SystemExit("report.py: no %s: run mvn -B -q package -DskipTests from the repository root" % f)
    os.makedirs(WORK, exist_ok=True)
    load = open("/proc/loadavg").read().split()[:3]
    results = [SECTIONS[s](a) for s in a.only]
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    out = ["# uts4j benchmarks", "",
           "Generated by `bench/report.py` (do not edit by hand); rerun it to refresh. Each section names the "
           "command that gives its figures alone.", "",
           "- date: %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M %Z").strip(),
           "- commit: %s" % commit,
           "- machine: %d CPUs, %s, Linux %s; load average before the run %s" % (
               os.cpu_count(), cpu, os.uname().release, " ".join(load)),
           "- JMH and many-tenant rows: %s" % java, ""]
    fresh = {}
    for title, what, command, lines in results:
        fresh[title] = ["## " + title, "", what, "", "Command: `%s`" % command, ""] + lines + [""]
    if set(a.only) != set(SECTIONS) and os.path.isfile(a.o):
        # A partial run replaces its own sections of the existing report and keeps the others (each
        # section's date stays that of the run that made it: the header says which sections are new).
        old = open(a.o).read().split("\n## ")[1:]
        kept = ["## " + sec.rstrip("\n") + "\n" for sec in old]
        merged = []
        for sec in kept:
            title = sec[3:].split("\n", 1)[0].strip()
            merged += fresh.pop(title, sec.split("\n"))
        for lines in fresh.values():
            merged += lines
        out[-1:-1] = ["- sections of this run: %s (the others from an earlier run)" % ", ".join(a.only)]
        out += merged
    else:
        for lines in fresh.values():
            out += lines
    with open(a.o, "w") as f:
        f.write("\n".join(out))
    log("wrote " + a.o)
    update_readme("\n".join(out))


if __name__ == "__main__":
    main()
