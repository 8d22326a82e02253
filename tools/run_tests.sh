#!/usr/bin/env bash
# The type check and the two passes of `make test`:
#   0. mypy on quizgen (strict, see [tool.mypy] in pyproject.toml): a type error fails the run;
#   1. the whole suite on the embedded default: SQLite, generation in the request;
#   2. the whole suite again on PostgreSQL, with the Celery tests on a real worker over Redis,
#      both started here on loopback by tools/test_services.sh and stopped at the end.
# Extra arguments go to both pytest runs (e.g. tools/run_tests.sh -x -k jobs).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

echo "== type check: mypy (strict) on quizgen"
"$PY" -m mypy quizgen

echo "== pass 1 of 2: SQLite, generation in the request"
"$PY" -m pytest "$@"

state=$(mktemp -d "${TMPDIR:-/tmp}/quizgen-test-services.XXXXXX")
trap 'tools/test_services.sh stop "$state"' EXIT
eval "$(tools/test_services.sh start "$state")"
# the throttles count in Redis too (its database 1; the jobs' broker uses 0)
export QUIZGEN_CACHE_URL="${QUIZGEN_TEST_REDIS_URL%/0}/1"
echo "== pass 2 of 2: PostgreSQL ($DATABASE_URL), Celery over Redis ($QUIZGEN_TEST_REDIS_URL), throttles in Redis"
QUIZGEN_REQUIRE_SERVICES=1 "$PY" -m pytest -p no:cacheprovider "$@"
