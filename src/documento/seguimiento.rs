//! The monitoring chapter: who follows the plan up, how often and for whom, when it is evaluated,
//! how it is accounted for in public, and how the data of any case register are protected.

use serde::Serialize;

use super::cmark::Bloque;
use super::md;
use crate::espanol::fecha_larga;
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
    /// Who it reports to.
    pub informa_a: Option<String>,
    /// Mid-term evaluation, in words.
    pub evaluacion_intermedia: Option<String>,
    /// Final evaluation, in words.
    pub evaluacion_final: Option<String>,
    /// Public accountability.
    pub rendicion_cuentas: Option<Vec<Bloque>>,
    /// Protection of the data of a case register.
    pub proteccion_datos: Option<Vec<Bloque>>,
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
        informa_a: plan.seguimiento.informa_a.clone(),
        evaluacion_intermedia: plan.seguimiento.evaluacion_intermedia.map(fecha_larga),
        evaluacion_final: plan.seguimiento.evaluacion_final.map(fecha_larga),
        rendicion_cuentas: md(&plan.seguimiento.rendicion_cuentas),
        proteccion_datos: md(&plan.seguimiento.proteccion_datos),
    }
}
