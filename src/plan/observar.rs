//! The adviser's changes to the observations of a plan (the editor's adviser mode): an
//! observation added, resolved or opened again. The file is read like any observations file (the
//! loader, its schema, located problems) and written back through the format-preserving save, so
//! that its comments and form stay.

use std::path::Path;

use chrono::NaiveDate;

use super::observaciones::{EstadoObservacion, Observacion, Observaciones};

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
    cambiar_con_valores(archivo, original, plan, revisor, hoy, cambio, None)
}

/// [`cambiar`], noting the value of the observed field in `valores` (the plan as JSON, when it
/// can be read): when the observation is made (`valor_inicial`) and when it is resolved
/// (`valor_al_resolver`), so that the review copy shows it and a resolution that changed nothing
/// is found (O004). Reopening clears the value at resolution.
pub fn cambiar_con_valores(
    archivo: &Path,
    original: Option<&str>,
    plan: &str,
    revisor: Option<&str>,
    hoy: NaiveDate,
    cambio: Cambio,
    valores: Option<&serde_json::Value>,
) -> Result<(super::yaml_edit::Guardado, Observaciones), ErrorCambio> {
    let valor = |ruta: &str| valores.and_then(|v| super::observaciones::valor_en(v, ruta));
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
                valor_inicial: valor(&ruta),
                ruta,
                texto,
                estado: EstadoObservacion::Abierta,
                valor_al_resolver: None,
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
            o.valor_al_resolver = if resuelta { valor(&o.ruta) } else { None };
        }
    }
    let valor = serde_json::to_value(&obs).map_err(|e| ErrorCambio::Edicion(e.to_string()))?;
    let guardado = guardar(texto, &valor).map_err(|e| ErrorCambio::Edicion(e.to_string()))?;
    Ok((guardado, obs))
}
