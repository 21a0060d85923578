#!/usr/bin/env bash
# A throwaway Neo4j Community server for tests and CI, built from Maven Central (no Docker here).
#
#   scripts/neo4j.sh start    resolve Neo4j (once), start it on 127.0.0.1:<free port>, wait for Bolt
#   scripts/neo4j.sh stop     stop the server this script started
#   scripts/neo4j.sh status   "running bolt://127.0.0.1:PORT (pid N)" or "stopped" (exit 3)
#   scripts/neo4j.sh env      print `export KB_TEST_NEO4J_URI=... KB_TEST_NEO4J_PASSWORD=...`
#
# Why a launcher: Maven Central has Neo4j's embedded jars (org.neo4j:neo4j, which carries the Bolt
# server and the Lucene analyzers, `cjk` included) but not the server tarball, so a 30-line Java class
# starts a DatabaseManagementService with the Bolt connector on. Everything is cached outside the
# clone in $KB_NEO4J_HOME (default ~/.cache/kb-neo4j); each start begins with an empty database and
# a fresh random password, kept only in the state file (mode 600). Logs: $KB_NEO4J_HOME/neo4j.log.
set -euo pipefail

VERSION=${KB_NEO4J_VERSION:-5.26.30}   # 5.26 LTS: the last line that runs on Java 17
HOME_DIR=${KB_NEO4J_HOME:-${HOME:-/root}/.cache/kb-neo4j}
JAVA=${KB_NEO4J_JAVA:-java}
HEAP=${KB_NEO4J_HEAP:-1g}
REPO_DIR=$(cd "$(dirname "$0")/.." && pwd)
LIB="$HOME_DIR/lib-$VERSION"
CLASSES="$HOME_DIR/launcher-$VERSION"
STATE="$HOME_DIR/state"
LOG="$HOME_DIR/neo4j.log"
LAUNCHER=KbNeo4jLauncher

python_with_driver() {
  for py in "${KB_PYTHON:-}" "$REPO_DIR/.venv/bin/python" python3; do
    if [ -n "$py" ] && "$py" -c 'import neo4j' >/dev/null 2>&1; then echo "$py"; return 0; fi
  done
  echo "neo4j.sh: no Python with the neo4j driver (run scripts/venv.sh first)" >&2
  return 1
}

state_get() {  # state_get KEY -> value from the state file
  [ -f "$STATE" ] && sed -n "s/^$1=//p" "$STATE" | head -n1
}

is_running() {  # the pid in the state file is alive and is our launcher
  local pid
  pid=$(state_get PID || true)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$LAUNCHER"
}

resolve() {  # download Neo4j's jars once and compile the launcher
  if [ ! -f "$LIB/.complete" ]; then
    command -v mvn >/dev/null || { echo "neo4j.sh: Maven (mvn) is needed to fetch Neo4j" >&2; exit 1; }
    echo "neo4j.sh: resolving org.neo4j:neo4j:$VERSION from Maven Central into $LIB" >&2
    local build="$HOME_DIR/build-$VERSION"
    mkdir -p "$build"
    cat >"$build/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kb</groupId><artifactId>kb-neo4j-test-server</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>$VERSION</version></dependency>
  </dependencies>
</project>
EOF
    rm -rf "$LIB.tmp"
    (cd "$build" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$LIB.tmp" >"$build/mvn.log" 2>&1) \
      || { tail -n 30 "$build/mvn.log" >&2; echo "neo4j.sh: Maven could not resolve Neo4j $VERSION" >&2; exit 1; }
    rm -rf "$LIB" && mv "$LIB.tmp" "$LIB" && touch "$LIB/.complete"
  fi
  mkdir -p "$CLASSES"
  cat >"$CLASSES/$LAUNCHER.java.new" <<'EOF'
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/** Neo4j with Bolt on 127.0.0.1:port; the neo4j user's password comes from the environment. */
public final class KbNeo4jLauncher {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String password = System.getenv("KB_NEO4J_INITIAL_PASSWORD");
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        System.out.println("kb-neo4j: bolt listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
EOF
  # Recompile only when the launcher's source changed (or was never compiled).
  if [ ! -f "$CLASSES/$LAUNCHER.class" ] || ! cmp -s "$CLASSES/$LAUNCHER.java.new" "$CLASSES/$LAUNCHER.java"; then
    mv "$CLASSES/$LAUNCHER.java.new" "$CLASSES/$LAUNCHER.java"
    javac -d "$CLASSES" -cp "$LIB/*" "$CLASSES/$LAUNCHER.java"
  else
    rm -f "$CLASSES/$LAUNCHER.java.new"
  fi
}

wait_for_bolt() {  # wait until the Python driver can log in, or the process dies
  local py uri pid
  py=$(python_with_driver)
  uri=$(state_get URI)
  pid=$(state_get PID)
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "neo4j.sh: Neo4j exited while starting; last lines of $LOG:" >&2
      tail -n 30 "$LOG" >&2
      return 1
    fi
    if KB_URI="$uri" KB_PW="$(state_get PASSWORD)" "$py" - <<'EOF' >/dev/null 2>&1
import os
from neo4j import GraphDatabase
with GraphDatabase.driver(os.environ["KB_URI"], auth=("neo4j", os.environ["KB_PW"])) as driver:
    driver.verify_connectivity()
    driver.execute_query("RETURN 1")
EOF
    then return 0; fi
    sleep 1
  done
  echo "neo4j.sh: Bolt did not answer within 180 s; see $LOG" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  if is_running; then
    echo "neo4j.sh: already running at $(state_get URI)"
    return 0
  fi
  resolve
  local port password run
  port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  run="$HOME_DIR/run"
  rm -rf "$run" && mkdir -p "$run"
  (umask 077 && : >"$STATE")
  KB_NEO4J_INITIAL_PASSWORD="$password" nohup "$JAVA" -Xms256m "-Xmx$HEAP" -XX:+UseG1GC \
    -XX:-OmitStackTraceInFastThrow -Dio.netty.tryReflectionSetAccessible=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    -cp "$CLASSES:$LIB/*" "$LAUNCHER" "$run" "$port" >"$LOG" 2>&1 </dev/null 9>&- &
  local pid=$!
  printf 'PID=%s\nURI=%s\nPASSWORD=%s\n' "$pid" "bolt://127.0.0.1:$port" "$password" >"$STATE"
  echo "neo4j.sh: starting Neo4j $VERSION (pid $pid) on bolt://127.0.0.1:$port; log $LOG"
  if ! wait_for_bolt; then
    stop >/dev/null 2>&1 || true
    exit 1
  fi
  echo "neo4j.sh: ready at bolt://127.0.0.1:$port"
}

stop() {
  if ! is_running; then
    rm -f "$STATE"
    echo "neo4j.sh: not running"
    return 0
  fi
  local pid
  pid=$(state_get PID)
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$STATE"
  echo "neo4j.sh: stopped (pid $pid)"
}

status() {
  if is_running; then
    echo "running $(state_get URI) (pid $(state_get PID))"
  else
    echo "stopped"
    return 3
  fi
}

env_cmd() {
  if ! is_running; then
    echo "neo4j.sh: not running; run scripts/neo4j.sh start" >&2
    return 1
  fi
  printf 'export KB_TEST_NEO4J_URI=%q KB_TEST_NEO4J_PASSWORD=%q\n' "$(state_get URI)" "$(state_get PASSWORD)"
}

mkdir -p "$HOME_DIR"
cmd=${1:-}
case "$cmd" in
  start|stop|status)
    exec 9>"$HOME_DIR/lock"
    flock 9
    "$cmd"
    ;;
  env) env_cmd ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
