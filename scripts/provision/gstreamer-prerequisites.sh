# Prerequisite checks shared by the scripts that build LiveKit's GStreamer services (sourced, not run).
# They only look and collect: report_missing_prerequisites names the Debian packages and exits 3.
#
#   check_plugin <stem[|stem]> <apt package> <elements>   a GStreamer plugin file the service loads at run time
#   check_go_toolchain <minimum 1.x minor>                 sets GO to the go binary
#   check_cgo_build_tools                                  C compiler, pkg-config and GStreamer development files
#   report_missing_prerequisites <what>                    prints what is missing and exits 3, or returns

missing_apt=()
problems=()
GO=""

need_apt() { # $1 = apt package, $2 = what is missing
  local p
  problems+=("$2  [apt: $1]")
  for p in "${missing_apt[@]:-}"; do [[ "$p" == "$1" ]] && return 0; done
  missing_apt+=("$1")
}

gst_plugin_dir=""
if command -v pkg-config >/dev/null 2>&1; then
  gst_plugin_dir="$(pkg-config --variable=pluginsdir gstreamer-1.0 2>/dev/null || true)"
fi
if [[ -z "$gst_plugin_dir" || ! -d "$gst_plugin_dir" ]]; then
  for d in /usr/lib/x86_64-linux-gnu/gstreamer-1.0 /usr/lib/aarch64-linux-gnu/gstreamer-1.0 /usr/lib/gstreamer-1.0 /usr/lib64/gstreamer-1.0; do
    [[ -d "$d" ]] && { gst_plugin_dir="$d"; break; }
  done
fi

check_plugin() {
  local stem
  if [[ -n "$gst_plugin_dir" ]]; then
    for stem in ${1//|/ }; do [[ -e "$gst_plugin_dir/libgst$stem.so" ]] && return 0; done
  fi
  need_apt "$2" "GStreamer plugin libgst${1%%|*}.so ($3)"
}

check_go_toolchain() {
  local minimum="$1" gover gominor
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"
  elif [[ -x /usr/local/go/bin/go ]]; then GO=/usr/local/go/bin/go
  fi
  if [[ -z "$GO" ]]; then
    problems+=("Go is not installed: need Go >= 1.$minimum from https://go.dev/dl (Debian 12's golang-go 1.19 is too old)")
    return 0
  fi
  gover="$("$GO" env GOVERSION 2>/dev/null || true)"; gover="${gover#go}"
  gominor="$(printf '%s' "$gover" | cut -d. -f2)"
  if [[ "${gover%%.*}" != 1 || ! "$gominor" =~ ^[0-9]+$ || "$gominor" -lt "$minimum" ]]; then
    problems+=("Go $gover is too old: need Go >= 1.$minimum from https://go.dev/dl")
  fi
}

check_cgo_build_tools() {
  command -v "${CC:-cc}" >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need_apt gcc "a C compiler (cgo)"
  if ! command -v pkg-config >/dev/null 2>&1; then
    need_apt pkg-config "pkg-config (cgo finds GStreamer with it)"
    return 0
  fi
  local pc
  # pkg-config modules the go-gst cgo code asks for -> Debian package that ships the .pc file
  for pc in glib-2.0 gobject-2.0 gio-2.0; do pkg-config --exists "$pc" 2>/dev/null || need_apt libglib2.0-dev "pkg-config module $pc"; done
  for pc in gstreamer-1.0 gstreamer-base-1.0 gstreamer-controller-1.0; do
    pkg-config --exists "$pc" 2>/dev/null || need_apt libgstreamer1.0-dev "pkg-config module $pc"
  done
  for pc in gstreamer-app-1.0 gstreamer-video-1.0 gstreamer-audio-1.0 gstreamer-pbutils-1.0; do
    pkg-config --exists "$pc" 2>/dev/null || need_apt libgstreamer-plugins-base1.0-dev "pkg-config module $pc"
  done
}

report_missing_prerequisites() { # $1 = what cannot be built
  [[ ${#problems[@]} -eq 0 ]] && return 0
  {
    echo "cannot build/install the $1; missing:"
    printf '  - %s\n' "${problems[@]}"
    if [[ ${#missing_apt[@]} -gt 0 ]]; then
      echo "Install the system packages (Debian/Ubuntu), then run this again:"
      echo "  sudo apt-get install -y ${missing_apt[*]}"
    fi
    echo "Full set used on Debian 12: pkg-config gcc libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev"
    echo "  libgstreamer-plugins-bad1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good"
    echo "  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav"
  } >&2
  exit 3
}
