//! Rendering a valid plan into its printable document.
//!
//! [`document::Document`] is built once from the plan; [`typst`] lays it out into a PDF with the
//! templates of [`templates`]. Output files are written atomically ([`write_atomic`]): a failed
//! build never leaves a partial file nor replaces the previous good one.

pub mod cmark;
pub mod document;
pub mod hbs;
pub mod html;
pub mod markdown;
pub mod revision;
pub mod templates;
pub mod typst;

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".cantonal-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // The temporary file is private (0600); the document is meant to be shared like any file
    // the user saves: keep the permissions of the file it replaces, or use rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

use std::time::{Duration, Instant};

use crate::informe::Informe;
use crate::observaciones::Revision;
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;
use document::{Document, fecha_documento};
use templates::Plantillas;
use typst::{PdfConfig, PlanWorld, TemplateError};

/// A rendered PDF with what was measured while making it.
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The laid-out document (for page counts and text checks).
    pub document: typst_layout::PagedDocument,
    /// Time spent in the Typst compiler (layout) alone.
    pub compilacion: Duration,
    /// Time of the whole rendering (document data, compile, PDF export).
    pub total: Duration,
}

/// The document of `plan`, as a review copy when `revision` is given.
fn documento(plan: &Plan, referencia: &Referencia, revision: Option<&Revision>) -> Document {
    let doc = Document::new(plan, referencia, fecha_documento(plan));
    match revision {
        Some(revision) => doc.con_revision(plan, revision),
        None => doc,
    }
}

/// Renders `plan` to PDF with the templates of `plantillas`; with `revision`, the review copy.
pub fn pdf(
    plan: &Plan,
    referencia: &Referencia,
    revision: Option<&Revision>,
    plantillas: Plantillas,
    config: PdfConfig,
) -> Result<Pdf, Vec<TemplateError>> {
    let start = Instant::now();
    let fecha = fecha_documento(plan);
    let doc = documento(plan, referencia, revision);
    let world = PlanWorld::new(&doc, plantillas, fecha);
    let ident = format!("cantonal/{}/{}", plan.canton.codigo, doc.periodo.anios);
    compilar(&world, &ident, fecha, config, start)
}

/// Lays out the world's document and exports it; `start` is when the work began.
fn compilar(
    world: &PlanWorld,
    ident: &str,
    fecha: chrono::NaiveDate,
    config: PdfConfig,
    start: Instant,
) -> Result<Pdf, Vec<TemplateError>> {
    let compile_start = Instant::now();
    let document = typst::compile(world)?;
    let compilacion = compile_start.elapsed();
    let bytes = typst::pdf(&document, ident, fecha, config)?;
    // Typst memoises layout work in a process-wide cache. Keep only what the last couple of
    // documents used: enough for `vigilar` to reuse work between saves, and a batch of 221 plans
    // no longer grows the cache by tens of megabytes per plan.
    ::typst::comemo::evict(2);
    Ok(Pdf {
        bytes,
        document,
        compilacion,
        total: start.elapsed(),
    })
}

/// Renders `plan` to HTML or Markdown with the Handlebars templates of `plantillas`; with
/// `revision`, the review copy.
pub fn hbs_text(
    plan: &Plan,
    referencia: &Referencia,
    revision: Option<&Revision>,
    plantillas: &Plantillas,
    formato: hbs::Formato,
) -> Result<String, String> {
    let doc = documento(plan, referencia, revision);
    hbs::render(&doc, formato, plantillas)
}

/// The normalised plan as JSON (documented in `docs/salidas.md`): the plan as read, and the
/// document data with resolved references, each action's axis, totals and coverage.
pub fn json(plan: &Plan, referencia: &Referencia, revision: Option<&Revision>) -> String {
    let doc = documento(plan, referencia, revision);
    let value = serde_json::json!({
        "version": 1,
        "plan": plan,
        "documento": doc,
    });
    serde_json::to_string_pretty(&value).expect("the plan serialises") + "\n"
}

/// Renders the consolidated report to PDF with `informe.typ` (landscape, with charts).
pub fn informe_pdf(
    informe: &Informe,
    plantillas: Plantillas,
    fecha: chrono::NaiveDate,
) -> Result<Pdf, Vec<TemplateError>> {
    let start = Instant::now();
    let world = PlanWorld::with("informe.typ", "/informe.json", informe, plantillas, fecha);
    compilar(
        &world,
        "cantonal/informe",
        fecha,
        PdfConfig::default(),
        start,
    )
}

/// Renders the consolidated report to one self-contained HTML file with `informe.html.hbs`.
pub fn informe_html(informe: &Informe, plantillas: &Plantillas) -> Result<String, String> {
    hbs::render_with("informe.html.hbs", informe, hbs::Formato::Html, plantillas)
}
