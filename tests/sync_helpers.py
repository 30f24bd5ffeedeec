"""Support for the sync tests: a throw-away PostgreSQL cluster and real server processes.

PostgreSQL comes from Debian's package (scripts/setup-env test installs it); the
cluster lives in a temporary folder, listens on 127.0.0.1 on a free port and is
removed at the end. initdb refuses to run as root, so as root it runs as the
``postgres`` user the package creates.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin(tool: str) -> str | None:
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"), reverse=True):
        return candidate
    return shutil.which(tool)


def postgres_available() -> bool:
    return _pg_bin("initdb") is not None and _pg_bin("pg_ctl") is not None


class PostgresCluster:
    """initdb + pg_ctl in a temporary folder; databases made from a migrated template."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="crm-pg-"))
        self.port = free_port()
        self.data = self.dir / "data"
        self._as: list[str] = []
        if os.geteuid() == 0:
            import pwd

            account = pwd.getpwnam("postgres")
            os.chown(self.dir, account.pw_uid, account.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        assert initdb and pg_ctl, "PostgreSQL is not installed (scripts/setup-env test)"
        self.pg_ctl = pg_ctl
        self._run([initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale=C", "--no-sync"])  # fmt: skip
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run([pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"),
                   "-w", "-t", "60", "start"])  # fmt: skip
        self._counter = 0

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(
            [*self._as, *command], capture_output=True, text=True, stdin=subprocess.DEVNULL
        )
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(sql)

    def create_database(self, template: str | None = None) -> str:
        self._counter += 1
        name = f"crm_{self._counter}"
        suffix = f" TEMPLATE {template}" if template else ""
        self._admin(f"CREATE DATABASE {name}{suffix}")
        return name

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


class ServerProcess:
    """``desktop-crm-server run`` in a subprocess on 127.0.0.1 and a free port."""

    def __init__(
        self,
        database_url: str,
        log: Path,
        env: dict[str, str] | None = None,
        tls: tuple[Path, Path] | None = None,
    ) -> None:
        self.database_url = database_url
        self.log = log
        self.env = {**os.environ, **(env or {})}
        self.port = free_port()
        self.tls = tls  # (certificate, key): serve HTTPS
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "desktop_crm.sync.server.cli",
                 "--database-url", self.database_url, "run", "--port", str(self.port),
                 *(["--ssl-certfile", str(self.tls[0]), "--ssl-keyfile", str(self.tls[1])]
                   if self.tls else [])],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=self.env,
                cwd=ROOT,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text(errors='replace')}")
            try:
                base = self.url.replace("http://", "https://") if self.tls else self.url
                health = httpx.get(f"{base}/api/v1/health", timeout=1, verify=False)
                if health.status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"server did not start: {self.log.read_text(errors='replace')}")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to finish what it was doing."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def run_server_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_crm.sync.server.cli", "--database-url", database_url,
         *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=ROOT, timeout=300,
    )  # fmt: skip


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster()
    try:
        yield cluster
    finally:
        cluster.stop()


# --- one PostgreSQL cluster for the whole test run -------------------------------------------

_cluster: PostgresCluster | None = None
TEMPLATE = "crm_template"


def shared_cluster() -> PostgresCluster:
    """Started on first use, with a migrated template database; stopped at exit."""
    global _cluster
    if _cluster is None:
        import atexit

        from desktop_crm.sync.server.storage import open_store

        cluster = PostgresCluster()
        atexit.register(cluster.stop)
        cluster._admin(f"CREATE DATABASE {TEMPLATE}")
        open_store(cluster.url(TEMPLATE)).close()
        _cluster = cluster
    return _cluster


def server_database_url(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'head-office.db'}"
    cluster = shared_cluster()
    return cluster.url(cluster.create_database(template=TEMPLATE))


def require_backend(backend: str) -> None:
    import pytest

    if backend == "postgresql" and not postgres_available():
        if os.environ.get("CI"):
            raise RuntimeError("PostgreSQL is missing on CI: scripts/setup-env test installs it")
        pytest.skip("PostgreSQL is not installed (scripts/setup-env test installs it)")
