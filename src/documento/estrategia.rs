//! The strategic framework: the national axes with the plan's objectives, the action matrix and
//! the years of the schedule.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::revision::Nota;
use crate::espanol::{mes_anio, numero, usd};
use crate::plan::consultas::Indice;
use crate::plan::model::{Periodo, Plan};
use crate::reference::nacional::Referencia;

/// An axis.
#[derive(Debug, Clone, Serialize)]
pub struct EjeDoc {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Description.
    pub descripcion: String,
    /// Objectives of the plan in this axis.
    pub objetivos: Vec<ObjetivoDoc>,
    /// Number of actions.
    pub num_acciones: usize,
    /// Budget.
    pub monto: f64,
    /// Budget, formatted.
    pub monto_texto: String,
    /// Whether the axis has at least one action with a budget: an axis with USD 0 is not covered.
    pub cubierto: bool,
}

/// An objective.
#[derive(Debug, Clone, Serialize)]
pub struct ObjetivoDoc {
    /// Id.
    pub id: String,
    /// Text.
    pub descripcion: String,
    /// Ids of its actions.
    pub acciones: Vec<String>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// An action.
#[derive(Debug, Clone, Serialize)]
pub struct AccionDoc {
    /// Id.
    pub id: String,
    /// Objective id.
    pub objetivo: String,
    /// Axis id (derived through the objective).
    pub eje: String,
    /// Axis name.
    pub eje_nombre: String,
    /// Position of the axis in the national reference, from 1 (0 when unknown): its colour.
    pub eje_numero: usize,
    /// Text.
    pub descripcion: String,
    /// Risk ids.
    pub riesgos: Vec<String>,
    /// Responsible actor, by name.
    pub responsable: String,
    /// Co-responsible actors, by name.
    pub corresponsables: Vec<String>,
    /// Indicator name.
    pub indicador: String,
    /// Unit.
    pub unidad: String,
    /// Baseline, formatted.
    pub linea_base: String,
    /// Target, formatted.
    pub meta: String,
    /// Means of verification.
    pub medio_verificacion: String,
    /// "marzo 2026".
    pub inicio: String,
    /// "noviembre 2026".
    pub fin: String,
    /// Start as a fraction of the period (0–1), for the schedule.
    pub desde: f64,
    /// End as a fraction of the period (0–1).
    pub hasta: f64,
    /// Amount.
    pub monto: f64,
    /// Amount, formatted ("—" without budget).
    pub monto_texto: String,
    /// Funding source.
    pub fuente: String,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// Alignment with the canton's development plan (PDOT).
#[derive(Debug, Clone, Serialize)]
pub struct PdotDoc {
    /// Name and period of the PDOT.
    pub nombre: String,
    /// Its objectives, each with the plan's objectives that contribute to it.
    pub objetivos: Vec<ObjetivoPdotDoc>,
}

/// An objective of the PDOT.
#[derive(Debug, Clone, Serialize)]
pub struct ObjetivoPdotDoc {
    /// As the PDOT writes it.
    pub objetivo: String,
    /// The plan's objectives that contribute: "O1 — Prevenir…".
    pub contribuyen: Vec<String>,
}

/// A year of the period in the schedule.
#[derive(Debug, Clone, Serialize)]
pub struct AnioDoc {
    /// Year.
    pub anio: i32,
    /// Start as a fraction of the period.
    pub desde: f64,
    /// End as a fraction of the period.
    pub hasta: f64,
    /// Starts of its second, third and fourth quarters inside the period, as fractions (the
    /// schedule's quarter lines).
    pub trimestres: Vec<f64>,
}

fn fraccion(periodo: &Periodo, d: NaiveDate) -> f64 {
    let total = (periodo.fin - periodo.inicio).num_days().max(1) as f64;
    ((d - periodo.inicio).num_days() as f64 / total).clamp(0.0, 1.0)
}

pub(super) fn acciones(plan: &Plan, r: &Referencia) -> Vec<AccionDoc> {
    // Each action's objective is found through an index: a plan may have thousands of each.
    let indice = Indice::new(plan);
    plan.acciones
        .iter()
        .map(|a| {
            let eje = indice.eje_de(a).unwrap_or_default().to_owned();
            let ind = &a.indicador;
            AccionDoc {
                id: a.id.clone(),
                objetivo: a.objetivo.clone(),
                eje_nombre: r.ejes.nombre(&eje).to_owned(),
                eje_numero: r
                    .ejes
                    .valores
                    .iter()
                    .position(|e| e.id == eje)
                    .map_or(0, |i| i + 1),
                eje,
                descripcion: a.descripcion.clone(),
                riesgos: a.riesgos.clone(),
                responsable: plan.nombre_actor(&a.responsable),
                corresponsables: a
                    .corresponsables
                    .iter()
                    .map(|c| plan.nombre_actor(c))
                    .collect(),
                indicador: ind.nombre.clone(),
                unidad: ind.unidad.clone().unwrap_or_default(),
                linea_base: ind.linea_base.map(numero).unwrap_or_else(|| "—".into()),
                meta: ind.meta.map(numero).unwrap_or_else(|| "—".into()),
                medio_verificacion: ind.medio_verificacion.clone().unwrap_or_default(),
                inicio: mes_anio(a.plazo.inicio),
                fin: mes_anio(a.plazo.fin),
                desde: fraccion(&plan.periodo, a.plazo.inicio),
                hasta: fraccion(&plan.periodo, a.plazo.fin),
                monto: a.presupuesto.as_ref().map_or(0.0, |p| p.monto),
                monto_texto: a
                    .presupuesto
                    .as_ref()
                    .map_or_else(|| "—".into(), |p| usd(p.monto)),
                fuente: a
                    .presupuesto
                    .as_ref()
                    .and_then(|p| p.fuente.clone())
                    .unwrap_or_default(),
                notas: Vec::new(),
            }
        })
        .collect()
}

/// The national axes in reference order, each with the plan's objectives and the actions
/// (already built) that reach it.
pub(super) fn ejes(plan: &Plan, r: &Referencia, acciones: &[AccionDoc]) -> Vec<EjeDoc> {
    r.ejes
        .valores
        .iter()
        .map(|e| {
            let del_eje: Vec<&AccionDoc> = acciones.iter().filter(|a| a.eje == e.id).collect();
            let m: f64 = del_eje.iter().map(|a| a.monto).sum();
            EjeDoc {
                id: e.id.clone(),
                nombre: e.nombre.clone(),
                descripcion: e.descripcion.clone(),
                objetivos: plan
                    .objetivos
                    .iter()
                    .filter(|o| o.eje == e.id)
                    .map(|o| ObjetivoDoc {
                        id: o.id.clone(),
                        descripcion: o.descripcion.clone(),
                        acciones: acciones
                            .iter()
                            .filter(|a| a.objetivo == o.id)
                            .map(|a| a.id.clone())
                            .collect(),
                        notas: Vec::new(),
                    })
                    .collect(),
                num_acciones: del_eje.len(),
                monto: m,
                monto_texto: usd(m),
                cubierto: !del_eje.is_empty() && m > 0.0,
            }
        })
        .collect()
}

pub(super) fn pdot(plan: &Plan) -> Option<PdotDoc> {
    plan.pdot.as_ref().map(|p| PdotDoc {
        nombre: p.nombre.clone(),
        objetivos: p
            .objetivos
            .iter()
            .map(|o| ObjetivoPdotDoc {
                objetivo: o.objetivo.clone(),
                contribuyen: o
                    .contribuyen
                    .iter()
                    .map(|id| match plan.objetivo(id) {
                        Some(ob) => format!("{id} — {}", ob.descripcion),
                        None => id.clone(),
                    })
                    .collect(),
            })
            .collect(),
    })
}

pub(super) fn anios(periodo: &Periodo) -> Vec<AnioDoc> {
    (periodo.inicio.year()..=periodo.fin.year())
        .map(|y| {
            let desde = NaiveDate::from_ymd_opt(y, 1, 1)
                .unwrap_or(periodo.inicio)
                .max(periodo.inicio);
            let hasta = NaiveDate::from_ymd_opt(y, 12, 31)
                .unwrap_or(periodo.fin)
                .min(periodo.fin);
            AnioDoc {
                anio: y,
                desde: fraccion(periodo, desde),
                hasta: fraccion(periodo, hasta),
                trimestres: [4, 7, 10]
                    .into_iter()
                    .filter_map(|m| NaiveDate::from_ymd_opt(y, m, 1))
                    .filter(|d| *d > periodo.inicio && *d < periodo.fin)
                    .map(|d| fraccion(periodo, d))
                    .collect(),
            }
        })
        .collect()
}
