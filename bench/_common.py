"""Shared pieces of the benchmarks: a throw-away PostgreSQL database and gunicorn server on
loopback, a bounded load generator, and the machine facts printed with every result.

Everything talks to 127.0.0.1 only, and every loop is bounded by a count and a deadline.
"""

import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://consult:consult@127.0.0.1:5432/consult_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
BENCH_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.bench",
    "SECRET_KEY": "bench-only-" + "x7Qp2Lm9Zr4Tn8Vb3Kd6Hs1Jf5Wc0Ye" * 2,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "warning",
}


def machine_facts() -> dict:
    """What the numbers were measured on."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "load_average_1_5_15": [round(value, 2) for value in os.getloadavg()],
    }


def run(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        list(args),
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=check,
        capture_output=True,
        text=True,
        timeout=900,
    )


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return run(PYTHON, "manage.py", *args, env=env)


def ensure_pg_database(url: str = PG_URL) -> None:
    """Create the bench database (the role needs CREATEDB), migrate it and seed the demo."""
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')  # noqa: S608 - name from our own URL


def prepare(env: dict) -> None:
    manage("migrate", "--no-input", "-v0", env=env)
    manage("seed_demo", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def memory_mib(pid: int) -> dict:
    """Resident (RSS) and proportional (PSS: shared pages split between workers) memory."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except FileNotFoundError:
        return {}
    rss = int(re.search(r"^Rss:\s+(\d+)", text, re.M).group(1))
    pss = int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))
    return {"rss_mib": round(rss / 1024, 1), "pss_mib": round(pss / 1024, 1)}


def wait_live(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health/live")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not become live")


@contextmanager
def gunicorn(env: dict, *, workers: int | None = None, log_path: Path | None = None):
    """A gunicorn master with config/gunicorn.py on a free loopback port."""
    port = free_port()
    server_env = {**os.environ, **env, "BIND": f"127.0.0.1:{port}"}
    if workers:
        server_env["WEB_CONCURRENCY"] = str(workers)
    log = open(log_path or os.devnull, "a")  # noqa: SIM115 - closed in finally
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application"],
        cwd=ROOT,
        env=server_env,
        stdout=log,
        stderr=log,
    )
    try:
        wait_live(port, process)
        yield Server(process, port)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict = field(default_factory=dict)
    seconds: float = 0.0

    def add_status(self, status: int) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1

    def summary(self) -> dict:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float:
            if not ordered:
                return float("nan")
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1)

        return {
            "requests": len(ordered),
            "errors": self.errors,
            "statuses": dict(sorted(self.statuses.items())),
            "rps": round(len(ordered) / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1) if ordered else None,
            "max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
        }


def http(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict | None = None,
    timeout: float = 30,
) -> tuple[int, dict, bytes]:
    conn = HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def closed_loop(
    request: Callable[[int], int], *, clients: int, seconds: float, max_requests: int
) -> Result:
    """`clients` threads each send requests back to back until the deadline or the total
    count is reached. `request(i)` returns the HTTP status; 2xx/3xx count as successes."""
    result = Result()
    lock = threading.Lock()
    counter = iter(range(max_requests))
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            started = time.perf_counter()
            try:
                status = request(i)
            except OSError:
                with lock:
                    result.errors += 1
                continue
            elapsed = time.perf_counter() - started
            with lock:
                result.add_status(status)
                if status < 400:
                    result.latencies.append(elapsed)
                else:
                    result.errors += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def report(name: str, data: dict) -> None:
    print(json.dumps({"benchmark": name, "machine": machine_facts(), **data}, indent=2))
    sys.stdout.flush()
