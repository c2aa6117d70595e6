"""Benchmark of ``kazextract run`` on a synthetic archive: articles/s per worker for 1 and 2 workers, the
speed-up, peak RSS per worker, and the I/O floor (the time to merely read the input and write as many
JSON lines), for JSON Lines and WARC archives of N articles.

The archive repeats and varies the development articles (paragraphs shuffled, a numbered closing line,
so every article has its own text and id); WARC pages wrap them in HTML with navigation, a side bar, a
footer and a publication date in the metadata, as scraped news pages have.

    python bench/bench_archive.py --n 10000                 # the README table
    python bench/bench_archive.py --n 1000 --formats jsonl  # a quick look

Each run is ``python -m extractor.cli run ARCHIVE --db bench.sqlite --workers W --ner none`` in a fresh
process; the time is the run's own (from the summary: worker start and pipeline loading included,
interpreter start-up not). The machine's load changes the numbers: run it on a quiet machine.
"""
from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = [ROOT.parent.parent / "shared" / "corpus", Path("/work/shared/corpus"), ROOT / "corpus"]


def dev_articles(corpus: Path):
    paths = sorted(corpus.glob("*.txt")) + sorted((corpus / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        raise SystemExit(f"no .txt articles in {corpus}")
    return texts


def vary(base: str, i: int) -> tuple:
    """A new article from a development one: title kept, paragraphs shuffled, a closing line numbered."""
    rnd = random.Random(i)
    lines = [line for line in base.split("\n") if line.strip()]
    title, body = lines[0], lines[1:]
    rnd.shuffle(body)
    text = "\n".join([title] + body + [f"Материал нөмірі {i}."])
    day = 1 + i % 28
    return title, text, f"2024-{1 + i % 12:02d}-{day:02d}"


def build_jsonl(path: Path, texts, n: int):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            title, text, published = vary(texts[i % len(texts)], i)
            f.write(json.dumps({"id": f"a{i}", "title": title, "text": text, "url": f"https://news.example.kz/{i}",
                                "published": published}, ensure_ascii=False) + "\n")


def page_html(title: str, text: str, published: str) -> bytes:
    from html import escape

    paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n")[1:])
    return (f"<!DOCTYPE html><html lang='kk'><head><meta charset='utf-8'><title>{escape(title)} | Жаңалықтар"
            f"</title><meta property='article:published_time' content='{published}T10:00:00+05:00'></head><body>"
            "<header><a href='/'>Басты бет</a> <a href='/ekonomika'>Экономика</a> <a href='/qogam'>Қоғам</a> "
            "<a href='/sport'>Спорт</a></header><nav><ul>" + "".join(f"<li><a href='/c{k}'>Айдар {k}</a></li>"
                                                                       for k in range(12)) + "</ul></nav>"
            f"<main><article><h1>{escape(title)}</h1>{paras}</article></main>"
            "<aside><h3>Көп оқылғандар</h3><ul>" + "".join(f"<li><a href='/p{k}'>Жаңалық {k}</a></li>"
                                                           for k in range(8)) + "</ul></aside>"
            "<footer>© 2024 Барлық құқықтар қорғалған. Материалдарды пайдаланғанда сілтеме міндетті.</footer>"
            "</body></html>").encode("utf-8")


def build_warc(path: Path, texts, n: int):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n):
            title, text, published = vary(texts[i % len(texts)], i)
            data = page_html(title, text, published)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(data)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example.kz/{i}", "response",
                                                          payload=io.BytesIO(data), http_headers=http))


def build(fmt: str, n: int, work: Path, texts) -> Path:
    path = work / (f"archive-{n}.jsonl" if fmt == "jsonl" else f"archive-{n}.warc.gz")
    if not path.exists():
        tmp = path.with_name(path.name + ".tmp")
        t = time.perf_counter()
        (build_jsonl if fmt == "jsonl" else build_warc)(tmp, texts, n)
        tmp.rename(path)
        print(f"built {path.name} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s",
              file=sys.stderr)
    return path


def io_floor(archive: Path, out: Path) -> tuple:
    """Seconds to read every document of the archive (no HTML parsing, no extraction) and write one JSON
    line each; and the number of documents."""
    from extractor.io.inputs import iter_inputs

    t = time.perf_counter()
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for read in iter_inputs([str(archive)], defer_html=True):
            body = getattr(read, "text", None) or getattr(read, "html", b"")
            f.write(json.dumps({"doc_id": read.doc_id, "location": read.location, "size": len(body)},
                               ensure_ascii=False) + "\n")
            n += 1
        f.flush()
        os.fsync(f.fileno())
    return time.perf_counter() - t, n


def run(archive: Path, workers: int, work: Path, ner: str, sink: str) -> dict:
    target = work / {"sqlite": "bench.sqlite", "jsonl": "bench.jsonl", "parquet": "bench.parquet"}[sink]
    for p in work.glob(target.name + "*"):
        if p.is_dir():
            import shutil

            shutil.rmtree(p)
        else:
            p.unlink()
    summary = work / "summary.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    flag = "--db" if sink == "sqlite" else "--out"
    cmd = [sys.executable, "-m", "extractor.cli", "run", str(archive), flag, str(target), "--workers", str(workers),
           "--ner", ner, "--no-progress", "--no-count", "--summary-json", str(summary)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"run failed:\n{proc.stderr}")
    s = json.loads(summary.read_text())
    s["wall_seconds"] = wall
    s["load"] = os.getloadavg()[0]  # the machine's load over the last minute of the run
    return s


def main(argv=None):
    from extractor.cli import Parser

    ap = Parser(description=__doc__)
    ap.add_argument("--n", type=int, nargs="+", default=[10000], help="archive sizes (articles)")
    ap.add_argument("--formats", nargs="+", default=["jsonl", "warc"], choices=["jsonl", "warc"],
                    help="archive formats")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run")
    ap.add_argument("--ner", default="none", help="kazextract run --ner")
    ap.add_argument("--sink", default="sqlite", choices=["sqlite", "jsonl", "parquet"], help="target kind")
    ap.add_argument("--corpus", type=Path, help="directory of development .txt articles (and raw/); default: the "
                                                "first of ../shared/corpus, /work/shared/corpus, corpus/")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kazextract-bench"), help="where archives and outputs go")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    corpus = args.corpus or next(p for p in DEFAULT_CORPUS if p.exists())
    texts = dev_articles(corpus)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"{len(texts)} development articles from {corpus}; {os.cpu_count()} CPUs; load "
          f"{os.getloadavg()[0]:.1f}", file=sys.stderr)
    rows = []
    for n in args.n:
        for fmt in args.formats:
            archive = build(fmt, n, args.work, texts)
            floor, count = io_floor(archive, args.work / "floor.jsonl")
            assert count == n, (count, n)
            results = {}
            for w in args.workers:
                s = run(archive, w, args.work, args.ner, args.sink)
                assert s["written"] == n and s["failed"] == 0, s
                results[w] = s
                rate = n / s["seconds"]
                rss = max(s["worker_peak_rss_mib"].values())
                print(f"{fmt} N={n} workers={w}: {s['seconds']:.1f} s, {rate:.1f} articles/s, "
                      f"{rate / w:.1f} per worker, peak RSS {rss:.0f} MiB per worker "
                      f"(main {s['main_peak_rss_mib']:.0f} MiB); I/O floor {floor:.1f} s", file=sys.stderr)
            base = results[min(results)]
            for w, s in results.items():
                rate = n / s["seconds"]
                rows.append({"format": fmt, "n": n, "workers": w, "seconds": round(s["seconds"], 1),
                             "articles_per_s": round(rate, 1), "per_worker": round(rate / w, 1),
                             "speedup": round(base["seconds"] / s["seconds"], 2),
                             "worker_rss_mib": round(max(s["worker_peak_rss_mib"].values())),
                             "main_rss_mib": round(s["main_peak_rss_mib"]),
                             "startup_s": round(s["first_result_seconds"], 1),
                             "worker_cpu_ms": round(1000 * s["cpu_seconds_workers"] / n, 1),
                             "main_cpu_ms": round(1000 * s["cpu_seconds_main"] / n, 2),
                             "io_floor_s": round(floor, 2), "vs_floor": round(s["seconds"] / floor, 1),
                             "load": round(s["load"], 1)})
    print(table(rows, args))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "cpus": os.cpu_count(), "ner": args.ner, "sink": args.sink},
                                        indent=2))


def table(rows, args) -> str:
    head = ("| input | N | workers | time (s) | of which start-up (s) | articles/s | per worker | speed-up | "
            "peak RSS per worker (MiB) | CPU ms per article: workers / main | I/O floor (s) | time / floor | load |")
    lines = [head, "|" + "|".join(["---"] * 13) + "|"]
    for r in rows:
        lines.append(f"| {r['format']} | {r['n']} | {r['workers']} | {r['seconds']} | {r['startup_s']} | "
                     f"{r['articles_per_s']} | {r['per_worker']} | {r['speedup']}x | {r['worker_rss_mib']} | "
                     f"{r['worker_cpu_ms']} / {r['main_cpu_ms']} | {r['io_floor_s']} | {r['vs_floor']} | "
                     f"{r['load']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
