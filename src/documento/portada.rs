//! Cover data: canton, period, state, approval and drafting, as printed on the cover and in the
//! presentation.

use chrono::Datelike;
use serde::Serialize;

use crate::espanol::fecha_larga;
use crate::plan::model::{Estado, Instrumento, Plan};

/// Canton.
#[derive(Debug, Clone, Serialize)]
pub struct CantonDoc {
    /// DPA code.
    pub codigo: String,
    /// Name.
    pub nombre: String,
    /// Province.
    pub provincia: String,
}

/// Period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodoDoc {
    /// "2026-2028".
    pub anios: String,
    /// "1 de enero de 2026".
    pub inicio: String,
    /// "31 de diciembre de 2028".
    pub fin: String,
}

/// Approval.
#[derive(Debug, Clone, Serialize)]
pub struct AprobacionDoc {
    /// "Ordenanza" / "Resolución".
    pub instrumento: &'static str,
    /// Number.
    pub numero: String,
    /// Date.
    pub fecha: String,
    /// Body.
    pub organo: String,
}

/// Drafting.
#[derive(Debug, Clone, Serialize)]
pub struct ElaboracionDoc {
    /// Date.
    pub fecha: String,
    /// Team: name, role, institution.
    pub equipo: Vec<[String; 3]>,
}

pub(super) fn canton(plan: &Plan) -> CantonDoc {
    CantonDoc {
        codigo: plan.canton.codigo.clone(),
        nombre: plan.canton.nombre.clone(),
        provincia: plan.canton.provincia.clone(),
    }
}

pub(super) fn periodo(plan: &Plan) -> PeriodoDoc {
    PeriodoDoc {
        anios: format!("{}-{}", plan.periodo.inicio.year(), plan.periodo.fin.year()),
        inicio: fecha_larga(plan.periodo.inicio),
        fin: fecha_larga(plan.periodo.fin),
    }
}

/// The state's key and its name for a reader.
pub fn estado(e: Estado) -> (&'static str, &'static str) {
    match e {
        Estado::Borrador => ("borrador", "Borrador"),
        Estado::EnRevision => ("en_revision", "En revisión"),
        Estado::Aprobado => ("aprobado", "Aprobado"),
    }
}

pub(super) fn marca_borrador(plan: &Plan) -> bool {
    plan.estado != Estado::Aprobado
}

pub(super) fn aprobacion(plan: &Plan) -> Option<AprobacionDoc> {
    plan.aprobacion.as_ref().map(|a| AprobacionDoc {
        instrumento: match a.instrumento {
            Instrumento::Ordenanza => "Ordenanza",
            Instrumento::Resolucion => "Resolución",
        },
        numero: a.numero.clone(),
        fecha: fecha_larga(a.fecha),
        organo: a.organo.clone(),
    })
}

pub(super) fn elaboracion(plan: &Plan) -> Option<ElaboracionDoc> {
    plan.elaboracion.as_ref().map(|e| ElaboracionDoc {
        fecha: fecha_larga(e.fecha),
        equipo: e
            .equipo
            .iter()
            .map(|i| {
                [
                    i.nombre.clone(),
                    i.cargo.clone().unwrap_or_default(),
                    i.institucion.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    })
}
