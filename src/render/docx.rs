//! Word output (DOCX): the printable plan as a real Word document that a Concejo secretary can
//! finish (crest, signatures, legal edits) and an adviser can review with Word comments.
//!
//! Written with `docx-rs` from the same [`Documento`] as every other format, one function per
//! chapter ([`CAPITULOS`], the chapters of the PDF in its order, numbered and titled as it
//! numbers its headings): chapter and section headings use Word's built-in heading styles (so the
//! navigation pane and an inserted table of contents work), a table-of-contents field follows
//! the cover, tables are real tables whose header row repeats on every page, the action matrix
//! sits in a landscape section, the canton's crest (when the plan has one) is a picture on the
//! cover and in the page header, the footer says "Página N de M" with page fields, the pages are
//! A4 and the document language is Spanish (Ecuador) for Word's spell-check. In a review copy
//! each observation is a Word comment anchored on the item it addresses, by the reviewer and
//! dated the day of the review, and the table of observations closes the document.
//!
//! Plan text is data: it only ever becomes the text of runs (`w:t`, escaped by the writer), never
//! a field instruction; the only hyperlinks are the `http`, `https` and `mailto` links that
//! [`crate::documento::cmark`] keeps.

use std::time::Instant;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Comment, Footer, Header, Hyperlink, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumPages, NumberFormat, Numbering,
    NumberingId, PageMargin, PageNum, PageOrientationType, PageSize, Paragraph, Pic, Run, RunFonts,
    Section, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell,
    TableOfContents, TableOfContentsItem, TableRow, WidthType,
};

use super::raster::{self, Png};
use super::{Formato, Opciones, Pieza, Producto, TemplateError, sin_informe};
use crate::documento::Documento;
use crate::documento::cmark::{Bloque, Linea, enlace_seguro};
use crate::documento::presupuesto::FilaFinanciamiento;
use crate::documento::revision::{Nota, RevisionDoc};

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
        let Pieza::Plan { documento, .. } = pieza else {
            return Err(sin_informe(self));
        };
        let mut bytes = std::io::Cursor::new(Vec::new());
        escribir(documento).build().pack(&mut bytes).map_err(|e| {
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

/// The name of the bookmark of chapter `n`, as Word names those of a table of contents.
fn marcador(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// A chapter: writes its part of the document (nothing, when the document has no such part).
pub type Capitulo = fn(&mut Escritor, &Documento);

/// The chapters, in the order of the PDF (`templates/plan.typ`), with their titles (as
/// `capitulos_de` prints them).
pub const CAPITULOS: &[(&str, Capitulo)] = &[
    ("Siglas y abreviaturas", siglas),
    ("Presentación", presentacion),
    ("Introducción", introduccion),
    ("Marco conceptual", marco_conceptual),
    ("Marco normativo", marco_normativo),
    ("Enfoques", enfoques),
    ("Diagnóstico", diagnostico),
    ("Mapa de actores", actores),
    ("Marco estratégico", marco_estrategico),
    ("Matriz de acciones", matriz_acciones),
    ("Cronograma", cronograma),
    ("Ruta de atención a víctimas", ruta_atencion),
    ("Presupuesto y financiamiento", presupuesto),
    ("Seguimiento y evaluación", seguimiento),
    ("Alineación", alineacion),
    ("Aprobación", aprobacion),
    ("Glosario", glosario),
    ("Anexo: Fuentes", fuentes),
    ("Observaciones de revisión", observaciones),
];

/// The document being written: content goes to the current section until it is closed.
pub struct Escritor {
    docx: docx_rs::Docx,
    /// Content of the landscape section being written, if any.
    apaisada: Option<Section>,
    /// The titles of the chapters this document prints ([`capitulos_de`]).
    titulos: Vec<String>,
    /// Chapters written so far (for their numbers).
    capitulos: usize,
    /// Sections of the current chapter written so far (for their numbers).
    secciones: usize,
    /// A section just started (on a new page): the next chapter needs no page break.
    pagina_nueva: bool,
    /// Numbering instances handed out (one per numbered list).
    numeraciones: usize,
    /// Reviewer and ISO date of the comments, in a review copy.
    revision: Option<(String, String)>,
    /// The page header, repeated in every section.
    cabecera: Header,
}

/// Height of the crest on the cover and in the page header, in EMU (as in the PDF: 2.4 cm and
/// 0.8 cm).
const ESCUDO_PORTADA: u32 = 24 * EMU_MM;
const ESCUDO_CABECERA: u32 = 8 * EMU_MM;
/// English Metric Units in a millimetre.
const EMU_MM: u32 = 36_000;

/// The crest as an inline picture `alto` EMU high, its width in proportion.
fn imagen(png: &Png, alto: u32) -> Pic {
    let ancho = (u64::from(alto) * u64::from(png.ancho) / u64::from(png.alto.max(1))) as u32;
    Pic::new_with_dimensions(png.bytes.clone(), png.ancho, png.alto)
        .id("rIdEscudo")
        .size(ancho, alto)
}

/// The Word document of `d`.
pub fn escribir(d: &Documento) -> docx_rs::Docx {
    let escudo = d.escudo.as_ref().and_then(raster::escudo_png);
    let mut e = Escritor {
        docx: docx_rs::Docx::new(),
        apaisada: None,
        titulos: capitulos_de(d),
        capitulos: 0,
        secciones: 0,
        pagina_nueva: false,
        numeraciones: NUMEROS,
        revision: d
            .revision
            .as_ref()
            .map(|r| (r.revisor.clone(), format!("{}T00:00:00Z", r.fecha_dia))),
        cabecera: encabezado(d, escudo.as_ref()),
    };
    e.docx = estilos(std::mem::take(&mut e.docx), e.cabecera.clone());
    portada(&mut e, d, escudo.as_ref());
    for (_, capitulo) in CAPITULOS {
        capitulo(&mut e, d);
    }
    e.parrafo(
        Paragraph::new().align(AlignmentType::Center).add_run(
            texto(&format!(
                "Documento generado por cantonal el {} a partir del archivo del plan.",
                d.fecha_documento
            ))
            .size(16)
            .color(GRIS),
        ),
    );
    e.docx
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
        // A title inside a section (an axis, a stage of the route) that is not a heading in the
        // PDF either: it stays out of the navigation pane and the table of contents.
        .add_style(
            Style::new("Destacado", StyleType::Paragraph)
                .name("Destacado")
                .based_on("Normal")
                .next("Normal")
                .size(23)
                .bold()
                .color(AZUL),
        )
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

/// The marks printed at the top of every page: BORRADOR while the plan is not approved, and
/// COPIA DE REVISIÓN in a review copy. The EJEMPLO mark of example plans goes here too.
fn marcas(d: &Documento) -> Vec<String> {
    let mut out = Vec::new();
    if d.marca_ejemplo {
        out.push("EJEMPLO con datos ficticios".to_owned());
    }
    if d.marca_borrador {
        out.push(format!("BORRADOR — estado: {}", d.estado_texto));
    }
    if d.revision.is_some() {
        out.push("COPIA DE REVISIÓN".to_owned());
    }
    out
}

/// The page header: the crest (when the plan has one), the title and the marks.
fn encabezado(d: &Documento, escudo: Option<&Png>) -> Header {
    let mut p = Paragraph::new().align(AlignmentType::Right);
    if let Some(e) = escudo {
        p = p.add_run(
            Run::new()
                .add_image(imagen(e, ESCUDO_CABECERA))
                .add_text("  "),
        );
    }
    let marcas = marcas(d);
    let titulo = format!(
        "Plan cantonal contra la trata de personas — {} ({})",
        d.canton.nombre, d.periodo.anios
    );
    p = p.add_run(texto(&titulo).size(16).color(GRIS));
    if !marcas.is_empty() {
        p = p.add_run(
            texto(&format!("   {}", marcas.join(" · ")))
                .size(16)
                .bold()
                .color("C00000"),
        );
    }
    let header = Header::new().add_paragraph(p);
    match marca_de_agua(d) {
        Some(m) => header.add_paragraph(m),
        None => header,
    }
}

/// The large marks across every page, as the PDF prints them on the page background: EJEMPLO
/// on an illustrative plan, BORRADOR on one not yet approved, one word a line.
///
/// A paragraph of the header in a frame (`w:framePr`) centred on the page: header content lies
/// behind the body's text in Word and LibreOffice, it repeats on every page, and it stays text
/// (searchable, and removed by deleting one paragraph of the header). `docx-rs` cannot write
/// a rotated text box, so the words are horizontal.
fn marca_de_agua(d: &Documento) -> Option<Paragraph> {
    let palabras: Vec<&str> = [
        d.marca_ejemplo.then_some("EJEMPLO"),
        d.marca_borrador.then_some("BORRADOR"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if palabras.is_empty() {
        return None;
    }
    // Horizontal, the words must fit the width of the text: 60 pt (in half-points).
    let tam = 120;
    Some(
        Paragraph::new()
            .align(AlignmentType::Center)
            .h_anchor("page")
            .v_anchor("page")
            .x_align("center")
            .y_align("center")
            .frame_width(ANCHO as u32)
            .wrap("none")
            .add_run(texto(&palabras.join("\n")).size(tam).bold().color(MARCA)),
    )
}

impl Escritor {
    /// Adds a paragraph to the current section.
    fn parrafo(&mut self, p: Paragraph) {
        match self.apaisada.take() {
            Some(s) => self.apaisada = Some(s.add_paragraph(p)),
            None => self.docx = std::mem::take(&mut self.docx).add_paragraph(p),
        }
    }

    /// Adds a table to the current section.
    fn tabla(&mut self, t: Table) {
        match self.apaisada.take() {
            Some(s) => self.apaisada = Some(s.add_table(t)),
            None => self.docx = std::mem::take(&mut self.docx).add_table(t),
        }
    }

    /// Ends the portrait section so far and starts a landscape one.
    fn apaisar(&mut self) {
        let vertical = self.seccion_nueva(PageSize::new().size(A4.0, A4.1));
        self.docx = std::mem::take(&mut self.docx).add_section(vertical);
        self.pagina_nueva = true;
        self.apaisada = Some(
            self.seccion_nueva(
                PageSize::new()
                    .size(A4.1, A4.0)
                    .orient(PageOrientationType::Landscape),
            )
            .page_orient(PageOrientationType::Landscape),
        );
    }

    /// An empty section of pages of `tam`, with the margins, header and footer of every page.
    fn seccion_nueva(&self, tam: PageSize) -> Section {
        Section::new()
            .page_size(tam)
            .page_margin(margenes())
            .header(self.cabecera.clone())
            .footer(pie())
    }

    /// Ends the landscape section; what follows is portrait again.
    fn enderezar(&mut self) {
        if let Some(s) = self.apaisada.take() {
            self.docx = std::mem::take(&mut self.docx).add_section(s);
            self.pagina_nueva = true;
        }
    }

    /// The heading of the next chapter (Word's "heading 1", numbered and titled like the PDF),
    /// with the review notes addressed to the chapter as a whole anchored on it.
    fn capitulo(&mut self, notas: &[Nota]) {
        let t = format!(
            "{}. {}",
            self.capitulos + 1,
            self.titulos.get(self.capitulos).map_or("", String::as_str)
        );
        self.capitulos += 1;
        self.secciones = 0;
        let n = self.capitulos;
        // The bookmark the pre-filled table of contents points to.
        let p = Paragraph::new()
            .style("Heading1")
            .add_bookmark_start(MARCADORES + n, marcador(n));
        let p = self
            .anclar(p, notas, |p| p.add_run(texto(&t)))
            .add_bookmark_end(MARCADORES + n);
        let salto = !std::mem::take(&mut self.pagina_nueva);
        self.parrafo(p.page_break_before(salto));
    }

    /// A section heading inside a chapter (Word's "heading 2", numbered like the PDF: "7.2.").
    fn seccion(&mut self, titulo: &str) {
        self.secciones += 1;
        let t = format!("{}.{}. {titulo}", self.capitulos, self.secciones);
        self.parrafo(
            Paragraph::new()
                .style("Heading2")
                .keep_next(true)
                .add_run(texto(&t)),
        );
    }

    /// A bold label and its text, as one paragraph ("Responsable: …").
    fn dato(&mut self, etiqueta: &str, valor: &str) {
        self.parrafo(
            Paragraph::new()
                .add_run(texto(&format!("{etiqueta}: ")).bold())
                .add_run(texto(valor)),
        );
    }

    /// A bulleted paragraph made of `runs`.
    fn vineta(&mut self, runs: Vec<Run>) {
        let p = Paragraph::new().numbering(NumberingId::new(VINETAS), IndentLevel::new(0));
        self.parrafo(runs.into_iter().fold(p, Paragraph::add_run));
    }

    /// Plain text as a paragraph.
    fn texto(&mut self, t: &str) {
        self.parrafo(Paragraph::new().add_run(texto(t)));
    }

    /// A Markdown field as paragraphs.
    fn md(&mut self, bloques: &[Bloque]) {
        for p in self.bloques(bloques, 0) {
            self.parrafo(p);
        }
    }

    /// The paragraphs of a Markdown tree; `sangria` is the list depth.
    fn bloques(&mut self, bloques: &[Bloque], sangria: i32) -> Vec<Paragraph> {
        let mut out = Vec::new();
        for b in bloques {
            match b {
                Bloque::Parrafo { c } => out.push(lineas(Paragraph::new(), c, Estilo::default())),
                Bloque::Titulo { c, .. } => out.push(lineas(
                    Paragraph::new().keep_next(true),
                    c,
                    Estilo {
                        negrita: true,
                        ..Estilo::default()
                    },
                )),
                Bloque::Lista { ordenada, items } => {
                    let id = if *ordenada {
                        self.numeraciones += 1;
                        let n = self.numeraciones;
                        self.docx = std::mem::take(&mut self.docx).add_numbering(
                            Numbering::new(n, NUMEROS).add_override(LevelOverride::new(0).start(1)),
                        );
                        n
                    } else {
                        VINETAS
                    };
                    for item in items {
                        for (i, p) in self.bloques(item, sangria + 1).into_iter().enumerate() {
                            out.push(if i == 0 {
                                p.numbering(NumberingId::new(id), IndentLevel::new(0))
                                    .indent(
                                        Some(720 * (sangria + 1)),
                                        Some(SpecialIndentType::Hanging(360)),
                                        None,
                                        None,
                                    )
                            } else {
                                p
                            });
                        }
                    }
                }
                Bloque::Cita { c } => {
                    for p in self.bloques(c, sangria) {
                        out.push(
                            p.indent(Some(720 * (sangria + 1)), None, None, None)
                                .italic(),
                        );
                    }
                }
                Bloque::Codigo { v } => {
                    let mut p = Paragraph::new();
                    for (i, linea) in v.trim_end().split('\n').enumerate() {
                        let mut r = Run::new();
                        if i > 0 {
                            r = r.add_break(BreakType::TextWrapping);
                        }
                        p = p.add_run(r.add_text(linea).fonts(monoespaciada()));
                    }
                    out.push(p);
                }
                Bloque::Separador => out.push(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(texto("* * *").color(GRIS)),
                ),
            }
        }
        out
    }

    /// `p` filled by `contenido`, with a Word comment for each note anchored on that content.
    fn anclar(
        &mut self,
        p: Paragraph,
        notas: &[Nota],
        contenido: impl FnOnce(Paragraph) -> Paragraph,
    ) -> Paragraph {
        let mut p = p;
        for n in notas {
            let c = self.comentario(n);
            p = p.add_comment_start(c);
        }
        let mut p = contenido(p);
        for n in notas {
            p = p.add_comment_end(n.numero);
        }
        p
    }

    /// A paragraph of bold text of `tam` half-points with the notes anchored on it: the id or
    /// name of a risk, an actor, an action.
    fn anclar_negrita(&mut self, t: &str, notas: &[Nota], tam: usize) -> Paragraph {
        self.anclar(Paragraph::new(), notas, |p| {
            p.add_run(texto(t).bold().size(tam))
        })
    }

    /// The Word comment of a note: "Observación N · Abierta" and its text.
    fn comentario(&mut self, n: &Nota) -> Comment {
        let (autor, fecha) = self.revision.clone().unwrap_or_default();
        let mut c = Comment::new(n.numero)
            .author(autor)
            .date(fecha)
            .add_paragraph(
                Paragraph::new()
                    .add_run(texto(&format!("Observación {} · {}", n.numero, n.estado)).bold()),
            );
        for p in self.bloques(&n.texto, 0) {
            c = c.add_paragraph(p);
        }
        c
    }
}

/// How a run of a Markdown field looks.
#[derive(Default, Clone, Copy)]
struct Estilo {
    negrita: bool,
    cursiva: bool,
    codigo: bool,
}

/// Inline Markdown content appended to `p`: emphasis nests, and a link with an `http`, `https`
/// or `mailto` target is a Word hyperlink (any other link keeps only its text).
fn lineas(mut p: Paragraph, ls: &[Linea], estilo: Estilo) -> Paragraph {
    for l in ls {
        p = match l {
            Linea::Enfasis { c } => lineas(
                p,
                c,
                Estilo {
                    cursiva: true,
                    ..estilo
                },
            ),
            Linea::Fuerte { c } => lineas(
                p,
                c,
                Estilo {
                    negrita: true,
                    ..estilo
                },
            ),
            Linea::Enlace { url, c } if enlace_seguro(url) => {
                let mut h = Hyperlink::new(url.trim(), HyperlinkType::External);
                for r in runs_de(c, estilo) {
                    h = h.add_run(r.underline("single").color("0563C1"));
                }
                p.add_hyperlink(h)
            }
            Linea::Enlace { c, .. } => lineas(p, c, estilo),
            _ => runs_de(std::slice::from_ref(l), estilo)
                .into_iter()
                .fold(p, Paragraph::add_run),
        };
    }
    p
}

/// The runs of inline content; inside a link, a nested link is only its text, in italics.
fn runs_de(ls: &[Linea], estilo: Estilo) -> Vec<Run> {
    let mut out = Vec::new();
    for l in ls {
        match l {
            Linea::Texto { v } => out.push(run_con(v, estilo)),
            Linea::Codigo { v } => out.push(run_con(
                v,
                Estilo {
                    codigo: true,
                    ..estilo
                },
            )),
            Linea::Enfasis { c } | Linea::Enlace { c, .. } => out.extend(runs_de(
                c,
                Estilo {
                    cursiva: true,
                    ..estilo
                },
            )),
            Linea::Fuerte { c } => out.extend(runs_de(
                c,
                Estilo {
                    negrita: true,
                    ..estilo
                },
            )),
            Linea::Salto => out.push(Run::new().add_break(BreakType::TextWrapping)),
        }
    }
    out
}

/// A run of Markdown text in `e`.
fn run_con(v: &str, e: Estilo) -> Run {
    let mut r = Run::new().add_text(v);
    if e.negrita {
        r = r.bold();
    }
    if e.cursiva {
        r = r.italic();
    }
    if e.codigo {
        r = r.fonts(monoespaciada());
    }
    r
}

/// The font of code.
fn monoespaciada() -> RunFonts {
    RunFonts::new().ascii("Consolas").hi_ansi("Consolas")
}

/// A paragraph of grey text of `tam` half-points: second lines, descriptions, places.
fn parrafo_gris(t: &str, tam: usize) -> Paragraph {
    Paragraph::new().add_run(texto(t).size(tam).color(GRIS))
}

/// A run of plain text; line breaks in the text become line breaks in Word.
fn texto(t: &str) -> Run {
    let mut r = Run::new();
    for (i, linea) in t.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(linea);
    }
    r
}

/// A table cell with paragraphs (an empty paragraph when there are none: Word needs one).
fn celda(ps: Vec<Paragraph>) -> TableCell {
    if ps.is_empty() {
        return TableCell::new().add_paragraph(Paragraph::new());
    }
    ps.into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
}

/// A table cell with plain text.
fn celda_texto(t: &str) -> TableCell {
    celda(vec![Paragraph::new().add_run(texto(t))])
}

/// A table cell with bold text.
fn celda_negrita(t: &str) -> TableCell {
    celda(vec![Paragraph::new().add_run(texto(t).bold())])
}

/// A table cell with text of `tam` half-points and a smaller grey second line of `tam_detalle`
/// (when not empty).
fn celda_con(t: &str, detalle: &str, tam: usize, tam_detalle: usize) -> TableCell {
    let mut p = Paragraph::new().add_run(texto(t).size(tam));
    if !detalle.is_empty() {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(texto(detalle).size(tam_detalle).color(GRIS));
    }
    celda(vec![p])
}

/// A table: a header row that Word repeats on every page, then the rows; `anchos` are relative
/// column widths over `ancho` twentieths of a point.
fn tabla(encabezado: &[&str], filas: Vec<Vec<TableCell>>, anchos: &[usize], ancho: usize) -> Table {
    tabla_con(encabezado, filas, anchos, ancho, TAM)
}

/// A table whose header row is written in `tam` half-points (the action matrix's is small, so
/// that its narrow columns never break a word). A row of one cell spans the whole width.
fn tabla_con(
    encabezado: &[&str],
    filas: Vec<Vec<TableCell>>,
    anchos: &[usize],
    ancho: usize,
    tam: usize,
) -> Table {
    let total: usize = anchos.iter().sum::<usize>().max(1);
    let grid: Vec<usize> = anchos.iter().map(|a| a * ancho / total).collect();
    let cabecera = TableRow::new(
        encabezado
            .iter()
            .zip(&grid)
            .map(|(h, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(Shading::new().fill(AZUL))
                    .add_paragraph(
                        Paragraph::new().add_run(texto(h).bold().size(tam).color("FFFFFF")),
                    )
            })
            .collect(),
    )
    .table_header()
    .cant_split();
    let mut rows = vec![cabecera];
    rows.extend(filas.into_iter().map(|f| {
        let cells = if f.len() == 1 {
            f.into_iter()
                .map(|c| c.width(ancho, WidthType::Dxa))
                .collect()
        } else {
            f.into_iter()
                .zip(&grid)
                .map(|(c, w)| c.width(*w, WidthType::Dxa))
                .collect()
        };
        TableRow::new(cells).cant_split()
    }));
    Table::new(rows).set_grid(grid).width(ancho, WidthType::Dxa)
}

/// An optional text, or a dash.
fn o(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("—")
}

/// A list of ids, or a dash when empty.
fn o_lista(v: &[String]) -> String {
    if v.is_empty() {
        "—".to_owned()
    } else {
        v.join(", ")
    }
}

/// The canton's official name ("San Miguel de Ibarra"), or its name.
fn nombre_oficial(d: &Documento) -> &str {
    d.canton
        .nombre_oficial
        .as_deref()
        .unwrap_or(&d.canton.nombre)
}

fn notas_de<'a>(d: &'a Documento, f: fn(&'a RevisionDoc) -> &'a [Nota]) -> &'a [Nota] {
    d.revision.as_ref().map_or(&[], f)
}

// ───────────────────────────── Chapters ─────────────────────────────

/// The cover: the canton's crest (when the plan has one), title, canton, state, approval, the
/// marks, and the table of contents.
fn portada(e: &mut Escritor, d: &Documento, escudo: Option<&Png>) {
    if let Some(png) = escudo {
        e.parrafo(Paragraph::new().add_run(Run::new().add_image(imagen(png, ESCUDO_PORTADA))));
    }
    e.parrafo(parrafo_gris(
        &format!(
            "REPÚBLICA DEL ECUADOR · PROVINCIA DE {}",
            d.canton.provincia.to_uppercase()
        ),
        22,
    ));
    e.parrafo(
        Paragraph::new()
            .style("Title")
            .add_run(texto("Plan cantonal contra la trata de personas")),
    );
    e.parrafo(
        Paragraph::new().add_run(
            texto(&format!("Cantón {} · {}", d.canton.nombre, d.periodo.anios))
                .size(32)
                .bold(),
        ),
    );
    e.texto(&format!(
        "Gobierno Autónomo Descentralizado Municipal del cantón {}, provincia de {}. Alineado con el {}.",
        nombre_oficial(d),
        d.canton.provincia,
        d.referencia.nombre
    ));
    for m in marcas(d) {
        e.parrafo(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(texto(&m).size(40).bold().color("C00000")),
        );
    }
    if d.marca_ejemplo {
        e.parrafo(
            Paragraph::new()
                .add_run(texto("EJEMPLO ILUSTRATIVO").bold())
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(texto("Este plan es un ejemplo con datos ficticios, preparado para mostrar cómo se escribe un plan cantonal. Sus nombres, cifras, contactos y actos de aprobación no son reales.")),
        );
    }
    if let Some(r) = &d.revision {
        e.texto(&format!(
            "Observaciones de {}, {}: {}, {}. Cada una es un comentario de Word junto al elemento que observa; la lista completa está al final.",
            r.revisor, r.fecha, r.abiertas_texto, r.resueltas_texto
        ));
    }
    let mut filas = vec![
        vec![
            celda_texto("Cantón"),
            celda_texto(&format!(
                "{} (código DPA {})",
                nombre_oficial(d),
                d.canton.codigo
            )),
        ],
        vec![celda_texto("Provincia"), celda_texto(&d.canton.provincia)],
        vec![
            celda_texto("Período"),
            celda_texto(&format!("Del {} al {}", d.periodo.inicio, d.periodo.fin)),
        ],
        vec![celda_texto("Estado"), celda_texto(d.estado_texto)],
    ];
    if let Some(a) = &d.aprobacion {
        filas.push(vec![
            celda_texto("Aprobación"),
            celda_texto(&format!(
                "{} N.º {} del {}, {}",
                a.instrumento, a.numero, a.organo, a.fecha
            )),
        ]);
    }
    if let Some(el) = &d.elaboracion {
        filas.push(vec![celda_texto("Elaboración"), celda_texto(&el.fecha)]);
    }
    e.tabla(tabla(&["Dato", "Valor"], filas, &[1, 3], ANCHO));
    // The table of contents: Word's TOC field over heading levels 1–2, pre-filled with the
    // chapters and marked to be updated (page numbers) when Word opens the document.
    let mut toc = TableOfContents::new()
        .heading_styles_range(1, 2)
        .alias("Índice")
        .dirty();
    for (i, titulo) in capitulos_de(d).iter().enumerate() {
        toc = toc.add_item(
            TableOfContentsItem::new()
                .text(format!("{}. {titulo}", i + 1))
                .toc_key(marcador(i + 1))
                .level(1)
                .page_ref(""),
        );
    }
    // Not a heading: the index does not list itself.
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Índice").size(26).bold().color(AZUL))
            .page_break_before(true),
    );
    e.docx = std::mem::take(&mut e.docx).add_table_of_contents(toc);
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

fn siglas(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    let filas = d
        .siglas
        .iter()
        .map(|s| vec![celda_texto(&s.siglas), celda_texto(&s.significado)])
        .collect();
    e.tabla(tabla(&["Siglas", "Significado"], filas, &[1, 4], ANCHO));
}

fn presentacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.presentacion.as_slice()));
    match &d.presentacion {
        Some(p) => e.md(p),
        None => e.texto(&format!(
            "El GAD Municipal del cantón {} presenta su plan cantonal contra la trata de personas para el período {}.",
            nombre_oficial(d),
            d.periodo.anios
        )),
    }
    if let Some(el) = &d.elaboracion
        && !el.equipo.is_empty()
    {
        e.seccion("Equipo de elaboración");
        let filas = el
            .equipo
            .iter()
            .map(|[n, c, i]| vec![celda_texto(n), celda_texto(c), celda_texto(i)])
            .collect();
        e.tabla(tabla(
            &["Nombre", "Cargo", "Institución"],
            filas,
            &[2, 2, 3],
            ANCHO,
        ));
    }
}

fn introduccion(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    match &d.introduccion {
        Some(i) => e.md(i),
        None => e.texto(&format!(
            "La trata de personas es un delito que vulnera la dignidad y la libertad de quienes la sufren. Este plan organiza lo que el cantón {} hará entre el {} y el {} para prevenirla, proteger a las víctimas, apoyar la investigación y coordinar a sus instituciones, en línea con el {}.",
            d.canton.nombre, d.periodo.inicio, d.periodo.fin, d.referencia.nombre_corto
        )),
    }
    e.texto("El documento presenta el marco conceptual y normativo, el diagnóstico y los riesgos del cantón, sus actores, el marco estratégico con la matriz de acciones y su cronograma, la ruta de atención a víctimas, el presupuesto y su financiamiento, el seguimiento y la evaluación, y el acto de aprobación.");
}

fn marco_conceptual(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.seccion("La trata de personas");
    e.texto(&d.marco_conceptual.trata);
    if !d.marco_conceptual.fines.is_empty() {
        e.seccion("Formas de explotación presentes en los riesgos del cantón");
        for t in &d.marco_conceptual.fines {
            e.dato(&t.termino, &t.definicion);
        }
    }
}

fn marco_normativo(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto("Este plan se inscribe en el marco legal y de política pública nacional contra la trata de personas. Las fuentes de cada afirmación de la referencia nacional se detallan en el anexo «Fuentes».");
    for n in &d.marco_normativo {
        let mut runs = vec![texto(&n.titulo).bold()];
        if !n.detalle.is_empty() {
            runs.push(texto(&format!(" — {}", n.detalle)).color(GRIS));
        }
        e.vineta(runs);
    }
}

fn enfoques(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto(&format!(
        "El plan adopta los enfoques del {}, que orientan cada acción y la atención a las víctimas:",
        d.referencia.nombre_corto
    ));
    for x in &d.referencia.enfoques {
        e.vineta(vec![texto(x)]);
    }
}

fn diagnostico(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.diagnostico.as_slice()));
    if let Some(c) = &d.diagnostico.contexto {
        e.md(c);
    }
    if !d.diagnostico.casos.is_empty() {
        e.seccion("Casos registrados");
        let filas = d
            .diagnostico
            .casos
            .iter()
            .map(|c| {
                vec![
                    celda_texto(&c.anio.to_string()),
                    celda_texto(&c.casos.to_string()),
                    celda_texto(&c.fuente),
                ]
            })
            .collect();
        e.tabla(tabla(&["Año", "Casos", "Fuente"], filas, &[1, 1, 4], ANCHO));
    }
    e.seccion("Riesgos identificados");
    let notas = notas_de(d, |r| r.secciones.riesgos.as_slice());
    if !notas.is_empty() {
        let p = e.anclar(Paragraph::new(), notas, |p| {
            p.add_run(texto("Observaciones sobre los riesgos en su conjunto.").color(GRIS))
        });
        e.parrafo(p);
    }
    if d.riesgos.is_empty() {
        e.texto("El plan no registra riesgos específicos.");
        return;
    }
    e.texto("La matriz ubica cada riesgo según su probabilidad y su impacto.");
    let filas = d
        .matriz_riesgos
        .iter()
        .map(|fila| {
            let mut celdas = vec![celda_negrita(fila.first().map_or("", |c| c.probabilidad))];
            celdas.extend(fila.iter().map(|c| {
                celda_texto(&c.riesgos.join(", ")).shading(Shading::new().fill(match c.nivel {
                    6.. => "F4B183",
                    3..=5 => "FFE699",
                    _ => "C5E0B3",
                }))
            }));
            celdas
        })
        .collect();
    e.tabla(tabla(
        &[
            "Probabilidad",
            "Impacto bajo",
            "Impacto medio",
            "Impacto alto",
        ],
        filas,
        &[1, 1, 1, 1],
        ANCHO,
    ));
    e.parrafo(Paragraph::new());
    let mut filas = Vec::new();
    for r in &d.riesgos {
        let id = e.anclar_negrita(&r.id, &r.notas, TAM);
        let mut riesgo = vec![Paragraph::new().add_run(texto(&r.titulo))];
        if !r.zonas.is_empty() {
            riesgo.push(parrafo_gris(&r.zonas.join(", "), 17));
        }
        if let Some(desc) = &r.descripcion {
            riesgo.extend(e.bloques(desc, 0));
        }
        filas.push(vec![
            celda(vec![id]),
            celda(riesgo),
            celda_texto(&r.fines_texto),
            celda_texto(&r.poblaciones_texto),
            celda_texto(r.probabilidad),
            celda_texto(r.impacto),
            celda_texto(&r.acciones.join(", ")),
        ]);
    }
    e.tabla(tabla(
        &[
            "Id",
            "Riesgo",
            "Fines de explotación",
            "Poblaciones",
            "Prob.",
            "Impacto",
            "Acciones",
        ],
        filas,
        &[2, 6, 4, 4, 2, 2, 2],
        ANCHO,
    ));
}

fn actores(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.actores.as_slice()));
    let mut filas = Vec::new();
    for a in &d.actores {
        let mut nombre = vec![e.anclar_negrita(&a.nombre, &a.notas, TAM)];
        if let Some(i) = &a.institucion {
            nombre.push(parrafo_gris(i, 17));
        }
        let mut papel = a.rol.as_ref().map(|r| e.bloques(r, 0)).unwrap_or_default();
        let mut resumen = String::new();
        if !a.lidera.is_empty() {
            resumen.push_str(&format!("Lidera: {}. ", a.lidera.join(", ")));
        }
        if !a.acompana.is_empty() {
            resumen.push_str(&format!("Acompaña: {}. ", a.acompana.join(", ")));
        }
        if !a.etapas.is_empty() {
            resumen.push_str(&format!("Ruta: {}.", a.etapas.join(", ")));
        }
        if !resumen.is_empty() {
            papel.push(Paragraph::new().add_run(texto(resumen.trim_end())));
        }
        let contacto: Vec<&str> = [&a.telefono, &a.correo, &a.direccion]
            .into_iter()
            .filter_map(|c| c.as_deref())
            .collect();
        filas.push(vec![
            celda(nombre),
            celda_texto(&a.tipo),
            celda(papel),
            celda_texto(&contacto.join("\n")),
        ]);
    }
    e.tabla(tabla(
        &["Actor", "Tipo", "Papel en el plan", "Contacto"],
        filas,
        &[3, 2, 4, 3],
        ANCHO,
    ));
}

fn marco_estrategico(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.estrategia.as_slice()));
    if let Some(og) = &d.objetivo_general {
        e.seccion("Objetivo general");
        e.md(og);
    }
    e.seccion("Ejes y objetivos");
    for eje in &d.ejes {
        e.parrafo(
            Paragraph::new()
                .style("Destacado")
                .keep_next(true)
                .add_run(texto(&format!("Eje: {}", eje.nombre))),
        );
        e.parrafo(parrafo_gris(&eje.descripcion, TAM));
        for ob in &eje.objetivos {
            let p = e.anclar(
                Paragraph::new().numbering(NumberingId::new(VINETAS), IndentLevel::new(0)),
                &ob.notas,
                |p| {
                    p.add_run(texto(&format!("{}.", ob.id)).bold())
                        .add_run(texto(&format!(" {}", ob.descripcion)))
                        .add_run(
                            texto(&format!(" (acciones: {})", o_lista(&ob.acciones))).color(GRIS),
                        )
                },
            );
            e.parrafo(p);
        }
    }
    if let Some(pdot) = &d.pdot {
        e.seccion(&format!("Alineación con el {}", pdot.nombre));
        let filas = pdot
            .objetivos
            .iter()
            .map(|p| {
                vec![
                    celda_texto(&p.objetivo),
                    celda_texto(&p.contribuyen.join("\n")),
                ]
            })
            .collect();
        e.tabla(tabla(
            &[
                "Objetivo del PDOT",
                "Objetivos de este plan que contribuyen",
            ],
            filas,
            &[4, 5],
            ANCHO,
        ));
    }
}

fn matriz_acciones(e: &mut Escritor, d: &Documento) {
    e.apaisar();
    e.capitulo(notas_de(d, |r| r.secciones.acciones.as_slice()));
    // The matrix is wide: its text is 8 pt, its second lines 7 pt.
    let celda = |t: &str, detalle: &str| celda_con(t, detalle, 16, 14);
    let mut filas = Vec::new();
    for a in &d.acciones {
        let id = e.anclar_negrita(&a.id, &a.notas, 16);
        let riesgos = if a.riesgos.is_empty() {
            String::new()
        } else {
            format!("Riesgos: {}", a.riesgos.join(", "))
        };
        let con = if a.corresponsables.is_empty() {
            String::new()
        } else {
            format!("Con: {}", a.corresponsables.join(", "))
        };
        let unidad = if a.unidad.is_empty() {
            String::new()
        } else {
            format!("({})", a.unidad)
        };
        filas.push(vec![
            super::docx::celda(vec![id]),
            celda(&a.eje_nombre, &a.objetivo),
            celda(&a.descripcion, &riesgos),
            celda(&a.responsable, &con),
            celda(&a.indicador, &unidad),
            celda(&a.linea_base, ""),
            celda(&a.meta, ""),
            celda(&a.medio_verificacion, ""),
            celda(&format!("{} a", a.inicio), &a.fin),
            celda(&a.monto_texto, &a.fuente),
        ]);
    }
    e.tabla(tabla_con(
        &[
            "Id",
            "Eje / objetivo",
            "Acción",
            "Responsable",
            "Indicador",
            "Línea base",
            "Meta",
            "Medio de verificación",
            "Plazo",
            "Presupuesto",
        ],
        filas,
        &[5, 11, 18, 12, 14, 6, 6, 11, 10, 12],
        ANCHO_APAISADO,
        16,
    ));
    e.enderezar();
}

fn cronograma(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto(&format!(
        "Ejecución de cada acción a lo largo del período {}, agrupada por eje.",
        d.periodo.anios
    ));
    let fila = |a: &crate::documento::estrategia::AccionDoc| {
        vec![
            celda_negrita(&a.id),
            celda_texto(&a.descripcion),
            celda_texto(&a.inicio),
            celda_texto(&a.fin),
        ]
    };
    let mut filas = Vec::new();
    for (i, eje) in d.ejes.iter().enumerate() {
        let del_eje: Vec<_> = d
            .acciones
            .iter()
            .filter(|a| a.eje_numero == i + 1)
            .collect();
        if del_eje.is_empty() {
            continue;
        }
        filas.push(vec![
            celda_negrita(&eje.nombre)
                .grid_span(4)
                .shading(Shading::new().fill(AZUL_CLARO)),
        ]);
        filas.extend(del_eje.into_iter().map(fila));
    }
    filas.extend(d.acciones.iter().filter(|a| a.eje_numero == 0).map(fila));
    e.tabla(tabla(
        &["Id", "Acción", "Desde", "Hasta"],
        filas,
        &[1, 6, 2, 2],
        ANCHO,
    ));
}

fn ruta_atencion(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.ruta_atencion.as_slice()));
    e.texto("Quién responde en cada etapa, cómo contactarlo y en qué plazo. Toda persona que sospeche un caso de trata puede activar la ruta desde su primera etapa.");
    for etapa in &d.ruta_atencion {
        let titulo = format!(
            "{}. {}{}{}",
            etapa.numero,
            etapa.nombre,
            etapa
                .poblacion
                .as_ref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default(),
            if etapa.obligatoria {
                ""
            } else {
                " (cuando corresponda)"
            }
        );
        let p = e.anclar(
            Paragraph::new().style("Destacado").keep_next(true),
            &etapa.notas,
            |p| p.add_run(texto(&titulo)),
        );
        e.parrafo(p);
        e.parrafo(parrafo_gris(&etapa.proposito, TAM));
        let mut responsable = o(&etapa.responsable).to_owned();
        if let Some(t) = &etapa.telefono {
            responsable.push_str(&format!(" · Tel. {t}"));
        }
        if let Some(c) = &etapa.correo {
            responsable.push_str(&format!(" · {c}"));
        }
        e.dato("Responsable", &responsable);
        if !etapa.apoyo.is_empty() {
            e.dato("Apoyo", &etapa.apoyo.join(", "));
        }
        if let Some(plazo) = &etapa.plazo {
            let max = etapa
                .plazo_max
                .as_ref()
                .map(|m| format!(" (máximo según la referencia: {m})"))
                .unwrap_or_default();
            e.dato("Plazo de respuesta", &format!("{plazo}{max}"));
        }
        if let Some(a) = &etapa.plazo_activacion {
            e.dato("Activación", &format!("dentro de {a}"));
        }
        if !etapa.requiere.is_empty() {
            e.dato("Después de", &etapa.requiere.join(", "));
        }
        if let Some(desc) = &etapa.descripcion {
            e.md(desc);
        }
        if let Some(ev) = &etapa.evaluacion_riesgo {
            e.parrafo(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(texto("Evaluación del riesgo antes del retorno:").bold()),
            );
            e.md(ev);
        }
    }
}

fn presupuesto(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.parrafo(
        Paragraph::new()
            .add_run(texto("El presupuesto referencial del plan es de "))
            .add_run(texto(&d.presupuesto.total_texto).bold())
            .add_run(texto(".")),
    );
    let montos = |xs: &[crate::documento::presupuesto::MontoDoc]| -> Vec<Vec<TableCell>> {
        xs.iter()
            .map(|m| {
                vec![
                    celda_texto(&m.nombre),
                    celda_texto(&m.texto),
                    celda_texto(&m.porcentaje),
                ]
            })
            .collect()
    };
    e.seccion("Por eje");
    let mut filas = montos(&d.presupuesto.por_eje);
    filas.push(vec![
        celda_negrita("Total"),
        celda_negrita(&d.presupuesto.total_texto),
        celda_texto(""),
    ]);
    e.tabla(tabla(
        &["Eje", "Monto", "Porcentaje"],
        filas,
        &[5, 3, 2],
        ANCHO,
    ));
    if !d.presupuesto.por_fuente.is_empty() {
        e.seccion("Por fuente de financiamiento");
        e.tabla(tabla(
            &["Fuente", "Monto", "Porcentaje"],
            montos(&d.presupuesto.por_fuente),
            &[5, 3, 2],
            ANCHO,
        ));
    }
    let f = &d.financiamiento;
    let filas = |xs: &[FilaFinanciamiento]| -> Vec<Vec<TableCell>> {
        xs.iter()
            .map(|x| {
                [
                    &x.nombre,
                    &x.asignado,
                    &x.por_gestionar,
                    &x.sin_indicar,
                    &x.total_texto,
                ]
                .into_iter()
                .map(|t| celda_texto(t))
                .collect()
            })
            .chain(std::iter::once(
                [
                    &f.totales.nombre,
                    &f.totales.asignado,
                    &f.totales.por_gestionar,
                    &f.totales.sin_indicar,
                    &f.totales.total_texto,
                ]
                .into_iter()
                .map(|t| celda_negrita(t))
                .collect(),
            ))
            .collect()
    };
    let columnas = |primera| [primera, "Asignado", "Por gestionar", "Sin indicar", "Total"];
    e.seccion("Financiamiento por año");
    e.texto(
        "Cada monto se reparte entre los años de su acción en proporción a los días de cada año.",
    );
    e.tabla(tabla(
        &columnas("Año"),
        filas(&f.por_anio),
        &[2, 3, 3, 3, 3],
        ANCHO,
    ));
    e.seccion("Financiamiento por fuente");
    e.tabla(tabla(
        &columnas("Fuente"),
        filas(&f.por_fuente),
        &[3, 3, 3, 3, 3],
        ANCHO,
    ));
    if !f.con_estado {
        e.texto("El plan no indica qué montos están asignados y cuáles están por gestionar (`presupuesto.asignado` en cada acción).");
    }
}

fn seguimiento(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.seguimiento.as_slice()));
    let s = &d.seguimiento;
    let responsable = match &s.informa_a {
        Some(a) => format!("{}, que informa a {a}", s.responsable),
        None => s.responsable.clone(),
    };
    e.dato("Responsable", &responsable);
    e.dato("Frecuencia", s.frecuencia);
    if let Some(f) = &s.evaluacion_intermedia {
        e.dato("Evaluación de medio término", f);
    }
    if let Some(f) = &s.evaluacion_final {
        e.dato("Evaluación final", f);
    }
    if let Some(desc) = &s.descripcion {
        e.md(desc);
    }
    if let Some(r) = &s.rendicion_cuentas {
        e.seccion("Rendición de cuentas");
        e.md(r);
    }
    if let Some(p) = &s.proteccion_datos {
        e.seccion("Protección de datos de las víctimas");
        e.md(p);
    }
}

fn alineacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.seccion("Cobertura de los ejes");
    let filas = d
        .ejes
        .iter()
        .map(|x| {
            vec![
                celda_texto(&x.nombre),
                celda_texto(&x.objetivos.len().to_string()),
                celda_texto(&x.num_acciones.to_string()),
                celda_texto(&x.monto_texto),
                if x.cubierto {
                    celda_texto("Sí")
                } else {
                    celda_negrita("No")
                },
            ]
        })
        .collect();
    e.tabla(tabla(
        &["Eje", "Objetivos", "Acciones", "Presupuesto", "Cubierto"],
        filas,
        &[4, 1, 1, 2, 1],
        ANCHO,
    ));
    e.seccion("Cobertura de la ruta de atención");
    let filas = d
        .ruta_atencion
        .iter()
        .map(|x| {
            vec![
                celda_texto(&x.nombre),
                celda_texto(o(&x.poblacion)),
                celda_texto(if x.obligatoria { "Sí" } else { "No" }),
                celda_texto(o(&x.responsable)),
                celda_texto(o(&x.plazo)),
            ]
        })
        .collect();
    e.tabla(tabla(
        &["Etapa", "Población", "Obligatoria", "Responsable", "Plazo"],
        filas,
        &[3, 2, 1, 3, 1],
        ANCHO,
    ));
}

/// The approval: its legal basis, the act (or that the plan is presented for approval), and the
/// signature block with a line to sign for each signatory.
fn aprobacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Base legal.").bold())
            .add_run(texto(" El Concejo Municipal aprueba este plan vistos la Constitución de la República del Ecuador y las normas y políticas del marco normativo de este plan:")),
    );
    for n in &d.marco_normativo {
        let mut t = n.titulo.clone();
        if !n.detalle.is_empty() {
            t.push_str(&format!(" ({})", n.detalle));
        }
        e.vineta(vec![texto(&t)]);
    }
    e.texto(&match &d.aprobacion {
        Some(a) => format!(
            "El {} aprobó este plan mediante {} N.º {}, el {}.",
            a.organo,
            a.instrumento.to_lowercase(),
            a.numero,
            a.fecha
        ),
        None => format!(
            "Este plan se presenta para su aprobación por el Concejo Municipal del cantón {}.",
            d.canton.nombre
        ),
    });
    for f in &d.firmas {
        // Room to sign, the line, the name (when the plan gives it) and the role, kept together.
        e.parrafo(Paragraph::new().keep_next(true).add_run(texto("\n\n")));
        e.parrafo(
            Paragraph::new()
                .keep_next(true)
                .add_run(texto("________________________________________")),
        );
        if !f.nombre.is_empty() {
            e.parrafo(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(texto(&f.nombre).bold()),
            );
        }
        e.texto(&f.cargo);
    }
}

fn glosario(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    for t in &d.glosario {
        e.dato(&t.termino, &t.definicion);
    }
}

fn fuentes(e: &mut Escritor, d: &Documento) {
    e.capitulo(&[]);
    e.texto("Las afirmaciones de la referencia nacional con la que se verificó el plan descansan en estas fuentes.");
    let filas = d
        .fuentes
        .iter()
        .map(|f| {
            vec![
                celda_texto(&f.titulo),
                celda_texto(if f.detalle.is_empty() {
                    "—"
                } else {
                    &f.detalle
                }),
                celda_texto(if f.sustenta.is_empty() {
                    "—"
                } else {
                    &f.sustenta
                }),
            ]
        })
        .collect();
    e.tabla(tabla(
        &["Fuente", "Autor y fecha", "Sustenta"],
        filas,
        &[4, 3, 4],
        ANCHO,
    ));
}

fn observaciones(e: &mut Escritor, d: &Documento) {
    let Some(r) = &d.revision else { return };
    e.capitulo(&[]);
    e.texto(&format!(
        "Revisión de {}, {}: {}. Cada observación ubicada en el plan es también un comentario de Word junto al elemento que observa.",
        r.revisor, r.fecha, r.resumen
    ));
    let mut filas = Vec::new();
    for x in &r.observaciones {
        let texto_obs = e.bloques(&x.texto, 0);
        filas.push(vec![
            celda_negrita(&x.numero.to_string()),
            celda_con(&x.elemento, &x.ruta, 21, 17),
            celda(texto_obs),
            celda_texto(x.estado),
        ]);
    }
    e.tabla(tabla(
        &["N.º", "Elemento", "Observación", "Estado"],
        filas,
        &[1, 4, 8, 2],
        ANCHO,
    ));
}
