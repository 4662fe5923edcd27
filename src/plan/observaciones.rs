//! Review observations (format in `docs/revision.md`): what a technical adviser writes about a
//! draft, anchored to the items of the plan by id path, in a file beside it (`ibarra.yaml` →
//! `ibarra.observaciones.yaml`).
//!
//! The file is read like a plan (same loader, its own schema, located S001–S005), and each
//! observation's `ruta` is then resolved against the plan it reviews by the O rules
//! ([`crate::rules::revision`]). Kept apart from the plan so that the official's file never
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

/// A change an adviser makes to the observations of a plan (the editor's adviser mode).
#[derive(Debug, Clone)]
pub enum Cambio {
    /// A new observation on the element at `ruta`.
    Agregar {
        /// The element, by id path.
        ruta: String,
        /// The observation.
        texto: String,
    },
    /// The observation at this position (from 0) is resolved.
    Resolver(usize),
    /// The observation at this position (from 0) is open again.
    Reabrir(usize),
}

/// Why a change to an observations file could not be made, in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCambio {
    /// The file is not a valid observations file: where and why (`archivo:línea:columna: …`).
    Ilegible(String),
    /// The change is incomplete (no reviewer for a new file, an observation without text).
    Incompleto(String),
    /// No observation at that position.
    NoExiste,
    /// The edit could not be written keeping the file's form.
    Edicion(String),
}

impl std::fmt::Display for ErrorCambio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorCambio::Ilegible(m) | ErrorCambio::Incompleto(m) | ErrorCambio::Edicion(m) => {
                f.write_str(m)
            }
            ErrorCambio::NoExiste => f.write_str("No existe esa observación; recargue la página."),
        }
    }
}

/// The observations file `archivo` after `cambio`, dated `hoy`: `original` is its current text,
/// or `None` when it does not exist yet (it is then created for `plan`, the plan's file name,
/// with `revisor`). The file is read like any observations file (the loader, its schema) and
/// written back through [`super::yaml_edit`], so that its comments and form stay.
pub fn cambiar(
    archivo: &Path,
    original: Option<&str>,
    plan: &str,
    revisor: Option<&str>,
    hoy: NaiveDate,
    cambio: Cambio,
) -> Result<(super::yaml_edit::Guardado, Observaciones), ErrorCambio> {
    use super::yaml_edit::{en_comentario, guardar, yaml_texto};
    let revisor = revisor.map(str::trim).filter(|r| !r.is_empty());
    let nuevo;
    let texto = match original {
        Some(t) => t,
        None => {
            let revisor = revisor.ok_or_else(|| {
                ErrorCambio::Incompleto(
                    "Escriba quién revisa (institución o cargo) para crear el archivo de observaciones.".into(),
                )
            })?;
            nuevo = format!(
                "# Observaciones de revisión de {} (formato en docs/revision.md).\nrevisor: {}\nfecha: {hoy}\nobservaciones: []\n",
                en_comentario(plan),
                yaml_texto(revisor)
            );
            &nuevo
        }
    };
    let cargado = super::load::load_bytes::<Observaciones>(archivo, texto.as_bytes());
    let Some(mut obs) = cargado.datos else {
        let d = cargado.diagnostics.first();
        let donde = d.map_or_else(String::new, |d| format!(":{}:{}", d.linea, d.columna));
        let que = d.map_or_else(|| "no se pudo leer".to_owned(), |d| d.mensaje.clone());
        return Err(ErrorCambio::Ilegible(format!(
            "{}{donde}: {que}. Corrija el archivo de observaciones en un editor de texto (`cantonal validar` lo revisa) y vuelva a intentarlo.",
            archivo.file_name().unwrap_or_default().to_string_lossy()
        )));
    };
    obs.fecha = hoy;
    if let Some(r) = revisor {
        obs.revisor = r.to_owned();
    }
    match cambio {
        Cambio::Agregar { ruta, texto } => {
            if ruta.trim().is_empty() || texto.trim().is_empty() {
                return Err(ErrorCambio::Incompleto(
                    "Una observación necesita el elemento observado y un texto.".into(),
                ));
            }
            obs.observaciones.push(Observacion {
                ruta,
                texto,
                estado: EstadoObservacion::Abierta,
            });
        }
        Cambio::Resolver(i) | Cambio::Reabrir(i) => {
            let resuelta = matches!(cambio, Cambio::Resolver(_));
            let o = obs.observaciones.get_mut(i).ok_or(ErrorCambio::NoExiste)?;
            o.estado = if resuelta {
                EstadoObservacion::Resuelta
            } else {
                EstadoObservacion::Abierta
            };
        }
    }
    let valor = serde_json::to_value(&obs).map_err(|e| ErrorCambio::Edicion(e.to_string()))?;
    let guardado = guardar(texto, &valor).map_err(|e| ErrorCambio::Edicion(e.to_string()))?;
    Ok((guardado, obs))
}

/// Whether `archivo` is named like an observations file.
pub fn es_archivo(archivo: &Path) -> bool {
    archivo
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(SUFIJO))
}

/// The observations file of a plan: `plans/ibarra.yaml` → `plans/ibarra.observaciones.yaml`.
pub fn archivo_de(plan: &Path) -> PathBuf {
    let stem = plan.file_stem().unwrap_or_default().to_string_lossy();
    plan.with_file_name(format!("{stem}{SUFIJO}"))
}

/// The plan an observations file reviews: `ibarra.observaciones.yaml` → `ibarra.yaml`.
pub fn plan_de(observaciones: &Path) -> Option<PathBuf> {
    let name = observaciones.file_name()?.to_str()?;
    let stem = name.strip_suffix(SUFIJO)?;
    Some(observaciones.with_file_name(format!("{stem}.yaml")))
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
