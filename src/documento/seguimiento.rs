//! The monitoring chapter: who follows the plan up, and how often.

use serde::Serialize;

use super::cmark::Bloque;
use super::md;
use crate::plan::model::{Frecuencia, Plan};

/// Monitoring.
#[derive(Debug, Clone, Serialize)]
pub struct SeguimientoDoc {
    /// Responsible, by name.
    pub responsable: String,
    /// "Trimestral".
    pub frecuencia: &'static str,
    /// Description.
    pub descripcion: Option<Vec<Bloque>>,
}

pub(super) fn seguimiento(plan: &Plan) -> SeguimientoDoc {
    SeguimientoDoc {
        responsable: plan.nombre_actor(&plan.seguimiento.responsable),
        frecuencia: match plan.seguimiento.frecuencia {
            Frecuencia::Mensual => "Mensual",
            Frecuencia::Trimestral => "Trimestral",
            Frecuencia::Semestral => "Semestral",
            Frecuencia::Anual => "Anual",
        },
        descripcion: md(&plan.seguimiento.descripcion),
    }
}
