#!/usr/bin/env python3
"""bench/driver.py: the measuring half of bench/run.sh.

Runs inside a throwaway cluster (pg_virtualenv -t, PG* variables set): loads
the generated corpus into UNLOGGED tables, times gir_parse and friends with
EXPLAIN (ANALYZE, TIMING OFF), samples the backend's memory from /proc, and
prints one table of results, also written as CSV.  Standard library only.

Settings come from the environment (bench/run.sh documents them).
"""
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ENV = os.environ
COUNT = int(ENV.get("BENCH_COUNT", "10000"))
SCALES = sorted({int(x) for x in ENV.get("BENCH_SCALES", "1000 10000 100000").split()})
REPEAT = int(ENV.get("BENCH_REPEAT", "5"))
BASELINE_COUNT = int(ENV.get("BENCH_BASELINE_COUNT", "1000"))
CHUNKS = [Path(p) for p in ENV["BENCH_CHUNKS"].split()]
OUT = Path(ENV.get("BENCH_OUT", "bench/out"))
COREBENCH = ENV.get("BENCH_COREBENCH", "")
SAMPLES = ENV.get("BENCH_SAMPLES", "data/samples")
COMPARE_SO = ENV.get("BENCH_COMPARE_SO", "")
# One-process figures run on one CPU.  On a virtual machine one CPU can run
# the same code far slower than another for minutes at a time (here by
# 25-50 %, now CPU 0, now CPU 1): a backend that spends its life on the slow
# one biases every figure it makes against those of the other sessions.
_cpus = sorted(os.sched_getaffinity(0))
PIN_CPU = ENV.get("BENCH_CPU", str(_cpus[-1]))
PIN = None if PIN_CPU == "none" else {int(PIN_CPU)}
TOTAL = max([COUNT] + SCALES)


def log(msg):
    print(f"-- {time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


class Session:
    """One psql process (one backend) fed statement by statement."""

    def __init__(self, pinned=True):
        self.p = subprocess.Popen(
            ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, bufsize=1)
        self.pid = int(self.run("SELECT pg_backend_pid();")[0])
        if pinned and PIN:
            os.sched_setaffinity(self.pid, PIN)

    def run(self, sql):
        self.p.stdin.write(sql.rstrip() + "\n\\echo __bench_done__\n")
        self.p.stdin.flush()
        lines = []
        while True:
            line = self.p.stdout.readline()
            if line == "":
                raise RuntimeError("psql ended:\n" + "".join(lines[-20:]) + f"\nafter: {sql[:300]}")
            if line.rstrip("\n") == "__bench_done__":
                return [x.rstrip("\n") for x in lines]
            if line.startswith(("ERROR:", "psql:")):
                lines.append(line)
                continue
            lines.append(line)

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def proc_status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmHWM", "VmRSS", "RssAnon", "RssShmem", "RssFile"):
                    out[k] = int(v.split()[0])		# kB
    except OSError:
        pass
    return out


class MemSampler:
    """Highest RssAnon of a backend while a statement runs (every 2 ms)."""

    def __init__(self, pid):
        self.pid, self.peak_anon, self.stop = pid, 0, False
        try:		# reset VmHWM (Linux >= 4.0; root may write another process's)
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            pass
        self.t = threading.Thread(target=self.loop, daemon=True)

    def loop(self):
        while not self.stop:
            self.peak_anon = max(self.peak_anon, proc_status(self.pid).get("RssAnon", 0))
            time.sleep(0.002)

    def __enter__(self):
        self.t.start()
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.t.join()
        st = proc_status(self.pid)
        self.peak_anon = max(self.peak_anon, st.get("RssAnon", 0))
        self.hwm, self.shmem = st.get("VmHWM", 0), st.get("RssShmem", 0)


def cpu_ns(pid):
    """CPU time a process has had, in ns (/proc/PID/schedstat)."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


def explain(s, query):
    """Run query under EXPLAIN ANALYZE; (wall ms, workers launched, backend CPU ms)."""
    c0 = cpu_ns(s.pid)
    lines = s.run(f"EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) {query};")
    cpu = (cpu_ns(s.pid) - c0) / 1e6
    ms = workers = None
    for line in lines:
        m = re.search(r"Execution Time: ([0-9.]+) ms", line)
        if m:
            ms = float(m.group(1))
        m = re.search(r"Workers Launched: (\d+)", line)
        if m:
            workers = int(m.group(1))
    if ms is None:
        raise RuntimeError("no execution time in:\n" + "\n".join(lines))
    return ms, workers, cpu


RESULTS = []


class Job:
    """One figure: a query run in a session, timed repeatedly."""

    def __init__(self, s, name, query, reports, nbytes, memory=False, note=""):
        self.s, self.name, self.query, self.reports, self.nbytes = s, name, query, reports, nbytes
        self.memory, self.note = memory, note
        self.times, self.cpus, self.workers, self.mem = [], [], None, None

    def run(self):
        if self.memory:
            with MemSampler(self.s.pid) as m:
                ms, self.workers, cpu = explain(self.s, self.query)
            self.mem = m if self.mem is None or m.peak_anon > self.mem.peak_anon else self.mem
        else:
            ms, self.workers, cpu = explain(self.s, self.query)
        self.times.append(ms)
        self.cpus.append(cpu)

    def row(self):
        med = statistics.median(self.times)
        cpu = statistics.median(self.cpus)
        workers = self.workers
        # one process: its CPU time is the figure least disturbed by the other
        # processes of the machine; with workers, only the wall clock tells
        basis = med if workers else cpu
        row = {
            "measure": self.name, "reports": self.reports, "mb": round(self.nbytes / 1e6, 2),
            "ms_median": round(med, 1), "ms_min": round(min(self.times), 1), "ms_max": round(max(self.times), 1),
            "cpu_ms_median": round(cpu, 1) if not workers else "", "basis": "wall" if workers else "cpu",
            "runs": len(self.times),
            "mb_per_s": round(self.nbytes / 1e6 / (basis / 1000), 1) if self.nbytes else "",
            "reports_per_s": round(self.reports / (basis / 1000)),
            "us_per_report": round(basis * 1000 / self.reports, 1),
            "workers": workers if workers is not None else 0,
            "peak_anon_kb": self.mem.peak_anon if self.mem else "", "vm_hwm_kb": self.mem.hwm if self.mem else "",
            "note": self.note,
        }
        RESULTS.append(row)
        log(f"{self.name}: {row['ms_median']} ms wall, {cpu:.1f} ms CPU ({row['us_per_report']} us/report, "
            f"{row['mb_per_s']} MB/s)")
        return row


def measure_interleaved(jobs, repeat=REPEAT):
    """Warm each job up once, then run them round-robin repeat times, so
    that a change in the load of the machine touches all of them alike."""
    for j in jobs:
        explain(j.s, j.query)				# warm-up: caches, patterns, JIT
    for _ in range(repeat):
        for j in jobs:
            j.run()
    return [j.row() for j in jobs]


def measure(s, name, query, reports, nbytes, repeat=REPEAT, memory=False, note=""):
    """Time query repeat times after one warm-up run; record the median."""
    return measure_interleaved([Job(s, name, query, reports, nbytes, memory, note)], repeat)[0]


def extra(name, value, unit, note=""):
    RESULTS.append({"measure": name, "value": value, "unit": unit, "note": note})


# ---------------------------------------------------------------- loading

def copy_rows():
    """(COPY text row, truth, body) per report; the row is id, source,
    layout, template, noisy, bytes, body."""
    def esc(t):
        return t.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    n = 0
    for chunk in CHUNKS:
        noisy = "noise" in chunk.name
        with open(chunk, encoding="utf-8") as f:
            for line in f:
                if n >= TOTAL:
                    return
                o = json.loads(line)
                n += 1
                _, layout, tpl = o["source"].rsplit("_", 2)
                body = o["body"]
                yield (f"{n}\t{esc(o['source'])}\t{layout}\t{tpl}\t{'t' if noisy else 'f'}\t"
                       f"{len(body.encode())}\t{esc(body)}\n"), o["truth"], body


def esc_json(v):
    """A jsonb value as a COPY text field."""
    return json.dumps(v, ensure_ascii=False).replace("\\", "\\\\")


def load(s):
    log(f"loading {TOTAL} reports")
    # bodies compressed as gir_reports compresses them (lz4 where the server has it)
    compression = s.run("SELECT CASE attcompression WHEN 'l' THEN 'lz4' ELSE 'pglz' END"
                        " FROM pg_attribute WHERE attrelid = 'gir_reports'::regclass"
                        " AND attname = 'body';")[0]
    s.run(f"""
CREATE UNLOGGED TABLE corpus (id int PRIMARY KEY, source text, layout text, template text,
                              noisy bool, bytes int, body text COMPRESSION {compression});
CREATE UNLOGGED TABLE truth (id int PRIMARY KEY, requests jsonb, review_litigation jsonb);""")
    copy = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "COPY corpus FROM STDIN"],
                            stdin=subprocess.PIPE, text=True)
    tcopy = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "COPY truth FROM STDIN"],
                             stdin=subprocess.PIPE, text=True)
    bodies = open(OUT / "corebench.bin", "wb") if COREBENCH else None
    for i, (row, truth, body) in enumerate(copy_rows(), 1):
        copy.stdin.write(row)
        if i <= BASELINE_COUNT:
            tcopy.stdin.write(f"{i}\t{esc_json(truth.get('requests', {}))}\t"
                              f"{esc_json(truth.get('review_litigation', {}))}\n")
        if bodies and i <= COUNT:
            bodies.write(body.encode() + b"\0")
    for p in (copy, tcopy):
        p.stdin.close()
        if p.wait() != 0:
            raise RuntimeError("COPY failed")
    if bodies:
        bodies.close()
    s.run("VACUUM ANALYZE corpus; VACUUM ANALYZE truth;")
    return compression


def subset(s, n):
    """A table with the first n reports (corpus itself for all); (name, bytes)."""
    name = "corpus" if n == TOTAL else f"c_{n}"
    if name != "corpus":
        s.run(f"CREATE UNLOGGED TABLE IF NOT EXISTS {name} (LIKE corpus INCLUDING ALL);"
              f"INSERT INTO {name} SELECT * FROM corpus WHERE id <= {n} AND NOT EXISTS (SELECT FROM {name});"
              f"VACUUM ANALYZE {name};")
    nbytes = int(s.run(f"SELECT sum(bytes) FROM {name};")[0])
    return name, nbytes


# ---------------------------------------------------------------- main

def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / ".started").touch()
    s = Session()
    s.run("CREATE EXTENSION gireport;")
    s.run(Path("bench/baseline.sql").read_text(encoding="utf-8"))
    compression = load(s)
    serial = ("SET max_parallel_workers_per_gather = 0; SET jit = off;"
              "SET gireport.max_input_size = '1MB';")
    s.run(serial)

    info = s.run("SELECT count(*), sum(bytes), min(bytes), max(bytes), count(DISTINCT layout),"
                 " count(*) FILTER (WHERE template = '2019'), count(*) FILTER (WHERE noisy),"
                 " pg_size_pretty(pg_total_relation_size('corpus')) FROM corpus;")[0].split("|")
    extra("corpus", f"{info[0]} reports, {int(info[1]) / 1e6:.1f} MB, {int(info[2]) // 1024}-"
          f"{int(info[3]) // 1024} KB each, {info[4]} layouts, {info[5]} T2019, {info[6]} with noise",
          "", f"table size {info[7]} (UNLOGGED, TOAST-compressed with {compression})")

    extra("one-process runs pinned to CPU", PIN_CPU, "", "BENCH_CPU (none: not pinned)")

    # --- the main corpus: floor, one core, two workers
    main_t, main_b = subset(s, COUNT)
    # the parser really runs: one call per row, counted by track_functions
    calls = s.run(f"BEGIN; SET LOCAL track_functions = 'all';"
                  f"SELECT count(gir_parse(body)) FROM {main_t};"
                  f"SELECT calls FROM pg_stat_xact_user_functions WHERE funcname = 'gir_parse'; COMMIT;")
    extra("gir_parse calls in one scan", calls[-1], "calls", f"{COUNT} rows: IMMUTABLE STRICT is not skipped")
    # floor, one core, two workers (and another build) run round-robin
    s.run(f"ALTER TABLE {main_t} SET (parallel_workers = 2);")
    par = Session(pinned=False)     # its workers are the postmaster's children
    par.run(serial + "SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0;"
            "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
            "SET parallel_leader_participation = off;")
    jobs = [Job(s, "floor: length(body)", f"SELECT count(length(body)) FROM {main_t}", COUNT, main_b,
                note="seq scan + detoast + decompress + character count"),
            Job(s, "gir_parse, 1 core", f"SELECT count(gir_parse(body)) FROM {main_t}", COUNT, main_b,
                memory=True),
            Job(par, "gir_parse, 2 workers", f"SELECT count(gir_parse(body)) FROM {main_t}", COUNT, main_b,
                note="parallel_leader_participation off: two processes")]
    # another build of gireport.so (an older commit, say), in a session of
    # its own so that the two libraries never meet in one backend
    others = []
    for k, so in enumerate(COMPARE_SO.split()):
        c = Session()
        c.run(serial + f"CREATE FUNCTION bench.gir_parse_compare{k}(text) RETURNS gir_report"
              f" AS '{os.path.abspath(so)}', 'gir_parse' LANGUAGE C IMMUTABLE STRICT;")
        jobs.append(Job(c, f"gir_parse of BENCH_COMPARE_SO #{k + 1}",
                        f"SELECT count(bench.gir_parse_compare{k}(body)) FROM {main_t}", COUNT, main_b,
                        memory=True, note=os.path.abspath(so)))
        others.append(c)
    floor, one, two = measure_interleaved(jobs)[:3]
    par.close()
    for c in others:
        c.close()

    # --- growth
    # each size in a backend of its own, so that its memory is the parse's;
    # the sizes and their floors run round-robin
    scale_rows, scale_floor, sessions, jobs = {}, {}, [], []
    for n in SCALES:
        t, b = subset(s, n)
        g = Session()
        g.run(serial + "SELECT 1;")
        idle = proc_status(g.pid).get("RssAnon", 0)
        sessions.append(g)
        jobs.append(Job(g, f"floor at {n} reports", f"SELECT count(length(body)) FROM {t}", n, b))
        jobs.append(Job(g, f"gir_parse, {n} reports", f"SELECT count(gir_parse(body)) FROM {t}", n, b,
                        memory=True, note=f"fresh backend: RssAnon {idle} kB before the first call"))
        jobs[-1].idle = idle
    rows = measure_interleaved(jobs)
    for i, n in enumerate(SCALES):
        scale_floor[n] = rows[2 * i]
        scale_rows[n] = rows[2 * i + 1]
        scale_rows[n]["idle_anon_kb"] = jobs[2 * i + 1].idle
    for g in sessions:
        g.close()
    for n in SCALES:
        t = "corpus" if n == TOTAL else f"c_{n}"
        if t not in ("corpus", main_t):
            s.run(f"DROP TABLE {t};")

    # --- checks on stored results
    s.run(f"CREATE UNLOGGED TABLE parsed AS SELECT id, gir_parse(body) AS r FROM {main_t};"
          "ALTER TABLE parsed ADD COLUMN j jsonb; UPDATE parsed SET j = to_jsonb(r); VACUUM ANALYZE parsed;")
    pfloor = measure(s, "floor: read stored results", "SELECT count(r), count(j) FROM parsed", COUNT, 0)
    measure(s, "gir_is_consistent(gir_report)", "SELECT count(*) FILTER (WHERE gir_is_consistent(r)) FROM parsed",
            COUNT, 0)
    measure(s, "gir_is_consistent(jsonb)", "SELECT count(*) FILTER (WHERE gir_is_consistent(j)) FROM parsed",
            COUNT, 0)
    measure(s, "gir_check(gir_report), class D", "SELECT count(c) FROM parsed, LATERAL gir_check(r) AS c",
            COUNT, 0)
    measure(s, "gir_check(gir_report), D+C+H", "SELECT count(c) FROM parsed, LATERAL gir_check(r, '{D,C,H}') AS c",
            COUNT, 0)
    s.run("DROP TABLE parsed;")

    # --- the PL/pgSQL baseline on the first BASELINE_COUNT reports
    # round-robin, as the figures are compared: a slow phase of the machine
    # touches both (the baseline is slow: at most 3 runs)
    base_t, base_b = subset(s, BASELINE_COUNT)
    cbase, plb = measure_interleaved(
        [Job(s, "gir_parse, baseline's reports", f"SELECT count(gir_parse(body)) FROM {base_t}",
             BASELINE_COUNT, base_b),
         Job(s, "PL/pgSQL baseline (三, 四 only)", f"SELECT count(bench.baseline_parse(body)) FROM {base_t}",
             BASELINE_COUNT, base_b, note="bench/baseline.sql")],
        repeat=min(REPEAT, 3))
    acc = s.run(f"""
SELECT count(*) FILTER (WHERE b->'requests' = t.requests AND b->'review_litigation' = t.review_litigation),
       count(*) FILTER (WHERE (p).requests = t.requests AND (p).review_litigation = t.review_litigation),
       count(*)
FROM {base_t} c JOIN truth t USING (id),
     LATERAL (SELECT bench.baseline_parse(c.body) AS b, gir_parse(c.body) AS p) x;""")[0].split("|")
    sanity = s.run(f"""
CREATE TEMP TABLE samples (name text, body text, truth jsonb);
\\copy samples FROM PROGRAM 'test/corpus_copy.sh {SAMPLES}'
SELECT string_agg(name, ' ' ORDER BY name) FILTER (WHERE b->'requests' = truth->'requests'
                                                  AND b->'review_litigation' = truth->'review_litigation'),
       count(*) FILTER (WHERE b->'requests' = truth->'requests'
                        AND b->'review_litigation' = truth->'review_litigation'), count(*)
FROM samples, bench.baseline_parse(body) AS b;""")[-1].split("|")

    # --- the core alone
    core = None
    if COREBENCH:
        out = subprocess.run([COREBENCH, str(OUT / "corebench.bin"), str(REPEAT)],
                             capture_output=True, text=True, check=True,
                             preexec_fn=(lambda: os.sched_setaffinity(0, PIN)) if PIN else None).stdout
        kv = dict(x.split("=") for x in out.split())
        core = float(kv["us/report"])
        RESULTS.append({"measure": "core alone (corebench, no PostgreSQL)", "reports": COUNT,
                        "mb": round(int(kv["bytes"]) / 1e6, 2), "mb_per_s": kv["MB/s"],
                        "cpu_ms_median": round(float(kv["seconds"]) * 1000, 1), "basis": "cpu",
                        "us_per_report": kv["us/report"], "reports_per_s": round(1e6 / core),
                        "note": f"fastest of {REPEAT} passes over bench/out/corebench.bin; "
                                f"largest arena of one parse {kv['arena_kb_max']} kB"})
    s.close()

    # ---------------------------------------------------------- verdicts
    lo, hi = scale_rows[SCALES[0]], scale_rows[SCALES[-1]]
    def t(r):
        return r["cpu_ms_median"] if r.get("cpu_ms_median") not in ("", None) else r["ms_median"]
    growth = t(hi) / t(lo)
    net_growth = (t(hi) - t(scale_floor[SCALES[-1]])) / (t(lo) - t(scale_floor[SCALES[0]]))
    ideal = SCALES[-1] / SCALES[0]
    mems = [scale_rows[n]["peak_anon_kb"] for n in SCALES]
    grown = [scale_rows[n]["peak_anon_kb"] - scale_rows[n]["idle_anon_kb"] for n in SCALES]
    verdicts = [
        ("throughput, 1 core", f"{one['mb_per_s']} MB/s, {one['us_per_report']} us/report",
         ">= 200 MB/s", one["mb_per_s"] >= 200),
        ("per 10 KB report", f"{one['us_per_report'] * 10240 * one['reports'] / main_b:.1f} us",
         "<= 50 us", one["us_per_report"] * 10240 * one["reports"] / main_b <= 50),
        ("vs PL/pgSQL baseline", f"{t(plb) / t(cbase):.0f}x faster", ">= 50x",
         t(plb) / t(cbase) >= 50),
        ("vs length(body) floor", f"{t(one) / t(floor):.1f}x the floor", "<= 10x",
         t(one) / t(floor) <= 10),
        (f"growth {SCALES[0]} -> {SCALES[-1]}", f"{growth:.1f}x the time for {ideal:.0f}x the reports "
         f"({net_growth:.1f}x without the floor)", f"<= {ideal * 1.05:.0f}x", growth <= ideal * 1.05),
        ("peak backend memory (RssAnon)", " / ".join(f"{m / 1024:.1f}" for m in mems) + " MB at "
         + " / ".join(str(n) for n in SCALES) + " reports (+"
         + " / +".join(f"{g / 1024:.1f}" for g in grown) + " MB over an idle backend)",
         "flat", max(mems) - min(mems) <= 4096),
        ("2 workers (wall clock)", f"{two['mb_per_s']} MB/s, {one['ms_median'] / two['ms_median']:.2f}x "
         f"the speed of 1 core ({one['ms_median']:.0f} -> {two['ms_median']:.0f} ms)", "", None),
        ("accuracy on the baseline's reports (三 and 四 exact)",
         f"gir_parse {acc[1]}/{acc[2]}, baseline {acc[0]}/{acc[2]}", "", None),
        ("baseline sanity (data/samples read right)", f"{sanity[1]}/{sanity[2]}: {sanity[0]}", "", None),
    ]
    if core:
        verdicts.append(("core alone", f"{core} us/report", "", None))

    # ---------------------------------------------------------- output
    cols = ["measure", "reports", "mb", "ms_median", "ms_min", "ms_max", "cpu_ms_median", "basis",
            "runs", "mb_per_s",
            "reports_per_s", "us_per_report", "workers", "peak_anon_kb", "idle_anon_kb", "vm_hwm_kb", "value", "unit",
            "note"]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for path in (OUT / f"results-{stamp}.csv", OUT / "results.csv"):
        with open(path, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols)
            w.writeheader()
            for r in RESULTS:
                w.writerow(r)
            for name, value, target, ok in verdicts:
                w.writerow({"measure": "target: " + name, "value": value,
                            "unit": target, "note": "" if ok is None else ("met" if ok else "NOT met")})

    print()
    print("MB/s, rep/s and us/rep are per CPU time of the backend for one process, per wall time with workers")
    print(f"{'measure':<36} {'reports':>8} {'MB':>7} {'wall ms':>9} {'CPU ms':>9} {'MB/s':>7} {'rep/s':>8} "
          f"{'us/rep':>8} {'wk':>3} {'peak anon':>10}")
    for r in RESULTS:
        if "value" in r:
            continue
        pa = f"{r['peak_anon_kb'] / 1024:.1f} MB" if isinstance(r.get("peak_anon_kb"), int) and r['peak_anon_kb'] else ""
        print(f"{r['measure'][:36]:<36} {r['reports']:>8} {r['mb'] or '':>7} {r.get('ms_median', ''):>9} "
              f"{r.get('cpu_ms_median', ''):>9} {r['mb_per_s'] or '':>7} {r['reports_per_s']:>8} "
              f"{r['us_per_report']:>8} {r.get('workers', ''):>3} {pa:>10}")
    print()
    for r in RESULTS:
        if "value" in r:
            print(f"{r['measure']}: {r['value']} {r['unit']} ({r['note']})")
    print()
    for name, value, target, ok in verdicts:
        flag = "" if ok is None else ("  met" if ok else "  NOT MET")
        print(f"{name:<52} {value:<48} {target:<10}{flag}")
    print(f"\nCSV: {OUT / 'results.csv'} (and results-{stamp}.csv)")


if __name__ == "__main__":
    main()
