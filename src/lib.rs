//! `cantonal`: local action plans against human trafficking, aligned with Ecuador's national plan
//! (PACTA 2019–2030) and its victim-protection protocol.
//!
//! The pipeline is **load → check → document → render** (see `docs/arquitectura.md`):
//!
//! 1. [`plan`] reads a YAML file into the typed [`plan::model::Plan`] (or an adviser's
//!    [`plan::observaciones::Observaciones`]), reporting syntax and structure problems at their
//!    line and column, and builds the span index that locates every later diagnostic;
//! 2. [`rules`] runs the rule catalogue against the plan and its national reference
//!    ([`reference`]), giving [`diagnostics::Diagnostic`]s that the printers in [`diagnostics`]
//!    show to people (rustc style) or to programs (JSON);
//! 3. [`documento`] turns a plan without errors into the printable document as data;
//! 4. [`render`] writes that document in any output format of its registry.
//!
//! [`validar`] and [`validar_texto`] run steps 1–2 and return a [`Validado`], which carries the
//! plan's national reference (resolved once), its diagnostics, the mapping between id paths and
//! positions, and gives the document of step 3; an editor or a server needs nothing else.
//! [`cli`] is a thin command line over this library; [`informe`] and [`diff`] are the adviser's
//! tools over many plans and over two drafts; [`seguimiento`] follows a plan's execution after
//! its approval, cut by cut ([`Validado::con_seguimiento`] gives its progress report).

pub mod carpeta;
pub mod catalogos;
pub mod cli;
pub mod diagnostics;
pub mod diff;
pub mod documento;
pub mod editor;
pub mod error;
pub mod escritura;
pub mod espanol;
pub mod fechas;
pub mod generados;
pub mod informe;
pub mod lectura;
pub mod nuevo;
pub mod plan;
pub mod reference;
pub mod render;
pub mod rules;
pub mod seguimiento;
pub mod sintetico;
pub mod suggest;
pub mod taller;
pub mod validacion;

pub use error::Error;
pub use validacion::{SinDocumento, Validado, validar, validar_texto};
