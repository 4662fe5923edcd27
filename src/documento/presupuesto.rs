//! The budget and financing chapter: the total, by national axis and by funding source, and the
//! financing per year of the period and per source, split into what is already assigned and what
//! is still to be raised.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::estrategia::{AccionDoc, EjeDoc};
use crate::espanol::{porcentaje, usd};
use crate::plan::model::Plan;

/// Budget.
#[derive(Debug, Clone, Serialize)]
pub struct PresupuestoDoc {
    /// Total.
    pub total: f64,
    /// Total, formatted.
    pub total_texto: String,
    /// By axis, in reference order.
    pub por_eje: Vec<MontoDoc>,
    /// By funding source.
    pub por_fuente: Vec<MontoDoc>,
}

/// An amount with its label.
#[derive(Debug, Clone, Serialize)]
pub struct MontoDoc {
    /// Label.
    pub nombre: String,
    /// Amount.
    pub monto: f64,
    /// Formatted.
    pub texto: String,
    /// Share of the total, 0–1.
    pub fraccion: f64,
    /// The share, written: "31,1 %".
    pub porcentaje: String,
}

/// Financing: per year and per source, assigned and still to be raised.
#[derive(Debug, Clone, Serialize)]
pub struct FinanciamientoDoc {
    /// One row per year of the period.
    pub por_anio: Vec<FilaFinanciamiento>,
    /// One row per funding source.
    pub por_fuente: Vec<FilaFinanciamiento>,
    /// The totals.
    pub totales: FilaFinanciamiento,
    /// Whether any action says whether its amount is assigned (otherwise the split is unknown).
    pub con_estado: bool,
}

/// A row of the financing tables.
#[derive(Debug, Clone, Serialize)]
pub struct FilaFinanciamiento {
    /// The year or the source.
    pub nombre: String,
    /// Assigned in an approved budget.
    pub asignado: String,
    /// Still to be raised.
    pub por_gestionar: String,
    /// Amounts whose state the plan does not give.
    pub sin_indicar: String,
    /// Total, written.
    pub total_texto: String,
}

/// Amounts in the three states.
#[derive(Debug, Clone, Copy, Default)]
struct Montos {
    asignado: f64,
    por_gestionar: f64,
    sin_indicar: f64,
}

impl Montos {
    fn sumar(&mut self, estado: Option<bool>, monto: f64) {
        match estado {
            Some(true) => self.asignado += monto,
            Some(false) => self.por_gestionar += monto,
            None => self.sin_indicar += monto,
        }
    }

    fn fila(&self, nombre: String) -> FilaFinanciamiento {
        FilaFinanciamiento {
            nombre,
            asignado: usd(self.asignado),
            por_gestionar: usd(self.por_gestionar),
            sin_indicar: usd(self.sin_indicar),
            total_texto: usd(self.asignado + self.por_gestionar + self.sin_indicar),
        }
    }
}

/// The financing of the plan. An action's amount is spread over the years of its deadline in
/// proportion to the days of each year it spans (the plan gives one amount per action).
pub(super) fn financiamiento(plan: &Plan) -> FinanciamientoDoc {
    let anios: Vec<i32> = (plan.periodo.inicio.year()..=plan.periodo.fin.year()).collect();
    let mut por_anio = vec![Montos::default(); anios.len()];
    let mut por_fuente: Vec<(String, Montos)> = Vec::new();
    let mut total = Montos::default();
    for a in &plan.acciones {
        let Some(p) = &a.presupuesto else { continue };
        let fuente = p
            .fuente
            .clone()
            .unwrap_or_else(|| "Sin fuente indicada".to_owned());
        match por_fuente.iter_mut().find(|(n, _)| *n == fuente) {
            Some((_, m)) => m.sumar(p.asignado, p.monto),
            None => {
                let mut m = Montos::default();
                m.sumar(p.asignado, p.monto);
                por_fuente.push((fuente, m));
            }
        }
        total.sumar(p.asignado, p.monto);
        let dias = |desde: NaiveDate, hasta: NaiveDate| (hasta - desde).num_days().max(0) + 1;
        let todos = dias(a.plazo.inicio, a.plazo.fin).max(1) as f64;
        for (i, anio) in anios.iter().enumerate() {
            let (Some(ini), Some(fin)) = (
                NaiveDate::from_ymd_opt(*anio, 1, 1),
                NaiveDate::from_ymd_opt(*anio, 12, 31),
            ) else {
                continue;
            };
            let desde = ini.max(a.plazo.inicio);
            let hasta = fin.min(a.plazo.fin);
            if desde <= hasta {
                por_anio[i].sumar(p.asignado, p.monto * dias(desde, hasta) as f64 / todos);
            }
        }
    }
    FinanciamientoDoc {
        por_anio: anios
            .iter()
            .zip(&por_anio)
            .map(|(a, m)| m.fila(a.to_string()))
            .collect(),
        por_fuente: por_fuente.iter().map(|(n, m)| m.fila(n.clone())).collect(),
        totales: total.fila("Total".to_owned()),
        con_estado: plan
            .acciones
            .iter()
            .any(|a| a.presupuesto.as_ref().is_some_and(|p| p.asignado.is_some())),
    }
}

/// The budget of the actions (already built), by the axes (already built) and by source.
pub(super) fn presupuesto(acciones: &[AccionDoc], ejes: &[EjeDoc]) -> PresupuestoDoc {
    let total: f64 = acciones.iter().map(|a| a.monto).sum();
    let share = |m: f64| if total > 0.0 { m / total } else { 0.0 };
    let mut por_fuente: Vec<MontoDoc> = Vec::new();
    for a in acciones {
        if a.monto == 0.0 {
            continue;
        }
        let nombre = if a.fuente.is_empty() {
            "Sin fuente indicada".to_owned()
        } else {
            a.fuente.clone()
        };
        match por_fuente.iter_mut().find(|f| f.nombre == nombre) {
            Some(f) => f.monto += a.monto,
            None => por_fuente.push(MontoDoc {
                nombre,
                monto: a.monto,
                texto: String::new(),
                fraccion: 0.0,
                porcentaje: String::new(),
            }),
        }
    }
    for f in &mut por_fuente {
        f.texto = usd(f.monto);
        f.fraccion = share(f.monto);
        f.porcentaje = porcentaje(f.fraccion);
    }
    por_fuente.sort_by(|a, b| b.monto.total_cmp(&a.monto));
    PresupuestoDoc {
        total,
        total_texto: usd(total),
        por_eje: ejes
            .iter()
            .map(|e| MontoDoc {
                nombre: e.nombre.clone(),
                monto: e.monto,
                texto: e.monto_texto.clone(),
                fraccion: share(e.monto),
                porcentaje: porcentaje(share(e.monto)),
            })
            .collect(),
        por_fuente,
    }
}
