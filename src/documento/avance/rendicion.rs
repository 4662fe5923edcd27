//! The block of the CPCCS accountability form: for each objective, the accumulated percentage
//! of progress and, for what did not advance, why — the shape in which the form of the Consejo
//! de Participación Ciudadana y Control Social asks a municipal GAD, objective by objective,
//! for its yearly rendición de cuentas, so that the GAD can copy it into its form. The plan's
//! objectives come first; when the plan gives its alignment with the PDOT, the same block is
//! given for each objective of the PDOT, from the plan's objectives that contribute to it.

use serde::Serialize;

use super::acciones::AccionAvance;
use crate::espanol::{plural, porcentaje};
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

/// One row of the block: an objective.
#[derive(Debug, Clone, Serialize)]
pub struct FilaRendicion {
    /// The objective, as written ("O1 — Reducir…", or the PDOT's wording).
    pub objetivo: String,
    /// Its axis, for a plan objective ("" for a PDOT objective).
    pub eje: String,
    /// The accumulated percentage of progress: the mean of its actions' progress.
    pub avance: Option<f64>,
    /// Written: "42,5 %", or "—".
    pub avance_texto: String,
    /// How it was computed: "promedio de A1, A2 (A3 sin porcentaje)".
    pub calculo: String,
    /// What did not advance and why: one line per late action.
    pub no_avanzo: Vec<String>,
}

/// The accountability block.
#[derive(Debug, Clone, Serialize)]
pub struct RendicionDoc {
    /// One row per objective of the plan.
    pub objetivos: Vec<FilaRendicion>,
    /// The same block for the objectives of the PDOT, when the plan gives its alignment.
    pub pdot: Option<PdotRendicion>,
}

/// The accountability block for the objectives of the canton's PDOT.
#[derive(Debug, Clone, Serialize)]
pub struct PdotRendicion {
    /// The PDOT's name and period.
    pub nombre: String,
    /// One row per objective of the PDOT.
    pub objetivos: Vec<FilaRendicion>,
}

pub(super) fn rendicion(plan: &Plan, r: &Referencia, acciones: &[AccionAvance]) -> RendicionDoc {
    let objetivos = plan
        .objetivos
        .iter()
        .map(|o| {
            let de_el: Vec<&AccionAvance> =
                acciones.iter().filter(|a| a.objetivo == o.id).collect();
            fila(
                format!("{} — {}", o.id, o.descripcion),
                r.ejes.nombre(&o.eje).to_owned(),
                &de_el,
            )
        })
        .collect();
    let pdot = plan.pdot.as_ref().map(|p| {
        let filas = p
            .objetivos
            .iter()
            .map(|o| {
                let de_el: Vec<&AccionAvance> = acciones
                    .iter()
                    .filter(|a| o.contribuyen.contains(&a.objetivo))
                    .collect();
                fila(o.objetivo.clone(), String::new(), &de_el)
            })
            .collect();
        PdotRendicion {
            nombre: p.nombre.clone(),
            objetivos: filas,
        }
    });
    RendicionDoc { objetivos, pdot }
}

/// The row of an objective reached by `acciones`.
fn fila(objetivo: String, eje: String, acciones: &[&AccionAvance]) -> FilaRendicion {
    let con: Vec<&&AccionAvance> = acciones
        .iter()
        .filter(|a| a.avance.porcentaje.is_some())
        .collect();
    let sin: Vec<&str> = acciones
        .iter()
        .filter(|a| a.avance.porcentaje.is_none())
        .map(|a| a.id.as_str())
        .collect();
    let avance = (!con.is_empty())
        .then(|| con.iter().filter_map(|a| a.avance.porcentaje).sum::<f64>() / con.len() as f64);
    let ids = |xs: Vec<&str>| xs.join(", ");
    let calculo = match (con.is_empty(), sin.is_empty()) {
        (true, true) => "sin acciones en el plan".to_owned(),
        (true, false) => format!("ninguna acción tiene porcentaje ({})", ids(sin)),
        (false, true) => format!(
            "promedio del avance de {}",
            ids(con.iter().map(|a| a.id.as_str()).collect())
        ),
        (false, false) => format!(
            "promedio del avance de {}; {} sin porcentaje ({})",
            ids(con.iter().map(|a| a.id.as_str()).collect()),
            plural(sin.len(), "acción", "acciones"),
            ids(sin)
        ),
    };
    FilaRendicion {
        objetivo,
        eje,
        avance,
        avance_texto: avance.map_or_else(|| "—".to_owned(), |x| porcentaje(x / 100.0)),
        calculo,
        no_avanzo: acciones
            .iter()
            .filter(|a| !a.a_tiempo)
            .map(|a| {
                let por_que = a
                    .dificultades
                    .as_deref()
                    .map(super::super::cmark::plain)
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| "el informe no dice por qué".to_owned());
                let estado = a.estado_texto.to_lowercase();
                match &a.motivo {
                    Some(m) => format!("{} ({estado}; {m}): {por_que}", a.id),
                    None => format!("{} ({estado}): {por_que}", a.id),
                }
            })
            .collect(),
    }
}
