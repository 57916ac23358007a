#!/usr/bin/env bash
# Brings the whole render backend up in the foreground: Azurite, N silos (default 1), the API.
# Ctrl-C (or SIGTERM) stops everything this script started, and the silos --add-silo added to it.
#
#   ./run.sh [--silos N] [--port N] [--silo-port N] [--gateway-port N] [--azurite-port-base N] [--no-build]
#   ./run.sh --add-silo I [same port options]   one more silo (ports +I) for a running ./run.sh;
#                                               it stops when that ./run.sh stops
#
# Silo i (from 0) uses --silo-port + i and --gateway-port + i. Azurite, and a silo that dies with a
# non-zero status or a signal, is restarted (at most 5 times in 10 minutes each); a silo stopped with
# 'kill <pid>' (graceful, status 0) is not. Start-up empties the scratch folder (.data/work).
# Environment overrides (the options win): SILOS, Silo__SiloPort, Silo__GatewayPort, AZURITE_PORT_BASE,
# Media__Root, Silo__*, Render__Engine__*, Management__Keys__0__Key / __Secret, DOTNET_ENVIRONMENT.
# AZURITE_IN_MEMORY=1 keeps Azurite's data in memory only (lost when it stops; for benchmarks).
# Start-up limits: HEALTH_TIMEOUT (90 s), AZURITE_TIMEOUT (60 s), SILO_TIMEOUT (90 s) for a heavily loaded machine.
# Logs: .data/logs/{build,azurite,silo-I,api}.log. Data: .data/azurite, .data/media, .data/work.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"
# shellcheck source=scripts/prerequisites.sh
source "$REPO_ROOT/scripts/prerequisites.sh"

usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
}

API_PORT=8080
SILO_PORT="${Silo__SiloPort:-11111}"
GATEWAY_PORT="${Silo__GatewayPort:-30000}"
AZURITE_PORT_BASE="${AZURITE_PORT_BASE:-10000}"
SILOS="${SILOS:-1}"
ADD_SILO=""
BUILD=1
# Start-up limits in seconds (raise them on a heavily loaded machine).
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-90}" AZURITE_TIMEOUT="${AZURITE_TIMEOUT:-60}" SILO_TIMEOUT="${SILO_TIMEOUT:-90}"
# A stopping silo deactivates its grains first; it gets this long (Silo:ShutdownTimeout) plus a margin.
export Silo__ShutdownTimeout="${Silo__ShutdownTimeout:-00:01:00}"

need_value() { [ "$#" -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "error: $1 needs a number" >&2; exit 2; }; }
while [ "$#" -gt 0 ]; do
    case "$1" in
        --silos) need_value "$@"; SILOS="$2"; shift 2 ;;
        --silos=*) SILOS="${1#*=}"; shift ;;
        --add-silo) need_value "$@"; ADD_SILO="$2"; shift 2 ;;
        --add-silo=*) ADD_SILO="${1#*=}"; shift ;;
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
[[ "$SILOS" =~ ^[0-9]+$ ]] && [ "$SILOS" -ge 1 ] && [ "$SILOS" -le 32 ] || { echo "error: --silos must be 1 to 32, not '$SILOS'" >&2; exit 2; }
if [ -n "$ADD_SILO" ]; then
    [[ "$ADD_SILO" =~ ^[0-9]+$ ]] && [ "$ADD_SILO" -le 64 ] || { echo "error: --add-silo needs an index from 0 to 64, not '$ADD_SILO'" >&2; exit 2; }
    FIRST_SILO="$ADD_SILO" LAST_SILO="$ADD_SILO"
else
    FIRST_SILO=0 LAST_SILO=$((SILOS - 1))
fi
for p in "$API_PORT" "$SILO_PORT" "$GATEWAY_PORT" "$AZURITE_PORT_BASE"; do
    [[ "$p" =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 65533 ] || { echo "error: '$p' is not a valid port" >&2; exit 2; }
done
BLOB_PORT="$AZURITE_PORT_BASE"
QUEUE_PORT=$((AZURITE_PORT_BASE + 1))
TABLE_PORT=$((AZURITE_PORT_BASE + 2))
# Every port this invocation listens on, once: the ranges must not overlap each other.
declare -A PORT_USE=()
claim_port() {
    [ "$1" -le 65535 ] || { echo "error: $2 would need port $1" >&2; exit 2; }
    [ -z "${PORT_USE[$1]:-}" ] || { echo "error: port $1 is wanted by both ${PORT_USE[$1]} and $2; pick other ports" >&2; exit 2; }
    PORT_USE[$1]="$2"
}
if [ -z "$ADD_SILO" ]; then
    claim_port "$API_PORT" "the HTTP API (--port)"
    claim_port "$BLOB_PORT" "Azurite (--azurite-port-base)"
    claim_port "$QUEUE_PORT" "Azurite (--azurite-port-base)"
    claim_port "$TABLE_PORT" "Azurite (--azurite-port-base)"
fi
for ((i = FIRST_SILO; i <= LAST_SILO; i++)); do
    claim_port $((SILO_PORT + i)) "silo $i (--silo-port + $i)"
    claim_port $((GATEWAY_PORT + i)) "silo $i's gateway (--gateway-port + $i)"
done

DATA_DIR="$REPO_ROOT/.data"
LOG_DIR="$DATA_DIR/logs"
# Pid files that tie --add-silo runs to the ./run.sh they joined (one per Azurite, which they share).
RUN_DIR="$DATA_DIR/run"
STACK_PID_FILE="$RUN_DIR/stack-$AZURITE_PORT_BASE.pid"
SILO_DIR="$REPO_ROOT/src/Silo/bin/Release/net10.0/linux-x64"
API_DIR="$REPO_ROOT/src/Api/bin/Release/net10.0/linux-x64"

log() { printf '==> %s\n' "$*" >&2; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# --- checks before anything starts ---------------------------------------------------------
check_free() {
    local port="$1" what="$2" hint="$3"
    if port_open "$port"; then
        echo "error: port $port ($what) is already in use by another process." >&2
        echo "       Stop it, or pick other ports: $hint" >&2
        exit 1
    fi
}
if [ -z "$ADD_SILO" ]; then
    for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
        check_free "$p" "Azurite blob/queue/table $BLOB_PORT-$TABLE_PORT" "./run.sh --azurite-port-base N (uses N, N+1, N+2)"
    done
    check_free "$API_PORT" "HTTP API" "./run.sh --port N"
elif ! port_open "$TABLE_PORT"; then
    echo "error: no Azurite on port $TABLE_PORT: --add-silo joins a running ./run.sh; give it the same --azurite-port-base" >&2
    exit 1
elif ! STACK_PID="$(cat "$STACK_PID_FILE" 2>/dev/null)" || ! grep -qa run.sh "/proc/$STACK_PID/cmdline" 2>/dev/null; then
    echo "error: no running ./run.sh wrote ${STACK_PID_FILE#"$REPO_ROOT"/}: --add-silo joins one started with the same --azurite-port-base" >&2
    exit 1
fi
for ((i = FIRST_SILO; i <= LAST_SILO; i++)); do
    check_free $((SILO_PORT + i)) "silo $i, silo-to-silo" "./run.sh --silo-port N (silo i uses N+i)"
    check_free $((GATEWAY_PORT + i)) "silo $i, Orleans gateway" "./run.sh --gateway-port N (silo i uses N+i)"
done

# --- prerequisites and build ---------------------------------------------------------------
ensure_prerequisites
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# --add-silo never builds: the running silos execute the same output folder.
if [ "$BUILD" -eq 1 ] && [ -z "$ADD_SILO" ]; then
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

# --- configuration shared by the silos and the API -----------------------------------------
mkdir -p "$LOG_DIR" "$DATA_DIR/azurite"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-$DOTNET_ENVIRONMENT}"
export Media__Root="${Media__Root:-$DATA_DIR/media}"
export Render__Engine__WorkDirectory="${Render__Engine__WorkDirectory:-$DATA_DIR/work}"
export Render__Engine__FfmpegPath="${Render__Engine__FfmpegPath:-$(command -v ffmpeg)}"
mkdir -p "$Media__Root" "$Render__Engine__WorkDirectory" "$RUN_DIR"
# True when another ./run.sh of this checkout (other ports) is running: it may be using .data/work.
other_stack_running() {
    local f pid
    for f in "$RUN_DIR"/stack-*.pid; do
        [ -f "$f" ] && pid="$(cat "$f")" && [ "$pid" != "$$" ] || continue
        grep -qa run.sh "/proc/$pid/cmdline" 2>/dev/null && return 0
    done
    return 1
}
if [ -z "$ADD_SILO" ]; then
    # What renders cut off by a crash or a SIGKILL left behind; no silo of this stack runs yet, so nothing is in use.
    # (--add-silo must not: the running silos are using it.)
    work="$(cd "$Render__Engine__WorkDirectory" && pwd -P)"
    if [ "$work" = / ] || [ "$work" = "$(cd ~ && pwd -P)" ] || [ "$work" = "$REPO_ROOT" ]; then
        echo "error: Render__Engine__WorkDirectory=$Render__Engine__WorkDirectory is emptied at start; give it a folder of its own" >&2
        exit 2
    elif other_stack_running; then
        log "another ./run.sh of this checkout is running; leaving ${work#"$REPO_ROOT"/} as it is"
    else
        find "$work" -mindepth 1 -delete
    fi
fi
# The explicit form of UseDevelopmentStorage=true, so Azurite can listen on other ports. Silos and API
# share it: the membership table in it is how the API finds the silos' gateways.
export ConnectionStrings__AzureStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
export Urls="http://127.0.0.1:$API_PORT"
if [ "$DOTNET_ENVIRONMENT" = Development ]; then
    # The same pair as src/Api/appsettings.Development.json, set explicitly so the banner is right.
    export Management__Keys__0__Key="${Management__Keys__0__Key:-DEVKEY}"
    export Management__Keys__0__Secret="${Management__Keys__0__Secret:-dev-secret-change-me}"
fi
unset Silo__SiloPort Silo__GatewayPort   # set per silo by silo_command

silo_log() { echo "$LOG_DIR/silo-$1.log"; }
# silo_command I: replaces the current (sub)shell with silo I.
silo_command() {
    cd "$SILO_DIR"
    Silo__SiloPort=$((SILO_PORT + $1)) Silo__GatewayPort=$((GATEWAY_PORT + $1)) exec dotnet Orleans.Render.Silo.dll
}

# --- processes we start, and how they are stopped ------------------------------------------
# One entry per running process: its pid, name, log file and the command that (re)starts it.
declare -a PIDS=() NAMES=() LOGS=() CMDS=()
CLEANED=0
# An --add-silo run records its silo's pid here, so the ./run.sh it joined stops it with its own.
ADDED_PID_FILE="$RUN_DIR/added-$AZURITE_PORT_BASE-${ADD_SILO:-x}.pid"

# stop_all PATTERN TIMEOUT: SIGTERM to every live process whose name matches PATTERN, then waits for
# them together (silos shut down in parallel); whatever is left after TIMEOUT seconds is killed.
stop_all() {
    local pattern="$1" timeout="$2" i alive
    local -a targets=()
    for i in "${!PIDS[@]}"; do
        # shellcheck disable=SC2053 # PATTERN is a glob on purpose
        [[ "${NAMES[$i]}" == $pattern ]] && kill -0 "${PIDS[$i]}" 2>/dev/null || continue
        kill -TERM "${PIDS[$i]}" 2>/dev/null || true
        targets+=("$i")
    done
    [ "${#targets[@]}" -gt 0 ] || return 0
    local deadline=$((SECONDS + timeout))
    while :; do
        alive=0
        for i in "${targets[@]}"; do kill -0 "${PIDS[$i]}" 2>/dev/null && alive=1; done
        [ "$alive" -eq 1 ] && [ "$SECONDS" -lt "$deadline" ] || break
        sleep 0.2
    done
    for i in "${targets[@]}"; do
        if kill -0 "${PIDS[$i]}" 2>/dev/null; then
            log "${NAMES[$i]} (pid ${PIDS[$i]}) did not stop in $timeout s; killing it"
            kill -KILL "${PIDS[$i]}" 2>/dev/null || true
        fi
        wait "${PIDS[$i]}" 2>/dev/null || true
    done
}

# The seconds in an [d.]hh:mm:ss value such as Silo:ShutdownTimeout; 60 when it cannot be read.
seconds_of() {
    local h m s
    if IFS=: read -r h m s <<<"$1" && [[ "$h$m${s%%.*}" =~ ^[0-9]+$ ]]; then
        echo $((10#$h * 3600 + 10#$m * 60 + 10#${s%%.*}))
    else
        echo 60
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT
    trap '' INT TERM   # finish stopping the children even if more signals arrive
    [ "$CLEANED" -eq 1 ] && return
    CLEANED=1
    if [ "${#PIDS[@]}" -gt 0 ]; then
        log "stopping ${NAMES[*]}"
    fi
    # The API first, then every silo at once (graceful Orleans shutdown), then Azurite.
    stop_all api 20
    local silo_timeout=$(($(seconds_of "$Silo__ShutdownTimeout") + 15))
    stop_all stack-watch 5
    local -a added=()
    [ -n "$ADD_SILO" ] || mapfile -t added < <(signal_added_silos)
    stop_all 'silo-*' "$silo_timeout"
    wait_gone "$silo_timeout" "${added[@]}"
    stop_all azurite 20
    if [ -n "$ADD_SILO" ]; then
        rm -f "$ADDED_PID_FILE"
    elif [ "$(cat "$STACK_PID_FILE" 2>/dev/null)" = "$$" ]; then
        rm -f "$STACK_PID_FILE"
    fi
    exit "$rc"
}

# SIGTERM to the silos that --add-silo runs added to this stack (they stop gracefully, side by side with
# ours); prints their pids. A pid file is only trusted while its pid is still a silo.
signal_added_silos() {
    local f pid
    for f in "$RUN_DIR/added-$AZURITE_PORT_BASE-"*.pid; do
        [ -f "$f" ] && pid="$(cat "$f")" && [[ "$pid" =~ ^[0-9]+$ ]] || continue
        grep -qa Orleans.Render.Silo.dll "/proc/$pid/cmdline" 2>/dev/null || continue
        log "stopping silo pid $pid (added with --add-silo)"
        kill -TERM "$pid" 2>/dev/null && echo "$pid"
    done
}

# wait_gone TIMEOUT PID...: waits until none of the PIDs (not our children) is alive, at most TIMEOUT seconds.
wait_gone() {
    local deadline=$((SECONDS + $1)) pid alive
    shift
    while [ "$#" -gt 0 ] && [ "$SECONDS" -lt "$deadline" ]; do
        alive=0
        for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" -eq 1 ] || return 0
        sleep 0.2
    done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME LOGFILE COMMAND...: runs COMMAND (a function that execs its process) in the background;
# the recorded PID is that process's own, so signals reach it directly.
start() {
    local name="$1" logfile="$2"
    shift 2
    ("$@") </dev/null >>"$logfile" 2>&1 &
    PIDS+=("$!")
    NAMES+=("$name")
    LOGS+=("$logfile")
    CMDS+=("$*")
    if [ -n "$ADD_SILO" ] && [[ "$name" == silo-* ]]; then
        echo "$!" >"$ADDED_PID_FILE"
    fi
    log "started $name (pid $!), log ${logfile#"$REPO_ROOT"/}"
}

# Crashed processes are started again, but a process that keeps crashing is given up on.
MAX_RESTARTS=5
RESTART_WINDOW=600
declare -A RESTARTED_AT=()   # name -> the SECONDS of its restarts within the window

# restart NAME LOGFILE COMMAND STATUS: starts NAME again after a short backoff (1 s more for each recent
# restart); false, and nothing started, once it was restarted MAX_RESTARTS times within RESTART_WINDOW.
restart() {
    local name="$1" logfile="$2" command="$3" status="$4" t
    local -a recent=()
    for t in ${RESTARTED_AT[$name]:-}; do
        [ $((SECONDS - t)) -lt "$RESTART_WINDOW" ] && recent+=("$t")
    done
    if [ "${#recent[@]}" -ge "$MAX_RESTARTS" ]; then
        log "$name exited with status $status after $MAX_RESTARTS restarts in $((RESTART_WINDOW / 60)) min; not restarting it again"
        printf '\n===== %s run.sh: exit status %s, restarted too often; not restarted =====\n' "$(date -Is)" "$status" >>"$logfile"
        return 1
    fi
    recent+=("$SECONDS")
    RESTARTED_AT[$name]="${recent[*]}"
    log "$name exited unexpectedly (status $status); restart ${#recent[@]} of at most $MAX_RESTARTS in $((RESTART_WINDOW / 60)) min, in ${#recent[@]} s"
    printf '\n===== %s run.sh restart %d after exit status %s =====\n' "$(date -Is)" "${#recent[@]}" "$status" >>"$logfile"
    sleep "${#recent[@]}" &
    wait "$!" || true
    # shellcheck disable=SC2086 # COMMAND is a function name and its arguments
    start "$name" "$logfile" $command
}

# Exits (so cleanup stops the --add-silo silo) when the ./run.sh it joined is gone, however that ended.
watch_stack() {
    while kill -0 "$1" 2>/dev/null; do sleep 1; done
}

show_logs() {
    local f
    for f in "$LOG_DIR"/azurite.log "$LOG_DIR"/silo-*.log "$LOG_DIR"/api.log; do
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
# True when /health answers 200 and counts at least the silos this script started.
api_healthy() {
    local body
    body="$(curl -fsS --max-time 6 "http://127.0.0.1:$API_PORT/health" 2>/dev/null)" || return 1
    [[ "$body" =~ \"silos\":\{[^}]*\"active\":([0-9]+) ]] && [ "${BASH_REMATCH[1]}" -ge "$SILOS" ]
}
run_azurite() {
    local storage=(--location "$DATA_DIR/azurite")
    if [ -n "${AZURITE_IN_MEMORY:-}" ]; then storage=(--inMemoryPersistence); fi
    exec "$REPO_ROOT/node_modules/.bin/azurite" --silent "${storage[@]}" \
        --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
        --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" \
        --skipApiVersionCheck --loose --disableTelemetry
}
run_api() { cd "$API_DIR" && exec dotnet Orleans.Render.Api.dll --urls "$Urls"; }

# --- start ---------------------------------------------------------------------------------
# start_added_silo: only silo $ADD_SILO, watched by a process that ends when the ./run.sh it joined is gone.
start_added_silo() {
    logfile="$(silo_log "$ADD_SILO")"
    printf '\n===== %s run.sh --add-silo start =====\n' "$(date -Is)" >>"$logfile"
    log "silo $ADD_SILO: silo port $((SILO_PORT + ADD_SILO)), gateway port $((GATEWAY_PORT + ADD_SILO)); it stops with the ./run.sh it joined (pid $STACK_PID)"
    start "silo-$ADD_SILO" "$logfile" silo_command "$ADD_SILO"
    watch_stack "$STACK_PID" </dev/null >/dev/null 2>&1 &
    PIDS+=("$!") NAMES+=(stack-watch) LOGS+=(/dev/null) CMDS+=("")
    log "Ctrl-C or 'kill $$' stops it gracefully (it may take up to Silo:ShutdownTimeout, $Silo__ShutdownTimeout)"
}

# start_stack: Azurite, the silos, the API; returns once /health counts every silo.
start_stack() {
    echo "$$" >"$STACK_PID_FILE"
    for ((i = 0; i < SILOS; i++)); do
        printf '\n===== %s run.sh start =====\n' "$(date -Is)" >>"$(silo_log "$i")"
    done
    for f in azurite api; do
        printf '\n===== %s run.sh start =====\n' "$(date -Is)" >>"$LOG_DIR/$f.log"
    done

    start azurite "$LOG_DIR/azurite.log" run_azurite
    wait_for "Azurite (ports $BLOB_PORT-$TABLE_PORT)" "${PIDS[-1]}" "$AZURITE_TIMEOUT" azurite_ready

    # Silo 0 first: it creates the membership table the others join.
    declare -a SILO_PIDS=()
    for ((i = 0; i < SILOS; i++)); do
        start "silo-$i" "$(silo_log "$i")" silo_command "$i"
        SILO_PIDS+=("${PIDS[-1]}")
        [ "$i" -gt 0 ] || wait_for "silo 0 gateway (port $GATEWAY_PORT)" "${PIDS[-1]}" "$SILO_TIMEOUT" port_open "$GATEWAY_PORT"
    done
    for ((i = 1; i < SILOS; i++)); do
        wait_for "silo $i gateway (port $((GATEWAY_PORT + i)))" "${SILO_PIDS[$i]}" "$SILO_TIMEOUT" port_open $((GATEWAY_PORT + i))
    done

    start api "$LOG_DIR/api.log" run_api
    wait_for "API health with $SILOS silo(s) (http://127.0.0.1:$API_PORT/health)" "${PIDS[-1]}" "$HEALTH_TIMEOUT" api_healthy

    URL="http://127.0.0.1:$API_PORT"
    KEY="${Management__Keys__0__Key:-<key>}:${Management__Keys__0__Secret:-<secret>}"
    SILO_LIST=""
    for ((i = 0; i < SILOS; i++)); do SILO_LIST+="silo-$i pid ${SILO_PIDS[$i]}; "; done
    cat <<BANNER

Orleans.Render is up: $URL   (health: $URL/health)
Management key (HTTP Basic): $KEY    Dashboard: $URL/dashboard/ (same key)
Silos: ${SILO_LIST%; }
  add one:             ./run.sh --add-silo $SILOS --silo-port $SILO_PORT --gateway-port $GATEWAY_PORT --azurite-port-base $AZURITE_PORT_BASE
  stop one gracefully: kill <pid>
  crashes:             Azurite and silos that die are restarted, at most $MAX_RESTARTS times in $((RESTART_WINDOW / 60)) min each
Logs: .data/logs/{azurite,silo-N,api}.log    Media: $Media__Root

Quickstart:
  P=\$(curl -s -u $KEY -X POST $URL/v1/project/demo | python3 -c 'import sys,json;print(json.load(sys.stdin)["Project-UID"])')
  curl -s -u $KEY -X PUT --data-binary '{"width":320,"height":180,"fps":25,"scenes":[{"duration":1,"background":"#000080","layers":[{"type":"text","text":"Hello, \${name}!","fontSize":32,"color":"#ffffff"}]}]}' $URL/v1/sdl/\$P/hello
  curl -s -X POST -H 'Content-Type: application/json' -d '{"movie":"hello","params":{"name":"Alex"}}' $URL/v2/render/\$P
  curl -s -o hello.mp4 $URL/v2/render/<token>.mp4

Press Ctrl-C to stop.
BANNER
}

if [ -n "$ADD_SILO" ]; then
    start_added_silo
else
    start_stack
fi

# --- run until a signal arrives, the API exits, or no silo is left ---------------------------
# A silo that stops gracefully (status 0: an operator's SIGTERM) leaves the others serving; Azurite, and a
# silo that crashed, is started again.
while :; do
    rc=0
    exited=""
    wait -n -p exited "${PIDS[@]}" || rc=$?
    [ -n "$exited" ] || continue
    name="" logfile="" command=""
    for i in "${!PIDS[@]}"; do
        [ "${PIDS[$i]}" = "$exited" ] || continue
        name="${NAMES[$i]}" logfile="${LOGS[$i]}" command="${CMDS[$i]}"
        unset 'PIDS[i]' 'NAMES[i]' 'LOGS[i]' 'CMDS[i]'
        PIDS=("${PIDS[@]}") NAMES=("${NAMES[@]}") LOGS=("${LOGS[@]}") CMDS=("${CMDS[@]}")
        break
    done
    case "$name" in
        stack-watch)
            log "the ./run.sh this silo joined (pid $STACK_PID) has stopped; stopping silo $ADD_SILO"
            exit 0
            ;;
        azurite)
            if restart "$name" "$logfile" "$command" "$rc"; then
                wait_for "Azurite (ports $BLOB_PORT-$TABLE_PORT)" "${PIDS[-1]}" "$AZURITE_TIMEOUT" azurite_ready
                continue
            fi
            ;;
        silo-*)
            if [ "$rc" -ne 0 ] && restart "$name" "$logfile" "$command" "$rc"; then
                continue
            fi
            left=0
            for n in "${NAMES[@]}"; do [[ "$n" == silo-* ]] && left=$((left + 1)); done
            if [ "$left" -gt 0 ]; then
                log "$name (pid $exited) exited with status $rc; $left silo(s) started by run.sh remain"
                continue
            fi
            if [ -n "$ADD_SILO" ] && [ "$rc" -eq 0 ]; then
                log "$name (pid $exited) stopped"
                exit 0
            fi
            ;;
    esac
    echo "error: $name (pid $exited) exited unexpectedly (status $rc)" >&2
    show_logs
    exit 1
done
