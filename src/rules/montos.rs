//! C004: amounts and counts that cannot be negative.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;

/// Negative budget or case count.
pub static C004: Regla = Regla {
    codigo: "C004",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Monto o número de casos negativo",
    explicacion: Explicacion {
        que: "Que los montos del presupuesto y los números de casos del diagnóstico no sean negativos.",
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
        for (i, c) in d.casos.iter().enumerate().filter(|(_, c)| c.casos < 0) {
            out.push(Hallazgo::en(
                path!["diagnostico", "casos", i, "casos"],
                format!("el número de casos de {} es negativo ({})", c.anio, c.casos),
                "Escriba el número de casos registrados (0 si no hubo).",
            ));
        }
    }
    out
}
