#!/usr/bin/env bash
# Brings the whole render backend up in the foreground: Azurite, one silo, the API.
# Ctrl-C (or SIGTERM) stops everything this script started.
#
#   ./run.sh [--port N] [--silo-port N] [--gateway-port N] [--azurite-port-base N] [--no-build]
#
# Environment overrides (the options win): Silo__SiloPort, Silo__GatewayPort (Render__GatewayPort
# follows it), AZURITE_PORT_BASE, Media__Root, Render__Engine__WorkDirectory,
# Render__Engine__FfmpegPath, Management__Keys__0__Key / __Secret, DOTNET_ENVIRONMENT.
# Logs: .data/logs/{build,azurite,silo,api}.log. Data: .data/azurite, .data/media, .data/work.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"
# shellcheck source=scripts/prerequisites.sh
source "$REPO_ROOT/scripts/prerequisites.sh"

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

API_PORT=8080
SILO_PORT="${Silo__SiloPort:-11111}"
GATEWAY_PORT="${Silo__GatewayPort:-${Render__GatewayPort:-30000}}"
AZURITE_PORT_BASE="${AZURITE_PORT_BASE:-10000}"
BUILD=1
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-90}"

need_value() { [ "$#" -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "error: $1 needs a port number" >&2; exit 2; }; }
while [ "$#" -gt 0 ]; do
    case "$1" in
        --port) need_value "$@"; API_PORT="$2"; shift 2 ;;
        --port=*) API_PORT="${1#*=}"; shift ;;
        --silo-port) need_value "$@"; SILO_PORT="$2"; shift 2 ;;
        --silo-port=*) SILO_PORT="${1#*=}"; shift ;;
        --gateway-port) need_value "$@"; GATEWAY_PORT="$2"; shift 2 ;;
        --gateway-port=*) GATEWAY_PORT="${1#*=}"; shift ;;
        --azurite-port-base) need_value "$@"; AZURITE_PORT_BASE="$2"; shift 2 ;;
        --azurite-port-base=*) AZURITE_PORT_BASE="${1#*=}"; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "error: unknown argument '$1' (see ./run.sh --help)" >&2; exit 2 ;;
    esac
done
for p in "$API_PORT" "$SILO_PORT" "$GATEWAY_PORT" "$AZURITE_PORT_BASE"; do
    [[ "$p" =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 65533 ] || { echo "error: '$p' is not a valid port" >&2; exit 2; }
done
BLOB_PORT="$AZURITE_PORT_BASE"
QUEUE_PORT=$((AZURITE_PORT_BASE + 1))
TABLE_PORT=$((AZURITE_PORT_BASE + 2))

DATA_DIR="$REPO_ROOT/.data"
LOG_DIR="$DATA_DIR/logs"
SILO_DIR="$REPO_ROOT/src/Silo/bin/Release/net10.0/linux-x64"
API_DIR="$REPO_ROOT/src/Api/bin/Release/net10.0/linux-x64"

log() { printf '==> %s\n' "$*" >&2; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# --- processes we start, and how they are stopped ------------------------------------------
declare -a PIDS=() NAMES=()
CLEANED=0

cleanup() {
    local rc=$?
    trap - EXIT
    trap '' INT TERM   # finish stopping the children even if more signals arrive
    [ "$CLEANED" -eq 1 ] && return
    CLEANED=1
    if [ "${#PIDS[@]}" -gt 0 ]; then
        log "stopping ${NAMES[*]}"
    fi
    # Newest first: API, then silo (graceful Orleans shutdown), then Azurite.
    local i pid deadline
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        pid="${PIDS[$i]}"
        kill -0 "$pid" 2>/dev/null || continue
        kill -TERM "$pid" 2>/dev/null || true
        deadline=$((SECONDS + 20))
        while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
        if kill -0 "$pid" 2>/dev/null; then
            log "${NAMES[$i]} (pid $pid) did not stop in 20 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME LOGFILE WORKDIR COMMAND...: runs COMMAND in the background; the recorded PID is
# COMMAND's own (the subshell execs it), so signals reach it directly.
start() {
    local name="$1" logfile="$2" dir="$3"
    shift 3
    (cd "$dir" && exec "$@") </dev/null >>"$logfile" 2>&1 &
    PIDS+=("$!")
    NAMES+=("$name")
    log "started $name (pid $!), log ${logfile#"$REPO_ROOT"/}"
}

show_logs() {
    local f
    for f in "$LOG_DIR"/azurite.log "$LOG_DIR"/silo.log "$LOG_DIR"/api.log; do
        [ -s "$f" ] || continue
        echo "----- last lines of ${f#"$REPO_ROOT"/} -----" >&2
        tail -n 40 "$f" >&2
    done
}

fail() {
    echo "error: $*" >&2
    show_logs
    exit 1
}

# wait_for NAME PID TIMEOUT CHECK...: polls CHECK until it succeeds; fails if PID dies or on timeout.
wait_for() {
    local what="$1" pid="$2" timeout="$3"
    shift 3
    local deadline=$((SECONDS + timeout))
    until "$@"; do
        kill -0 "$pid" 2>/dev/null || fail "$what: the process exited during start-up"
        [ "$SECONDS" -lt "$deadline" ] || fail "$what: not ready after ${timeout} s"
        sleep 0.5
    done
}

azurite_ready() { port_open "$BLOB_PORT" && port_open "$QUEUE_PORT" && port_open "$TABLE_PORT"; }
api_healthy() { curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:$API_PORT/health" 2>/dev/null; }

# --- checks before anything starts ---------------------------------------------------------
check_free() {
    local port="$1" what="$2" hint="$3"
    if port_open "$port"; then
        echo "error: port $port ($what) is already in use by another process." >&2
        echo "       Stop it, or pick other ports: $hint" >&2
        exit 1
    fi
}
for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
    check_free "$p" "Azurite blob/queue/table $BLOB_PORT-$TABLE_PORT" "./run.sh --azurite-port-base N (uses N, N+1, N+2)"
done
check_free "$SILO_PORT" "silo-to-silo" "./run.sh --silo-port N"
check_free "$GATEWAY_PORT" "Orleans gateway" "./run.sh --gateway-port N"
check_free "$API_PORT" "HTTP API" "./run.sh --port N"

# --- prerequisites and build ---------------------------------------------------------------
ensure_prerequisites
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ "$BUILD" -eq 1 ]; then
    # Only the two hosts (and what they reference), so a test project in progress cannot block this.
    mkdir -p "$LOG_DIR"
    : >"$LOG_DIR/build.log"
    for proj in src/Silo/Silo.csproj src/Api/Api.csproj; do
        log "dotnet build -c Release $proj"
        if ! dotnet build "$proj" -c Release --nologo -v quiet >>"$LOG_DIR/build.log" 2>&1; then
            grep -E ': (error|warning) ' "$LOG_DIR/build.log" | sort -u >&2 || tail -n 30 "$LOG_DIR/build.log" >&2
            echo "error: the build of $proj failed (full output: .data/logs/build.log)" >&2
            exit 1
        fi
    done
fi
[ -f "$SILO_DIR/Orleans.Render.Silo.dll" ] || { echo "error: $SILO_DIR/Orleans.Render.Silo.dll is missing (build first)" >&2; exit 1; }
[ -f "$API_DIR/Orleans.Render.Api.dll" ] || { echo "error: $API_DIR/Orleans.Render.Api.dll is missing (build first)" >&2; exit 1; }

# --- configuration shared by silo and API --------------------------------------------------
mkdir -p "$LOG_DIR" "$DATA_DIR/azurite"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-$DOTNET_ENVIRONMENT}"
export Media__Root="${Media__Root:-$DATA_DIR/media}"
export Render__Engine__WorkDirectory="${Render__Engine__WorkDirectory:-$DATA_DIR/work}"
export Render__Engine__FfmpegPath="${Render__Engine__FfmpegPath:-$(command -v ffmpeg)}"
mkdir -p "$Media__Root" "$Render__Engine__WorkDirectory"
# The explicit form of UseDevelopmentStorage=true, so Azurite can listen on other ports.
export ConnectionStrings__AzureStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
export Silo__SiloPort="$SILO_PORT" Silo__GatewayPort="$GATEWAY_PORT" Render__GatewayPort="$GATEWAY_PORT"
export Urls="http://127.0.0.1:$API_PORT"
if [ "$DOTNET_ENVIRONMENT" = Development ]; then
    # The same pair as src/Api/appsettings.Development.json, set explicitly so the banner is right.
    export Management__Keys__0__Key="${Management__Keys__0__Key:-DEVKEY}"
    export Management__Keys__0__Secret="${Management__Keys__0__Secret:-dev-secret-change-me}"
fi

# --- start ---------------------------------------------------------------------------------
for f in azurite silo api; do
    printf '\n===== %s run.sh start =====\n' "$(date -Is)" >>"$LOG_DIR/$f.log"
done

start azurite "$LOG_DIR/azurite.log" "$REPO_ROOT" \
    "$REPO_ROOT/node_modules/.bin/azurite" --silent --location "$DATA_DIR/azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" \
    --skipApiVersionCheck --loose --disableTelemetry
wait_for "Azurite (ports $BLOB_PORT-$TABLE_PORT)" "${PIDS[-1]}" 60 azurite_ready

start silo "$LOG_DIR/silo.log" "$SILO_DIR" dotnet Orleans.Render.Silo.dll
wait_for "silo gateway (port $GATEWAY_PORT)" "${PIDS[-1]}" 90 port_open "$GATEWAY_PORT"

start api "$LOG_DIR/api.log" "$API_DIR" dotnet Orleans.Render.Api.dll --urls "$Urls"
wait_for "API health (http://127.0.0.1:$API_PORT/health)" "${PIDS[-1]}" "$HEALTH_TIMEOUT" api_healthy

URL="http://127.0.0.1:$API_PORT"
KEY="${Management__Keys__0__Key:-<key>}:${Management__Keys__0__Secret:-<secret>}"
cat <<EOF

Orleans.Render is up: $URL   (health: $URL/health)
Management key (HTTP Basic): $KEY
Logs: .data/logs/{azurite,silo,api}.log    Media: $Media__Root

Quickstart:
  P=\$(curl -s -u $KEY -X POST $URL/v1/project/demo | python3 -c 'import sys,json;print(json.load(sys.stdin)["Project-UID"])')
  curl -s -u $KEY -X PUT --data-binary '{"width":320,"height":180,"fps":25,"scenes":[{"duration":1,"background":"#000080","layers":[{"type":"text","text":"Hello, \${name}!","fontSize":32,"color":"#ffffff"}]}]}' $URL/v1/sdl/\$P/hello
  curl -s -X POST -H 'Content-Type: application/json' -d '{"movie":"hello","params":{"name":"Alex"}}' $URL/v2/render/\$P
  curl -s -o hello.mp4 $URL/v2/render/<token>.mp4

Press Ctrl-C to stop.
EOF

# --- run until a signal arrives or one of the processes exits ------------------------------
rc=0
wait -n "${PIDS[@]}" || rc=$?
for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
        echo "error: ${NAMES[$i]} (pid ${PIDS[$i]}) exited unexpectedly (status $rc)" >&2
    fi
done
show_logs
exit 1
