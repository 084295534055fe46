"""``zl serve``: a zl database in the browser, through Datasette (the optional extra ``[web]``).

``zl serve --db plans.db`` checks the database (:func:`db.open_read`: a file that is not zl's,
of another version or damaged is refused in one line), then runs Datasette on it, immutable
(read-only: nothing can write to it, arbitrary SQL included), on 127.0.0.1 unless ``--host``
says otherwise, with :mod:`web`'s metadata, plan page, charts and search.  Without ``--db`` it
serves a database of the plans named by ``--file`` (or of the bundled plan), built — and kept
up to date, incrementally — in the cache folder.

Datasette (and uvicorn, which it brings) are imported here only, when the command runs: a
``pip install zhiliang-cli`` without ``[web]`` starts as fast as ever, and ``zl serve`` says in
one line how to install what it needs.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from .errors import UsageError

INSTALL = "zl serve needs Datasette, which is not installed: pip install 'zhiliang-cli[web]'"
DEFAULT_PORT = 8001


def _datasette() -> None:
    """Refuse in one line when Datasette is missing."""
    try:
        import datasette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL) from None


def database_for(files: list[str] | None) -> str:
    """The database ``zl serve`` shows for ``--file`` (or the bundled plan): built in the cache
    folder, one per set of files, brought up to date on every run."""
    from .cache import default_cache_dir
    from .dbbuild import build
    from .source import BUNDLED_PLAN

    paths = [os.path.abspath(f) for f in files] if files else [str(BUNDLED_PLAN)]
    name = hashlib.sha256("\n".join(paths).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    folder = default_cache_dir() / "serve"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    database = str(folder / f"{name}.db")
    report = build(database, paths, prune=True)
    if report.added + report.replaced + report.unchanged == 0:
        raise UsageError("none of the files given is a plan zl can read: give plan files with --file")
    return database


def serve(database: str | None, files: list[str] | None, host: str, port: int, open_browser: bool) -> None:
    """Run Datasette on ``database`` (or on one built from ``files``) until interrupted."""
    _datasette()
    from .db import open_read

    if database is None:
        database = database_for(files)
    open_read(database, every_page=True).close()  # the one check: not zl's, or damaged, is refused here
    app = datasette_app(database)
    url = f"http://{host}:{port}/"
    sys.stderr.write(f"zl serve: {database} at {url} (Ctrl-C to stop)\n")
    sys.stderr.flush()
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [url]).start()
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on")


def datasette_app(database: str) -> Any:
    """The ASGI app: Datasette on ``database``, immutable, with zl's plugin and metadata."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from . import web

    if not pm.is_registered(web):
        pm.register(web, name="zl")
    ds = Datasette(
        immutables=[database],
        metadata=web.metadata(),
        template_dir=str(web.TEMPLATES),
        settings={
            "default_page_size": 100,
            "sql_time_limit_ms": 3000,
            "facet_time_limit_ms": 1000,
            "suggest_facets": False,  # it tries every column of a page: seconds on a large corpus
        },
    )
    ds.remove_database(Path(database).stem)
    ds.add_database(Database(ds, path=database, is_mutable=False), name=web.DATABASE)
    return ds.app()
