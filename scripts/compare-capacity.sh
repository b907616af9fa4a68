#!/usr/bin/env bash
# Compares the capacity of two runs of `./shopscale bench --profile capacity`, read from their report.json files:
# capacity (req/s of the mix), checkouts/s and total CPU ms per request answered at the capacity's step, side by side
# with the change. Exits 1 when the new run regressed: capacity or checkouts/s down by more than 10%, or CPU per
# request up by more than 10%, or it did not hold even its first step where the baseline did. A figure missing from
# either run otherwise (no --process, a process gone) is shown, not judged.
#
#   scripts/compare-capacity.sh BASELINE.json NEW.json
#
# Exit codes: 0 no regression, 1 a regression, 2 bad arguments or a file without a capacity section. Needs python3.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BASELINE.json NEW.json   (report.json files of capacity runs)" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "compare-capacity: python3 is missing" >&2; exit 2; }
exec python3 - "$1" "$2" <<'PYTHON'
import json
import sys

LIMIT = 10.0  # percent


def unusable(message):
    print(f"compare-capacity: {message}", file=sys.stderr)
    sys.exit(2)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        unusable(f"cannot read {path}: {e}")
    capacity = report.get("capacity") if isinstance(report, dict) else None
    if not isinstance(capacity, dict):
        unusable(f"{path} has no capacity section (not a run of the capacity profile)")
    return capacity


base_path, new_path = sys.argv[1], sys.argv[2]
base, new = load(base_path), load(new_path)


def cpu(capacity):
    cpu = capacity.get("cpu")
    return cpu.get("msPerRequest") if isinstance(cpu, dict) else None


# name, baseline, new, decimals, whether higher is better
rows = [
    ("capacity (req/s of mix)", base.get("capacity"), new.get("capacity"), 1, True),
    ("checkouts/s", base.get("checkoutsPerSecond"), new.get("checkoutsPerSecond"), 1, True),
    ("CPU ms/request", cpu(base), cpu(new), 3, False),
]


def shown(value, decimals):
    return "-" if value is None else f"{value:.{decimals}f}"


regressions = []
print(f"baseline: {base.get('line', '-')}  ({base_path})")
print(f"new:      {new.get('line', '-')}  ({new_path})")
print()
print(f"{'':24}  {'baseline':>10}  {'new':>10}  {'change':>8}")
for name, before, after, decimals, higher_is_better in rows:
    note = ""
    if before is None or after is None:
        change = "-"
        if higher_is_better and before is not None and after is None:
            # The new run did not even hold its first step.
            change = "-100%"
            note = "REGRESSION (below the first step)"
            regressions.append(name)
        elif before is None and after is None:
            note = "(in neither run)"
        else:
            note = "(not in both runs: not judged)"
    elif before == 0:
        change = "-"
        note = "(baseline is 0: not judged)"
    else:
        percent = round((after - before) / before * 100, 6)
        change = f"{percent:+.1f}%"
        worse = -percent if higher_is_better else percent
        if worse > LIMIT:
            note = f"REGRESSION (over {LIMIT:g}% {'down' if higher_is_better else 'up'})"
            regressions.append(name)
    print(f"{name:24}  {shown(before, decimals):>10}  {shown(after, decimals):>10}  {change:>8}  {note}".rstrip())

print()
if regressions:
    print("regressed: " + ", ".join(regressions))
    sys.exit(1)
print(f"no regression (limit {LIMIT:g}%)")
PYTHON
