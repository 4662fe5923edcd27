//! A plan's monitoring file (format in `docs/seguimiento.md`): what the responsible
//! institutions report of the plan's execution, cut after cut, in a file beside the plan
//! (`ibarra.yaml` → `ibarra.seguimiento.yaml`), like the adviser's observations.
//!
//! The file is read like a plan (same loader, its own schema derived from these types and
//! described by the catalogue [`super::campos::SEGUIMIENTO`], located S001–S009, amounts read as
//! written), and checked against its plan by the M rules (`rules/seguimiento.rs`). The figures a
//! report shows of each action at a cut (its progress, whether it is on time) are computed in
//! [`calculo`], once, for the rules, the progress report and the consolidated report.

pub mod borrador;
pub mod calculo;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::Periodo;

/// Sufijo de los archivos de seguimiento.
pub const SUFIJO: &str = ".seguimiento.yaml";

/// Seguimiento de la ejecución de un plan cantonal: sus cortes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Seguimiento de un plan cantonal contra la trata de personas")]
pub struct Registro {
    /// Versión del formato del archivo. Obligatorio. Hoy solo existe la versión 1.
    pub formato: u32,
    /// `true` en un seguimiento de ejemplo, con datos ilustrativos. Opcional.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ejemplo: bool,
    /// Las acciones del plan tal como se aprobaron. Opcional: el programa lo escribe al crear el
    /// archivo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_aprobado: Option<PlanAprobado>,
    /// Los cortes, del más antiguo al más reciente. Obligatorio.
    pub cortes: Vec<Corte>,
}

/// El plan tal como se aprobó: lo que el seguimiento mide.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanAprobado {
    /// Fecha de aprobación del plan, AAAA-MM-DD. Opcional (vacía para un borrador).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fecha: Option<NaiveDate>,
    /// Cada acción tal como se aprobó. Obligatorio.
    pub acciones: Vec<AccionAprobada>,
}

/// Una acción tal como se aprobó.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccionAprobada {
    /// Id de la acción. Obligatorio.
    pub accion: String,
    /// Inicio del plazo, AAAA-MM-DD. Obligatorio.
    pub inicio: NaiveDate,
    /// Fin del plazo, AAAA-MM-DD. Obligatorio.
    pub fin: NaiveDate,
    /// Línea base del indicador. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linea_base: Option<f64>,
    /// Meta del indicador. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<f64>,
    /// Presupuesto en dólares (USD). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monto: Option<f64>,
}

/// Un corte: cómo iba cada acción a una fecha.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Corte {
    /// Fecha hasta la que se informa, AAAA-MM-DD. Obligatorio.
    pub fecha_corte: NaiveDate,
    /// Quién informa. Obligatorio.
    pub informa: String,
    /// Lo que logró cada acción hasta la fecha del corte. Obligatorio.
    pub acciones: Vec<Reporte>,
    /// Cifras agregadas de la ruta de atención en el período. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ruta_atencion: Option<ConteosRuta>,
}

/// Lo que un corte dice de una acción.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporte {
    /// Id de la acción del plan. Obligatorio.
    pub accion: String,
    /// Estado de la acción al corte. Obligatorio.
    pub estado: EstadoAccion,
    /// Valor del indicador alcanzado hasta el corte (acumulado). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valor: Option<f64>,
    /// Dólares ejecutados hasta el corte (acumulado). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ejecutado: Option<f64>,
    /// Documentos que prueban lo informado. Opcional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidencias: Vec<String>,
    /// Qué retrasó la acción y qué se hace al respecto (Markdown). Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dificultades: Option<String>,
}

/// Estado de una acción a la fecha de un corte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EstadoAccion {
    /// Todavía no empezó.
    NoIniciada,
    /// Avanza.
    EnCurso,
    /// Terminada.
    Cumplida,
    /// No avanza como se planificó.
    Retrasada,
    /// Detenida.
    Suspendida,
}

impl EstadoAccion {
    /// Every state, in the order of the format.
    pub const TODOS: [EstadoAccion; 5] = [
        EstadoAccion::NoIniciada,
        EstadoAccion::EnCurso,
        EstadoAccion::Cumplida,
        EstadoAccion::Retrasada,
        EstadoAccion::Suspendida,
    ];

    /// As the file writes it: `en_curso`.
    pub fn id(self) -> &'static str {
        self.valor().id
    }

    /// As a reader reads it: «En curso».
    pub fn nombre(self) -> &'static str {
        self.valor().nombre
    }

    /// Its value in the catalogue of fields, which names it once for every front door.
    fn valor(self) -> &'static super::campos::Valor {
        let i = EstadoAccion::TODOS
            .iter()
            .position(|e| *e == self)
            .unwrap_or(0);
        &super::campos::seguimiento::ESTADOS[i]
    }
}

/// Cifras agregadas de la ruta de atención en el período de un corte: solo números.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConteosRuta {
    /// Posibles víctimas identificadas en el período. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casos_identificados: Option<u32>,
    /// Víctimas atendidas en el período. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casos_atendidos: Option<u32>,
    /// Casos derivados a otra institución o cantón en el período. Opcional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casos_derivados: Option<u32>,
}

/// Why a cut cannot have its date (rules M003 and M004, and `cantonal seguimiento --corte`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FechaImposible {
    /// After today: it reports what has not happened yet.
    Futura,
    /// Before the plan's period.
    AntesDelPeriodo,
    /// After the plan's period.
    DespuesDelPeriodo,
}

impl FechaImposible {
    /// Why a cut dated `fecha` cannot be, for a plan of `periodo`, on `hoy`.
    pub fn de(fecha: NaiveDate, periodo: &Periodo, hoy: NaiveDate) -> Option<FechaImposible> {
        if fecha > hoy {
            Some(FechaImposible::Futura)
        } else if fecha < periodo.inicio {
            Some(FechaImposible::AntesDelPeriodo)
        } else if fecha > periodo.fin {
            Some(FechaImposible::DespuesDelPeriodo)
        } else {
            None
        }
    }
}

impl Registro {
    /// The cuts in the order of their dates (the file may list them in any order).
    pub fn cronologico(&self) -> Vec<&Corte> {
        let mut cortes: Vec<&Corte> = self.cortes.iter().collect();
        cortes.sort_by_key(|c| c.fecha_corte);
        cortes
    }

    /// The most recent cut.
    pub fn ultimo(&self) -> Option<&Corte> {
        self.cortes.iter().max_by_key(|c| c.fecha_corte)
    }
}

impl Corte {
    /// What this cut says of the action `id`.
    pub fn reporte(&self, id: &str) -> Option<&Reporte> {
        self.acciones.iter().find(|r| r.accion == id)
    }
}

/// Whether `archivo` is named like a monitoring file.
pub fn es_archivo(archivo: &Path) -> bool {
    crate::plan::junto::es_archivo(archivo, SUFIJO)
}

/// The monitoring file of a plan: `plans/ibarra.yaml` → `plans/ibarra.seguimiento.yaml`.
pub fn archivo_de(plan: &Path) -> PathBuf {
    crate::plan::junto::archivo_de(plan, SUFIJO)
}

/// The plan a monitoring file follows: `ibarra.seguimiento.yaml` → `ibarra.yaml`.
pub fn plan_de(seguimiento: &Path) -> Option<PathBuf> {
    crate::plan::junto::plan_de(seguimiento, SUFIJO)
}

/// The name, without extension, of the progress report of `plan`: `ibarra.yaml` →
/// `ibarra.avance` (`generar --seguimiento` writes `ibarra.avance.pdf`, the editor downloads it
/// under that name).
pub fn nombre_informe(plan: &Path) -> String {
    format!(
        "{}.avance",
        plan.file_stem().unwrap_or_default().to_string_lossy()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_file_of_a_plan_and_back() {
        let s = archivo_de(Path::new("plans/ibarra.yaml"));
        assert_eq!(s, Path::new("plans/ibarra.seguimiento.yaml"));
        assert!(es_archivo(&s));
        assert_eq!(plan_de(&s).unwrap(), Path::new("plans/ibarra.yaml"));
        assert!(!es_archivo(Path::new("plans/ibarra.yaml")));
        // Its observations are named after it.
        let obs = super::super::observaciones::archivo_de(&s);
        assert_eq!(
            obs,
            Path::new("plans/ibarra.seguimiento.observaciones.yaml")
        );
        assert_eq!(super::super::observaciones::plan_de(&obs).unwrap(), s);
    }

    #[test]
    fn states_are_named_by_the_catalogue() {
        for e in EstadoAccion::TODOS {
            let escrito = serde_json::to_value(e).unwrap();
            assert_eq!(escrito.as_str(), Some(e.id()));
        }
        assert_eq!(EstadoAccion::EnCurso.nombre(), "En curso");
    }
}
