//! C002 and C003: the plan's period and each action's deadline.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::espanol::fecha_larga;
use crate::path;

/// Invalid period, or outside the national plan's validity.
pub static C002: Regla = Regla {
    codigo: "C002",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Período del plan no válido",
    explicacion: Explicacion {
        que: "Que `periodo.fin` sea posterior a `periodo.inicio` y que el período quede dentro de la vigencia del plan nacional (PACTA: hasta 2030).",
        por_que: "Un plan cantonal ejecuta localmente el plan nacional: fuera de su vigencia no hay marco nacional al cual alinearse.",
        incorrecto: "periodo: { inicio: 2028-01-01, fin: 2026-12-31 }",
        correcto: "periodo: { inicio: 2026-01-01, fin: 2028-12-31 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c002),
};

/// Action deadline outside the period, or reversed.
pub static C003: Regla = Regla {
    codigo: "C003",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Plazo de acción fuera del período o invertido",
    explicacion: Explicacion {
        que: "Que el plazo de cada acción termine después de empezar y quede dentro del período del plan.",
        por_que: "Una acción programada fuera del período no se puede presupuestar ni evaluar en este plan.",
        incorrecto: "periodo: { inicio: 2026-01-01, fin: 2028-12-31 }\nacciones:\n  - id: A1\n    plazo: { inicio: 2026-03-01, fin: 2029-06-30 }",
        correcto: "    plazo: { inicio: 2026-03-01, fin: 2028-06-30 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c003),
};

fn comprobar_c002(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan.periodo;
    let v = ctx.referencia.vigencia;
    let nacional = &ctx.referencia.nombre_corto;
    let mut out = Vec::new();
    if p.fin < p.inicio {
        out.push(Hallazgo::en(
            path!["periodo", "fin"],
            format!(
                "el período termina ({}) antes de empezar ({})",
                fecha_larga(p.fin),
                fecha_larga(p.inicio)
            ),
            "Revise las fechas: `inicio` es la primera y `fin` la última.",
        ));
        return out;
    }
    if p.inicio < v.inicio {
        out.push(Hallazgo::en(
            path!["periodo", "inicio"],
            format!(
                "el período empieza el {}, antes de la vigencia del {nacional} ({})",
                fecha_larga(p.inicio),
                fecha_larga(v.inicio)
            ),
            format!("Empiece el período el {} o después.", fecha_larga(v.inicio)),
        ));
    }
    if p.fin > v.fin {
        out.push(Hallazgo::en(
            path!["periodo", "fin"],
            format!(
                "el período termina el {}, después de la vigencia del {nacional} ({})",
                fecha_larga(p.fin),
                fecha_larga(v.fin)
            ),
            format!("Termine el período el {} o antes.", fecha_larga(v.fin)),
        ));
    }
    out
}

fn comprobar_c003(ctx: &Contexto) -> Vec<Hallazgo> {
    let periodo = ctx.plan.periodo;
    let mut out = Vec::new();
    for (i, a) in ctx.plan.acciones.iter().enumerate() {
        let plazo = a.plazo;
        if plazo.fin < plazo.inicio {
            out.push(Hallazgo::en(
                path!["acciones", i, "plazo", "fin"],
                format!(
                    "el plazo de la acción {} termina ({}) antes de empezar ({})",
                    a.id,
                    fecha_larga(plazo.fin),
                    fecha_larga(plazo.inicio)
                ),
                "Revise las fechas del plazo: `inicio` es la primera y `fin` la última.",
            ));
            continue;
        }
        if plazo.inicio < periodo.inicio {
            out.push(Hallazgo::en(
                path!["acciones", i, "plazo", "inicio"],
                format!(
                    "la acción {} empieza el {}, antes del inicio del plan ({})",
                    a.id,
                    fecha_larga(plazo.inicio),
                    fecha_larga(periodo.inicio)
                ),
                "Ajuste el plazo al período del plan.",
            ));
        }
        if plazo.fin > periodo.fin {
            out.push(Hallazgo::en(
                path!["acciones", i, "plazo", "fin"],
                format!(
                    "la acción {} termina el {}, después del fin del plan ({})",
                    a.id,
                    fecha_larga(plazo.fin),
                    fecha_larga(periodo.fin)
                ),
                "Ajuste el plazo al período del plan.",
            ));
        }
    }
    out
}
