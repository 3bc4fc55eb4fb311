#!/usr/bin/env bash
# Installs what argmap needs from the system: Graphviz, Python's venv, and the
# libraries Qt's xcb and offscreen platforms load. Uses apt when root or
# password-less sudo allows; otherwise stops with the exact command to run.
# With --check it only prints the missing packages (one line) and installs nothing.
set -euo pipefail

python=${PYTHON:-python3}
packages=()
# Read once and matched in the shell: `ldconfig -p | grep -q` fails at random under
# pipefail, since grep's early exit kills ldconfig with SIGPIPE.
libraries=$(ldconfig -p 2>/dev/null || true)
fonts=$(fc-list 2>/dev/null || true)
have_lib() { [[ $libraries == *"$1"* ]]; }

command -v dot >/dev/null 2>&1 || packages+=(graphviz)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)   # PDF checks in the tests
command -v desktop-file-validate >/dev/null 2>&1 || packages+=(desktop-file-utils)   # checks the desktop entry
"$python" -c 'import venv, ensurepip' >/dev/null 2>&1 || packages+=(python3-venv)
[[ ${fonts,,} == *dejavu* ]] || packages+=(fonts-dejavu-core)
# library file            Debian package
while read -r lib pkg; do
  have_lib "$lib" || packages+=("$pkg")
done <<'LIBS'
libEGL.so.1               libegl1
libGL.so.1                libgl1
libfontconfig.so.1        libfontconfig1
libxkbcommon.so.0         libxkbcommon0
libxkbcommon-x11.so.0     libxkbcommon-x11-0
libdbus-1.so.3            libdbus-1-3
libxcb-cursor.so.0        libxcb-cursor0
libxcb-icccm.so.4         libxcb-icccm4
libxcb-keysyms.so.1       libxcb-keysyms1
libxcb-shape.so.0         libxcb-shape0
libxcb-xinerama.so.0      libxcb-xinerama0
libxcb-randr.so.0         libxcb-randr0
libxcb-render-util.so.0   libxcb-render-util0
libxcb-image.so.0         libxcb-image0
LIBS

if [ "${1:-}" = "--check" ]; then
  echo "${packages[*]}"
  exit 0
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "argmap needs these system packages (Debian names): ${packages[*]}" >&2
  echo "Install Graphviz and Qt 6's X11 libraries with your system's package manager, then run make again." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "argmap needs system packages it cannot install without root. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
  echo "then run make again." >&2
  exit 1
fi
echo "Installing system packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
