//! C004: amounts and counts that cannot be negative.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::CasosAnio;

/// Negative budget or case count.
pub static C004: Regla = Regla {
    codigo: "C004",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Monto o número de casos negativo",
    explicacion: Explicacion {
        que: "Que los montos del presupuesto y los números de casos del diagnóstico (también los de su desglose) no sean negativos.",
        por_que: "Un monto negativo reduce en silencio el presupuesto total del eje y del plan.",
        incorrecto: "presupuesto: { monto: -4500, fuente: GAD Municipal }",
        correcto: "presupuesto: { monto: 4500, fuente: GAD Municipal }",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (i, a) in ctx.plan.acciones.iter().enumerate() {
        if let Some(p) = a.presupuesto.as_ref().filter(|p| p.monto < 0.0) {
            out.push(Hallazgo::en(
                path!["acciones", i, "presupuesto", "monto"],
                format!(
                    "el presupuesto de la acción {} es negativo ({})",
                    a.id, p.monto
                ),
                "Escriba el monto en dólares sin signo; si la acción no tiene costo, ponga 0.",
            ));
        }
    }
    if let Some(d) = &ctx.plan.diagnostico {
        for (i, c) in d.casos.iter().enumerate() {
            if c.casos < 0 {
                out.push(Hallazgo::en(
                    path!["diagnostico", "casos", i, "casos"],
                    format!("el número de casos de {} es negativo ({})", c.anio, c.casos),
                    "Escriba el número de casos registrados (0 si no hubo).",
                ));
            }
            for (grupo, campo, n) in desglose(c).into_iter().filter(|(_, _, n)| *n < 0) {
                out.push(Hallazgo::en(
                    path!["diagnostico", "casos", i, "desglose", grupo, campo.as_str()],
                    format!(
                        "el número de casos de {} en el desglose es negativo ({n})",
                        c.anio
                    ),
                    "Escriba cuántos casos hubo en ese grupo (0 si ninguno).",
                ));
            }
        }
    }
    out
}

/// Every number of the breakdown of a year: (group, field, cases).
fn desglose(c: &CasosAnio) -> Vec<(&'static str, String, i64)> {
    let Some(d) = &c.desglose else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(s) = d.sexo {
        out.extend([
            ("sexo", "mujeres".to_owned(), s.mujeres),
            ("sexo", "hombres".to_owned(), s.hombres),
            ("sexo", "sin_dato".to_owned(), s.sin_dato),
        ]);
    }
    if let Some(e) = d.edad {
        out.extend([
            (
                "edad",
                "ninez_adolescencia".to_owned(),
                e.ninez_adolescencia,
            ),
            ("edad", "adultos".to_owned(), e.adultos),
            ("edad", "sin_dato".to_owned(), e.sin_dato),
        ]);
    }
    if let Some(n) = d.nacionalidad {
        out.extend([
            ("nacionalidad", "ecuatoriana".to_owned(), n.ecuatoriana),
            ("nacionalidad", "extranjera".to_owned(), n.extranjera),
            ("nacionalidad", "sin_dato".to_owned(), n.sin_dato),
        ]);
    }
    out.extend(d.fines.iter().map(|(f, n)| ("fines", f.clone(), *n)));
    out
}
