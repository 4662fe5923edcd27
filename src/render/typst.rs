//! The Typst world: what a template compiled by the embedded Typst compiler can see.
//!
//! [`PlanWorld`] is the whole universe the template can see: the templates (embedded or from
//! `--plantillas`), the data as one virtual JSON file (`/plan.json` for a plan, `/informe.json`
//! for the consolidated report), and the embedded fonts.
//! Nothing else is served, so a template cannot read the disk, and plan text reaches Typst only
//! as JSON data read by the template, never as Typst source. Fonts and the standard library are
//! loaded once per process and shared by every compilation.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::Frame;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::TemplateError;
use super::templates::Plantillas;
use crate::documento::Documento;
use crate::documento::portada::EscudoDoc;

/// The main template of a plan.
pub const MAIN: &str = "plan.typ";

/// The virtual file holding a plan's document data.
pub const DATA: &str = "/plan.json";

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// The fonts embedded in the program: the families the templates name (Libertinus Serif) and
/// those Typst falls back to for what they lack (DejaVu Sans Mono for `raw` text, New Computer
/// Modern Math for signs such as ✓ and ✗), copied from typst-assets into `fuentes/`. The other
/// faces of typst-assets would only make the download larger (docs/distribucion.md). The order
/// is typst-assets' own, so fallback picks the same font as with all of them.
const FUENTES: [&[u8]; 10] = [
    include_bytes!("../../fuentes/LibertinusSerif-Regular.otf"),
    include_bytes!("../../fuentes/LibertinusSerif-Bold.otf"),
    include_bytes!("../../fuentes/LibertinusSerif-Italic.otf"),
    include_bytes!("../../fuentes/LibertinusSerif-BoldItalic.otf"),
    include_bytes!("../../fuentes/NewCMMath-Bold.otf"),
    include_bytes!("../../fuentes/NewCMMath-Regular.otf"),
    include_bytes!("../../fuentes/DejaVuSansMono-Bold.ttf"),
    include_bytes!("../../fuentes/DejaVuSansMono-BoldOblique.ttf"),
    include_bytes!("../../fuentes/DejaVuSansMono-Oblique.ttf"),
    include_bytes!("../../fuentes/DejaVuSansMono.ttf"),
];

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let (fonts, infos): (Vec<Font>, Vec<_>) = FUENTES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .map(|font| {
            let info = font.info().clone();
            (font, info)
        })
        .unzip();
    Fonts {
        book: LazyHash::new(FontBook::from_infos(infos)),
        fonts,
    }
});

/// The standard library, with Typst's accessibility extras (`pdf.header-cell`: the cells that
/// title their row).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    LazyHash::new(
        Library::builder()
            .with_features([Feature::A11yExtras].into_iter().collect())
            .build(),
    )
});

/// Templates parsed once per process: every plan of a batch (and every save under `vigilar`)
/// gets the same [`Source`] for the same text, so Typst neither parses them again nor misses its
/// memoised work on them. A changed text (a template folder being edited) replaces the entry.
static PARSED: LazyLock<Mutex<HashMap<FileId, Source>>> = LazyLock::new(Default::default);

/// The parsed template `id` with text `texto`, from [`PARSED`] when the text is unchanged.
fn parsed(id: FileId, texto: String) -> Source {
    let mut parsed = PARSED.lock().expect("not poisoned");
    match parsed.get(&id) {
        Some(source) if source.text() == texto => source.clone(),
        _ => {
            let source = Source::new(id, texto);
            parsed.insert(id, source.clone());
            source
        }
    }
}

/// What the template sees.
pub struct PlanWorld {
    main: FileId,
    data_path: &'static str,
    data: Bytes,
    /// The canton's crest, the only file besides the data that a template can read.
    imagen: Option<(String, Bytes)>,
    plantillas: Plantillas,
    today: NaiveDate,
    sources: Mutex<HashMap<FileId, Source>>,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

fn path_of(id: FileId) -> Option<&'static str> {
    let rooted = id.get();
    matches!(rooted.root(), VirtualRoot::Project).then(|| rooted.vpath().get_with_slash())
}

impl PlanWorld {
    /// A world for `document`, with templates from `plantillas` and `today` as the date.
    pub fn new(document: &Documento, plantillas: Plantillas, today: NaiveDate) -> Self {
        Self::de_canton(
            MAIN,
            DATA,
            document,
            document.escudo.as_ref(),
            plantillas,
            today,
        )
    }

    /// A world for the data of a canton's document (a plan, its progress report) whose main
    /// template is `main`, reading the data as the virtual file `data_path` with every string
    /// prepared for the PDF, and serving the canton's crest `escudo` to it.
    pub fn de_canton(
        main: &str,
        data_path: &'static str,
        data: &impl serde::Serialize,
        escudo: Option<&EscudoDoc>,
        plantillas: Plantillas,
        today: NaiveDate,
    ) -> Self {
        let mut datos = serde_json::to_value(data).expect("the document data serialises");
        preparar_textos(&mut datos);
        let mut world = Self::with(main, data_path, &datos, plantillas, today);
        world.imagen = escudo.map(|e| (e.archivo.clone(), Bytes::new(e.bytes.clone())));
        world
    }

    /// A world whose main template is `main`, reading `data` as the virtual file `data_path`.
    pub fn with(
        main: &str,
        data_path: &'static str,
        data: &impl serde::Serialize,
        plantillas: Plantillas,
        today: NaiveDate,
    ) -> Self {
        let json = serde_json::to_vec(data).expect("the document data serialises");
        PlanWorld {
            main: file_id(&format!("/{main}")),
            data_path,
            data: Bytes::new(json),
            imagen: None,
            plantillas,
            today,
            sources: Mutex::new(HashMap::new()),
        }
    }

    fn template(&self, id: FileId) -> FileResult<Source> {
        if let Some(source) = self.sources.lock().expect("not poisoned").get(&id) {
            return Ok(source.clone());
        }
        let path = path_of(id).ok_or(FileError::AccessDenied)?;
        let name = path.trim_start_matches('/');
        let plantilla = self
            .plantillas
            .get(name)
            .map_err(|e| FileError::Other(Some(e.to_string().into())))?
            .ok_or_else(|| FileError::NotFound(path.into()))?;
        let source = parsed(id, plantilla.texto);
        self.sources
            .lock()
            .expect("not poisoned")
            .insert(id, source.clone());
        Ok(source)
    }

    /// The crest's bytes, when `id` is its virtual file.
    fn imagen_de(&self, id: FileId) -> Option<&Bytes> {
        let path = path_of(id)?;
        self.imagen
            .as_ref()
            .filter(|(archivo, _)| archivo == path)
            .map(|(_, bytes)| bytes)
    }

    /// Where the template with this id comes from, for error messages.
    fn origin(&self, id: FileId) -> String {
        let name = path_of(id).unwrap_or("?").trim_start_matches('/');
        match self.plantillas.get(name) {
            Ok(Some(p)) => p.origen,
            _ => name.to_owned(),
        }
    }
}

impl World for PlanWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if path_of(id) == Some(self.data_path) || self.imagen_de(id).is_some() {
            return Err(FileError::NotSource);
        }
        self.template(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if path_of(id) == Some(self.data_path) {
            return Ok(self.data.clone());
        }
        if let Some(bytes) = self.imagen_de(id) {
            return Ok(bytes.clone());
        }
        self.template(id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        datetime(self.today)
    }
}

fn datetime(d: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)
}

/// Longest run of letters or digits that the PDF keeps without a break opportunity.
const MAX_TRAMO: usize = 40;

/// What the PDF prints for a character that no embedded font has (an emoji, an ideogram): the
/// replacement character, which they have. PDF/UA-1 forbids printing a character without its
/// shape (the empty box a font prints for what it lacks).
const SIN_FORMA: char = '\u{fffd}';

/// Whether some embedded font has a shape for `c`.
fn tiene_forma(c: char) -> bool {
    c.is_ascii()
        || FONTS
            .fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
}

/// Prepares every string of the data for the PDF, in one pass:
///
/// - A character that no embedded font has becomes [`SIN_FORMA`]; a control character other than
///   white space (which a YAML escape can put in plan text) is dropped, as HTML and Word drop it.
/// - A run of more than [`MAX_TRAMO`] letters or digits (a "word" of thousands of characters
///   pasted by mistake) gets a zero-width space after every [`MAX_TRAMO`] of them, so that Typst
///   can break it. No real word, e-mail, address, telephone or id has such a run (dots, `@`,
///   hyphens and spaces cut them), so those copy from the PDF exactly as written. A show rule in
///   the template would recurse once per break and fail on a very long run.
fn preparar_textos(v: &mut serde_json::Value) {
    let es_letra = |c: char| c.is_alphanumeric() || c == '_';
    match v {
        serde_json::Value::String(s) => {
            if !s
                .chars()
                .all(|c| c.is_ascii() && (!c.is_ascii_control() || c.is_ascii_whitespace()))
            {
                *s = s
                    .chars()
                    .filter(|c| c.is_whitespace() || !c.is_control())
                    .map(|c| if tiene_forma(c) { c } else { SIN_FORMA })
                    .collect();
            }
            let mut tramo = 0;
            let largo = s.chars().any(|c| {
                tramo = if es_letra(c) { tramo + 1 } else { 0 };
                tramo > MAX_TRAMO
            });
            if largo {
                let mut out = String::with_capacity(s.len() + s.len() / MAX_TRAMO * 3);
                let mut tramo = 0;
                for c in s.chars() {
                    if es_letra(c) {
                        tramo += 1;
                        if tramo > MAX_TRAMO {
                            out.push('\u{200b}');
                            tramo = 1;
                        }
                    } else {
                        tramo = 0;
                    }
                    out.push(c);
                }
                *s = out;
            }
        }
        serde_json::Value::Array(xs) => xs.iter_mut().for_each(preparar_textos),
        serde_json::Value::Object(m) => m.values_mut().for_each(preparar_textos),
        _ => {}
    }
}

fn locate(world: &PlanWorld, d: &SourceDiagnostic) -> TemplateError {
    let mut mensaje = d.message.to_string();
    for hint in &d.hints {
        mensaje.push_str(&format!(" (sugerencia de Typst: {})", hint.v));
    }
    let located = d.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(d.span)?;
        let (line, col) = source.lines().byte_to_line_column(range.start)?;
        Some((world.origin(id), line + 1, col + 1))
    });
    match located {
        Some((archivo, l, c)) => TemplateError {
            archivo,
            linea: Some(l),
            columna: Some(c),
            mensaje,
        },
        None => TemplateError {
            archivo: world.origin(world.main),
            linea: None,
            columna: None,
            mensaje,
        },
    }
}

/// Compiles the document with the templates; errors are located in the template.
pub fn compile(world: &PlanWorld) -> Result<PagedDocument, Vec<TemplateError>> {
    let result = typst::compile::<PagedDocument>(world);
    result
        .output
        .map_err(|errors| errors.iter().map(|d| locate(world, d)).collect())
}

/// Options of the PDF export.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfConfig {
    /// Archival PDF/A-2b too.
    pub pdf_a: bool,
}

impl PdfConfig {
    /// The standards the PDF meets: always PDF/UA-1 (accessible: tagged, titled, every figure
    /// with its text), and PDF/A-2b with [`PdfConfig::pdf_a`]. Both are PDF 1.7, so one file
    /// meets the two.
    fn estandares(self) -> &'static [PdfStandard] {
        if self.pdf_a {
            &[PdfStandard::Ua_1, PdfStandard::A_2b]
        } else {
            &[PdfStandard::Ua_1]
        }
    }

    /// The standards' names, for messages.
    pub fn nombre(self) -> &'static str {
        if self.pdf_a {
            "PDF/UA-1 y PDF/A-2b"
        } else {
            "PDF/UA-1"
        }
    }
}

/// Exports a compiled document to PDF bytes, checked by Typst against the standards of `config`
/// (what does not meet them is an error located in the template). `ident` identifies the
/// document stably across builds; `fecha` is its creation date (never the clock, for
/// reproducible files).
pub fn pdf(
    world: &PlanWorld,
    document: &PagedDocument,
    ident: &str,
    fecha: NaiveDate,
    config: PdfConfig,
) -> Result<Vec<u8>, Vec<TemplateError>> {
    let standards = PdfStandards::new(config.estandares()).map_err(|e| {
        vec![TemplateError {
            archivo: config.nombre().into(),
            linea: None,
            columna: None,
            mensaje: e.message().to_string(),
        }]
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some("cantonal".into())),
        timestamp: datetime(fecha).map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|d| {
                let mut e = locate(world, d);
                e.mensaje = format!("el PDF no cumple {}: {}", config.nombre(), e.mensaje);
                e
            })
            .collect()
    })
}

/// The text of a compiled document, page by page (pages separated by form feeds), for tests
/// and checks that read what was laid out. Runs of text on one baseline are joined as they are;
/// a change of line or of box starts a new word.
pub fn text(document: &PagedDocument) -> String {
    fn walk(frame: &Frame, out: &mut String) {
        let mut last: Option<(typst::layout::Abs, typst::layout::Abs)> = None;
        for (pos, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => {
                    out.push(' ');
                    walk(&g.frame, out);
                    out.push(' ');
                    last = None;
                }
                typst::layout::FrameItem::Text(t) => {
                    let gap = typst::layout::Abs::pt(0.5);
                    if last.is_some_and(|(y, end)| y != pos.y || pos.x > end + gap) {
                        out.push(' ');
                    }
                    out.push_str(t.text.as_str());
                    last = Some((pos.y, pos.x + t.width()));
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
        out.push('\u{c}');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::FONTS;
    use crate::render::templates::EMBEDDED;

    /// Every family a template names with `font: "…"`, and the defaults Typst uses for `raw` text
    /// and for signs the text font lacks, is among the embedded fonts: a template that asked for
    /// another would be laid out in a fallback font without warning in the PDF.
    #[test]
    fn embedded_fonts_cover_the_families_the_templates_name() {
        let mut familias = vec!["DejaVu Sans Mono", "New Computer Modern Math"];
        for (_, texto) in EMBEDDED.iter().filter(|(n, _)| n.ends_with(".typ")) {
            for trozo in texto.split("font: \"").skip(1) {
                familias.push(trozo.split('"').next().unwrap_or_default());
            }
        }
        assert!(familias.contains(&"Libertinus Serif"), "{familias:?}");
        for familia in familias {
            assert!(
                FONTS.book.contains_family(&familia.to_lowercase()),
                "{familia} no está entre las fuentes incorporadas"
            );
        }
    }
}
