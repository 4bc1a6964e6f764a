# Shared set-up for scripts/start and scripts/test: a .venv at the repository root with the
# project installed into it. Re-installs only when pyproject.toml changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

ensure_venv() {  # $1: pip extra ("" or "dev")
    local extra="${1:-}" spec="." stamp
    [ -n "$extra" ] && spec=".[$extra]"
    if [ ! -x .venv/bin/python ]; then
        if ! "$PY" -m venv .venv 2>/dev/null; then
            echo "python3 -m venv is missing; installing python3-venv" >&2
            as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv
            "$PY" -m venv .venv
        fi
    fi
    stamp=".venv/.crosscheck-$extra-$(sha256sum pyproject.toml | cut -c1-16)"
    if [ ! -e "$stamp" ]; then
        echo "Installing Crosscheck${extra:+ with its $extra tools} into .venv (log: .venv/install.log)…" >&2
        if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip \
               && .venv/bin/python -m pip install --disable-pip-version-check -e "$spec"; } \
               > .venv/install.log 2>&1; then
            tail -n 30 .venv/install.log >&2
            echo "installing the project into .venv failed (see .venv/install.log)" >&2
            exit 1
        fi
        .venv/bin/python -c "import desktop, PySide6, rapidfuzz, docx" \
            || { echo "installing the project into .venv failed" >&2; exit 1; }
        rm -f .venv/.crosscheck-"$extra"-*
        touch "$stamp"
    fi
}

ensure_x11_libraries() {  # what Qt's xcb platform plugin needs on a minimal Debian
    local missing=()
    for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxkbcommon-x11.so.0 \
               libxcb-shape.so.0 libxcb-render-util.so.0 libxcb-image.so.0 libEGL.so.1 \
               libfontconfig.so.1; do
        ldconfig -p | grep -q "$lib" || missing+=("$lib")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing the X11 libraries Qt needs (${missing[*]})" >&2
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-shape0 \
        libxcb-render-util0 libxcb-image0 libegl1 libfontconfig1 libgl1 >/dev/null \
        || echo "could not install them; the app may not start (see README)" >&2
}
