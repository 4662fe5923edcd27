//! The diagnosis chapter: context, cases by year, and the risks with their matrix.

use serde::Serialize;

use super::cmark::Bloque;
use super::md;
use super::revision::Nota;
use crate::espanol::enumeracion;
use crate::plan::model::{Impacto, Plan, Probabilidad};
use crate::reference::nacional::Referencia;

/// Diagnosis.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticoDoc {
    /// Context.
    pub contexto: Option<Vec<Bloque>>,
    /// Cases by year.
    pub casos: Vec<CasoDoc>,
    /// Largest yearly count, for the chart scale.
    pub max_casos: i64,
}

/// Cases of one year.
#[derive(Debug, Clone, Serialize)]
pub struct CasoDoc {
    /// Year.
    pub anio: i32,
    /// Cases.
    pub casos: i64,
    /// Source.
    pub fuente: String,
}

/// A risk.
#[derive(Debug, Clone, Serialize)]
pub struct RiesgoDoc {
    /// Id.
    pub id: String,
    /// Title.
    pub titulo: String,
    /// Purposes, by name.
    pub fines: Vec<String>,
    /// Purposes, listed as in a sentence: "Explotación laboral, explotación sexual"; for a risk
    /// of smuggling of migrants, which has none, the crime.
    pub fines_texto: String,
    /// A risk of smuggling of migrants rather than of trafficking.
    pub trafico: bool,
    /// Populations, by name.
    pub poblaciones: Vec<String>,
    /// Populations, listed as in a sentence.
    pub poblaciones_texto: String,
    /// Places.
    pub zonas: Vec<String>,
    /// "Alta", "Media", "Baja".
    pub probabilidad: &'static str,
    /// "Alto", "Medio", "Bajo".
    pub impacto: &'static str,
    /// 1–9: probability level × impact level.
    pub nivel: u8,
    /// Description.
    pub descripcion: Option<Vec<Bloque>>,
    /// Ids of the actions that address it.
    pub acciones: Vec<String>,
    /// Review notes addressed to this item.
    pub notas: Vec<Nota>,
}

/// A cell of the risk matrix.
#[derive(Debug, Clone, Serialize)]
pub struct CeldaRiesgo {
    /// Probability label.
    pub probabilidad: &'static str,
    /// Impact label.
    pub impacto: &'static str,
    /// Level 1–9.
    pub nivel: u8,
    /// Risk ids in the cell.
    pub riesgos: Vec<String>,
}

fn probabilidad(p: Probabilidad) -> (&'static str, u8) {
    match p {
        Probabilidad::Alta => ("Alta", 3),
        Probabilidad::Media => ("Media", 2),
        Probabilidad::Baja => ("Baja", 1),
    }
}

fn impacto(i: Impacto) -> (&'static str, u8) {
    match i {
        Impacto::Alto => ("Alto", 3),
        Impacto::Medio => ("Medio", 2),
        Impacto::Bajo => ("Bajo", 1),
    }
}

pub(super) fn diagnostico(plan: &Plan) -> DiagnosticoDoc {
    let casos: Vec<CasoDoc> = plan
        .diagnostico
        .iter()
        .flat_map(|d| &d.casos)
        .map(|c| CasoDoc {
            anio: c.anio,
            casos: c.casos,
            fuente: c.fuente.clone(),
        })
        .collect();
    DiagnosticoDoc {
        contexto: plan.diagnostico.as_ref().and_then(|d| md(&d.contexto)),
        max_casos: casos.iter().map(|c| c.casos).max().unwrap_or(0),
        casos,
    }
}

pub(super) fn riesgos(plan: &Plan, r: &Referencia) -> Vec<RiesgoDoc> {
    plan.riesgos
        .iter()
        .map(|x| {
            let (p, pn) = probabilidad(x.probabilidad);
            let (i, inn) = impacto(x.impacto);
            let fines: Vec<String> = x
                .fines
                .iter()
                .map(|f| r.fines_explotacion.nombre(f).to_owned())
                .collect();
            let poblaciones: Vec<String> = x
                .poblaciones
                .iter()
                .map(|p| r.poblaciones.nombre(p).to_owned())
                .collect();
            RiesgoDoc {
                id: x.id.clone(),
                titulo: x.titulo.clone(),
                fines_texto: if x.es_trafico() && fines.is_empty() {
                    "Tráfico ilícito de migrantes (sin fin de explotación)".to_owned()
                } else {
                    enumeracion(&fines)
                },
                trafico: x.es_trafico(),
                fines,
                poblaciones_texto: enumeracion(&poblaciones),
                poblaciones,
                zonas: x.zonas.clone(),
                probabilidad: p,
                impacto: i,
                nivel: pn * inn,
                descripcion: md(&x.descripcion),
                acciones: plan
                    .acciones
                    .iter()
                    .filter(|a| a.riesgos.contains(&x.id))
                    .map(|a| a.id.clone())
                    .collect(),
                notas: Vec::new(),
            }
        })
        .collect()
}

pub(super) fn matriz(plan: &Plan) -> Vec<Vec<CeldaRiesgo>> {
    [Probabilidad::Alta, Probabilidad::Media, Probabilidad::Baja]
        .into_iter()
        .map(|p| {
            [Impacto::Bajo, Impacto::Medio, Impacto::Alto]
                .into_iter()
                .map(|i| CeldaRiesgo {
                    probabilidad: probabilidad(p).0,
                    impacto: impacto(i).0,
                    nivel: probabilidad(p).1 * impacto(i).1,
                    riesgos: plan
                        .riesgos
                        .iter()
                        .filter(|x| x.probabilidad == p && x.impacto == i)
                        .map(|x| x.id.clone())
                        .collect(),
                })
                .collect()
        })
        .collect()
}
