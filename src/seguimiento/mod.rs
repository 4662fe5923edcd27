//! The plan's life after its approval (`docs/seguimiento.md`): the tools around a plan's
//! monitoring file that are not steps of the pipeline. The file's format is in
//! [`crate::plan::seguimiento`] (with the computation of each action's figures) and its
//! catalogue of fields in [`crate::plan::campos::SEGUIMIENTO`]; it is checked by the M rules
//! ([`crate::rules::seguimiento::Ejecucion`]), and its progress report is a document
//! ([`crate::documento::avance`]) printed by every output format.
//!
//! Here: [`corte`] writes a new cut into the file (`cantonal seguimiento PLAN --corte FECHA`),
//! and [`libro`] is the monitoring workbook for the responsible institutions (`cantonal
//! plantilla-seguimiento`, and `cantonal importar` of a filled one as a new cut).
//!
//! A program that edits a monitoring file (the browser editor) calls, like the command line:
//!
//! ```no_run
//! # use std::path::Path;
//! # use cantonal::rules::Opciones;
//! let plan = cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default());
//! let texto = std::fs::read_to_string("plans/ibarra.seguimiento.yaml").unwrap();
//! let v = plan.con_seguimiento_texto(
//!     Path::new("plans/ibarra.seguimiento.yaml"), &texto, Opciones::default());
//! let s = v.seguimiento.as_ref().unwrap();
//! for d in &s.diagnostics { /* código, severidad, línea, columna, ruta, mensaje, ayuda */ }
//! let donde = s.loaded.posicion("cortes.2026-06-30.acciones.A1.valor");
//! let pdf = v.producto(cantonal::render::formato("pdf").unwrap(), &Default::default());
//! ```

pub mod corte;
pub mod libro;
