#!/usr/bin/env bash
# Runs the Windows build of cantonal (or any x86_64 Windows console program) under Wine 10, on
# this Debian 12 machine, whose own Wine 8 cannot run Rust programs (it lacks
# bcryptprimitives.dll). Wine 10 comes from a Debian 13 "trixie" root made with debootstrap in a
# folder outside the clone, kept between runs like a CI cache:
#
#   scripts/wine.sh setup                       prepare the root (done by `run` when needed)
#   scripts/wine.sh run [--cwd DIR] PROGRAM.exe [ARGS...]
#                                               run a program; its exit code is the script's.
#                                               DIR: a host folder (default: the current one) or
#                                               a Windows path such as 'C:\users\josé\Documents'.
#                                               PROGRAM: a host file, or a Windows one (cmd)
#   scripts/wine.sh shell                       a bash inside the root, same environment
#   scripts/wine.sh ruta 'C:\users\josé\Documents'
#                                               the host path of a file or folder of the user's
#                                               drive C: (the prefix must exist: made by `run`)
#   scripts/wine.sh clean                       delete the folder
#
# As Cargo's runner (Cargo appends the .exe and its arguments):
#   CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$PWD/scripts/wine.sh run" \
#     cargo test --target x86_64-pc-windows-gnu
#
# Environment:
#   CANTONAL_WINE_DIR     the folder (default /var/tmp/cantonal-wine): root/ is the trixie root,
#                         with one Wine prefix per user name in root/wine/prefixes/<USER>
#   CANTONAL_WINE_MIRROR  the Debian mirror (default http://deb.debian.org/debian)
#   CANTONAL_WINE_BIND    more host folders to make visible, separated by ':'
#   CANTONAL_WINEDEBUG    WINEDEBUG for the program (default -all)
#   USER                  the Windows user name: C:\users\<USER> (e.g. USER=josé); each name has
#                         its own prefix, since Wine names the profile folder when the prefix is
#                         made (made on first use, ~12 s; ~770 MB each, as Wine copies its DLLs)
# Everything else in the environment is passed to the Windows program (Cargo's variables too).
#
# Needs root (debootstrap, mount namespaces, chroot), as on the developers' machines and CI.
#
# How mounts are kept away from the host. The root needs /proc (Wine reads /proc/self/...), a
# read-only /sys (CPU topology), a tmpfs on /tmp (Wine's server socket) and /dev/shm, the host's
# /etc/hosts and /etc/resolv.conf read-only, and the host folders with the program and the
# working directory, bind-mounted read-write at the same path. None of
# this is ever mounted in the host's mount table: every mount is made inside a private mount
# namespace (`unshare --mount --propagation private`) that exists only as long as its processes do.
# When the program ends — normally, on an error, on Ctrl-C, even on SIGKILL, where no trap would
# run — the kernel drops the namespace and its mounts with it, so there is nothing to unmount and
# no trap that could be skipped. Seen from the host, root/proc, root/work... are always plain
# empty folders, so `rm -rf` of the folder can never reach the host's /proc or /work. /dev is not
# bind-mounted at all: debootstrap makes its own device nodes (null, zero, random, urandom, tty,
# ptmx...) inside root/dev, which is all Wine needs; the terminal reaches the program as its
# already-open stdin/stdout/stderr. (`clean` and the rebuild also delete with --one-file-system.)
#
# The run is a chain of exec's — unshare, this script inside the namespace, chroot, bash, Wine —
# so the script's process becomes the Windows program: signals sent to it (Ctrl-C, SIGTERM from
# `timeout`) reach Wine directly, and Wine's exit code is the script's. Wine turns SIGINT
# (Ctrl-C) into a CTRL_C_EVENT for the program's console handlers, as on Windows. Each run has its
# own /tmp, hence its own wineserver (a wineserver opens files for its clients, so it must see the
# same mounts as they do); Debian starts it with -p0, so it exits as soon as the program does, and
# the namespace with it. Runs at the same time work (a server in one, a client in another), each
# with its own wineserver on the same prefix: changes to the Windows registry made by programs
# running at the same time are not merged (the last wineserver to exit writes it). The network is
# the host's: a program listening on 127.0.0.1 inside Wine is reached from the host, and back.
set -euo pipefail

self=$(realpath "${BASH_SOURCE[0]}")
suite=trixie
mirror=${CANTONAL_WINE_MIRROR:-http://deb.debian.org/debian}
# The minimum: wine64 is the loader and wineserver, and pulls libwine (all of Wine, ~720 MB of
# it the Windows DLLs). Nothing from Recommends (no X, fonts, Mono, Gecko), nor the `wine` package,
# whose /usr/bin/wine only picks wine32 or wine64 and, with WINEDEBUG other than -all, warns
# on every start that wine32 is missing: the root has its own /usr/local/bin/wine instead.
packages=(wine64)
# Written in the stamp: a root made by another recipe is rebuilt.
recipe="4 $suite minbase nodoc ${packages[*]}"

say() { printf 'wine.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

wine_dir=$(realpath -m "${CANTONAL_WINE_DIR:-/var/tmp/cantonal-wine}")
root=$wine_dir/root
stage=$wine_dir/root.partial
stamp=$root/.cantonal-wine-ok

# The folder must be a folder of its own, outside the clone and outside system folders.
check_wine_dir() {
  case "$wine_dir/" in
    /|/*/../*) die "CANTONAL_WINE_DIR=$wine_dir no es válido" ;;
  esac
  local d
  for d in / /bin /boot /dev /etc /home /lib /lib64 /opt /proc /root /run /sbin /srv /sys /tmp \
    /usr /var /var/tmp /work; do
    [ "$wine_dir" = "$d" ] && die "CANTONAL_WINE_DIR=$wine_dir: use una subcarpeta propia"
  done
  case "$wine_dir/" in
    /proc/*|/sys/*|/dev/*|/run/*|/usr/*|/etc/*|/bin/*|/sbin/*|/lib*/*|/boot/*)
      die "CANTONAL_WINE_DIR=$wine_dir está en una carpeta del sistema" ;;
  esac
  local clone
  clone=$(realpath "$(dirname "$self")/..")
  case "$wine_dir/" in
    "$clone"/*) die "CANTONAL_WINE_DIR=$wine_dir está dentro del clon ($clone)" ;;
  esac
}

need_root_user() {
  [ "$(id -u)" = 0 ] || die "hace falta ser root (debootstrap, unshare --mount, chroot)"
}

# rm -rf that never leaves the folder's file system and refuses a folder with anything mounted
# under it in the host's mount table (there should never be anything: see above).
safe_rm() {
  local d=$1
  [ -e "$d" ] || return 0
  if findmnt -rn -o TARGET | awk -v d="$d" 'index($0 "/", d "/") == 1 { found = 1 } END { exit !found }'; then
    die "hay algo montado bajo $d; no se borra"
  fi
  rm -rf --one-file-system -- "$d"
}

root_ready() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$recipe" ]; }

# Prepares the root once. It is built in root.partial and renamed to root only when complete
# (with its stamp), so an interrupted setup is never used: the next run deletes it and starts over.
ensure_root() {
  root_ready && return 0
  mkdir -p "$wine_dir"
  exec 9>"$wine_dir/.lock"
  if ! flock -x -w 1 9; then
    say "esperando a otra preparación o ejecución en $wine_dir..."
    flock -x 9
  fi
  if ! root_ready; then
    local start log=$wine_dir/setup.log
    start=$(date +%s)
    say "preparando Debian $suite con Wine en $root (solo la primera vez, unos minutos; registro en $log)"
    if ! command -v debootstrap >/dev/null 2>&1 && [ ! -x /usr/sbin/debootstrap ]; then
      say "instalando debootstrap"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    fi
    safe_rm "$stage"
    if ! unshare --mount --propagation private -- "$self" __setup "$stage" >"$log" 2>&1; then
      tail -n 25 "$log" >&2
      die "la preparación falló (registro completo en $log); se repetirá en la próxima ejecución"
    fi
    printf '%s\n' "$recipe" >"$stage/.cantonal-wine-ok"
    safe_rm "$root"
    mv -T "$stage" "$root"
    say "raíz lista en $(( $(date +%s) - start )) s ($(du -sh "$root" | cut -f1))"
  fi
  exec 9>&-
}

# Inside the setup's private mount namespace: debootstrap, then Wine. Whatever debootstrap or
# this mounts in the new root (/proc) dies with the namespace.
setup_inside() {
  local stage=$1
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  debootstrap --variant=minbase "$suite" "$stage" "$mirror"
  mountpoint -q "$stage/proc" || mount -t proc proc "$stage/proc"
  # No manuals, documentation or translations of the packages installed from here on (~90 MB).
  cat >"$stage/etc/dpkg/dpkg.cfg.d/01-cantonal-nodoc" <<'EOF'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
EOF
  # `wine` and `wineserver` commands. Wine re-executes its loader by the path it was started with,
  # so `wine` runs it by its full path (a symbolic link named wine would fail).
  printf '#!/bin/sh\nexec /usr/lib/wine/wine64 "$@"\n' >"$stage/usr/local/bin/wine"
  chmod 755 "$stage/usr/local/bin/wine"
  ln -sf /usr/lib/wine/wineserver64 "$stage/usr/local/bin/wineserver"
  chroot "$stage" /usr/bin/env -i PATH="$PATH" HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive /bin/sh -ec "
      apt-get update
      apt-get install -y --no-install-recommends ${packages[*]}
      apt-get clean
      rm -rf /var/lib/apt/lists/*
      mkdir -p /wine/prefixes /wine/home
      WINEDEBUG=-all wine --version"
}

# A host folder to make visible inside the root at the same path: for /work and /root the whole
# top folder, for /tmp/x, /var/tmp/x, /home/x, /srv/x, /opt/x, /mnt/x, /media/x that folder,
# elsewhere the folder itself, so that sibling folders (../data) are reachable too. Prints nothing
# when the folder cannot be shared (system folders, the Wine folder or one containing it).
bind_root_of() {
  local p=$1 c
  [ "$p" != / ] || return 0
  case "$p" in
    /work|/work/*|/root|/root/*) c=/$(printf '%s' "${p#/}" | cut -d/ -f1) ;;
    /tmp/*|/var/tmp/*|/home/*|/srv/*|/opt/*|/mnt/*|/media/*)
      local base rest
      case "$p" in /var/tmp/*) base=/var/tmp ;; *) base=/$(printf '%s' "${p#/}" | cut -d/ -f1) ;; esac
      rest=${p#"$base"/}
      c=$base/${rest%%/*} ;;
    *) c=$p ;;
  esac
  # A coarse folder that holds the Wine folder falls back to the folder itself.
  overlaps "$c" && c=$p
  overlaps "$c" && return 0
  case "$c/" in
    /|/tmp/|/var/tmp/|/proc/*|/sys/*|/dev/*|/run/*|/usr/*|/etc/*|/bin/*|/sbin/*|/lib*/*|/boot/*|/var/*)
      case "$c/" in /var/tmp/?*) ;; *) return 0 ;; esac ;;
  esac
  printf '%s\n' "$c"
}

# True when folder $1 is the Wine folder, is inside it or contains it.
overlaps() {
  case "$1/" in "$wine_dir"/*) return 0 ;; esac
  case "$wine_dir/" in "$1"/*) return 0 ;; esac
  return 1
}

# The Windows user name: USER, or the login name; one that Windows could not use is refused.
user_name() {
  local user=${USER:-$(id -un)}
  case "$user" in
    ''|.|..|*/*|*\\*|*:*|*\**|*\?*|*\"*|*\<*|*\>*|*\|*) die "USER=«$user» no sirve como nombre de usuario de Windows" ;;
  esac
  printf '%s\n' "$user"
}

# Prints the folder $1 followed by the parts of the Windows path $2 (after its drive), each part
# that does not exist as written replaced by an entry that differs only in case: Windows compares
# names without case (C:\Users is Wine's C:\users). Refuses «..». Used on the host (`ruta`) and
# inside the root (the working directory of `run`).
windows_path() {
  local host=$1 part e found
  local parts=()
  IFS='\' read -r -a parts <<<"$2"
  for part in "${parts[@]}"; do
    [ -n "$part" ] && [ "$part" != . ] || continue
    if [ "$part" = .. ]; then
      echo "wine.sh: $2: sin «..»" >&2
      return 2
    fi
    if [ ! -e "$host/$part" ] && [ -d "$host" ]; then
      found=""
      for e in "$host"/* "$host"/.[!.]*; do
        [ -e "$e" ] || continue
        e=${e##*/}
        if [ "${e,,}" = "${part,,}" ]; then
          found=$e
          break
        fi
      done
      [ -z "$found" ] || part=$found
    fi
    host=$host/$part
  done
  printf '%s\n' "$host"
}

# `ruta`: where a path of the user's drive C: is on the host, for programs (tests) that prepare
# or read the user's files from outside Wine.
ruta_cmd() {
  [ $# -eq 1 ] || die "uso: wine.sh ruta 'C:\\carpeta\\archivo'"
  local user prefix
  user=$(user_name)
  prefix=$root/wine/prefixes/$user
  [ -f "$prefix/.cantonal-wine-ok" ] \
    || die "el prefijo de Wine de «$user» todavía no existe (se crea en la primera ejecución con run)"
  [[ "$1" =~ ^[Cc]:(.*)$ ]] || die "$1: solo rutas de la unidad C:"
  windows_path "$prefix/drive_c" "${BASH_REMATCH[1]}" || exit 2
}

# `run` on the host: works out the folders to share, then execs into the private namespace.
run_cmd() {
  local mode=$1; shift
  local cwd="" cwd_host program=""
  if [ "$mode" = run ]; then
    while [ $# -gt 0 ]; do
      case "$1" in
        --cwd) [ $# -ge 2 ] || die "--cwd necesita una carpeta"; cwd=$2; shift 2 ;;
        --cwd=*) cwd=${1#--cwd=}; shift ;;
        --) shift; break ;;
        *) break ;;
      esac
    done
    [ $# -ge 1 ] || die "uso: wine.sh run [--cwd CARPETA] PROGRAMA.exe [ARGUMENTOS...]"
  fi

  local user
  user=$(user_name)
  export USER=$user

  local binds=()
  add_bind() { local b; b=$(bind_root_of "$1"); [ -n "$b" ] && binds+=("$b"); return 0; }
  # The working directory: a host folder (shared), or a Windows path, turned into the prefix's
  # folder inside the root.
  if [[ "$cwd" =~ ^[A-Za-z]: ]]; then
    cwd_host=""
  else
    cwd_host=$(realpath -e -- "${cwd:-$PWD}") || die "no existe la carpeta ${cwd:-$PWD}"
    [ -d "$cwd_host" ] || die "$cwd_host no es una carpeta"
    local b; b=$(bind_root_of "$cwd_host")
    [ -n "$b" ] || die "la carpeta de trabajo $cwd_host no se puede compartir con Wine (¿carpeta del sistema?); use --cwd"
    binds+=("$b")
    cwd=$cwd_host
  fi
  if [ "$mode" = run ]; then
    program=$1; shift
    # A program that is a host file is shared and named by its absolute path; anything else
    # (cmd, C:\windows\...) goes to Wine as it is.
    if [ -f "$program" ]; then
      program=$(realpath -e -- "$program")
      local b; b=$(bind_root_of "$(dirname "$program")")
      [ -n "$b" ] || die "$program no se puede compartir con Wine (¿carpeta del sistema?)"
      binds+=("$b")
    else
      case "$program" in
        */*) die "no existe el programa $program" ;;
      esac
    fi
    # Arguments that are absolute host paths (an input file, an output folder) are shared too;
    # Windows programs read /work/x as Z:\work\x. Other ones: CANTONAL_WINE_BIND.
    local a
    for a in "$@"; do
      case "$a" in
        /?*) if [ -d "$a" ]; then add_bind "$(realpath "$a")"
             elif [ -d "$(dirname "$a")" ] && [ "$(dirname "$a")" != / ]; then add_bind "$(realpath "$(dirname "$a")")"
             fi ;;
      esac
    done
  fi
  if [ -n "${CANTONAL_WINE_BIND:-}" ]; then
    local extra
    IFS=: read -r -a extra <<<"$CANTONAL_WINE_BIND"
    for a in "${extra[@]}"; do
      [ -n "$a" ] || continue
      [ -d "$a" ] || die "CANTONAL_WINE_BIND: $a no es una carpeta"
      local b; b=$(bind_root_of "$(realpath "$a")")
      [ -n "$b" ] || die "CANTONAL_WINE_BIND: $a no se puede compartir con Wine"
      binds+=("$b")
    done
  fi

  # Sorted, without duplicates nor folders inside another shared one.
  local sorted=() kept=() d k inside
  [ ${#binds[@]} -gt 0 ] && mapfile -t sorted < <(printf '%s\n' "${binds[@]}" | LC_ALL=C sort -u)
  for d in "${sorted[@]}"; do
    inside=false
    for k in "${kept[@]}"; do case "$d/" in "$k"/*) inside=true ;; esac; done
    $inside || kept+=("$d")
  done

  # Shared lock for the duration of the run (inherited through the exec's): a rebuild of the root
  # waits for running programs.
  exec 9>>"$wine_dir/.lock"
  flock -s 9
  local list
  list=$(printf '%s\n' "${kept[@]}")
  exec unshare --mount --propagation private -- "$self" __inside "$list" "$mode" "$cwd" "$program" "$@"
}

# Makes sure that a mount point inside the root is a real folder (or, with "file", a file) of the
# root: no symbolic link on the way may lead out of it. Checked before anything is created, from
# the deepest part that exists, and again after.
mountpoint_in_root() {
  local p=$root$1 kind=${2:-dir} e
  e=$p
  while [ ! -e "$e" ] && [ ! -L "$e" ]; do e=$(dirname "$e"); done
  [ "$(realpath -e -- "$e")" = "$e" ] || die "$p sale de la raíz (enlace simbólico); no se monta"
  if [ "$kind" = file ]; then
    mkdir -p -- "$(dirname "$p")"
    [ -e "$p" ] || : >"$p"
    [ -f "$p" ] || die "$p no es un archivo; no se monta"
  else
    mkdir -p -- "$p"
  fi
  [ "$(realpath -e -- "$p")" = "$p" ] || die "$p sale de la raíz (enlace simbólico); no se monta"
}

# Inside the run's private mount namespace (still the host's file system): the mounts, then
# chroot. Nothing here is visible from the host, and all of it disappears with the program.
run_inside() {
  local list=$1; shift
  mountpoint_in_root /proc
  mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
  mountpoint_in_root /sys
  mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
  mountpoint_in_root /tmp
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
  mountpoint_in_root /dev/shm
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
  # The host's name resolution, read-only: localhost and the machine's name resolve as on the host
  # (the root has no /etc/hosts of its own).
  local f
  for f in /etc/hosts /etc/resolv.conf; do
    [ -f "$f" ] || continue
    mountpoint_in_root "$f" file
    mount --bind -o ro -- "$f" "$root$f"
  done
  local d
  while IFS= read -r d; do
    [ -n "$d" ] || continue
    mountpoint_in_root "$d"
    mount --bind -- "$d" "$root$d"
  done <<<"$list"
  # The environment is the caller's, less what belongs to the host and could mislead the
  # programs of the root.
  unset LD_PRELOAD LD_LIBRARY_PATH TMPDIR DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS \
    WINEPREFIX WINESERVER WINELOADER WINEARCH LC_ALL LC_CTYPE LC_MESSAGES LC_NUMERIC LC_TIME \
    LC_COLLATE LC_MONETARY LANGUAGE
  export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  # The only UTF-8 locale of the root; Wine needs a UTF-8 one to read non-ASCII names (josé).
  export LANG=C.UTF-8
  exec chroot "$root" /bin/bash -c "$(declare -f windows_path)
$inner" wine-inside "$@"
}

# Runs in the root (bash): the user's prefix, made once, then the program.
# shellcheck disable=SC2016
inner='
set -euo pipefail
mode=$1 cwd=$2 program=$3; shift 3
export WINEPREFIX=/wine/prefixes/$USER HOME=/wine/home/$USER
# The loader to start Windows processes with (there is no "wine" next to wine64).
export WINELOADER=/usr/lib/wine/wine64
export XDG_RUNTIME_DIR=/tmp/xdg-runtime
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
mkdir -p "$HOME"
# No Mono or Gecko installers (they would ask through a window).
export WINEDLLOVERRIDES="mscoree,mshtml=${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}"
export WINEDEBUG=-all
if [ ! -f "$WINEPREFIX/.cantonal-wine-ok" ]; then
  exec 8>"/wine/prefixes/.lock-$USER"
  flock 8
  if [ ! -f "$WINEPREFIX/.cantonal-wine-ok" ]; then
    # A prefix without its stamp was interrupted: made again from nothing.
    rm -rf --one-file-system -- "$WINEPREFIX"
    start=$(date +%s%N)
    echo "wine.sh: creando el prefijo de Wine para «$USER» (C:\\users\\$USER)..." >&2
    mkdir -p "$WINEPREFIX"
    # (8>&-: the lock must not be inherited by the wineserver that wineboot starts.)
    if ! wine wineboot -i >/tmp/wineboot.log 2>&1 8>&-; then
      tail -n 20 /tmp/wineboot.log >&2
      echo "wine.sh: wineboot falló; el prefijo se hará de nuevo la próxima vez" >&2
      exit 2
    fi
    wineserver -w
    touch "$WINEPREFIX/.cantonal-wine-ok"
    echo "wine.sh: prefijo listo en $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  fi
  exec 8>&-
fi
if [[ "$cwd" =~ ^([A-Za-z]):(.*)$ ]]; then
  # A Windows path: its folder in the prefix, found as Windows finds it (made if missing).
  cwd=$(windows_path "$WINEPREFIX/dosdevices/${BASH_REMATCH[1],,}:" "${BASH_REMATCH[2]}")
  mkdir -p -- "$cwd"
fi
cd -- "$cwd"
export WINEDEBUG=${CANTONAL_WINEDEBUG:--all}
if [ "$mode" = shell ]; then
  if [ -t 0 ]; then exec bash -i; else exec bash; fi
fi
exec wine "$program" "$@"
'

case "${1:-}" in
  __setup) setup_inside "$2" ;;
  __inside) shift; run_inside "$@" ;;
  setup)
    need_root_user; check_wine_dir; ensure_root ;;
  run)
    shift; need_root_user; check_wine_dir; ensure_root; run_cmd run "$@" ;;
  shell)
    shift; need_root_user; check_wine_dir; ensure_root; run_cmd shell ;;
  ruta)
    shift; need_root_user; check_wine_dir; root_ready || die "la raíz de Wine no está preparada (wine.sh setup)"
    ruta_cmd "$@" ;;
  clean)
    need_root_user; check_wine_dir
    if [ -d "$wine_dir" ]; then
      exec 9>>"$wine_dir/.lock"
      flock -x -w 30 9 || die "hay programas en marcha con $wine_dir; no se borra"
      safe_rm "$wine_dir"
    fi
    say "borrado $wine_dir" ;;
  *)
    sed -n '2,/^# Needs root/p' "$self" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
