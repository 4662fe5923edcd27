#!/usr/bin/env bash
# Benchmark of very large plans (docs/rendimiento.md, «Planes muy grandes»): builds the three
# cases below from plans/otavalo.yaml and prints the seconds each binary takes on each.
#
#   1. `validar` of a plan with 200 000 unknown top-level keys (about 6.4 MB);
#   2. `validar` of a plan with 50 000 actors;
#   3. `comparar` of two plans with 20 000 actors each (every second actor renamed).
#
# Usage: [LIMITE=SECONDS] scripts/bench-grandes.sh [BINARY...]
# Without arguments it builds and measures target/release/cantonal. With several binaries
# (for example the one before a change and the one after) they are measured in the same run.
# A run longer than LIMITE seconds (600 by default) is stopped and shown as "> LIMITE s".
set -euo pipefail
LIMITE=${LIMITE:-600}
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
    cargo build --release --quiet
    set -- target/release/cantonal
fi

casos=$(mktemp -d)
trap 'rm -rf "$casos"' EXIT
base=plans/otavalo.yaml

# 1. 200 000 unknown keys after the plan (32 bytes a line).
{
    cat "$base"
    awk 'BEGIN { for (i = 1; i <= 200000; i++) printf "clave_desconocida_%06d: valor\n", i }'
} > "$casos/claves.yaml"

# Writes the plan with N more actors, inserted after the `actores:` line; with `renombrar`,
# every second extra actor gets another id (as a renamed actor in a second draft).
con_actores() {
    awk -v n="$1" -v renombrar="${2:-}" '
        { print }
        /^actores:$/ {
            for (i = 1; i <= n; i++) {
                id = (renombrar != "" && i % 2 == 0) ? sprintf("nuevo-%05d", i) : sprintf("actor-%05d", i)
                printf "  - { id: %s, nombre: Organización comunitaria %d, tipo: organizacion_comunitaria, contacto: { telefono: \"(06) 000-%04d\" } }\n", id, i, i % 10000
            }
        }' "$base"
}
con_actores 50000 > "$casos/actores.yaml"
con_actores 20000 > "$casos/anterior.yaml"
con_actores 20000 renombrar > "$casos/nuevo.yaml"

printf '%-40s' caso
for bin in "$@"; do printf ' %12s' "$(basename "$bin")"; done
printf '\n'

medir() {
    local nombre=$1
    shift
    printf '%-40s' "$nombre"
    for bin in "${BINARIOS[@]}"; do
        local inicio fin rc=0
        inicio=$(date +%s.%N)
        timeout "$LIMITE" "$bin" --color nunca "$@" > /dev/null 2>&1 || rc=$?
        fin=$(date +%s.%N)
        if [ "$rc" -eq 124 ]; then
            printf ' %10s s' "> $LIMITE"
        else
            awk -v a="$inicio" -v b="$fin" 'BEGIN { printf " %10.2f s", b - a }'
        fi
    done
    printf '\n'
}

BINARIOS=("$@")
medir "validar: 200 000 claves desconocidas" validar "$casos/claves.yaml"
medir "validar: 50 000 actores" validar "$casos/actores.yaml"
medir "comparar: dos planes de 20 000 actores" comparar "$casos/anterior.yaml" "$casos/nuevo.yaml"
