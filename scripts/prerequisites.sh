# shellcheck shell=bash
# Shared by run.sh and test.sh: makes sure the machine has what the render backend needs.
#   source scripts/prerequisites.sh; ensure_prerequisites
# Installs (only when missing): ffmpeg/ffprobe, espeak-ng (text to speech), DejaVu Sans, Noto Color Emoji, WenQuanYi Micro Hei (CJK), curl, Chromium (apt), and
# node_modules (npm ci, for the pinned Azurite, s3rver, playwright-core and hls.js). Expects REPO_ROOT to be set.

prereq_log() { printf '==> %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, through non-interactive sudo otherwise.
_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        echo "error: '$*' needs root and sudo is not available" >&2
        return 1
    fi
}

_apt_lists_empty() {
    # Only the lock file / partial dir present means no package lists were ever fetched.
    ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

_apt_install() {
    local -a pkgs=("$@")
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: missing system packages (${pkgs[*]}) and apt-get is not available; install them by hand" >&2
        return 1
    fi
    local -a install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${pkgs[@]}")
    prereq_log "apt-get install ${pkgs[*]}"
    if ! _apt_lists_empty && _as_root "${install[@]}" >&2; then
        return 0
    fi
    prereq_log "apt-get update"
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
    _as_root "${install[@]}" >&2
}

ensure_system_packages() {
    local -a missing=()
    command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    # The browser tests' player (tests/browser/player.mjs) drives this one; Playwright never downloads its own.
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    if ! command -v fc-list >/dev/null 2>&1; then
        missing+=(fontconfig fonts-dejavu-core fonts-noto-color-emoji fonts-wqy-microhei)
    else
        # Captured first: `fc-list | grep -q` can fail under pipefail when fc-list gets SIGPIPE.
        local fonts
        fonts="$(fc-list 2>/dev/null || true)"
        [[ "$fonts" == *DejaVuSans* ]] || missing+=(fonts-dejavu-core)
        [[ "$fonts" == *"Noto Color Emoji"* ]] || missing+=(fonts-noto-color-emoji)
        # Chinese, Japanese and Korean: 1.6 MB to download (fonts-noto-cjk is 57 MB).
        [[ "$fonts" == *"WenQuanYi Micro Hei"* ]] || missing+=(fonts-wqy-microhei)
    fi
    if [ "${#missing[@]}" -gt 0 ]; then
        _apt_install "${missing[@]}"
        # New fonts must be in the fontconfig cache before SkiaSharp asks for them.
        command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
    fi
}

# True when every devDependency of package.json is in node_modules at exactly its pinned version, so a
# checkout whose node_modules predates a new or re-pinned package runs npm ci again.
_node_modules_match_package_json() {
    [ -d "$REPO_ROOT/node_modules" ] && command -v node >/dev/null 2>&1 || return 1
    (cd "$REPO_ROOT" && node -e '
        const pins = require("./package.json").devDependencies;
        for (const [name, version] of Object.entries(pins)) {
            let installed;
            try { installed = require(`./node_modules/${name}/package.json`).version; } catch { process.exit(1); }
            if (installed !== version) process.exit(1);
        }')
}

ensure_node_modules() {
    if _node_modules_match_package_json; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "error: npm (Node.js 20+) is needed to install Azurite, s3rver, playwright-core, hls.js, Vite and TypeScript" >&2
        return 1
    fi
    prereq_log "npm ci (Azurite, s3rver, playwright-core, hls.js, Vite, TypeScript)"
    # Playwright drives Debian's /usr/bin/chromium; it must not try to fetch a browser build of its own.
    (cd "$REPO_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) >&2
    if ! _node_modules_match_package_json; then
        echo "error: npm ci finished but node_modules does not hold every package of package.json at its pinned version" >&2
        return 1
    fi
}

# Builds the playground (src/Playground → src/Playground/dist, which the API project copies next to its assembly) with
# the pinned Vite and TypeScript of node_modules, when dist/ is missing or older than a source or package-lock.json.
ensure_playground() {
    local dir="$REPO_ROOT/src/Playground"
    if [ -f "$dir/dist/index.html" ] \
        && [ -z "$(find "$dir" "$REPO_ROOT/package-lock.json" -path "$dir/dist" -prune -o -type f -newer "$dir/dist/index.html" -print -quit)" ]; then
        return 0
    fi
    prereq_log "npm run build:playground (Vite)"
    (cd "$REPO_ROOT" && npm run --silent build:playground) >&2
}

ensure_prerequisites() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "error: the .NET 10 SDK (dotnet) is not on PATH" >&2
        return 1
    fi
    ensure_system_packages
    ensure_node_modules
    ensure_playground
}
