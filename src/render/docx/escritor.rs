//! The document being written ([`Escritor`]): content goes to the current section (portrait, or
//! the landscape one of the action matrix) until it is closed, chapters and sections are numbered
//! as the PDF numbers them, and review notes become Word comments anchored on their item. Also the
//! runs of plan text and of Markdown fields, written as text, never as field instructions.

use docx_rs::{
    AlignmentType, BreakType, Comment, Header, Hyperlink, HyperlinkType, IndentLevel,
    LevelOverride, Numbering, NumberingId, PageOrientationType, PageSize, Paragraph, Run, RunFonts,
    Section, SpecialIndentType, Table,
};

use super::{A4, GRIS, MARCADORES, NUMEROS, VINETAS, marcador, margenes, pie};
use crate::documento::Documento;
use crate::documento::cmark::{Bloque, Linea, enlace_seguro};
use crate::documento::revision::{Nota, RevisionDoc};

/// The document being written: content goes to the current section until it is closed.
pub struct Escritor {
    pub(super) docx: docx_rs::Docx,
    /// Content of the landscape section being written, if any.
    pub(super) apaisada: Option<Section>,
    /// The titles of the chapters this document prints ([`capitulos_de`]).
    pub(super) titulos: Vec<String>,
    /// Chapters written so far (for their numbers).
    pub(super) capitulos: usize,
    /// Sections of the current chapter written so far (for their numbers).
    pub(super) secciones: usize,
    /// A section just started (on a new page): the next chapter needs no page break.
    pub(super) pagina_nueva: bool,
    /// Numbering instances handed out (one per numbered list).
    pub(super) numeraciones: usize,
    /// Reviewer and ISO date of the comments, in a review copy.
    pub(super) revision: Option<(String, String)>,
    /// The page header, repeated in every section.
    pub(super) cabecera: Header,
    /// The headings the table of contents lists, in order.
    pub(super) indice: Vec<Entrada>,
    /// Where the table of contents goes among the document's paragraphs.
    pub(super) indice_en: Option<usize>,
}

impl Escritor {
    /// Adds a paragraph to the current section.
    pub(super) fn parrafo(&mut self, p: Paragraph) {
        match self.apaisada.take() {
            Some(s) => self.apaisada = Some(s.add_paragraph(p)),
            None => self.docx = std::mem::take(&mut self.docx).add_paragraph(p),
        }
    }

    /// Adds a table to the current section.
    pub(super) fn tabla(&mut self, t: Table) {
        match self.apaisada.take() {
            Some(s) => self.apaisada = Some(s.add_table(t)),
            None => self.docx = std::mem::take(&mut self.docx).add_table(t),
        }
    }

    /// Ends the portrait section so far and starts a landscape one.
    pub(super) fn apaisar(&mut self) {
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
    pub(super) fn seccion_nueva(&self, tam: PageSize) -> Section {
        Section::new()
            .page_size(tam)
            .page_margin(margenes())
            .header(self.cabecera.clone())
            .footer(pie())
    }

    /// Ends the landscape section; what follows is portrait again.
    pub(super) fn enderezar(&mut self) {
        if let Some(s) = self.apaisada.take() {
            self.docx = std::mem::take(&mut self.docx).add_section(s);
            self.pagina_nueva = true;
        }
    }

    /// The heading of the next chapter (Word's "heading 1", numbered and titled like the PDF),
    /// with the review notes addressed to the chapter as a whole anchored on it.
    pub(super) fn capitulo(&mut self, notas: &[Nota]) {
        let t = format!(
            "{}. {}",
            self.capitulos + 1,
            self.titulos.get(self.capitulos).map_or("", String::as_str)
        );
        self.capitulos += 1;
        self.secciones = 0;
        let salto = !std::mem::take(&mut self.pagina_nueva);
        let p = self.titulo(1, &t, notas);
        self.parrafo(p.page_break_before(salto));
    }

    /// A section heading inside a chapter (Word's "heading 2", numbered like the PDF: "7.2.").
    pub(super) fn seccion(&mut self, titulo: &str) {
        self.secciones += 1;
        let t = format!("{}.{}. {titulo}", self.capitulos, self.secciones);
        let p = self.titulo(2, &t, &[]);
        self.parrafo(p.keep_next(true));
    }

    /// A heading of the second level that the PDF does not number as a section (a stage of the
    /// route, "2. Protección inmediata y acogida · Niñas, niños y adolescentes"), with the
    /// review notes addressed to it anchored on it.
    pub(super) fn subtitulo(&mut self, t: &str, notas: &[Nota]) {
        let p = self.titulo(2, t, notas);
        self.parrafo(p.keep_next(true));
    }

    /// A heading of the third level, inside a section (an axis of the strategic framework): in
    /// Word's navigation pane, not in the table of contents, as in the PDF.
    pub(super) fn titulo3(&mut self, t: &str) {
        self.parrafo(
            Paragraph::new()
                .style("Heading3")
                .keep_next(true)
                .add_run(texto(t)),
        );
    }

    /// The paragraph of a heading of `nivel` (Word's "heading 1" or "heading 2"): its text, the
    /// bookmark the table of contents points to, and the notes anchored on it.
    fn titulo(&mut self, nivel: usize, t: &str, notas: &[Nota]) -> Paragraph {
        let n = self.indice.len() + 1;
        self.indice.push(Entrada {
            nivel,
            texto: t.to_owned(),
            marcador: marcador(n),
        });
        let p = Paragraph::new()
            .style(&format!("Heading{nivel}"))
            .add_bookmark_start(MARCADORES + n, marcador(n));
        self.anclar(p, notas, |p| p.add_run(texto(t)))
            .add_bookmark_end(MARCADORES + n)
    }

    /// A bold label and its text, as one paragraph ("Responsable: …").
    pub(super) fn dato(&mut self, etiqueta: &str, valor: &str) {
        self.parrafo(
            Paragraph::new()
                .add_run(texto(&format!("{etiqueta}: ")).bold())
                .add_run(texto(valor)),
        );
    }

    /// A bulleted paragraph made of `runs`.
    pub(super) fn vineta(&mut self, runs: Vec<Run>) {
        let p = Paragraph::new().numbering(NumberingId::new(VINETAS), IndentLevel::new(0));
        self.parrafo(runs.into_iter().fold(p, Paragraph::add_run));
    }

    /// Plain text as a paragraph.
    pub(super) fn texto(&mut self, t: &str) {
        self.parrafo(Paragraph::new().add_run(texto(t)));
    }

    /// A Markdown field as paragraphs.
    pub(super) fn md(&mut self, bloques: &[Bloque]) {
        for p in self.bloques(bloques, 0) {
            self.parrafo(p);
        }
    }

    /// The paragraphs of a Markdown tree; `sangria` is the list depth.
    pub(super) fn bloques(&mut self, bloques: &[Bloque], sangria: i32) -> Vec<Paragraph> {
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
    pub(super) fn anclar(
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
    pub(super) fn anclar_negrita(&mut self, t: &str, notas: &[Nota], tam: usize) -> Paragraph {
        self.anclar(Paragraph::new(), notas, |p| {
            p.add_run(texto(t).bold().size(tam))
        })
    }

    /// The Word comment of a note: "Observación N · Abierta" and its text.
    pub(super) fn comentario(&mut self, n: &Nota) -> Comment {
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
pub(super) fn parrafo_gris(t: &str, tam: usize) -> Paragraph {
    Paragraph::new().add_run(texto(t).size(tam).color(GRIS))
}

/// A run of plain text; line breaks in the text become line breaks in Word.
pub(super) fn texto(t: &str) -> Run {
    let mut r = Run::new();
    for (i, linea) in t.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(linea);
    }
    r
}

/// An optional text, or a dash.
pub(super) fn o(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("—")
}

/// A list of ids, or a dash when empty.
pub(super) fn o_lista(v: &[String]) -> String {
    if v.is_empty() {
        "—".to_owned()
    } else {
        v.join(", ")
    }
}

/// The canton's official name ("San Miguel de Ibarra"), or its name.
pub(super) fn nombre_oficial(d: &Documento) -> &str {
    d.canton
        .nombre_oficial
        .as_deref()
        .unwrap_or(&d.canton.nombre)
}

pub(super) fn notas_de<'a>(d: &'a Documento, f: fn(&'a RevisionDoc) -> &'a [Nota]) -> &'a [Nota] {
    d.revision.as_ref().map_or(&[], f)
}

/// A heading the table of contents lists.
pub(super) struct Entrada {
    /// 1 for a chapter, 2 for a section.
    pub(super) nivel: usize,
    /// Its title, numbered as printed.
    pub(super) texto: String,
    /// The name of its bookmark.
    pub(super) marcador: String,
}
