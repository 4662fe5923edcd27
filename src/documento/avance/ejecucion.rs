//! Budget execution at the cut: what the actions executed against their budget in the plan, by
//! national axis, by funding source and in total, and what was executed in each year (from the
//! accumulated amounts of the cuts: what grew between two cuts counts in the year of the later
//! one).

use serde::Serialize;

use super::super::estrategia::EjeDoc;
use super::acciones::AccionAvance;
use crate::espanol::{porcentaje, usd};
use crate::plan::model::Plan;
use crate::plan::seguimiento::calculo::ejecutado_por_anio;
use crate::plan::seguimiento::{Corte, Registro};

/// Budget and executed of a group of actions.
#[derive(Debug, Clone, Serialize)]
pub struct FilaEjecucion {
    /// The axis, the source, or «Total».
    pub nombre: String,
    /// Budget in the plan.
    pub presupuesto: f64,
    /// Written.
    pub presupuesto_texto: String,
    /// Executed up to the cut.
    pub ejecutado: f64,
    /// Written.
    pub ejecutado_texto: String,
    /// Share of the budget executed, for the bars (0–1).
    pub fraccion: f64,
    /// The share, written: "33,3 %", or "—" without a budget.
    pub porcentaje: String,
}

impl FilaEjecucion {
    fn de<'a>(nombre: String, acciones: impl Iterator<Item = &'a AccionAvance>) -> FilaEjecucion {
        let (presupuesto, ejecutado) =
            acciones.fold((0.0, 0.0), |(p, e), a| (p + a.presupuesto, e + a.ejecutado));
        let fraccion = (presupuesto > 0.0).then(|| ejecutado / presupuesto);
        FilaEjecucion {
            nombre,
            presupuesto,
            presupuesto_texto: usd(presupuesto),
            ejecutado,
            ejecutado_texto: usd(ejecutado),
            fraccion: fraccion.unwrap_or(0.0).clamp(0.0, 1.0),
            porcentaje: fraccion.map_or_else(|| "—".to_owned(), porcentaje),
        }
    }
}

/// Executed in one year.
#[derive(Debug, Clone, Serialize)]
pub struct FilaAnio {
    /// The year.
    pub anio: i32,
    /// Executed in it.
    pub ejecutado: f64,
    /// Written.
    pub ejecutado_texto: String,
}

/// Budget execution.
#[derive(Debug, Clone, Serialize)]
pub struct EjecucionDoc {
    /// By axis, in the order of the national reference.
    pub por_eje: Vec<FilaEjecucion>,
    /// By funding source, largest budget first.
    pub por_fuente: Vec<FilaEjecucion>,
    /// Per year, in order.
    pub por_anio: Vec<FilaAnio>,
    /// The whole plan.
    pub total: FilaEjecucion,
    /// The alternative text of the chart of execution by axis.
    pub grafico: String,
}

pub(super) fn ejecucion(
    plan: &Plan,
    registro: &Registro,
    corte: &Corte,
    ejes: &[EjeDoc],
    acciones: &[AccionAvance],
) -> EjecucionDoc {
    let por_eje: Vec<FilaEjecucion> = ejes
        .iter()
        .map(|e| FilaEjecucion::de(e.nombre.clone(), acciones.iter().filter(|a| a.eje == e.id)))
        .collect();
    let mut fuentes: Vec<String> = Vec::new();
    for a in acciones
        .iter()
        .filter(|a| a.presupuesto > 0.0 || a.ejecutado > 0.0)
    {
        let f = fuente(a);
        if !fuentes.contains(&f) {
            fuentes.push(f);
        }
    }
    let mut por_fuente: Vec<FilaEjecucion> = fuentes
        .into_iter()
        .map(|f| {
            let de_ella: Vec<&AccionAvance> = acciones.iter().filter(|a| fuente(a) == f).collect();
            FilaEjecucion::de(f, de_ella.into_iter())
        })
        .collect();
    por_fuente.sort_by(|a, b| b.presupuesto.total_cmp(&a.presupuesto));
    let ids: Vec<&str> = plan.acciones.iter().map(|a| a.id.as_str()).collect();
    let grafico = format!(
        "Gráfico de barras de la ejecución del presupuesto por eje: {}.",
        por_eje
            .iter()
            .map(|f| format!(
                "{}, {} de {} ({})",
                f.nombre, f.ejecutado_texto, f.presupuesto_texto, f.porcentaje
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    EjecucionDoc {
        por_eje,
        por_fuente,
        por_anio: ejecutado_por_anio(registro, &ids, corte.fecha_corte)
            .into_iter()
            .map(|(anio, ejecutado)| FilaAnio {
                anio,
                ejecutado,
                ejecutado_texto: usd(ejecutado),
            })
            .collect(),
        total: FilaEjecucion::de("Total".to_owned(), acciones.iter()),
        grafico,
    }
}

/// The funding source of an action, as the plan's budget chapter names it.
fn fuente(a: &AccionAvance) -> String {
    if a.fuente.is_empty() {
        "Sin fuente indicada".to_owned()
    } else {
        a.fuente.clone()
    }
}
