//! PDF: the document laid out by the Typst compiler embedded as a library, with the templates
//! `plan.typ` (a plan), `avance.typ` (a plan's progress report) and `informe.typ` (the
//! consolidated report, landscape, with charts).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use typst_layout::PagedDocument;

use super::templates::Plantillas;
use super::typst::{self, PdfConfig, PlanWorld};
use super::{Formato, Opciones, Pieza, Producto, TemplateError};
use crate::documento::Documento;
use crate::documento::avance::Avance;
use crate::documento::informe::Informe;
use crate::plan::model::Plan;

/// The PDF format.
pub struct Pdf;

impl Formato for Pdf {
    fn nombre(&self) -> &'static str {
        "pdf"
    }
    fn descripcion(&self) -> &'static str {
        "PDF (Typst)."
    }
    fn extension(&self) -> &'static str {
        "pdf"
    }
    fn tipo_mime(&self) -> &'static str {
        "application/pdf"
    }
    fn admite_informe(&self) -> bool {
        true
    }
    fn render(&self, pieza: Pieza, opciones: &Opciones) -> Result<Producto, Vec<TemplateError>> {
        let config = PdfConfig {
            pdf_a: opciones.pdf_a,
        };
        let pdf = match pieza {
            Pieza::Plan { plan, documento } => {
                plan_pdf(plan, documento, opciones.plantillas.clone(), config)?
            }
            Pieza::Avance { avance, .. } => {
                avance_pdf(avance, opciones.plantillas.clone(), config)?
            }
            Pieza::Informe { informe, fecha } => {
                informe_pdf(informe, opciones.plantillas.clone(), fecha)?
            }
        };
        Ok(Producto {
            paginas: Some(pdf.document.pages().len()),
            compilacion: Some(pdf.compilacion),
            total: pdf.total,
            bytes: pdf.bytes,
        })
    }
}

/// A rendered PDF with its laid-out pages and what was measured while making it.
pub struct PdfCompilado {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The laid-out document (for page counts and text checks).
    pub document: PagedDocument,
    /// Time spent in the Typst compiler (layout) alone.
    pub compilacion: Duration,
    /// Time of the whole rendering (document data, compile, PDF export).
    pub total: Duration,
}

/// Lays out the document of `plan` with `plan.typ` and exports it.
pub fn plan_pdf(
    plan: &Plan,
    documento: &Documento,
    plantillas: Plantillas,
    config: PdfConfig,
) -> Result<PdfCompilado, Vec<TemplateError>> {
    let start = Instant::now();
    let fecha = documento.fecha;
    let world = PlanWorld::new(documento, plantillas, fecha);
    let ident = format!(
        "cantonal/{}/{}",
        plan.canton.codigo, documento.periodo.anios
    );
    compilar(&world, &ident, fecha, config, start)
}

/// Lays out a plan's progress report with `avance.typ` and exports it.
pub fn avance_pdf(
    avance: &Avance,
    plantillas: Plantillas,
    config: PdfConfig,
) -> Result<PdfCompilado, Vec<TemplateError>> {
    let start = Instant::now();
    let fecha = avance.fecha;
    let world = mundo_avance(avance, plantillas);
    let ident = format!(
        "cantonal/{}/{}/avance/{}",
        avance.canton.codigo, avance.periodo.anios, avance.corte.fecha
    );
    compilar(&world, &ident, fecha, config, start)
}

/// What `avance.typ` lays out a progress report from: for its PDF, and for the editor's preview.
pub fn mundo_avance(avance: &Avance, plantillas: Plantillas) -> PlanWorld {
    PlanWorld::de_canton(
        "avance.typ",
        "/avance.json",
        avance,
        avance.escudo.as_ref(),
        plantillas,
        avance.fecha,
    )
}

/// Lays out the consolidated report with `informe.typ` and exports it: the report as it is
/// printed ([`Informe::impreso`]: a large folder province by province).
pub fn informe_pdf(
    informe: &Informe,
    plantillas: Plantillas,
    fecha: NaiveDate,
) -> Result<PdfCompilado, Vec<TemplateError>> {
    let start = Instant::now();
    let world = PlanWorld::with(
        "informe.typ",
        "/informe.json",
        &informe.impreso(),
        plantillas,
        fecha,
    );
    compilar(
        &world,
        "cantonal/informe",
        fecha,
        PdfConfig::default(),
        start,
    )
}

/// Lays out the world's document and exports it; `start` is when the work began.
fn compilar(
    world: &PlanWorld,
    ident: &str,
    fecha: NaiveDate,
    config: PdfConfig,
    start: Instant,
) -> Result<PdfCompilado, Vec<TemplateError>> {
    let compile_start = Instant::now();
    let document = typst::compile(world)?;
    let compilacion = compile_start.elapsed();
    let bytes = typst::pdf(world, &document, ident, fecha, config)?;
    // Typst memoises layout work in a process-wide cache. Keep only what the last couple of
    // documents used: enough for `vigilar` to reuse work between saves, and a batch of 221 plans
    // no longer grows the cache by tens of megabytes per plan.
    ::typst::comemo::evict(2);
    Ok(PdfCompilado {
        bytes,
        document,
        compilacion,
        total: start.elapsed(),
    })
}
