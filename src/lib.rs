//! `cantonal`: local action plans against human trafficking, aligned with Ecuador's national plan
//! (PACTA 2019–2030) and its victim-protection protocol.
//!
//! The pipeline is **load → check → render**:
//!
//! 1. [`plan::load`] reads a YAML file into the typed [`plan::model::Plan`], reporting syntax and
//!    structure problems (S001–S008) at their line and column, and builds the span index that
//!    locates every later diagnostic;
//! 2. [`rules::check`] runs the rule catalogue against the plan and its national reference
//!    ([`reference`]), giving [`diagnostics::Diagnostic`]s that the printers in [`diagnostics`]
//!    show to people (rustc style) or to programs (JSON);
//! 3. rendering turns a plan without errors into the printable document.
//!
//! [`cli`] wires these steps to the `cantonal` command; tests call the library directly.

pub mod carpeta;
pub mod cli;
pub mod diagnostics;
pub mod diff;
pub mod fechas;
pub mod informe;
pub mod observaciones;
pub mod plan;
pub mod reference;
pub mod render;
pub mod rules;
pub mod sintetico;
pub mod suggest;

use std::path::Path;

use diagnostics::Diagnostic;
use observaciones::Revision;
use plan::load::{LoadedPlan, load_file};

/// A plan file with all its diagnostics.
#[derive(Debug)]
pub struct Validado {
    /// The loaded file.
    pub loaded: LoadedPlan,
    /// Diagnostics of loading and of every rule, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The review observations checked against this plan, when asked for.
    pub revision: Option<Revision>,
}

impl Validado {
    /// Whether any diagnostic of the plan, or of its observations, is an error.
    pub fn tiene_errores(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severidad == diagnostics::Severidad::Error)
            || self.revision.as_ref().is_some_and(Revision::tiene_errores)
    }

    /// Checks the observations file `archivo` against this plan (DESIGN §9).
    pub fn con_observaciones(mut self, archivo: &Path) -> Self {
        self.revision = Some(Revision::new(archivo, &self.loaded));
        self
    }

    /// The canton's name, when the plan could be read that far.
    pub fn canton(&self) -> Option<String> {
        self.loaded
            .valor
            .pointer("/canton/nombre")
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    }
}

/// Loads and checks the plan at `archivo` (steps 1 and 2 of the pipeline).
pub fn validar(archivo: &Path, opciones: rules::Opciones) -> Validado {
    let loaded = load_file(archivo);
    let diagnostics = rules::check(&loaded, opciones);
    Validado {
        loaded,
        diagnostics,
        revision: None,
    }
}
