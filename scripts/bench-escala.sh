#!/usr/bin/env bash
# Escala y memoria (docs/rendimiento.md): tiempo y memoria máxima de procesos enteros, cada cifra
# junto a su referencia, en una sola corrida. No es una prueba: no afirma nada, imprime.
#
#   scripts/bench-escala.sh [BINARIO_DE_REFERENCIA]
#
# Usa target/release/cantonal (o $CANTONAL). Con BINARIO_DE_REFERENCIA (otro cantonal, por ejemplo
# el de la rama principal), cada fila lo mide también. La compilación Typst «sola» usa el paquete
# de Python `typst` 0.15 (`pip install 'typst==0.15.*'`) con las mismas plantillas, el mismo
# plan.json y las fuentes incorporadas, como un proceso entero. Tiempos y memoria con
# /usr/bin/time (tiempo real y VmHWM del proceso). Las entradas se generan en $BENCH_DIR
# (/tmp/cantonal-escala por omisión). Cada curva se acota con una variable: ESCALA="1 10 100"
# (planes), OBSERVACIONES="10 100", PROSA="1024 4096" (KB de Markdown del plan de prosa),
# LOTE_SOLO=100 (planes del lote comparados con Typst solo en un proceso); OBSERVACIONES="" o
# PROSA="" omiten esa curva.
set -euo pipefail
cd "$(dirname "$0")/.."
RAIZ=$(pwd)
BIN=$(realpath "${CANTONAL:-target/release/cantonal}")
ANTES=${1:+$(realpath "$1")}
W=${BENCH_DIR:-/tmp/cantonal-escala}
ESCALA=${ESCALA:-"1 10 100 221 1000 2000"}
OBSERVACIONES=${OBSERVACIONES-"10 100 1000 5000"}
PROSA=${PROSA-"1024 2048 4096 7373"}
mkdir -p "$W"
export NO_COLOR=1

# medir COMANDO...: tiempo real, CPU (usuario + sistema, todos los hilos) y memoria máxima del
# proceso (y «falló» si no salió con 0).
medir() {
    local estado=0
    /usr/bin/time -f "%e %U %S %M" -o "$W/tiempo" "$@" >"$W/salida" 2>&1 || estado=$?
    tail -n 1 "$W/tiempo" | awk -v e="$estado" '{ printf "%7.2f s (CPU %6.2f s) %6.0f MiB%s", $1, $2 + $3, $4 / 1024, (e != 0 ? " (falló)" : "") }'
}

# fila NOMBRE ARGUMENTOS...: cantonal, y la referencia si se dio (medida primero, para que los
# archivos que quedan sean los de cantonal).
fila() {
    local nombre=$1 antes=""
    shift
    if [ -n "$ANTES" ]; then antes=$(medir "$ANTES" "$@"); fi
    printf '%-44s %s' "$nombre" "$(medir "$BIN" "$@")"
    if [ -n "$ANTES" ]; then printf '   antes: %s' "$antes"; fi
    printf '\n'
}

echo "cantonal: $BIN"
[ -n "$ANTES" ] && echo "referencia: $ANTES"
echo "máquina: $(nproc) núcleos, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $(date -u '+%Y-%m-%d %H:%M UTC')"

# Planes sintéticos (40 acciones cada uno), uno por cantón del catálogo, repitiendo después del 221.
MAX=$(echo "$ESCALA" | tr ' ' '\n' | sort -n | tail -n 1)
if [ ! -d "$W/planes-$MAX" ]; then
    cargo run --quiet --example sinteticos -- "$MAX" "$W/planes-$MAX" >/dev/null
fi
for n in $ESCALA; do
    if [ ! -d "$W/planes-$n" ]; then
        mkdir -p "$W/planes-$n"
        find "$W/planes-$MAX" -name '*.yaml' | sort | awk -v n="$n" 'NR <= n' | xargs -I{} cp {} "$W/planes-$n/"
    fi
done

echo
echo "== generar de plans/ibarra.yaml (PDF): cantonal frente a Typst solo, procesos enteros"
mkdir -p "$W/ibarra"
"$BIN" generar plans/ibarra.yaml --formato json -o "$W/ibarra/completo.json" >/dev/null
python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))["documento"]; json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)' \
    "$W/ibarra/completo.json" "$W/ibarra/plan.json"
cp templates/*.typ "$W/ibarra/"
cat >"$W/typst-solo.py" <<'EOF'
import sys, typst
raiz = sys.argv[1]
pdf = typst.compile(f"{raiz}/plan.typ", root=raiz, font_paths=[], ignore_system_fonts=True)
open(sys.argv[2], "wb").write(pdf)
EOF
for i in 1 2 3; do
    printf '  corrida %s: Typst solo %s   cantonal %s\n' "$i" \
        "$(medir python3 "$W/typst-solo.py" "$W/ibarra" "$W/ibarra/solo.pdf")" \
        "$(medir "$BIN" generar plans/ibarra.yaml -o "$W/ibarra/cantonal.pdf")"
done

echo
echo "== plan de prosa: Ibarra con N KB de Markdown en la presentación (PDF); Typst solo con el mismo plan.json"
cat >"$W/prosa.py" <<'EOF'
import re, sys
base, kb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lineas = open(base, encoding="utf-8").read().split("\n")
i = next(k for k, l in enumerate(lineas) if l.startswith("presentacion:"))
j = next(k for k in range(i + 1, len(lineas)) if re.match(r"^[a-z_]+:", lineas[k]))
frase = ("En el párrafo {n} el cantón describe cómo la **red de protección** coordina la "
         "identificación, la *atención inmediata* y la derivación de las víctimas, con las "
         "instituciones competentes de cada etapa y los plazos que la ruta establece. ")
cuerpo, n = [], 0
while sum(len(c) + 3 for c in cuerpo) < kb * 1024:
    n += 1
    if n % 25 == 0:
        cuerpo.append(f"## Sección {n // 25}")
    elif n % 10 == 0:
        cuerpo.append("\n".join(f"- Punto {n}.{k}: compromiso verificable del año {2026 + k % 3}." for k in range(4)))
    else:
        cuerpo.append((frase * 3).format(n=n).strip())
texto = "\n\n".join(cuerpo)
nuevo = ["presentacion: |"] + ["  " + l if l else "" for l in texto.split("\n")]
open(out, "w", encoding="utf-8").write("\n".join(lineas[:i] + nuevo + [""] + lineas[j:]))
EOF
for kb in $PROSA; do
    d="$W/prosa-$kb"
    mkdir -p "$d"
    python3 "$W/prosa.py" plans/ibarra.yaml "$kb" "$d/plan.yaml"
    "$BIN" generar "$d/plan.yaml" --formato json -o "$d/completo.json" >/dev/null
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))["documento"]; json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)' \
        "$d/completo.json" "$d/plan.json"
    cp templates/*.typ "$d/"
    fila "prosa de $kb KB" generar "$d/plan.yaml" -o "$d/plan.pdf"
    printf '%-44s %s   %s páginas\n' "  Typst solo, prosa de $kb KB" \
        "$(medir python3 "$W/typst-solo.py" "$d" "$d/solo.pdf")" \
        "$(pdfinfo "$d/plan.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
done

echo
echo "== informe PDF sobre N planes"
for n in $ESCALA; do
    fila "informe de $n planes" informe "$W/planes-$n" -o "$W/informe-$n.pdf"
done
printf '  páginas del informe (cantonal):'
for n in $ESCALA; do printf ' %s planes: %s;' "$n" "$(pdfinfo "$W/informe-$n.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"; done
printf '\n'

echo
echo "== lote: generar CARPETA -o SALIDA (PDF)"
for n in $ESCALA; do
    rm -rf "$W/lote"
    fila "lote de $n planes" generar "$W/planes-$n" -o "$W/lote"
done

# CPU por plan de la compilación Typst sola de los mismos documentos, LOTE_SOLO planes en un solo
# proceso de Python (las plantillas se analizan una vez), junto al lote de cantonal de esos planes.
LOTE_SOLO=${LOTE_SOLO:-100}
echo
echo "== lote de $LOTE_SOLO planes: cantonal frente a Typst solo con los mismos documentos, en un proceso"
mkdir -p "$W/planes-solo-$LOTE_SOLO"
find "$W/planes-$MAX" -name '*.yaml' | sort | awk -v n="$LOTE_SOLO" 'NR <= n' | xargs -I{} cp {} "$W/planes-solo-$LOTE_SOLO/"
rm -rf "$W/lote-json" "$W/lote-solo"
"$BIN" generar "$W/planes-solo-$LOTE_SOLO" --formato json -o "$W/lote-json" >/dev/null
mkdir -p "$W/lote-solo"
cp templates/*.typ "$W/lote-solo/"
cat >"$W/lote-solo.py" <<'EOF'
import json, pathlib, sys, typst
entrada, raiz = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in sorted(entrada.glob("*.json")):
    (raiz / "plan.json").write_text(json.dumps(json.loads(f.read_text())["documento"], ensure_ascii=False))
    typst.compile(str(raiz / "plan.typ"), output=str(raiz / "plan.pdf"), root=str(raiz), font_paths=[], ignore_system_fonts=True)
EOF
rm -rf "$W/lote"
printf '  cantonal:    %s\n' "$(medir "$BIN" generar "$W/planes-solo-$LOTE_SOLO" -o "$W/lote")"
tail -n 1 "$W/tiempo" | awk -v n="$LOTE_SOLO" '{ printf "               %.3f s de CPU por plan\n", ($2 + $3) / n }'
printf '  Typst solo:  %s\n' "$(medir python3 "$W/lote-solo.py" "$W/lote-json" "$W/lote-solo")"
tail -n 1 "$W/tiempo" | awk -v n="$LOTE_SOLO" '{ printf "               %.3f s de CPU por plan\n", ($2 + $3) / n }'

echo
echo "== copia de revisión de un plan de cuatro acciones (plans/colta.yaml) con N observaciones"
for n in $OBSERVACIONES; do
    d="$W/obs-$n"
    mkdir -p "$d"
    cp plans/colta.yaml "$d/plan.yaml"
    {
        printf 'revisor: Asesoría técnica\nfecha: 2026-03-10\nobservaciones:\n'
        rutas=(acciones.A1 acciones.A2.indicador.meta acciones.A3 acciones.A4.presupuesto riesgos.R1
            riesgos.R2 actores.gad-colta objetivos.O2 presentacion diagnostico seguimiento ruta_atencion)
        for ((i = 0; i < n; i++)); do
            printf '  - ruta: %s\n    texto: Observación número %d sobre **este** elemento.\n' "${rutas[i % 12]}" $((i + 1))
            if ((i % 3 == 0)); then printf '    estado: resuelta\n'; fi
        done
    } >"$d/plan.observaciones.yaml"
    fila "copia de revisión, $n observaciones" generar "$d/plan.yaml" --observaciones "$d/plan.observaciones.yaml" -o "$d/revision.pdf"
done
cd "$RAIZ"
