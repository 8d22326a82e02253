#!/usr/bin/env bash
# A throwaway PostgreSQL cluster and Redis server on loopback, for the second test pass.
#
#   eval "$(tools/test_services.sh start STATE_DIR)"   # prints DATABASE_URL=... and QUIZGEN_TEST_REDIS_URL=...
#   tools/test_services.sh stop STATE_DIR
#
# With a third argument, `debian`, the cluster looks like the one Debian's postgresql package
# sets up (superuser `postgres`, no database of ours; tools/check_scale_path.py creates them as
# the README says) and the output adds PGHOST (its socket folder) and PGPORT.
#
# The cluster is our own (initdb into STATE_DIR, on a free port, trust authentication on
# 127.0.0.1 and its own socket only, no fsync): the machine's own PostgreSQL, if any, is not touched. PostgreSQL
# refuses to run as root, so as root the cluster runs as the `postgres` user. Needs the Debian
# packages postgresql and redis-server (make test installs them when missing).
set -euo pipefail

cmd=${1:?usage: test_services.sh start|stop STATE_DIR [debian]}
state=${2:?usage: test_services.sh start|stop STATE_DIR [debian]}
flavour=${3:-}
superuser=quizgen
[ "$flavour" = debian ] && superuser=postgres

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
    echo "error: PostgreSQL server not found under /usr/lib/postgresql; apt-get install postgresql" >&2
    exit 1
fi

as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    as_pg=(runuser -u postgres --)
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$cmd" in
start)
    mkdir -p "$state"
    chmod 755 "$state"
    pg_port=$(free_port)
    redis_port=$(free_port)
    mkdir -p "$state/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$state/pg"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$state/pg/data" -U "$superuser" -A trust -E UTF8 --locale=C.UTF-8 >"$state/pg/initdb.log" 2>&1 \
        || { cat "$state/pg/initdb.log" >&2; exit 1; }
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$state/pg/data" -l "$state/pg/server.log" -w -t 60 start \
        -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $state/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null || { cat "$state/pg/server.log" >&2; exit 1; }
    [ "$flavour" = debian ] || "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U quizgen quizgen
    echo "$pg_port" >"$state/pg_port"

    redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --dir "$state" \
        --pidfile "$state/redis.pid" --logfile "$state/redis.log" --save '' --appendonly no >/dev/null
    for _ in $(seq 50); do
        redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -p "$redis_port" ping >/dev/null || { cat "$state/redis.log" >&2; exit 1; }
    echo "$redis_port" >"$state/redis_port"

    if [ "$flavour" = debian ]; then
        echo "export PGHOST=$state/pg PGPORT=$pg_port"
    else
        echo "export DATABASE_URL=postgres://quizgen@127.0.0.1:$pg_port/quizgen"
    fi
    echo "export QUIZGEN_TEST_REDIS_URL=redis://127.0.0.1:$redis_port/0"
    ;;
stop)
    if [ -f "$state/redis_port" ]; then
        redis-cli -p "$(cat "$state/redis_port")" shutdown nosave >/dev/null 2>&1 || true
    fi
    if [ -d "$state/pg/data" ]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$state/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$state"
    ;;
*)
    echo "usage: test_services.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
