#!/usr/bin/env bash
# Runs every test of Orleans.Render.sln (Release) and prints, as the last line,
#   N passed, N failed[, N skipped]
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Api").
# The test fixtures start Azurite (node_modules/.bin/azurite), silos and the API themselves;
# this script only installs the prerequisites. Results: TestResults/*.trx.
# Exit status: dotnet test's; non-zero as well when no .trx was written or no test ran.
# ./test.sh --summarize-only DIR only prints the summary line for the .trx files under DIR.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"
# shellcheck source=scripts/prerequisites.sh
source "$REPO_ROOT/scripts/prerequisites.sh"

RESULTS_DIR="${TEST_RESULTS_DIR:-$REPO_ROOT/TestResults}"
# A single hung test must not eat the whole CI budget; the trx is still written.
HANG_TIMEOUT="${TEST_HANG_TIMEOUT:-10m}"

# trx_attr LINE NAME: the numeric value of NAME="..." in the <Counters ...> element LINE, 0 when absent.
trx_attr() {
    local m
    m="$(grep -oE "[[:space:]]$2=\"[0-9]+\"" <<<" ${1#<Counters}" | head -n 1 || true)"
    m="${m#*\"}"; m="${m%\"}"
    echo "${m:-0}"
}

# Sums the <Counters .../> of every .trx under $1 and prints "total executed passed failed skipped".
sum_trx_counters() {
    local dir="$1" f c
    local total=0 executed=0 passed=0 failed=0 notexec=0
    while IFS= read -r -d '' f; do
        c="$(tr '\n\r' '  ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
        [ -n "$c" ] || continue
        total=$((total + $(trx_attr "$c" total)))
        executed=$((executed + $(trx_attr "$c" executed)))
        passed=$((passed + $(trx_attr "$c" passed)))
        # Tests that errored, timed out or were aborted did not pass either.
        failed=$((failed + $(trx_attr "$c" failed) + $(trx_attr "$c" error) + $(trx_attr "$c" timeout) + $(trx_attr "$c" aborted)))
        notexec=$((notexec + $(trx_attr "$c" notExecuted)))
    done < <(find "$dir" -name '*.trx' -type f -print0 2>/dev/null)
    local skipped=$((total - executed))
    [ "$skipped" -ge "$notexec" ] || skipped="$notexec"
    [ "$skipped" -ge 0 ] || skipped=0
    echo "$total $executed $passed $failed $skipped"
}

summary_line() { # summary_line PASSED FAILED SKIPPED
    if [ "$3" -gt 0 ]; then echo "$1 passed, $2 failed, $3 skipped"; else echo "$1 passed, $2 failed"; fi
}

# ./test.sh --summarize-only DIR: only prints the summary of the .trx files in DIR (for checking the parser).
if [ "${1:-}" = "--summarize-only" ]; then
    RESULTS_DIR="${2:?--summarize-only needs a directory}"
    set -- ; SUMMARIZE_ONLY=1
else
    SUMMARIZE_ONLY=0
fi

rc=0
if [ "$SUMMARIZE_ONLY" -eq 0 ]; then
    ensure_prerequisites
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"
    blame=(--blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none)
    for a in "$@"; do [[ "$a" == --blame* ]] && blame=(); done
    echo "==> dotnet test Orleans.Render.sln -c Release $*" >&2
    dotnet test Orleans.Render.sln -c Release --nologo \
        --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS_DIR" \
        "${blame[@]}" "$@" || rc=$?
fi

trx_count="$(find "$RESULTS_DIR" -name '*.trx' -type f 2>/dev/null | wc -l)"
read -r total executed passed failed skipped < <(sum_trx_counters "$RESULTS_DIR")

if [ "$trx_count" -eq 0 ]; then
    echo "error: no .trx file in $RESULTS_DIR (the build or the test run failed before any results)" >&2
    [ "$rc" -ne 0 ] || rc=1
elif [ "$executed" -eq 0 ]; then
    echo "error: no test ran ($trx_count .trx file(s), $total test(s) found)" >&2
    [ "$rc" -ne 0 ] || rc=1
elif [ "$failed" -gt 0 ] && [ "$rc" -eq 0 ]; then
    rc=1
fi
summary_line "$passed" "$failed" "$skipped"
exit "$rc"
