//! The JSON output of `validar --formato json`, in the shape documented in `docs/diagnosticos.md`.

use serde::Serialize;

use super::{Conteo, Diagnostic};

/// Top-level document.
#[derive(Debug, Serialize)]
pub struct Informe<'a> {
    /// Format version of this JSON.
    pub version: u32,
    /// One entry per file.
    pub archivos: Vec<Archivo<'a>>,
    /// Totals.
    pub resumen: Resumen,
}

/// Diagnostics of one file.
#[derive(Debug, Serialize)]
pub struct Archivo<'a> {
    /// Path as given.
    pub archivo: String,
    /// Canton name, when the plan could be read that far.
    pub canton: Option<String>,
    /// Errors.
    pub errores: usize,
    /// Warnings.
    pub advertencias: usize,
    /// Suggestions.
    pub sugerencias: usize,
    /// The diagnostics.
    pub diagnosticos: &'a [Diagnostic],
    /// For an observations file (`docs/revision.md`): how many observations are still open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observaciones_abiertas: Option<usize>,
    /// For a monitoring file (`docs/seguimiento.md`): how many cuts it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cortes: Option<usize>,
}

/// Totals over all files.
#[derive(Debug, Serialize)]
pub struct Resumen {
    /// Files checked.
    pub archivos: usize,
    /// Errors.
    pub errores: usize,
    /// Warnings.
    pub advertencias: usize,
    /// Suggestions.
    pub sugerencias: usize,
    /// Open review observations over all observations files, when there is any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observaciones_abiertas: Option<usize>,
}

impl<'a> Archivo<'a> {
    /// The entry for one file.
    pub fn new(archivo: String, canton: Option<String>, diagnosticos: &'a [Diagnostic]) -> Self {
        let c = Conteo::de(diagnosticos);
        Archivo {
            archivo,
            canton,
            errores: c.errores,
            advertencias: c.advertencias,
            sugerencias: c.sugerencias,
            diagnosticos,
            observaciones_abiertas: None,
            cortes: None,
        }
    }
}

impl<'a> Informe<'a> {
    /// The document for these files.
    pub fn new(archivos: Vec<Archivo<'a>>) -> Self {
        let mut total = Conteo::default();
        let abiertas = archivos
            .iter()
            .filter_map(|a| a.observaciones_abiertas)
            .reduce(|a, b| a + b);
        for a in &archivos {
            total.sumar(Conteo {
                errores: a.errores,
                advertencias: a.advertencias,
                sugerencias: a.sugerencias,
            });
        }
        Informe {
            version: 1,
            resumen: Resumen {
                archivos: archivos.len(),
                errores: total.errores,
                advertencias: total.advertencias,
                sugerencias: total.sugerencias,
                observaciones_abiertas: abiertas,
            },
            archivos,
        }
    }

    /// Pretty JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("diagnostics serialise")
    }
}
