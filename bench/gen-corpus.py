#!/usr/bin/python3
"""Write the benchmark corpus as NDJSON for `java -jar herald.jar bench-load FILE`.

usage: gen-corpus.py SHARED_BENCH_DIR N LANGS OUT      e.g. gen-corpus.py ../../shared/bench 3334 en,ru,zh corpus.ndjson

Article k (0-based) in every language of LANGS, with the text, date and tags that the shared
harness's Hugo generator (lib/hugo-gen.py) gives the same k, so Herald and Hugo build the same
site. The text comes from the shared harness's lib/gentext.py, imported from SHARED_BENCH_DIR.
"""
import datetime as dt
import json
import os
import sys

sys.dont_write_bytecode = True  # never write __pycache__ into the shared harness
shared, n, langs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), sys.argv[4]
sys.path.insert(0, os.path.join(os.path.abspath(shared), "lib"))
from gentext import TAGS, article, rng_for  # noqa: E402

start = dt.datetime(2015, 1, 1)
span = (dt.datetime(2024, 6, 30) - start).total_seconds()
with open(out, "w", encoding="utf-8") as f:
    for k in range(n):
        r = rng_for(k, 9)
        tags = r.sample(TAGS, 3)
        date = start + dt.timedelta(seconds=int(span * (k + 0.5) / n))
        for lang in langs:
            title, paras = article(k + 1, lang, 600)
            f.write(json.dumps({"key": k, "lang": lang, "title": title, "paragraphs": paras,
                                "date": date.strftime("%Y-%m-%dT%H:%M:%SZ"), "tags": tags},
                               ensure_ascii=False) + "\n")
print(f"{n * len(langs)} entries ({n} articles x {','.join(langs)}) -> {out}")
