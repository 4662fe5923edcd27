//! Review observations (format in `docs/revision.md`): what a technical adviser writes about a
//! draft, anchored to the items of the plan by id path, in a file beside it (`ibarra.yaml` →
//! `ibarra.observaciones.yaml`).
//!
//! The file is read like a plan (same loader, its own schema, located S001–S005), and each
//! observation's `ruta` is then resolved against the plan it reviews by the O rules
//! (`rules/revision.rs`). Kept apart from the plan so that the official's file never
//! carries the adviser's notes, and so that the notes survive reordering and editing between
//! drafts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Sufijo de los archivos de observaciones.
pub const SUFIJO: &str = ".observaciones.yaml";

/// Observaciones de revisión técnica de un plan cantonal.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Observaciones de revisión de un plan cantonal")]
pub struct Observaciones {
    /// Quién revisa: institución o cargo. Obligatorio. Ejemplo: `Asesoría técnica, OIM Ecuador`.
    pub revisor: String,
    /// Fecha de la revisión, AAAA-MM-DD. Obligatorio.
    pub fecha: NaiveDate,
    /// Las observaciones, numeradas en este orden. Obligatorio.
    pub observaciones: Vec<Observacion>,
}

/// Una observación sobre un elemento del plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observacion {
    /// Ruta del elemento observado, por identificadores. Obligatorio. Ejemplos:
    /// `acciones.A3.indicador.meta`, `ruta_atencion.denuncia`, `riesgos.R2`, `presentacion`.
    pub ruta: String,
    /// La observación (Markdown). Obligatorio.
    pub texto: String,
    /// `abierta` (por defecto) o `resuelta`.
    #[serde(default, skip_serializing_if = "EstadoObservacion::es_abierta")]
    pub estado: EstadoObservacion,
    /// El valor del campo observado cuando se hizo la observación. Opcional: el editor lo
    /// anota solo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valor_inicial: Option<String>,
    /// El valor del campo observado cuando la observación se marcó resuelta. Opcional: el
    /// editor lo anota solo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valor_al_resolver: Option<String>,
}

/// The value of the field at `ruta` (an id path) in `plan` (the plan as JSON), as text: a
/// text, a number, a yes or no, or a list of them. `None` when the path names no field with such
/// a value (an item, a group, or nothing).
pub fn valor_en(plan: &serde_json::Value, ruta: &str) -> Option<String> {
    use serde_json::Value;
    let path = super::ruta::resolver(plan, ruta.trim())?;
    let nodo = path.iter().try_fold(plan, |n, seg| match seg {
        super::spans::Seg::Key(k) => n.get(k),
        super::spans::Seg::Index(i) => n.get(i),
    })?;
    let escalar = |v: &Value| match v {
        Value::String(s) => Some(s.split_whitespace().collect::<Vec<_>>().join(" ")),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "sí" } else { "no" }.to_owned()),
        _ => None,
    };
    match nodo {
        Value::Array(items) => items
            .iter()
            .map(escalar)
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join(", ")),
        v => escalar(v),
    }
}

/// Estado de una observación.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EstadoObservacion {
    /// El cantón todavía debe atenderla.
    #[default]
    Abierta,
    /// Atendida en el plan.
    Resuelta,
}

impl EstadoObservacion {
    /// Whether the observation is still open (the state a file need not write).
    pub fn es_abierta(&self) -> bool {
        *self == EstadoObservacion::Abierta
    }
}

/// Whether `archivo` is named like an observations file.
pub fn es_archivo(archivo: &Path) -> bool {
    crate::plan::junto::es_archivo(archivo, SUFIJO)
}

/// The observations file of a plan: `plans/ibarra.yaml` → `plans/ibarra.observaciones.yaml`.
pub fn archivo_de(plan: &Path) -> PathBuf {
    crate::plan::junto::archivo_de(plan, SUFIJO)
}

/// The plan an observations file reviews: `ibarra.observaciones.yaml` → `ibarra.yaml`.
pub fn plan_de(observaciones: &Path) -> Option<PathBuf> {
    crate::plan::junto::plan_de(observaciones, SUFIJO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_file_of_a_plan_and_back() {
        let obs = archivo_de(Path::new("plans/ibarra.yaml"));
        assert_eq!(obs, Path::new("plans/ibarra.observaciones.yaml"));
        assert!(es_archivo(&obs));
        assert_eq!(plan_de(&obs).unwrap(), Path::new("plans/ibarra.yaml"));
        assert!(!es_archivo(Path::new("plans/ibarra.yaml")));
        assert_eq!(plan_de(Path::new("plans/ibarra.yaml")), None);
    }
}
