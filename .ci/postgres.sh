# Sourced by .ci/run: starts a throwaway PostgreSQL server for the experiment store's tests and exports
# E4J_TEST_POSTGRES_URL. Never fails the build: when PostgreSQL cannot be installed or started it says why, and the
# PostgreSQL tests report themselves skipped.

start_test_postgres() {
    if [ -n "${E4J_TEST_POSTGRES_URL:-}" ]; then
        echo "postgres: using E4J_TEST_POSTGRES_URL from the environment"
        return 0
    fi
    local bin=""
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        bin="$(dirname "$(readlink -f "$(command -v initdb)")")"
    else
        bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "postgres: not installed; installing Debian's postgresql package"
            if ! (export DEBIAN_FRONTEND=noninteractive; timeout 600 apt-get install -y -q postgresql >/tmp/e4j-apt.log 2>&1 \
                    || { timeout 300 apt-get update -q >>/tmp/e4j-apt.log 2>&1 \
                         && timeout 600 apt-get install -y -q postgresql >>/tmp/e4j-apt.log 2>&1; }); then
                echo "postgres: apt-get install postgresql failed (see /tmp/e4j-apt.log); PostgreSQL tests will be skipped"
                return 0
            fi
            bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
        fi
    fi
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "postgres: no initdb/pg_ctl found (install postgresql); PostgreSQL tests will be skipped"
        return 0
    fi

    # initdb refuses to run as root: run the server as the 'postgres' OS user then (Debian's package creates it).
    local run_as=""
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "postgres: running as root and there is no 'postgres' user to run the server as; PostgreSQL tests will be skipped"
            return 0
        fi
        run_as="postgres"
    fi
    as_server_user() {
        if [ -n "$run_as" ]; then
            su "$run_as" -s /bin/sh -c "$*"
        else
            sh -c "$*"
        fi
    }

    local dir
    dir="$(mktemp -d /tmp/e4j-pg.XXXXXX)"
    [ -n "$run_as" ] && chown "$run_as" "$dir"
    local port=55432
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    local user
    user="${run_as:-$(id -un)}"
    if ! as_server_user "'$bin/initdb' -D '$dir/data' -U '$user' --auth=trust --encoding=UTF8 --no-locale" \
            >"$dir/initdb.log" 2>&1; then
        echo "postgres: initdb failed (see $dir/initdb.log); PostgreSQL tests will be skipped"
        return 0
    fi
    if ! as_server_user "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
            -o \"-p $port -k '$dir' -c listen_addresses=localhost -c fsync=off\" start" >"$dir/pg_ctl.log" 2>&1; then
        echo "postgres: the server did not start (see $dir/server.log); PostgreSQL tests will be skipped"
        return 0
    fi
    # Stopped when .ci/run exits, whatever the build's outcome (the command must not depend on this function's locals).
    if [ -n "$run_as" ]; then
        E4J_PG_STOP="su '$run_as' -s /bin/sh -c \"'$bin/pg_ctl' -D '$dir/data' -m fast stop\""
    else
        E4J_PG_STOP="'$bin/pg_ctl' -D '$dir/data' -m fast stop"
    fi
    E4J_PG_DIR="$dir"
    trap 'sh -c "$E4J_PG_STOP" >/dev/null 2>&1 || true; rm -rf "$E4J_PG_DIR"' EXIT
    if ! as_server_user "'$bin/createdb' -h localhost -p $port -U '$user' e4j" >"$dir/createdb.log" 2>&1; then
        echo "postgres: createdb failed (see $dir/createdb.log); PostgreSQL tests will be skipped"
        return 0
    fi
    export E4J_TEST_POSTGRES_URL="jdbc:postgresql://localhost:$port/e4j?user=$user"
    echo "postgres: $("$bin/postgres" --version) on port $port; E4J_TEST_POSTGRES_URL=$E4J_TEST_POSTGRES_URL"
}

start_test_postgres || echo "postgres: could not be started; PostgreSQL tests will be skipped"
