"""Run the README's scale-path steps as written, on a throwaway PostgreSQL and Redis, and check the site.

    .venv/bin/python tools/check_scale_path.py

What it runs, from README.md, "Scale path" (the blocks marked ``<!-- scale-path: ... -->``):

1. the root block's PostgreSQL line (``su postgres -c 'createuser ... && createdb ...'``) against
   a cluster set up as Debian's is (superuser ``postgres``, no database; tools/test_services.sh
   ``debian``). Its other lines change the machine (apt-get, adduser, git clone, make
   system-packages) and are not run here; ``make test`` has installed the same packages.
2. the site block as written, in this checkout, with HOME a temporary folder (so the settings
   file is ``$HOME/quizgen.env``) and PGHOST/PGPORT naming the throwaway cluster (on a server,
   libpq's default socket is Debian's cluster).
3. the ExecStart commands of deploy/systemd/quizgen-web.service and quizgen-worker.service,
   with their EnvironmentFile, the paths /srv/quizgen/app and /srv/quizgen mapped to this
   checkout and the temporary home.

The only other changes: Redis and gunicorn get free ports (6379 and 8000 may be taken on a test
machine), written into the settings file after step 2. Then it checks, as the README says:
the pages through the TLS proxy's headers (200, HSTS) and without them (301 to https), a
static file, one pipeline load line and "ready." in the worker's log, a batch import of three
10kGNAD rows with ``import_articles --csv-format gnad --wait --timeout`` (exit code 0), and
the four warnings of ``check --deploy`` with QUIZGEN_HTTPS=0. As root, as in CI; as another
user, the ``su postgres -c`` line runs as that user with PGUSER=postgres. Exit code 0 when
every check passed; the last line says what ran and how long it took.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
UNITS = ROOT / "deploy" / "systemd"
SHARED = Path(os.environ.get("QUIZGEN_SHARED_DIR") or ROOT.parent / "shared")
HOST = "quiz.example.org"
PLAIN_HTTP_WARNINGS = {"security.W004", "security.W008", "security.W012", "security.W016"}


class CheckFailed(Exception):
    pass


def readme_block(marker: str) -> str:
    """The ```sh block that follows ``<!-- scale-path: MARKER -->`` in the README."""
    found = re.search(rf"<!-- scale-path: {marker} -->\s*```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    if not found:
        raise CheckFailed(f"README.md has no block marked <!-- scale-path: {marker} -->")
    return found.group(1)


def unit(name: str) -> dict[str, str]:
    """The [Service] settings of a unit file."""
    settings = {}
    section = ""
    for line in (UNITS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            settings[key] = value
    return settings


def env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: str | list[str], env: dict[str, str], what: str, timeout: int = 600, **kwargs) -> str:
    shell = isinstance(cmd, str)
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", cmd] if shell else cmd, cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=timeout, **kwargs)
    if result.returncode != 0:
        raise CheckFailed(f"{what} failed (exit code {result.returncode}):\n{result.stdout[-3000:]}\n"
                          f"{result.stderr[-3000:]}")
    return result.stdout + result.stderr


def wait_for(condition, seconds: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    raise CheckFailed(f"{what} within {seconds:.0f} s\n{tail}")


def get(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(urllib.request.Request(url, headers=headers), timeout=10)
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), ""
    return response.status, dict(response.headers), response.read().decode()


def main() -> int:
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="quizgen-scale-path."))
    os.chmod(work, 0o755)
    state, home = work / "services", work / "home"
    home.mkdir()
    out = subprocess.run([str(ROOT / "tools/test_services.sh"), "start", str(state), "debian"], check=True,
                         capture_output=True, text=True).stdout
    services = dict(re.findall(r"(\w+)=(\S+)", out))
    processes: list[subprocess.Popen] = []
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": str(home),
           "PGHOST": services["PGHOST"], "PGPORT": services["PGPORT"]}
    try:
        # 1. the root block's PostgreSQL line
        line = next((ln for ln in readme_block("root").splitlines() if ln.startswith("su postgres -c ")), None)
        if line is None:
            raise CheckFailed("the root block has no `su postgres -c ...` line")
        if os.geteuid() != 0:
            line = "PGUSER=postgres sh -c " + line.removeprefix("su postgres -c ")
        run(line, env, f"`{line}`")
        print(f"ran: {line}", flush=True)

        # 2. the site block, as written
        run(readme_block("site"), env, "the README's site block")
        settings_file = home / "quizgen.env"
        settings = env_file(settings_file)
        if oct(settings_file.stat().st_mode & 0o777) != "0o600":
            raise CheckFailed(f"{settings_file} is readable by others: {oct(settings_file.stat().st_mode)}")
        if len(settings.get("QUIZGEN_SECRET_KEY", "")) < 50:
            raise CheckFailed(f"the settings file has no secret key: {settings}")
        print("ran: the site block (make install ... check --deploy); the settings file is private and has a key",
              flush=True)

        # the free ports, then the two units
        redis_port = services["QUIZGEN_TEST_REDIS_URL"].rsplit(":", 1)[1].split("/")[0]
        web_port = free_port()
        text = settings_file.read_text(encoding="utf-8").replace("127.0.0.1:6379/", f"127.0.0.1:{redis_port}/")
        settings_file.write_text(text + f"QUIZGEN_BIND=127.0.0.1:{web_port}\n", encoding="utf-8")
        site_env = {**env, **env_file(settings_file)}
        logs = {}
        for name in ("quizgen-worker.service", "quizgen-web.service"):
            service = unit(name)
            mapped = {key: value.replace("/srv/quizgen/app", str(ROOT)).replace("/srv/quizgen", str(home))
                      for key, value in service.items()}
            if Path(mapped["EnvironmentFile"]) != settings_file or Path(mapped["WorkingDirectory"]) != ROOT:
                raise CheckFailed(f"{name}: EnvironmentFile or WorkingDirectory is not the README's: {service}")
            logs[name] = work / f"{name}.log"
            with open(logs[name], "w") as log:
                processes.append(subprocess.Popen(shlex.split(mapped["ExecStart"]), cwd=mapped["WorkingDirectory"],
                                                  env={**env, **env_file(Path(mapped["EnvironmentFile"]))},
                                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
            print(f"started: {service['ExecStart']}", flush=True)
        worker_log = logs["quizgen-worker.service"]
        wait_for(lambda: " ready." in worker_log.read_text(), 120, "the worker did not say ready", worker_log)
        loads = re.findall(r"worker \d+ loaded the NLP pipeline", worker_log.read_text())
        if len(loads) != 1 or worker_log.read_text().index(loads[0]) > worker_log.read_text().index(" ready."):
            raise CheckFailed(f"not one pipeline load before ready: {loads}")

        base = f"http://127.0.0.1:{web_port}"
        proxied = {"Host": HOST, "X-Forwarded-Proto": "https"}
        wait_for(lambda: _answers(base, proxied), 60, "gunicorn did not answer", logs["quizgen-web.service"])
        status, headers, html = get(base + "/", proxied)
        hsts = headers.get("Strict-Transport-Security")
        if status != 200 or hsts != "max-age=31536000; includeSubDomains; preload":
            raise CheckFailed(f"through the proxy: {status}, HSTS {hsts!r}")
        status, headers, _ = get(base + "/", {"Host": HOST})
        if status != 301 or headers.get("Location") != f"https://{HOST}/":
            raise CheckFailed(f"plain http should redirect to https: {status} {headers.get('Location')}")
        css = re.search(r'href="(/static/learnsite/site\.[0-9a-f]{12}\.css)"', html)
        if not css or get(base + css.group(1), proxied)[0] != 200:
            raise CheckFailed("no hashed stylesheet served")
        print(f"checked: {HOST} through the proxy headers 200 with HSTS, plain http 301, static files", flush=True)

        # a batch import on the workers, as README "Batch import" shows it
        manage = [str(ROOT / ".venv/bin/python"), "manage.py"]
        run(manage + ["createsuperuser", "--noinput", "--username", "lehrerin", "--email", "lehrerin@example.org"],
            {**site_env, "DJANGO_SUPERUSER_PASSWORD": "Sehr-geheim-123"}, "createsuperuser")
        rows = (SHARED / "corpus" / "10kgnad-part1.csv").read_text(encoding="utf-8").splitlines()[:3]
        articles = work / "artikel.csv"
        articles.write_text("\n".join(rows) + "\n", encoding="utf-8")
        output = run(manage + ["import_articles", "--teacher", "lehrerin", "--csv", str(articles), "--csv-format",
                               "gnad", "--wait", "--timeout", "300"], site_env, "import_articles --wait")
        if "3 quizzes (3 generated, 0 failed, 0 still on the workers)" not in output:
            raise CheckFailed(f"import_articles: {output[-2000:]}")
        log = worker_log.read_text()
        if log.count("Task quizzes.run_generation_job[") < 6 or log.count(" done in ") < 3:
            raise CheckFailed(f"the worker's log lacks the jobs' received/succeeded lines:\n{log[-3000:]}")
        print("checked: import_articles --csv-format gnad --wait --timeout 300: 3 quizzes generated on the worker",
              flush=True)

        # plain http on loopback: check --deploy names what QUIZGEN_HTTPS=0 turns off
        result = subprocess.run(manage + ["check", "--deploy"], cwd=ROOT, env={**site_env, "QUIZGEN_HTTPS": "0"},
                                capture_output=True, text=True, timeout=120)
        warnings = set(re.findall(r"\((security\.W\d+)\)", result.stdout + result.stderr))
        if warnings != PLAIN_HTTP_WARNINGS or not all(w in README.read_text(encoding="utf-8") for w in warnings):
            raise CheckFailed(f"check --deploy with QUIZGEN_HTTPS=0 warned {sorted(warnings)}, the README says "
                              f"{sorted(PLAIN_HTTP_WARNINGS)}")
        print(f"checked: with QUIZGEN_HTTPS=0, check --deploy warns exactly {', '.join(sorted(warnings))}", flush=True)
    except CheckFailed as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)  # as systemctl stop does
                process.wait(60)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)
        subprocess.run([str(ROOT / "tools/test_services.sh"), "stop", str(state)], check=False)
        subprocess.run(["rm", "-rf", str(work)], check=False)
    print(f"the README's scale path ran as written in {time.monotonic() - started:.0f} s")
    return 0


def _answers(base: str, headers: dict[str, str]) -> bool:
    try:
        return get(base + "/", headers)[0] == 200
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main())
