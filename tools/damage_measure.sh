#!/bin/sh
# damage_measure.sh: how well the parser reads damaged text (issue 7).
#
#   tools/damage_measure.sh [COUNT] [SEED]      (defaults: 300 reports, seed 1)
#
# Draws COUNT damaged reports with tools/genreport.py --damage any (a random
# layout and one or two damage kinds each), parses each with test/bin/girparse
# (built first) and compares the result with the truth, cell by cell.  Prints,
# per damage kind and in total:
#
#   right        the parser's value equals the truth (null where the truth is null)
#   wrong        a value that differs from the truth, or a value where the truth
#                has none (null, or no such row): never acceptable
#   null+warn    null where the truth has a number, with a warning naming the row
#                or section key (acceptable: the parser said it could not read it)
#   null silent  null where the truth has a number, with no such warning
#   missing      the row (or the cell) is absent from the output
#   avoidable    of the nulls, those a perfect parser reads (not in expect_null)
#   warn missed  expected warning codes (expect_warnings) the parser did not emit
#
# then WRONG CELLS: N and the first wrong cells.  The exit status is 0 whatever
# the figures (it is a measurement).  KEEP=1 keeps the reports and the parser's
# output in the directory it names; GIRPARSE=/path/to/girparse measures another
# build of the parser (e.g. one made from an older commit) instead.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
count=${1:-300}
seed=${2:-1}

girparse=${GIRPARSE:-$root/test/bin/girparse}
if [ -z "${GIRPARSE:-}" ] && ! make -s -C "$root" test/bin/girparse >/dev/null; then
	echo "damage_measure: cannot build test/bin/girparse; nothing measured" >&2
	exit 0
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/damage_measure.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "reports kept in $dir"
else
	trap 'rm -rf "$dir"' EXIT
fi

python3 "$here/genreport.py" --count "$count" --seed "$seed" --damage any --out "$dir"
for txt in "$dir"/*.txt; do
	out=${txt%.txt}
	timeout 20 "$girparse" "$txt" >"$out.parsed.json" 2>"$out.err" || true
done

python3 - "$dir" "$count" "$seed" "$girparse" <<'EOF'
"""Compare girparse's output with the truth of damaged reports, cell by cell, per damage kind."""
import json
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

SECTIONS = ("active_disclosure", "requests", "review_litigation")
KINDS = ("glue", "boxdraw", "grid", "pipecells", "mdhtml",
         "traditional", "typos", "debris", "wildvalues")
COLUMNS = ("right", "wrong", "null+warn", "null silent", "missing", "avoidable", "warn missed")
SHOW_WRONG = 25


def number(value):
    """A JSON number for comparison (15.279 == 15.2790)."""
    return Decimal(str(value))


def load(path):
    """The parser's JSON document, or None when it wrote none (crash, timeout, error)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def names_row(section, row, warnings):
    """Whether a warning's message names the row key or the section key, as the parser's
    messages do (row denied.state_secret …, row review_litigation …)."""
    return any(row in w.get("message", "") or section in w.get("message", "") for w in warnings)


def null_outcome(section, row, warnings):
    """How a null the truth does not have is counted."""
    return "null+warn" if names_row(section, row, warnings) else "null silent"


def truth_cells(truth, parsed):
    """(path, outcome, truth value, parsed value) for every cell of the truth."""
    warnings = parsed.get("warnings") or []
    for section in SECTIONS:
        got = parsed.get(section) or {}
        for row, cols in truth[section].items():
            for col, want in cols.items():
                path = f"{section}.{row}.{col}"
                if row not in got or col not in got[row]:
                    yield path, "missing", want, None
                    continue
                value = got[row][col]
                if value is None:
                    yield path, "right" if want is None else null_outcome(section, row, warnings), want, None
                elif want is not None and number(value) == number(want):
                    yield path, "right", want, value
                else:
                    yield path, "wrong", want, value


def extra_cells(truth, parsed):
    """Cells with a value in the output that the truth does not have: wrong numbers too."""
    for section in SECTIONS:
        for row, cols in (parsed.get(section) or {}).items():
            for col, value in cols.items():
                if value is not None and col not in truth[section].get(row, {}):
                    yield f"{section}.{row}.{col}", "wrong", "(no such cell)", value


def measure(truth, parsed):
    """Counts of one report, and its wrong cells as (path, truth, parsed)."""
    counts, wrong = Counter(), []
    unreadable = set(truth.get("expect_null", ()))
    if parsed is None:
        counts["missing"] = sum(len(cols) for s in SECTIONS for cols in truth[s].values())
        return counts, wrong
    for path, outcome, want, value in list(truth_cells(truth, parsed)) + list(extra_cells(truth, parsed)):
        counts[outcome] += 1
        if outcome.startswith("null") and path not in unreadable:
            counts["avoidable"] += 1
        if outcome == "wrong":
            wrong.append((path, want, value))
    emitted = {w.get("code") for w in parsed.get("warnings") or []}
    counts["warn missed"] = sum(code not in emitted for code in truth["expect_warnings"])
    return counts, wrong


def meta_errors(truth, parsed):
    """Which of agency, year and template the parser got wrong."""
    if parsed is None:
        return ["parse failed"]
    return [key for key in ("agency", "year", "template") if parsed.get(key) != truth.get(key)]


def table(rows):
    """The figures per damage kind and in total."""
    head = f"{'kind':<12}{'files':>6}{'cells':>8}" + "".join(f"{c:>13}" for c in COLUMNS)
    lines = [head, "-" * len(head)]
    for kind, (files, counts) in rows:
        cells = sum(counts[c] for c in ("right", "wrong", "null+warn", "null silent", "missing"))
        lines.append(f"{kind:<12}{files:>6}{cells:>8}" + "".join(f"{counts[c]:>13}" for c in COLUMNS))
    return "\n".join(lines)


def main(directory, count, seed, girparse):
    per_kind = defaultdict(lambda: [0, Counter()])
    total = [0, Counter()]
    wrong_cells, meta, codes = [], Counter(), defaultdict(lambda: [0, 0])
    for truth_path in sorted(Path(directory).glob("*.truth.json")):
        name = truth_path.name[:-len(".truth.json")]
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        parsed = load(Path(directory) / f"{name}.parsed.json")
        counts, wrong = measure(truth, parsed)
        for bucket in [per_kind[kind] for kind in truth["damage"]] + [total]:
            bucket[0] += 1
            bucket[1].update(counts)
        wrong_cells += [(name, *cell) for cell in wrong]
        meta.update(meta_errors(truth, parsed))
        emitted = {w.get("code") for w in (parsed or {}).get("warnings") or []}
        for code in truth["expect_warnings"]:
            codes[code][0] += 1
            codes[code][1] += code in emitted
    rows = [(kind, per_kind[kind]) for kind in KINDS if kind in per_kind] + [("total", total)]
    print(f"\ndamage measurement: {total[0]} reports, seed {seed}, parser {girparse}\n")
    print(table(rows))
    print(f"\n{'=' * 20}\nWRONG CELLS: {total[1]['wrong']}\n{'=' * 20}")
    if wrong_cells:
        print(f"\nfirst wrong cells (report: cell  truth → parser), of {len(wrong_cells)}:")
        for name, path, want, value in wrong_cells[:SHOW_WRONG]:
            print(f"  {name}: {path}  {want} → {value}")
    print("\nexpected warnings emitted (reports emitting / expecting):")
    print("  " + ", ".join(f"{code} {got}/{want}" for code, (want, got) in sorted(codes.items())))
    print(f"\nagency wrong: {meta['agency']}, year wrong: {meta['year']}, "
          f"template wrong: {meta['template']}, parse failed: {meta['parse failed']} (of {total[0]} reports)")
    print(f"\nany report again: python3 tools/genreport.py --count {count} --seed {seed} "
          f"--damage any --out DIR")


main(*sys.argv[1:])
EOF
exit 0
