//! The summary of the progress report: a traffic light for the plan and for each national axis,
//! by the share of actions on time (the rule, [`REGLA_SEMAFORO`], is printed with them), how
//! many actions are in each state, and the alternative text of the progress chart.

use serde::Serialize;

use super::super::estrategia::EjeDoc;
use super::acciones::{AccionAvance, SIN_REPORTE};
use crate::espanol::{palabra, plural, porcentaje};
use crate::plan::seguimiento::EstadoAccion;
use crate::plan::seguimiento::calculo::{REGLA_SEMAFORO, Semaforo};

/// A traffic light over a group of actions.
#[derive(Debug, Clone, Serialize)]
pub struct SemaforoDoc {
    /// `verde`, `amarillo` or `rojo`.
    pub color: &'static str,
    /// «Verde», «Amarillo», «Rojo».
    pub nombre: &'static str,
    /// Actions on time.
    pub a_tiempo: usize,
    /// Actions.
    pub total: usize,
    /// Share on time.
    pub fraccion: f64,
    /// "8 de 11 acciones a tiempo (72,7 %)".
    pub texto: String,
}

impl SemaforoDoc {
    /// The light of `a_tiempo` actions on time out of `total`, when there is any action.
    pub fn de(a_tiempo: usize, total: usize) -> Option<SemaforoDoc> {
        let s = Semaforo::de(a_tiempo, total)?;
        let fraccion = a_tiempo as f64 / total as f64;
        Some(SemaforoDoc {
            color: s.id(),
            nombre: s.nombre(),
            a_tiempo,
            total,
            fraccion,
            texto: format!(
                "{a_tiempo} de {total} {} a tiempo ({})",
                palabra(total, "acción", "acciones"),
                porcentaje(fraccion)
            ),
        })
    }
}

/// An axis of the national plan at the cut.
#[derive(Debug, Clone, Serialize)]
pub struct EjeAvanceDoc {
    /// Name.
    pub nombre: String,
    /// Position in the national reference, from 1: its colour.
    pub numero: usize,
    /// Its light; `None` when the plan has no action in it.
    pub semaforo: Option<SemaforoDoc>,
    /// Its actions.
    pub acciones: usize,
    /// Its actions, by id: "A1, A2".
    pub ids: String,
}

/// How many actions are in one state.
#[derive(Debug, Clone, Serialize)]
pub struct ConteoEstado {
    /// The state, for a reader.
    pub estado: &'static str,
    /// Actions.
    pub acciones: usize,
}

/// The summary.
#[derive(Debug, Clone, Serialize)]
pub struct ResumenDoc {
    /// The rule of the traffic lights, in words.
    pub regla: &'static str,
    /// The plan's light.
    pub plan: Option<SemaforoDoc>,
    /// Each axis's, in the order of the national reference.
    pub por_eje: Vec<EjeAvanceDoc>,
    /// Actions per state (and «Sin reporte»), those with none left out.
    pub por_estado: Vec<ConteoEstado>,
    /// Late actions.
    pub atrasadas: usize,
    /// "1 acción atrasada", "3 acciones atrasadas".
    pub atrasadas_texto: String,
    /// The alternative text of the chart of each action's progress.
    pub grafico: String,
}

pub(super) fn resumen(ejes: &[EjeDoc], acciones: &[AccionAvance]) -> ResumenDoc {
    let a_tiempo = |xs: &[&AccionAvance]| xs.iter().filter(|a| a.a_tiempo).count();
    let todas: Vec<&AccionAvance> = acciones.iter().collect();
    let por_estado = EstadoAccion::TODOS
        .iter()
        .map(|e| e.nombre())
        .chain([SIN_REPORTE])
        .map(|estado| ConteoEstado {
            estado,
            acciones: acciones.iter().filter(|a| a.estado_texto == estado).count(),
        })
        .filter(|c| c.acciones > 0)
        .collect();
    ResumenDoc {
        regla: REGLA_SEMAFORO,
        plan: SemaforoDoc::de(a_tiempo(&todas), todas.len()),
        por_eje: ejes
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let del_eje: Vec<&AccionAvance> =
                    acciones.iter().filter(|a| a.eje == e.id).collect();
                EjeAvanceDoc {
                    nombre: e.nombre.clone(),
                    numero: i + 1,
                    semaforo: SemaforoDoc::de(a_tiempo(&del_eje), del_eje.len()),
                    acciones: del_eje.len(),
                    ids: del_eje
                        .iter()
                        .map(|a| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })
            .collect(),
        por_estado,
        atrasadas: acciones.len() - a_tiempo(&todas),
        atrasadas_texto: plural(
            acciones.len() - a_tiempo(&todas),
            "acción atrasada",
            "acciones atrasadas",
        ),
        grafico: format!(
            "Gráfico de barras del avance de cada acción hacia la meta de su indicador: {}.",
            acciones
                .iter()
                .map(|a| match a.avance.porcentaje {
                    Some(_) => format!("{}, {}", a.id, a.avance.texto),
                    None => format!("{}, sin porcentaje", a.id),
                })
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}
