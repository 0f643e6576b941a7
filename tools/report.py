#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make report: one self-contained HTML page of the latest results.

Reads build/bench.json (make bench), the newest build/campaign-*.log
(make campaign) and the newest build/fuzz-*.log (make fuzz, whose last
line is "fuzz: seed S calls N ..."); any of them may be missing.  Writes
build/report.html: inline CSS, and an inline SVG timeline of the
campaign (one row per service; a mark per fault at its guest time, its
width the recovery time), so it opens in a browser without a network.
Standard library only.
"""
import argparse
import glob
import html
import json
import os
import re

FAULT = re.compile(r"fault (\d+) at (\d+) target (\S+) type (\S+) result "
                   r"(-?\d+) detect (\S+) (-?\d+) recovery_insn (\d+)")
COLORS = {"crash": "#d62728", "segv": "#9467bd", "exit": "#1f77b4",
          "loop": "#ff7f0e", "badreply": "#2ca02c", "badreq": "#17becf"}


def newest(pattern):
    files = glob.glob(pattern)
    return max(files, key=os.path.getmtime) if files else None


def bench_section(path):
    if not path or not os.path.exists(path):
        return "<p>No bench results (run <code>make bench</code>).</p>"
    figures = json.load(open(path))["figures"]
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td class=n>{v['value']}"
                   f"</td><td>{html.escape(v['unit'])}</td></tr>"
                   for k, v in figures.items())
    return f"<table><tr><th>figure</th><th>value</th><th>unit</th></tr>" \
           f"{rows}</table>"


def columns(faults, t0, scale, left):
    """The faults of each (service, pixel column): a long campaign has
    far more faults than the plot has pixels, and one mark each would
    make a page of many megabytes."""
    cols = {}
    for f in faults:
        cols.setdefault((f[2], int(left + (f[1] - t0) * scale)), []).append(f)
    return cols


def mark_title(group):
    """The tooltip of a mark: its fault, or how many and of what kinds."""
    n, _, label, kind, _, _, _, rec = group[0]
    if len(group) == 1:
        return f"fault {n}: {kind} into {label}, recovered in {rec} insn"
    kinds = {}
    for f in group:
        kinds[f[3]] = kinds.get(f[3], 0) + 1
    what = ", ".join(f"{c} {k}" for k, c in sorted(kinds.items()))
    longest = max(f[7] for f in group)
    return (f"faults {group[0][0]}..{group[-1][0]} into {label}: {what}; "
            f"longest recovery {longest} insn")


def timeline(faults):
    """An SVG: one row per service, one mark per fault (or per pixel
    column of faults, coloured by its most frequent kind)."""
    labels = sorted({f[2] for f in faults})
    t0 = min(f[1] for f in faults)
    t1 = max(f[1] + f[7] for f in faults)
    width, row, left = 900, 22, 60
    scale = (width - left - 10) / max(t1 - t0, 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{row * len(labels) + 30}">']
    for i, label in enumerate(labels):
        y = i * row + 5
        parts.append(f'<text x="2" y="{y + 14}" font-size="12">'
                     f'{html.escape(label)}</text>'
                     f'<line x1="{left}" y1="{y + 10}" x2="{width - 10}" '
                     f'y2="{y + 10}" stroke="#ddd"/>')
    for (label, x), group in sorted(columns(faults, t0, scale,
                                            left).items()):
        kinds = [f[3] for f in group]
        kind = max(set(kinds), key=lambda k: (kinds.count(k), k))
        y = labels.index(label) * row + 5
        w = max(max(f[7] for f in group) * scale, 1.5)
        parts.append(f'<rect x="{x}" y="{y + 3}" width="{w:.1f}" '
                     f'height="14" fill="{COLORS.get(kind, "#000")}">'
                     f'<title>{html.escape(mark_title(group))}</title>'
                     f'</rect>')
    parts.append(f'<text x="{left}" y="{row * len(labels) + 25}" '
                 f'font-size="11">guest time {t0} .. {t1} insn</text></svg>')
    return "".join(parts)


def campaign_section(path):
    if not path:
        return "<p>No campaign log (run <code>make campaign</code>).</p>"
    lines = open(path).read().splitlines()
    faults = []
    for line in lines:
        m = FAULT.match(line)
        if m:
            g = m.groups()
            faults.append((int(g[0]), int(g[1]), g[2], g[3], int(g[4]),
                           g[5], int(g[6]), int(g[7])))
    summary = lines[-1] if lines else ""
    legend = " ".join(f'<span style="color:{c}">&#9632; {k}</span>'
                      for k, c in COLORS.items())
    plot = timeline(faults) if faults else "<p>No faults in the log.</p>"
    return (f"<p>{html.escape(os.path.basename(path))}: "
            f"<b>{html.escape(summary)}</b></p><p>{legend}</p>{plot}"
            f"{fault_table(faults)}")


def fault_table(faults):
    """Per target and fault kind: injected, recovered (no error from RS,
    and not NOT-RECOVERED), and the median recovery time of those that
    ended the service."""
    groups = {}
    for f in faults:
        groups.setdefault((f[2], f[3]), []).append(f)
    rows = []
    for (target, kind), group in sorted(groups.items()):
        recovered = sum(1 for f in group
                        if f[4] == 0 and f[5] != "NOT-RECOVERED")
        times = sorted(f[7] for f in group if f[5] == "signal")
        median = times[len(times) // 2] if times else "-"
        rows.append(f"<tr><td>{html.escape(target)}</td>"
                    f"<td>{html.escape(kind)}</td><td class=n>{len(group)}"
                    f"</td><td class=n>{recovered}</td>"
                    f"<td class=n>{median}</td></tr>")
    return ("<table><tr><th>target</th><th>fault</th><th>injected</th>"
            "<th>recovered</th><th>median recovery (insn)</th></tr>"
            f"{''.join(rows)}</table>")


def fuzz_section(path):
    if not path:
        return "<p>No fuzz log (run <code>make fuzz</code>).</p>"
    lines = open(path).read().splitlines()
    last = next((x for x in reversed(lines) if x.startswith("fuzz:")), None)
    return (f"<p>{html.escape(os.path.basename(path))}: "
            f"<b>{html.escape(last or 'no summary line')}</b></p>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default="build/report.html")
    args = ap.parse_args()
    b = args.build
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Axolotl results</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 960px; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
td, th {{ border: 1px solid #ccc; padding: 2px 8px; }}
td.n {{ text-align: right; font-family: monospace; }}
</style></head><body>
<h1>Axolotl: benchmarks, fault injection, fuzzing</h1>
<h2>Benchmarks</h2>{bench_section(os.path.join(b, "bench.json"))}
<h2>Fault-injection campaign</h2>
{campaign_section(newest(os.path.join(b, "campaign-*.log")))}
<h2>Fuzzing</h2>{fuzz_section(newest(os.path.join(b, "fuzz-*.log")))}
</body></html>
"""
    with open(args.out, "w") as f:
        f.write(page)
    print(f"report: {args.out}")


if __name__ == "__main__":
    main()
