//! Step 4 of the pipeline, **render**: a document ([`crate::documento`]) into the bytes of a file.
//!
//! Every output format is one [`Formato`] in the registry [`FORMATOS`], in a file of its own:
//! [`pdf`] (Typst, through the world of [`typst`]), [`html`] and [`markdown`] (Handlebars, through
//! [`hbs`]), [`json`], [`docx`] (Word, with the crest made PNG by [`raster`]) and [`xlsx`]. A
//! format owns its name on the command line, its file extension, its media
//! type and how it renders a plan, a plan's progress report or the consolidated report; the
//! command line and any other
//! caller choose a format from the registry and never match on formats themselves. Templates
//! come from [`templates`]: embedded, or overridden one file at a time.
//!
//! Plan text is data in every format: it reaches Typst as JSON read by the template, and
//! Handlebars escapes it for HTML or Markdown; no plan string is ever markup or code.

pub mod docx;
pub mod hbs;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod raster;
pub mod templates;
pub mod typst;
pub mod xlsx;

use std::time::Duration;

use chrono::NaiveDate;

use crate::documento::Documento;
use crate::documento::avance::Avance;
use crate::documento::informe::Informe;
pub use crate::error::TemplateError;
use crate::plan::model::Plan;
use crate::plan::seguimiento::Registro;
use templates::Plantillas;

/// What is rendered.
#[derive(Debug, Clone, Copy)]
pub enum Pieza<'a> {
    /// A plan's printable document (the JSON output also carries the plan as read).
    Plan {
        /// The plan as read.
        plan: &'a Plan,
        /// Its document.
        documento: &'a Documento,
    },
    /// A plan's progress report at a cut of its monitoring file (the JSON output also carries
    /// the monitoring file as read).
    Avance {
        /// The monitoring file as read.
        registro: &'a Registro,
        /// The report.
        avance: &'a Avance,
    },
    /// The consolidated report over many plans, dated `fecha`.
    Informe {
        /// The report.
        informe: &'a Informe,
        /// Its date.
        fecha: NaiveDate,
    },
}

/// How to render, whatever the format.
#[derive(Debug, Clone, Default)]
pub struct Opciones {
    /// Templates (embedded, or overridden from a folder).
    pub plantillas: Plantillas,
    /// Archival PDF/A-2b (PDF only).
    pub pdf_a: bool,
}

/// A rendered file, with what was measured while making it.
#[derive(Debug)]
pub struct Producto {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Pages, for paged formats.
    pub paginas: Option<usize>,
    /// Time of the layout alone, for formats laid out by Typst.
    pub compilacion: Option<Duration>,
    /// Time of the whole rendering.
    pub total: Duration,
}

impl Producto {
    /// A text file rendered since `start`.
    fn texto(texto: String, start: std::time::Instant) -> Producto {
        Producto {
            bytes: texto.into_bytes(),
            paginas: None,
            compilacion: None,
            total: start.elapsed(),
        }
    }

    /// What `generar` says after writing the file: "20 páginas en 0,27 s …" or "generado".
    pub fn detalle(&self) -> String {
        match (self.paginas, self.compilacion) {
            (Some(paginas), Some(compilacion)) => format!(
                "{paginas} páginas en {} s (compilación Typst {} s)",
                segundos(self.total),
                segundos(compilacion)
            ),
            _ => "generado".to_owned(),
        }
    }
}

/// "0,27": seconds with two decimals and a decimal comma.
fn segundos(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64()).replace('.', ",")
}

/// An output format.
pub trait Formato: Send + Sync {
    /// Its name on the command line: `pdf`.
    fn nombre(&self) -> &'static str;
    /// What it is, in Spanish, for `--help`.
    fn descripcion(&self) -> &'static str;
    /// File extension, without the dot.
    fn extension(&self) -> &'static str;
    /// Media type, for a server's responses.
    fn tipo_mime(&self) -> &'static str;
    /// Whether it prints the consolidated report too (every format prints a plan).
    fn admite_informe(&self) -> bool;
    /// Whether, when no output file is named, a report in this format goes to the screen (a
    /// format read by programs) rather than to a file in the current folder.
    fn a_pantalla(&self) -> bool {
        false
    }
    /// Renders `pieza`.
    fn render(&self, pieza: Pieza, opciones: &Opciones) -> Result<Producto, Vec<TemplateError>>;
}

impl std::fmt::Debug for dyn Formato {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Formato({})", self.nombre())
    }
}

/// Every output format, in the order the command line lists them.
pub static FORMATOS: &[&dyn Formato] = &[
    &pdf::Pdf,
    &html::Html,
    &markdown::Markdown,
    &json::Json,
    &docx::Docx,
    &xlsx::Xlsx,
];

/// The format named `nombre` on the command line.
pub fn formato(nombre: &str) -> Option<&'static dyn Formato> {
    FORMATOS.iter().copied().find(|f| f.nombre() == nombre)
}

/// The format whose files have this extension.
pub fn por_extension(extension: &str) -> Option<&'static dyn Formato> {
    FORMATOS
        .iter()
        .copied()
        .find(|f| f.extension().eq_ignore_ascii_case(extension))
}

/// The refusal of a format that does not print the consolidated report.
fn sin_informe(formato: &dyn Formato) -> Vec<TemplateError> {
    vec![TemplateError::mensaje(format!(
        "el formato {} no admite el informe consolidado",
        formato.nombre()
    ))]
}
