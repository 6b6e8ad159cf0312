#!/usr/bin/python3
"""One table of Herald's figures against the references and the goals of issue 7.

usage: summary.py WRK_RESULTS_DIR EXPORT_TSV [HUGO_BUILDS_TSV]
WRK_RESULTS_DIR: a results/wrk-<ts>/ folder of the shared wrk-table.sh (runs.tsv + raw wrk output).
EXPORT_TSV: lines "label<TAB>wall_s<TAB>max_rss_mb" written by bench/run.sh.
HUGO_BUILDS_TSV: builds.tsv of the shared setup-hugo.sh (wall_s in column 2, max_rss_mb in column 5).
"""
import re
import sys


def wrk(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", text, re.M)
    unit = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    return rps, float(p99.group(1)) * unit


runs = {}
for line in open(sys.argv[1] + "/runs.tsv"):
    name, label, conns, path = line.rstrip("\n").split("\t")
    runs.setdefault(label, {})[name] = wrk(path)

rows = []
for label, r in sorted(runs.items()):
    if label == "c1":
        continue
    static = r.get("static")
    def ratio(a, b):
        return f"{r[a][0] / r[b][0]:.2f}x" if a in r and b in r else "n/a"
    if "herald-cached" in r:
        rows.append((label, "cached page / nginx static, req/s (goal >= 0.7x; p99 < 5 ms)",
                     ratio("herald-cached", "static"), f"p99 {r['herald-cached'][1]:.2f} ms"))
    if "herald-uncached" in r:
        rows.append((label, "uncached page / WordPress, req/s (goal >= 100x)", ratio("herald-uncached", "wordpress"),
                     f"{r['herald-uncached'][0]:,.0f} req/s"))
    if "herald-search" in r:
        rows.append((label, "search / WordPress search, req/s (goal >= 500x)", ratio("herald-search", "wordpress-search"),
                     f"{r['herald-search'][0]:,.0f} req/s, p99 {r['herald-search'][1]:.1f} ms"))

exports = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
hugo = None
if len(sys.argv) > 3:
    builds = [l.split("\t") for l in open(sys.argv[3]).read().splitlines()[1:] if l.strip()]
    if builds:
        hugo = (min(float(b[1]) for b in builds), max(float(b[4]) for b in builds))
for label, wall, rss in exports:
    figure = f"{float(wall):.1f} s, {rss} MB"
    if hugo and label == "full":
        rows.append(("export", "full static export / Hugo build, wall (goal < 0.5x)", f"{float(wall) / hugo[0]:.2f}x", figure))
        rows.append(("export", "full static export / Hugo build, peak memory (goal < 0.5x)", f"{float(rss) / hugo[1]:.2f}x", figure))
    else:
        goal = " (goal < 1 s)" if label.startswith("live: after one title") or label == "after one change" else ""
        rows.append(("export", f"static export ({label}){goal}", "", figure))
if hugo:
    rows.append(("export", "Hugo cold build (best of the runs)", "", f"{hugo[0]:.1f} s, {hugo[1]:.0f} MB"))

print("| run | measure | ratio | figures |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
