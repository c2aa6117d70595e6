import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZEXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.exists():
        pytest.skip(f"{SHARED} (development data) is not here")
    return SHARED


@pytest.fixture(scope="session")
def nlp_rules():
    from extractor.pipeline import build_pipeline

    return build_pipeline(ner="none")


# -- PostgreSQL ---------------------------------------------------------------------------------------
# .ci/run starts a server and exports KAZEXTRACT_TEST_PG. Without it, a developer's local server is tried
# at the address below; the PostgreSQL tests skip only when neither is reachable and we are not in CI.
PG_ENV = "KAZEXTRACT_TEST_PG"
LOCAL_PG = "postgresql://kazextract:kazextract@localhost:5432/kazextract_test"


def pg_required() -> bool:
    return bool(os.environ.get(PG_ENV)) or os.environ.get("CI", "").lower() not in ("", "0", "false")


@pytest.fixture(scope="session")
def pg_server():
    dsn = os.environ.get(PG_ENV) or LOCAL_PG
    try:
        import psycopg

        psycopg.connect(dsn, connect_timeout=5).close()
    except Exception as exc:  # noqa: BLE001
        from extractor.sinks.postgres import redact

        message = (f"no PostgreSQL server at {redact(dsn)} ({type(exc).__name__}: {str(exc).strip()[:200]}); "
                   f"set {PG_ENV}=postgresql://... or run .ci/run, which starts one")
        if pg_required():
            pytest.fail(message)
        pytest.skip(message)
    return dsn


def with_search_path(dsn: str, schema: str) -> str:
    from urllib.parse import quote

    return dsn + ("&" if "?" in dsn else "?") + "options=" + quote(f"-csearch_path={schema}", safe="")


@pytest.fixture
def pg_dsn(pg_server):
    """A URL whose tables go into a fresh schema, dropped after the test."""
    import uuid

    import psycopg

    schema = "kx_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield with_search_path(pg_server, schema)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
