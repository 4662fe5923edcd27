//! C002, C003, C025 and C026: the plan's period and each action's deadline, and their order with
//! the drafting and the approval of the plan: nothing starts before it is written or approved.

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

/// An action that starts before the plan is approved.
pub static C025: Regla = Regla {
    codigo: "C025",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción que empieza antes de la aprobación del plan",
    explicacion: Explicacion {
        que: "Que ninguna acción empiece (`plazo.inicio`) antes de `aprobacion.fecha`.",
        por_que: "Antes de que el Concejo apruebe el plan, sus acciones no tienen respaldo ni presupuesto: una acción que empieza antes queda fuera de lo aprobado o se ejecuta sin él.",
        incorrecto: "aprobacion: { instrumento: ordenanza, numero: \"014\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }\nacciones:\n  - id: A1\n    plazo: { inicio: 2026-01-15, fin: 2026-11-30 }",
        correcto: "    plazo: { inicio: 2026-04-01, fin: 2026-11-30 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c025),
};

/// A period that starts before the plan was drafted.
pub static C026: Regla = Regla {
    codigo: "C026",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Período que empieza antes de la elaboración del plan",
    explicacion: Explicacion {
        que: "Que `periodo.inicio` no sea anterior a `elaboracion.fecha`.",
        por_que: "Un plan que empieza antes de escribirse ya nace atrasado: sus primeros meses no se pueden ejecutar ni evaluar, y todavía faltan la revisión y la aprobación del Concejo.",
        incorrecto: "periodo: { inicio: 2026-01-01, fin: 2028-12-31 }\nelaboracion: { fecha: 2026-02-01 }",
        correcto: "periodo: { inicio: 2026-04-01, fin: 2028-12-31 }\nelaboracion: { fecha: 2026-02-01 }",
    },
    comprobar: Comprobacion::Plan(comprobar_c026),
};

fn comprobar_c025(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(a) = &ctx.plan.aprobacion else {
        return Vec::new();
    };
    ctx.plan
        .acciones
        .iter()
        .enumerate()
        .filter(|(_, x)| x.plazo.inicio < a.fecha)
        .map(|(i, x)| {
            Hallazgo::en(
                path!["acciones", i, "plazo", "inicio"],
                format!(
                    "la acción {} empieza el {}, antes de que el Concejo aprobara el plan ({})",
                    x.id,
                    fecha_larga(x.plazo.inicio),
                    fecha_larga(a.fecha)
                ),
                "Haga empezar la acción el día de la aprobación o después; si ya se ejecutaba antes, dígalo en su descripción y cuente en el plan solo lo que viene después.",
            )
        })
        .collect()
}

fn comprobar_c026(ctx: &Contexto) -> Vec<Hallazgo> {
    let (Some(e), p) = (&ctx.plan.elaboracion, ctx.plan.periodo) else {
        return Vec::new();
    };
    if p.inicio >= e.fecha {
        return Vec::new();
    }
    vec![Hallazgo::en(
        path!["periodo", "inicio"],
        format!(
            "el período empieza el {}, antes de que se elaborara el plan ({})",
            fecha_larga(p.inicio),
            fecha_larga(e.fecha)
        ),
        "Haga empezar el período después de la elaboración, dejando tiempo para la revisión y la aprobación del Concejo (por ejemplo, el primer día de un mes posterior).",
    )]
}
