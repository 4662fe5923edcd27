//! M002–M006: the cuts of a monitoring file against its plan — every reported action is one of
//! the plan's, every cut is dated within the plan's period and not after today, no cut or
//! action is reported twice, and no action of the plan is left out of a cut. Run by
//! [`super::seguimiento`].

use std::collections::HashSet;

use super::seguimiento::ContextoSeguimiento;
use super::{Comprobacion, Explicacion, Hallazgo, Regla};
use crate::diagnostics::{Severidad, lista};
use crate::espanol::fecha_larga;
use crate::path;
use crate::plan::seguimiento::FechaImposible;
use crate::suggest::did_you_mean;

/// A reported action that the plan does not have.
pub static M002: Regla = Regla {
    codigo: "M002",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Acción del seguimiento que no está en el plan",
    explicacion: Explicacion {
        que: "Que cada `accion` de un corte sea el identificador de una acción del plan.",
        por_que: "Lo informado de una acción que el plan no tiene no se puede medir contra ningún indicador ni presupuesto, y no aparecería en el informe de avance: se perdería sin que nadie lo note.",
        incorrecto: "cortes:\n  - fecha_corte: 2026-06-30\n    informa: Unidad de Planificación\n    acciones:\n      - { accion: A30, estado: en_curso }",
        correcto: "cortes:\n  - fecha_corte: 2026-06-30\n    informa: Unidad de Planificación\n    acciones:\n      - { accion: A3, estado: en_curso }",
    },
    comprobar: Comprobacion::Seguimiento(desconocidas),
};

fn desconocidas(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (p, corte, plan) in ctx.cortes() {
        let ids: Vec<&str> = plan.acciones.iter().map(|a| a.id.as_str()).collect();
        for (j, r) in corte.acciones.iter().enumerate() {
            if ids.contains(&r.accion.as_str()) {
                continue;
            }
            let cercana = did_you_mean(&r.accion, ids.iter().copied())
                .map(|c| format!("¿Quiso decir `{c}`? "))
                .unwrap_or_default();
            let mut aqui = p.clone();
            aqui.extend(path!["acciones", j, "accion"]);
            out.push(Hallazgo::en(
                aqui,
                format!("el plan no tiene la acción `{}`", r.accion),
                format!("{cercana}Las acciones del plan son: {}.", lista(&ids)),
            ));
        }
    }
    out
}

/// A cut dated after today.
pub static M003: Regla = Regla {
    codigo: "M003",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Corte con fecha futura",
    explicacion: Explicacion {
        que: "Que ningún corte tenga una `fecha_corte` posterior a hoy (la fecha de `SOURCE_DATE_EPOCH` si está definida).",
        por_que: "Un corte dice lo que se hizo hasta su fecha: uno fechado en el futuro informa de algo que todavía no pasó, y el Concejo o el CPCCS lo leerían como cierto.",
        incorrecto: "cortes:\n  - fecha_corte: 2030-06-30   # todavía no llega",
        correcto: "cortes:\n  - fecha_corte: 2026-06-30",
    },
    comprobar: Comprobacion::Seguimiento(futuros),
};

fn futuros(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    ctx.cortes()
        .into_iter()
        .filter(|(_, c, p)| {
            FechaImposible::de(c.fecha_corte, &p.periodo, ctx.hoy) == Some(FechaImposible::Futura)
        })
        .map(|(mut p, c, _)| {
            p.push("fecha_corte".into());
            Hallazgo::en(
                p,
                format!(
                    "el corte del {} tiene una fecha posterior a hoy ({})",
                    fecha_larga(c.fecha_corte),
                    fecha_larga(ctx.hoy)
                ),
                "Un corte informa de lo hecho hasta su fecha: escriba la fecha hasta la que se informa, que no puede ser posterior a hoy.",
            )
        })
        .collect()
}

/// A cut dated outside the plan's period.
pub static M004: Regla = Regla {
    codigo: "M004",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Corte fuera del período del plan",
    explicacion: Explicacion {
        que: "Que la `fecha_corte` de cada corte esté dentro del período del plan (`periodo.inicio` a `periodo.fin`).",
        por_que: "Antes de su período el plan no rige, y después ya no: un corte fuera de él mide acciones que no debían ejecutarse todavía, o ya no, y confunde el avance del plan con el de otro.",
        incorrecto: "# periodo: { inicio: 2026-01-01, fin: 2028-12-31 }\ncortes:\n  - fecha_corte: 2025-12-31",
        correcto: "cortes:\n  - fecha_corte: 2026-03-31",
    },
    comprobar: Comprobacion::Seguimiento(fuera_del_periodo),
};

fn fuera_del_periodo(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (mut p, c, plan) in ctx.cortes() {
        let periodo = plan.periodo;
        // A cut after today is M003 whatever else it is: it is checked against the period
        // as of its own date.
        let cuando = match FechaImposible::de(c.fecha_corte, &periodo, c.fecha_corte) {
            Some(FechaImposible::AntesDelPeriodo) => "antes del inicio",
            Some(FechaImposible::DespuesDelPeriodo) => "después del fin",
            _ => continue,
        };
        p.push("fecha_corte".into());
        out.push(Hallazgo::en(
            p,
            format!(
                "el corte del {} es {cuando} del período del plan (del {} al {})",
                fecha_larga(c.fecha_corte),
                fecha_larga(periodo.inicio),
                fecha_larga(periodo.fin)
            ),
            "Revise la fecha del corte: debe estar dentro del período del plan.",
        ));
    }
    out
}

/// A cut, or an action within a cut, written twice.
pub static M005: Regla = Regla {
    codigo: "M005",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Corte o acción repetidos",
    explicacion: Explicacion {
        que: "Que no haya dos cortes con la misma `fecha_corte`, ni una acción informada dos veces en el mismo corte.",
        por_que: "Con dos cifras para la misma fecha y la misma acción no se sabe cuál vale: el informe de avance podría sumar dos veces lo ejecutado o mostrar un estado que nadie informó.",
        incorrecto: "    acciones:\n      - { accion: A1, estado: en_curso, valor: 300 }\n      - { accion: A1, estado: cumplida, valor: 420 }",
        correcto: "    acciones:\n      - { accion: A1, estado: en_curso, valor: 420 }",
    },
    comprobar: Comprobacion::Seguimiento(repetidos),
};

fn repetidos(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    let mut fechas = HashSet::new();
    for (p, c, _) in ctx.cortes() {
        if !fechas.insert(c.fecha_corte) {
            let mut aqui = p.clone();
            aqui.push("fecha_corte".into());
            out.push(Hallazgo::en(
                aqui,
                format!("hay otro corte del {}", fecha_larga(c.fecha_corte)),
                "Reúna lo informado en un solo corte por fecha, o corrija la fecha de uno de los dos.",
            ));
        }
        let mut acciones = HashSet::new();
        for (j, r) in c.acciones.iter().enumerate() {
            if !acciones.insert(r.accion.as_str()) {
                let mut aqui = p.clone();
                aqui.extend(path!["acciones", j, "accion"]);
                out.push(Hallazgo::en(
                    aqui,
                    format!(
                        "la acción `{}` se informa dos veces en el corte del {}",
                        r.accion,
                        fecha_larga(c.fecha_corte)
                    ),
                    "Deje una sola entrada por acción en cada corte, con lo alcanzado hasta la fecha del corte.",
                ));
            }
        }
    }
    out
}

/// An action of the plan that a cut does not report.
pub static M006: Regla = Regla {
    codigo: "M006",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción sin reporte en un corte",
    explicacion: Explicacion {
        que: "Que cada corte informe de todas las acciones del plan, también de las que todavía no empiezan (`estado: no_iniciada`).",
        por_que: "Una acción de la que nadie informa no desaparece: el informe de avance la muestra «sin reporte» y la cuenta como atrasada, porque nadie puede decir que va a tiempo.",
        incorrecto: "# el plan tiene A1, A2 y A3\n    acciones:\n      - { accion: A1, estado: en_curso }\n      - { accion: A2, estado: cumplida, evidencias: [Acta de entrega] }",
        correcto: "    acciones:\n      - { accion: A1, estado: en_curso }\n      - { accion: A2, estado: cumplida, evidencias: [Acta de entrega] }\n      - { accion: A3, estado: no_iniciada }",
    },
    comprobar: Comprobacion::Seguimiento(sin_reporte),
};

fn sin_reporte(ctx: &ContextoSeguimiento) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (mut p, c, plan) in ctx.cortes() {
        let faltan: Vec<&str> = plan
            .acciones
            .iter()
            .filter(|a| c.reporte(&a.id).is_none())
            .map(|a| a.id.as_str())
            .collect();
        if faltan.is_empty() {
            continue;
        }
        p.push("acciones".into());
        out.push(Hallazgo::clave(
            p,
            format!(
                "el corte del {} no informa de {}: en el informe de avance figuran «sin reporte»",
                fecha_larga(c.fecha_corte),
                lista(&faltan)
            ),
            "Agregue una entrada por cada acción, con su estado (`no_iniciada` si todavía no empieza).",
        ));
    }
    out
}
