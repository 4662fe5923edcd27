//! C014 and C015: the money behind the plan. An approved plan states what each action costs, and
//! the municipality puts in some of it.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::Estado;
use crate::suggest::fold;

/// Approved plan with actions without amounts.
pub static C014: Regla = Regla {
    codigo: "C014",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Acción sin presupuesto en un plan aprobado",
    explicacion: Explicacion {
        que: "Que en un plan con `estado: aprobado` cada acción tenga `presupuesto` con su monto (0 si la acción no tiene costo propio).",
        por_que: "El plan aprobado compromete recursos: una acción sin monto no entra en el presupuesto municipal ni en la rendición de cuentas, y en la práctica no se ejecuta.",
        incorrecto: "estado: aprobado\nacciones:\n  - id: A4\n    descripcion: Mesa cantonal\n    # …sin presupuesto",
        correcto: "  - id: A4\n    descripcion: Mesa cantonal\n    presupuesto: { monto: 2000, fuente: GAD Municipal }",
    },
    comprobar: Comprobacion::Plan(comprobar_c014),
};

/// No municipal contribution.
pub static C015: Regla = Regla {
    codigo: "C015",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Presupuesto sin aporte municipal",
    explicacion: Explicacion {
        que: "Que, si el plan tiene montos, alguno mayor que cero tenga como `fuente` al GAD municipal (una fuente que nombra al GAD, al municipio o al actor del GAD municipal; no a un GAD provincial o parroquial).",
        por_que: "El plan cantonal es del municipio: si todo depende de la cooperación o de otras instituciones, el cantón no asume su parte y el plan se detiene cuando ese apoyo termina.",
        incorrecto: "presupuesto: { monto: 4500, fuente: Cooperación internacional }\n# …y ninguna acción con fuente GAD Municipal",
        correcto: "presupuesto: { monto: 4500, fuente: GAD Municipal }",
    },
    comprobar: Comprobacion::Plan(comprobar_c015),
};

fn comprobar_c014(ctx: &Contexto) -> Vec<Hallazgo> {
    if ctx.plan.estado != Estado::Aprobado {
        return Vec::new();
    }
    ctx.plan
        .acciones
        .iter()
        .enumerate()
        .filter(|(_, a)| a.presupuesto.is_none())
        .map(|(i, a)| {
            Hallazgo::en(
                path!["acciones", i],
                format!("la acción {} de un plan aprobado no tiene presupuesto", a.id),
                "Agregue `presupuesto: { monto: …, fuente: … }`; si la acción no tiene costo propio, ponga `monto: 0` y diga en `fuente` quién la asume.",
            )
        })
        .collect()
}

/// The municipal actors of a plan by folded id and name, found once for all budget sources.
fn gad_municipales(ctx: &Contexto) -> Vec<(String, String)> {
    ctx.plan
        .actores
        .iter()
        .filter(|a| a.tipo == "gad_municipal")
        .map(|a| (fold(&a.id), fold(&a.nombre)))
        .collect()
}

/// Whether a budget source names the municipality (or one of the `gad` actors, by id or name).
fn es_municipal(gad: &[(String, String)], fuente: &str) -> bool {
    let f = fold(fuente);
    if f.contains("municip") {
        return true;
    }
    if f.contains("provincial") || f.contains("parroquial") {
        return false;
    }
    let palabras = |ids: bool| {
        f.split(move |c: char| !(c.is_alphanumeric() || (ids && (c == '-' || c == '_'))))
            .collect::<Vec<_>>()
    };
    palabras(false).contains(&"gad")
        || gad.iter().any(|(id, nombre)| {
            palabras(true).contains(&id.as_str()) || f.contains(nombre.as_str())
        })
}

fn comprobar_c015(ctx: &Contexto) -> Vec<Hallazgo> {
    let montos: Vec<_> = ctx
        .plan
        .acciones
        .iter()
        .filter_map(|a| a.presupuesto.as_ref())
        .collect();
    if montos.is_empty() {
        return Vec::new();
    }
    let gad = gad_municipales(ctx);
    let municipal: f64 = montos
        .iter()
        .filter(|p| p.fuente.as_deref().is_some_and(|f| es_municipal(&gad, f)))
        .map(|p| p.monto)
        .sum();
    if municipal > 0.0 {
        return Vec::new();
    }
    vec![Hallazgo::clave(
        path!["acciones"],
        "ningún monto del presupuesto tiene como fuente al GAD municipal",
        "Indique en `presupuesto.fuente` de las acciones que financia el municipio `GAD Municipal` (o el id del actor del GAD) con un monto mayor que cero.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipal_sources() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/base.yaml"
        ))
        .unwrap();
        let plan: crate::plan::model::Plan = serde_yaml::from_str(&text).unwrap();
        let ctx = Contexto::new(
            &plan,
            crate::reference::nacional::Referencia::pacta(),
            std::path::Path::new("."),
            plan.periodo.inicio,
        );
        let gad = gad_municipales(&ctx);
        for si in [
            "GAD Municipal",
            "Municipio de Ibarra",
            "gad",
            "GAD Municipal y cooperación",
            "Presupuesto del GAD de Ibarra",
        ] {
            assert!(es_municipal(&gad, si), "{si}");
        }
        for no in [
            "GAD Provincial de Imbabura",
            "GAD parroquial",
            "Cooperación internacional",
            "Gadgets",
        ] {
            assert!(!es_municipal(&gad, no), "{no}");
        }
    }
}
