"""Small archives for the tests: Kazakh news-like texts (our own sentences), JSON Lines and WARC files."""
from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Iterable, List, Optional

SENTENCES = [
    "Жоба құны {n} млрд теңгені құрады.",
    "Зауыт қуаттылығы {n}%-ға артты.",
    "Биыл облыста {n} жаңа жұмыс орны ашылды.",
    "Астанада {n} мектеп салынады.",
    "Өңірде {n} мың тонна астық жиналды.",
    "Кәсіпорын {n} миллион доллар инвестиция тартты.",
    "Ауданда {n} шақырым жол жөнделді.",
]


def kazakh_text(seed: int, sentences: int = 6) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(SENTENCES).format(n=rnd.randint(2, 999)) for _ in range(sentences))


def write_jsonl(path: Path, objects: Iterable[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for obj in objects:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def article_html(title: str, paragraphs: List[str], published: Optional[str] = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}T09:30:00+05:00">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='kk'><head><meta charset='utf-8'><title>{title} | Жаңалықтар</title>{meta}"
            "</head><body><nav><ul><li><a href='/'>Басты бет</a></li><li><a href='/ekonomika'>Экономика</a></li>"
            "<li><a href='/qogam'>Қоғам</a></li></ul></nav>"
            f"<main><article><h1>{title}</h1>{body}</article></main>"
            "<aside><h3>Көп оқылғандар</h3><ul><li><a href='/1'>Ауа райы</a></li></ul></aside>"
            "<footer>© 2024 Барлық құқықтар қорғалған.</footer></body></html>")


NO_ARTICLE_HTML = ("<!DOCTYPE html><html><head><title>Кіру</title></head><body><nav><a href='/'>Басты бет</a></nav>"
                   "<form action='/login'><input name='user'><input type='password' name='pw'>"
                   "<button>Кіру</button></form></body></html>")


def write_warc(path: Path, pages: Iterable[dict]) -> Path:
    """``pages``: dicts with ``url``, ``html`` (str or bytes) and optionally ``status`` (default 200),
    ``content_type`` (default text/html; None: no header), ``type`` (response, request, resource, revisit,
    metadata). Gzipped when ``path`` ends in ``.gz``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(Path(path).name, {"software": "kazextract tests"}))
        for page in pages:
            html = page.get("html", "")
            data = html.encode("utf-8") if isinstance(html, str) else html
            rtype = page.get("type", "response")
            if rtype == "response":
                ctype = page.get("content_type", "text/html; charset=utf-8")
                headers = [("Content-Length", str(len(data)))]
                if ctype is not None:
                    headers.insert(0, ("Content-Type", ctype))
                status = page.get("status", 200)
                http = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Other'}", headers, protocol="HTTP/1.1")
                rec = writer.create_warc_record(page["url"], "response", payload=io.BytesIO(data), http_headers=http)
            elif rtype == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.kz")], is_http_request=True)
                rec = writer.create_warc_record(page["url"], "request", payload=io.BytesIO(b""), http_headers=http)
            else:
                rec = writer.create_warc_record(page["url"], rtype, payload=io.BytesIO(data),
                                                warc_content_type=page.get("content_type", "text/html"))
            writer.write_record(rec)
    return path
