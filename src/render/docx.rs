//! Word output (DOCX): the printable plan as a real Word document that a Concejo secretary can
//! finish (crest, signatures, legal edits) and an adviser can review with Word comments.
//!
//! Written with `docx-rs` from the same [`Documento`] as every other format, one function per
//! chapter ([`CAPITULOS`]): chapter headings use Word's built-in heading styles (so the
//! navigation pane and an inserted table of contents work), a table-of-contents field follows
//! the cover, tables are real tables whose header row repeats on every page, the action matrix
//! sits in a landscape section, the footer says "Página N de M" with page fields, the pages are
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
    NumberingId, PageMargin, PageNum, PageOrientationType, PageSize, Paragraph, Run, RunFonts,
    Section, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell,
    TableOfContents, TableOfContentsItem, TableRow, WidthType,
};

use super::{Formato, Opciones, Pieza, Producto, TemplateError, sin_informe};
use crate::documento::Documento;
use crate::documento::cmark::{Bloque, Linea, enlace_seguro};
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

/// A chapter: writes its part of the document.
pub type Capitulo = fn(&mut Escritor, &Documento);

/// The chapters, in order, with their titles.
pub const CAPITULOS: &[(&str, Capitulo)] = &[
    ("Presentación", presentacion),
    ("Marco normativo", marco_normativo),
    ("Enfoques", enfoques),
    ("Diagnóstico", diagnostico),
    ("Mapa de actores", actores),
    ("Marco estratégico", marco_estrategico),
    ("Matriz de acciones", matriz_acciones),
    ("Cronograma", cronograma),
    ("Ruta de atención a víctimas", ruta_atencion),
    ("Presupuesto", presupuesto),
    ("Seguimiento y evaluación", seguimiento),
    ("Alineación", alineacion),
    ("Glosario y siglas", glosario),
    ("Observaciones de revisión", observaciones),
];

/// The document being written: content goes to the current section until it is closed.
pub struct Escritor {
    docx: docx_rs::Docx,
    /// Content of the landscape section being written, if any.
    apaisada: Option<Section>,
    /// Chapters written so far (for their numbers).
    capitulos: usize,
    /// A section just started (on a new page): the next chapter needs no page break.
    pagina_nueva: bool,
    /// Numbering instances handed out (one per numbered list).
    numeraciones: usize,
    /// Reviewer and ISO date of the comments, in a review copy.
    revision: Option<(String, String)>,
    /// The page header, repeated in every section.
    cabecera: Header,
}

/// The Word document of `d`.
pub fn escribir(d: &Documento) -> docx_rs::Docx {
    let mut e = Escritor {
        docx: docx_rs::Docx::new(),
        apaisada: None,
        capitulos: 0,
        pagina_nueva: false,
        numeraciones: NUMEROS,
        revision: d
            .revision
            .as_ref()
            .map(|r| (r.revisor.clone(), format!("{}T00:00:00Z", r.fecha_dia))),
        cabecera: encabezado(d),
    };
    e.docx = estilos(std::mem::take(&mut e.docx), d);
    portada(&mut e, d);
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
fn estilos(docx: docx_rs::Docx, d: &Documento) -> docx_rs::Docx {
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
        .default_size(21)
        // Word's built-in heading styles: their names make Word treat them as its own
        // ("Título 1" in a Spanish Word), for the navigation pane and the table of contents.
        .add_style(titulo("Heading1", "heading 1", 0, 34))
        .add_style(titulo("Heading2", "heading 2", 1, 26))
        .add_style(titulo("Heading3", "heading 3", 2, 23))
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
        .header(encabezado(d))
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

fn encabezado(d: &Documento) -> Header {
    let mut p = Paragraph::new().align(AlignmentType::Right);
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
    Header::new().add_paragraph(p)
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
        let vertical = Section::new()
            .page_size(PageSize::new().size(A4.0, A4.1))
            .page_margin(margenes())
            .header(self.cabecera.clone())
            .footer(pie());
        self.docx = std::mem::take(&mut self.docx).add_section(vertical);
        self.pagina_nueva = true;
        self.apaisada = Some(
            Section::new()
                .page_size(
                    PageSize::new()
                        .size(A4.1, A4.0)
                        .orient(PageOrientationType::Landscape),
                )
                .page_orient(PageOrientationType::Landscape)
                .page_margin(margenes())
                .header(self.cabecera.clone())
                .footer(pie()),
        );
    }

    /// Ends the landscape section; what follows is portrait again.
    fn enderezar(&mut self) {
        if let Some(s) = self.apaisada.take() {
            self.docx = std::mem::take(&mut self.docx).add_section(s);
            self.pagina_nueva = true;
        }
    }

    /// A chapter heading (Word's "heading 1", numbered like the PDF), with the review notes
    /// addressed to the chapter as a whole anchored on it.
    fn capitulo(&mut self, titulo: &str, notas: &[Nota]) {
        self.capitulos += 1;
        let n = self.capitulos;
        let t = format!("{n}. {titulo}");
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

    /// A section heading inside a chapter (Word's "heading 2").
    fn seccion(&mut self, titulo: &str) {
        self.parrafo(Paragraph::new().style("Heading2").add_run(texto(titulo)));
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
                        p = p.add_run(
                            r.add_text(linea)
                                .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas")),
                        );
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

/// Inline Markdown content appended to `p`.
fn lineas(mut p: Paragraph, ls: &[Linea], estilo: Estilo) -> Paragraph {
    let run = |v: &str, e: Estilo| {
        let mut r = Run::new().add_text(v);
        if e.negrita {
            r = r.bold();
        }
        if e.cursiva {
            r = r.italic();
        }
        if e.codigo {
            r = r.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
        }
        r
    };
    for l in ls {
        p = match l {
            Linea::Texto { v } => p.add_run(run(v, estilo)),
            Linea::Codigo { v } => p.add_run(run(
                v,
                Estilo {
                    codigo: true,
                    ..estilo
                },
            )),
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
            Linea::Salto => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
        };
    }
    p
}

/// The runs of inline content (for the inside of a link).
fn runs_de(ls: &[Linea], estilo: Estilo) -> Vec<Run> {
    let mut out = Vec::new();
    for l in ls {
        match l {
            Linea::Texto { v } | Linea::Codigo { v } => {
                let mut r = Run::new().add_text(v);
                if estilo.negrita {
                    r = r.bold();
                }
                if estilo.cursiva {
                    r = r.italic();
                }
                out.push(r);
            }
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

/// A table cell with paragraphs.
fn celda(ps: Vec<Paragraph>) -> TableCell {
    ps.into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
}

/// A table cell with plain text.
fn celda_texto(t: &str) -> TableCell {
    celda(vec![Paragraph::new().add_run(texto(t))])
}

/// A table cell with plain text and a smaller grey second line (when not empty).
fn celda_detalle(t: &str, detalle: &str) -> TableCell {
    let mut p = Paragraph::new().add_run(texto(t));
    if !detalle.is_empty() {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(texto(detalle).size(17).color(GRIS));
    }
    celda(vec![p])
}

/// A table: a header row that Word repeats on every page, then the rows; `anchos` are relative
/// column widths over `ancho` twentieths of a point.
fn tabla(encabezado: &[&str], filas: Vec<Vec<TableCell>>, anchos: &[usize], ancho: usize) -> Table {
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
                    .add_paragraph(Paragraph::new().add_run(texto(h).bold().color("FFFFFF")))
            })
            .collect(),
    )
    .table_header()
    .cant_split();
    let mut rows = vec![cabecera];
    rows.extend(filas.into_iter().map(|f| {
        TableRow::new(
            f.into_iter()
                .zip(&grid)
                .map(|(c, w)| c.width(*w, WidthType::Dxa))
                .collect(),
        )
        .cant_split()
    }));
    Table::new(rows).set_grid(grid).width(ancho, WidthType::Dxa)
}

fn o(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("—")
}

fn notas_de<'a>(d: &'a Documento, f: fn(&'a RevisionDoc) -> &'a [Nota]) -> &'a [Nota] {
    d.revision.as_ref().map_or(&[], f)
}

// ───────────────────────────── Chapters ─────────────────────────────

/// The cover: title, canton, state, approval, the marks, and the table of contents. The
/// canton's crest goes at the top of the cover when the plan has one.
fn portada(e: &mut Escritor, d: &Documento) {
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
        d.canton.nombre, d.canton.provincia, d.referencia.nombre
    ));
    for m in marcas(d) {
        e.parrafo(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(texto(&m).size(40).bold().color("C00000")),
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
                d.canton.nombre, d.canton.codigo
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
    e.parrafo(
        Paragraph::new()
            .style("Heading2")
            .add_run(texto("Índice"))
            .page_break_before(true),
    );
    e.docx = std::mem::take(&mut e.docx).add_table_of_contents(toc);
}

/// The chapter titles that this document prints, as in its headings.
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

fn presentacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(
        "Presentación",
        notas_de(d, |r| r.secciones.presentacion.as_slice()),
    );
    match &d.presentacion {
        Some(p) => e.md(p),
        None => e.texto(&format!(
            "El GAD Municipal del cantón {} presenta su plan cantonal contra la trata de personas para el período {}.",
            d.canton.nombre, d.periodo.anios
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

fn marco_normativo(e: &mut Escritor, d: &Documento) {
    e.capitulo("Marco normativo", &[]);
    e.texto("Este plan se inscribe en el marco legal y de política pública nacional contra la trata de personas. Las referencias siguientes son las que sustentan la referencia nacional con la que se verificó el plan:");
    for n in &d.marco_normativo {
        let mut p = Paragraph::new()
            .numbering(NumberingId::new(VINETAS), IndentLevel::new(0))
            .add_run(texto(&n.titulo).bold());
        if !n.detalle.is_empty() {
            p = p.add_run(texto(&format!(" — {}", n.detalle)).color(GRIS));
        }
        e.parrafo(p);
    }
}

fn enfoques(e: &mut Escritor, d: &Documento) {
    e.capitulo("Enfoques", &[]);
    e.texto(&format!(
        "El plan adopta los enfoques del {}, que orientan cada acción y la atención a las víctimas:",
        d.referencia.nombre_corto
    ));
    for x in &d.referencia.enfoques {
        e.parrafo(
            Paragraph::new()
                .numbering(NumberingId::new(VINETAS), IndentLevel::new(0))
                .add_run(texto(x)),
        );
    }
}

fn diagnostico(e: &mut Escritor, d: &Documento) {
    e.capitulo(
        "Diagnóstico",
        notas_de(d, |r| r.secciones.diagnostico.as_slice()),
    );
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
            let mut celdas =
                vec![celda(vec![Paragraph::new().add_run(
                    texto(fila.first().map_or("", |c| c.probabilidad)).bold(),
                )])];
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
        let id = e.anclar(Paragraph::new(), &r.notas, |p| {
            p.add_run(texto(&r.id).bold())
        });
        let mut riesgo = vec![Paragraph::new().add_run(texto(&r.titulo))];
        if !r.zonas.is_empty() {
            riesgo.push(Paragraph::new().add_run(texto(&r.zonas.join(", ")).size(17).color(GRIS)));
        }
        if let Some(desc) = &r.descripcion {
            riesgo.extend(e.bloques(desc, 0));
        }
        filas.push(vec![
            celda(vec![id]),
            celda(riesgo),
            celda_texto(&r.fines.join(", ")),
            celda_texto(&r.poblaciones.join(", ")),
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
    e.capitulo(
        "Mapa de actores",
        notas_de(d, |r| r.secciones.actores.as_slice()),
    );
    let mut filas = Vec::new();
    for a in &d.actores {
        let mut nombre = vec![e.anclar(Paragraph::new(), &a.notas, |p| {
            p.add_run(texto(&a.nombre).bold())
        })];
        if let Some(i) = &a.institucion {
            nombre.push(Paragraph::new().add_run(texto(i).size(17).color(GRIS)));
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
            celda(if papel.is_empty() {
                vec![Paragraph::new()]
            } else {
                papel
            }),
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
    e.capitulo(
        "Marco estratégico",
        notas_de(d, |r| r.secciones.estrategia.as_slice()),
    );
    if let Some(og) = &d.objetivo_general {
        e.seccion("Objetivo general");
        e.md(og);
    }
    e.seccion("Ejes y objetivos");
    for eje in &d.ejes {
        e.parrafo(
            Paragraph::new()
                .style("Heading3")
                .add_run(texto(&format!("Eje: {}", eje.nombre))),
        );
        e.parrafo(Paragraph::new().add_run(texto(&eje.descripcion).color(GRIS)));
        for ob in &eje.objetivos {
            let p = e.anclar(
                Paragraph::new().numbering(NumberingId::new(VINETAS), IndentLevel::new(0)),
                &ob.notas,
                |p| {
                    p.add_run(texto(&format!("{}.", ob.id)).bold())
                        .add_run(texto(&format!(" {}", ob.descripcion)))
                        .add_run(
                            texto(&format!(" (acciones: {})", ob.acciones.join(", "))).color(GRIS),
                        )
                },
            );
            e.parrafo(p);
        }
    }
}

fn matriz_acciones(e: &mut Escritor, d: &Documento) {
    e.apaisar();
    e.capitulo(
        "Matriz de acciones",
        notas_de(d, |r| r.secciones.acciones.as_slice()),
    );
    // The matrix is wide: its text is 8 pt, its second lines 7 pt.
    let celda = |t: &str, detalle: &str| {
        let mut p = Paragraph::new().add_run(texto(t).size(16));
        if !detalle.is_empty() {
            p = p
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(texto(detalle).size(14).color(GRIS));
        }
        celda(vec![p])
    };
    let mut filas = Vec::new();
    for a in &d.acciones {
        let id = e.anclar(Paragraph::new(), &a.notas, |p| {
            p.add_run(texto(&a.id).bold().size(16))
        });
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
            celda(&format!("{} – {}", a.inicio, a.fin), ""),
            celda(&a.monto_texto, &a.fuente),
        ]);
    }
    e.tabla(tabla(
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
    ));
    e.enderezar();
}

fn cronograma(e: &mut Escritor, d: &Documento) {
    e.capitulo("Cronograma", &[]);
    e.texto(&format!(
        "Ejecución de cada acción a lo largo del período {}.",
        d.periodo.anios
    ));
    let filas = d
        .acciones
        .iter()
        .map(|a| {
            vec![
                celda(vec![Paragraph::new().add_run(texto(&a.id).bold())]),
                celda_texto(&a.descripcion),
                celda_texto(&a.inicio),
                celda_texto(&a.fin),
            ]
        })
        .collect();
    e.tabla(tabla(
        &["Id", "Acción", "Desde", "Hasta"],
        filas,
        &[1, 6, 2, 2],
        ANCHO,
    ));
}

fn ruta_atencion(e: &mut Escritor, d: &Documento) {
    e.capitulo(
        "Ruta de atención a víctimas",
        notas_de(d, |r| r.secciones.ruta_atencion.as_slice()),
    );
    e.texto("Quién responde en cada etapa, cómo contactarlo y en qué plazo. Toda persona que sospeche un caso de trata puede activar la ruta desde su primera etapa.");
    for etapa in &d.ruta_atencion {
        let titulo = format!(
            "{}. {}{}",
            etapa.numero,
            etapa.nombre,
            if etapa.obligatoria {
                ""
            } else {
                " (cuando corresponda)"
            }
        );
        let p = e.anclar(Paragraph::new().style("Heading3"), &etapa.notas, |p| {
            p.add_run(texto(&titulo))
        });
        e.parrafo(p);
        e.parrafo(Paragraph::new().add_run(texto(&etapa.proposito).color(GRIS)));
        let mut responsable = o(&etapa.responsable).to_owned();
        if let Some(t) = &etapa.telefono {
            responsable.push_str(&format!(" · Tel. {t}"));
        }
        if let Some(c) = &etapa.correo {
            responsable.push_str(&format!(" · {c}"));
        }
        e.parrafo(
            Paragraph::new()
                .add_run(texto("Responsable: ").bold())
                .add_run(texto(&responsable)),
        );
        if !etapa.apoyo.is_empty() {
            e.parrafo(
                Paragraph::new()
                    .add_run(texto("Apoyo: ").bold())
                    .add_run(texto(&etapa.apoyo.join(", "))),
            );
        }
        if let Some(plazo) = &etapa.plazo {
            let max = etapa
                .plazo_max
                .as_ref()
                .map(|m| format!(" (máximo nacional: {m})"))
                .unwrap_or_default();
            e.parrafo(
                Paragraph::new()
                    .add_run(texto("Plazo de respuesta: ").bold())
                    .add_run(texto(&format!("{plazo}{max}"))),
            );
        }
        if let Some(desc) = &etapa.descripcion {
            e.md(desc);
        }
    }
}

fn presupuesto(e: &mut Escritor, d: &Documento) {
    e.capitulo("Presupuesto", &[]);
    e.parrafo(
        Paragraph::new()
            .add_run(texto("El presupuesto referencial del plan es de "))
            .add_run(texto(&d.presupuesto.total_texto).bold())
            .add_run(texto(".")),
    );
    let pct = |f: f64| format!("{:.1} %", f * 100.0).replace('.', ",");
    e.seccion("Por eje");
    let mut filas: Vec<Vec<TableCell>> = d
        .presupuesto
        .por_eje
        .iter()
        .map(|m| {
            vec![
                celda_texto(&m.nombre),
                celda_texto(&m.texto),
                celda_texto(&pct(m.fraccion)),
            ]
        })
        .collect();
    filas.push(vec![
        celda(vec![Paragraph::new().add_run(texto("Total").bold())]),
        celda(vec![
            Paragraph::new().add_run(texto(&d.presupuesto.total_texto).bold()),
        ]),
        celda_texto("100 %"),
    ]);
    e.tabla(tabla(
        &["Eje", "Monto", "Porcentaje"],
        filas,
        &[4, 2, 1],
        ANCHO,
    ));
    if !d.presupuesto.por_fuente.is_empty() {
        e.seccion("Por fuente de financiamiento");
        let filas = d
            .presupuesto
            .por_fuente
            .iter()
            .map(|m| {
                vec![
                    celda_texto(&m.nombre),
                    celda_texto(&m.texto),
                    celda_texto(&pct(m.fraccion)),
                ]
            })
            .collect();
        e.tabla(tabla(
            &["Fuente", "Monto", "Porcentaje"],
            filas,
            &[4, 2, 1],
            ANCHO,
        ));
    }
}

fn seguimiento(e: &mut Escritor, d: &Documento) {
    e.capitulo(
        "Seguimiento y evaluación",
        notas_de(d, |r| r.secciones.seguimiento.as_slice()),
    );
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Responsable: ").bold())
            .add_run(texto(&d.seguimiento.responsable)),
    );
    e.parrafo(
        Paragraph::new()
            .add_run(texto("Frecuencia: ").bold())
            .add_run(texto(d.seguimiento.frecuencia)),
    );
    if let Some(desc) = &d.seguimiento.descripcion {
        e.md(desc);
    }
}

fn alineacion(e: &mut Escritor, d: &Documento) {
    e.capitulo(
        &format!("Alineación con el {}", d.referencia.nombre_corto),
        &[],
    );
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
                celda_texto(if x.cubierto { "Sí" } else { "No" }),
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
                celda_texto(if x.obligatoria { "Sí" } else { "No" }),
                celda_texto(o(&x.responsable)),
                celda_texto(o(&x.plazo)),
            ]
        })
        .collect();
    e.tabla(tabla(
        &["Etapa", "Obligatoria", "Responsable", "Plazo"],
        filas,
        &[3, 1, 4, 1],
        ANCHO,
    ));
}

fn glosario(e: &mut Escritor, d: &Documento) {
    e.capitulo("Glosario y siglas", &[]);
    e.seccion("Glosario");
    for t in &d.glosario {
        e.parrafo(
            Paragraph::new()
                .add_run(texto(&format!("{}: ", t.termino)).bold())
                .add_run(texto(&t.definicion)),
        );
    }
    e.seccion("Siglas");
    let filas = d
        .siglas
        .iter()
        .map(|s| vec![celda_texto(&s.siglas), celda_texto(&s.significado)])
        .collect();
    e.tabla(tabla(&["Siglas", "Significado"], filas, &[1, 5], ANCHO));
}

fn observaciones(e: &mut Escritor, d: &Documento) {
    let Some(r) = &d.revision else { return };
    e.capitulo("Observaciones de revisión", &[]);
    e.texto(&format!(
        "Revisión de {}, {}: {}. Cada observación ubicada en el plan es también un comentario de Word junto al elemento que observa.",
        r.revisor, r.fecha, r.resumen
    ));
    let mut filas = Vec::new();
    for x in &r.observaciones {
        let texto_obs = e.bloques(&x.texto, 0);
        filas.push(vec![
            celda(vec![
                Paragraph::new().add_run(texto(&x.numero.to_string()).bold()),
            ]),
            celda_detalle(&x.elemento, &x.ruta),
            celda(if texto_obs.is_empty() {
                vec![Paragraph::new()]
            } else {
                texto_obs
            }),
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
