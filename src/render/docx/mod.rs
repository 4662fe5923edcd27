//! Word output (DOCX): the printable plan as a real Word document that a Concejo secretary can
//! finish (crest, signatures, legal edits) and an adviser can review with Word comments.
//!
//! Written with `docx-rs` from the same [`Documento`] as every other format, one function per
//! chapter ([`CAPITULOS`], the chapters of the PDF in its order, numbered and titled as it
//! numbers its headings): chapter and section headings use Word's built-in heading styles (so the
//! navigation pane and an inserted table of contents work), a table-of-contents field written
//! filled follows the cover ([`indice`]), tables are real tables whose header row repeats on
//! every page and whose columns hold their widest word ([`tabla`], [`medida`]), the action matrix
//! sits in a landscape section, the canton's crest (when the plan has one) is a picture with its
//! alternative text on the cover and in the page header, the footer says "Página N de M" with
//! page fields, the pages are A4, the document language is Spanish (Ecuador) for Word's
//! spell-check, and the document's properties give its title and author. In a review copy
//! each observation is a Word comment anchored on the item it addresses, by the reviewer and
//! dated the day of the review, and the table of observations closes the document.
//!
//! One file per chapter writes its part, as [`crate::documento`] builds it: [`portada`] (cover,
//! page header, presentation, approval), [`marco`], [`diagnostico`], [`actores`],
//! [`estrategia`] (axes, action matrix, schedule, alignment), [`ruta_atencion`],
//! [`presupuesto`], [`seguimiento`] and [`revision`]; [`escritor`] holds the document being
//! written and [`tabla`] its tables. A plan's progress report is written by [`avance`] with the
//! same writer, styles, tables and table of contents.
//!
//! Plan text is data: it only ever becomes the text of runs (`w:t`, escaped by the writer), never
//! a field instruction; the only hyperlinks are the `http`, `https` and `mailto` links that
//! [`crate::documento::cmark`] keeps.

use std::time::Instant;

use docx_rs::{
    AbstractNumbering, AlignmentType, DocumentChild, Footer, Header, Level, LevelJc, LevelText,
    NumPages, NumberFormat, Numbering, PageMargin, PageNum, Paragraph, RunFonts, SpecialIndentType,
    Start, Style, StyleType,
};

use super::raster;
use super::{Formato, Opciones, Pieza, Producto, TemplateError, sin_informe};
use crate::documento::Documento;

mod actores;
mod avance;
mod diagnostico;
mod escritor;
mod estrategia;
mod indice;
mod marco;
mod medida;
mod portada;
mod presupuesto;
mod revision;
mod ruta_atencion;
mod seguimiento;
mod tabla;

pub use escritor::Escritor;
use escritor::texto;

/// The DOCX format.
pub struct Docx;

impl Formato for Docx {
    fn nombre(&self) -> &'static str {
        "docx"
    }
    fn descripcion(&self) -> &'static str {
        "Documento de Word (DOCX), editable; con --observaciones, comentarios de Word."
    }
    fn extension(&self) -> &'static str {
        "docx"
    }
    fn tipo_mime(&self) -> &'static str {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    }
    fn admite_informe(&self) -> bool {
        false
    }
    fn render(&self, pieza: Pieza, _: &Opciones) -> Result<Producto, Vec<TemplateError>> {
        let start = Instant::now();
        let docx = match pieza {
            Pieza::Plan { documento, .. } => escribir(documento),
            Pieza::Avance { avance, .. } => avance::escribir(avance),
            Pieza::Informe { .. } => return Err(sin_informe(self)),
        };
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).map_err(|e| {
            vec![TemplateError::mensaje(format!(
                "no se pudo escribir el DOCX: {e}"
            ))]
        })?;
        Ok(Producto {
            bytes: bytes.into_inner(),
            paginas: None,
            compilacion: None,
            total: start.elapsed(),
        })
    }
}

/// Language of the document, for Word's proofing tools.
pub const IDIOMA: &str = "es-EC";
/// A4 portrait, in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
/// 2.5 cm margins.
const MARGEN: i32 = 1418;
/// Width of the text on an A4 portrait page (for table grids).
const ANCHO: usize = 11906 - 2 * MARGEN as usize;
/// Width of the text on an A4 landscape page.
const ANCHO_APAISADO: usize = 16838 - 2 * MARGEN as usize;
const AZUL: &str = "1F4E79";
const GRIS: &str = "595959";
/// Size of the body text, in half-points (10.5 pt).
const TAM: usize = 21;
const AZUL_CLARO: &str = "DEEAF6";
/// The colour of the large marks: the PDF's red at 12 % over white.
const MARCA: &str = "F9E1E1";
/// Abstract numbering (and numbering instance) of bulleted lists; `docx-rs` reserves 1.
const VINETAS: usize = 10;
/// Abstract numbering of numbered lists (each list gets its own instance, restarting at 1).
const NUMEROS: usize = 11;

/// First id of the chapters' bookmarks.
const MARCADORES: usize = 1000;

/// The name of the bookmark of the `n`-th heading the table of contents lists, as Word names
/// those of a table of contents.
fn marcador(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// A chapter: writes its part of the document (nothing, when the document has no such part).
pub type Capitulo = fn(&mut Escritor, &Documento);

/// The chapters, in the order of the PDF (`templates/plan.typ`), with their titles (as
/// `capitulos_de` prints them).
pub const CAPITULOS: &[(&str, Capitulo)] = &[
    ("Siglas y abreviaturas", marco::siglas),
    ("Presentación", portada::presentacion),
    ("Introducción", marco::introduccion),
    ("Marco conceptual", marco::marco_conceptual),
    ("Marco normativo", marco::marco_normativo),
    ("Enfoques", marco::enfoques),
    ("Principios", marco::principios),
    ("Diagnóstico", diagnostico::diagnostico),
    ("Mapa de actores", actores::actores),
    ("Marco estratégico", estrategia::marco_estrategico),
    ("Matriz de acciones", estrategia::matriz_acciones),
    ("Cronograma", estrategia::cronograma),
    ("Ruta de atención a víctimas", ruta_atencion::ruta_atencion),
    ("Tráfico ilícito de migrantes", ruta_atencion::trafico),
    ("Presupuesto y financiamiento", presupuesto::presupuesto),
    ("Seguimiento y evaluación", seguimiento::seguimiento),
    ("Alineación", estrategia::alineacion),
    ("Aprobación", portada::aprobacion),
    ("Glosario", marco::glosario),
    ("Anexo: Fuentes", marco::fuentes),
    ("Observaciones de revisión", revision::observaciones),
];

/// The Word document of `d`.
pub fn escribir(d: &Documento) -> docx_rs::Docx {
    let escudo = d.escudo.as_ref().and_then(raster::escudo_png);
    let mut e = Escritor::new(
        capitulos_de(d),
        portada::encabezado(d, escudo.as_ref()),
        (&d.titulo(), &d.autor()),
    );
    e.revision = d
        .revision
        .as_ref()
        .map(|r| (r.revisor.clone(), format!("{}T00:00:00Z", r.fecha_dia)));
    portada::portada(&mut e, d, escudo.as_ref());
    for (_, capitulo) in CAPITULOS {
        capitulo(&mut e, d);
    }
    e.cerrar(&format!(
        "Documento generado por cantonal el {} a partir del archivo del plan.",
        d.fecha_documento
    ))
}

impl Escritor {
    /// A document whose chapters are titled `titulos`, with the page header `cabecera` on every
    /// page, the styles, numbering and footer of every document, and `(título, autor)` as its
    /// properties.
    pub(super) fn new(
        titulos: Vec<String>,
        cabecera: Header,
        (titulo, autor): (&str, &str),
    ) -> Self {
        Escritor {
            docx: estilos(docx_rs::Docx::new(), cabecera.clone())
                .core_properties(titulo, autor, IDIOMA),
            apaisada: None,
            titulos,
            capitulos: 0,
            secciones: 0,
            pagina_nueva: false,
            numeraciones: NUMEROS,
            revision: None,
            cabecera,
            indice: Vec::new(),
            indice_en: None,
        }
    }

    /// The finished document: `pie` in small grey letters at its end, and the table of contents
    /// where the cover left its place, now that every heading it lists is written.
    pub(super) fn cerrar(mut self, pie: &str) -> docx_rs::Docx {
        self.parrafo(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(texto(pie).size(16).color(GRIS)),
        );
        if let Some(i) = self.indice_en {
            let indice = indice::parrafos(&self.indice)
                .into_iter()
                .map(|p| DocumentChild::Paragraph(Box::new(p)));
            self.docx.document.children.splice(i..i, indice);
        }
        self.docx
    }
}

/// Page setup, styles, numbering, header and footer.
fn estilos(docx: docx_rs::Docx, cabecera: Header) -> docx_rs::Docx {
    let titulo = |id: &str, nombre: &str, nivel: usize, tam: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(nombre)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(nivel)
            .size(tam)
            .bold()
            .color(AZUL)
    };
    let entrada = |id: &str, nombre: &str, sangria: i32| {
        Style::new(id, StyleType::Paragraph)
            .name(nombre)
            .based_on("Normal")
            .next("Normal")
            .indent(Some(sangria), None, None, None)
    };
    let nivel = |formato: &str, texto: &str| {
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(formato),
            LevelText::new(texto),
            LevelJc::new("left"),
        )
        .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None)
    };
    docx.page_size(A4.0, A4.1)
        .page_margin(margenes())
        .default_lang(IDIOMA)
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(TAM)
        // Word's built-in heading styles: their names make Word treat them as its own
        // ("Título 1" in a Spanish Word), for the navigation pane and the table of contents.
        .add_style(titulo("Heading1", "heading 1", 0, 34))
        .add_style(titulo("Heading2", "heading 2", 1, 26))
        // An axis inside "Ejes y objetivos": a heading, out of the table of contents as in the
        // PDF.
        .add_style(titulo("Heading3", "heading 3", 2, 23))
        // The entries of the table of contents, with Word's names for them.
        .add_style(entrada("TOC1", "toc 1", 0))
        .add_style(entrada("TOC2", "toc 2", 220))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .q_format(true)
                .size(44)
                .bold()
                .color(AZUL),
        )
        .add_abstract_numbering(AbstractNumbering::new(VINETAS).add_level(nivel("bullet", "•")))
        .add_abstract_numbering(AbstractNumbering::new(NUMEROS).add_level(nivel("decimal", "%1.")))
        .add_numbering(Numbering::new(VINETAS, VINETAS))
        .header(cabecera)
        .footer(pie())
}

fn margenes() -> PageMargin {
    PageMargin::new()
        .top(MARGEN)
        .bottom(MARGEN)
        .left(MARGEN)
        .right(MARGEN)
        .header(709)
        .footer(709)
}

/// "Página N de M", with Word's page fields.
fn pie() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(texto("Página ").size(18))
            .add_page_num(PageNum::new())
            .add_run(texto(" de ").size(18))
            .add_num_pages(NumPages::new()),
    )
}

/// The chapter titles that this document prints, as in its headings: the alignment chapter
/// names the national reference, and only a review copy has the observations.
fn capitulos_de(d: &Documento) -> Vec<String> {
    CAPITULOS
        .iter()
        .filter(|(t, _)| *t != "Observaciones de revisión" || d.revision.is_some())
        .map(|(t, _)| match *t {
            "Alineación" => format!("Alineación con el {}", d.referencia.nombre_corto),
            t => t.to_owned(),
        })
        .collect()
}
