//! The budget chapter: the total, by national axis and by funding source.

use serde::Serialize;

use super::estrategia::{AccionDoc, EjeDoc};
use crate::espanol::usd;

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
            }),
        }
    }
    for f in &mut por_fuente {
        f.texto = usd(f.monto);
        f.fraccion = share(f.monto);
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
            })
            .collect(),
        por_fuente,
    }
}
