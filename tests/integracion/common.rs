//! Helpers shared by the integration tests: run the real `cantonal` binary, and build plan
//! fixtures by editing the minimal valid plan `tests/fixtures/base.yaml`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Headless Chromium for the tests: no sandbox (CI runs as root), no GPU, and none of the
/// background traffic of a first start (sync, updates, default apps), so that what the page
/// loads is all the network a test sees.
pub const CHROMIUM: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
];

/// The minimal valid plan.
pub fn base() -> String {
    std::fs::read_to_string(fixture("base.yaml")).unwrap()
}

/// A file of `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The base plan with `find` (which must occur exactly once) replaced by `replace`.
pub fn mutate(find: &str, replace: &str) -> String {
    let base = base();
    assert_eq!(
        base.matches(find).count(),
        1,
        "`{find}` must occur once in base.yaml"
    );
    base.replace(find, replace)
}

/// Runs `cantonal` with `args` in the repository root.
pub fn cantonal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Runs `cantonal` with `args` and checks that it succeeded, showing its errors if not.
pub fn cantonal_ok(args: &[&str]) -> Output {
    let o = cantonal(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "cantonal {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The base plan with `s` in a risk description, an action description and an actor name.
pub fn plan_hostil(s: &str) -> String {
    let q = serde_json::to_string(s).unwrap();
    base()
        .replace(
            "titulo: Captación por redes sociales",
            &format!("titulo: Captación por redes sociales\n    descripcion: {q}"),
        )
        .replace(
            "descripcion: Talleres en colegios",
            &format!("descripcion: {q}"),
        )
        .replace("nombre: GAD Municipal de Ibarra", &format!("nombre: {q}"))
}

/// Writes `text` as `name` in a new temporary folder and returns both.
pub fn write_plan(name: &str, text: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `validar --formato json` on one file: exit code and the parsed document.
pub fn validar_json(path: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["validar", "--formato", "json"];
    args.extend_from_slice(extra);
    let p = path.to_str().unwrap();
    args.push(p);
    let out = cantonal(&args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), json)
}

/// The diagnostics of the single file of a `validar --formato json` document.
pub fn diagnosticos(json: &serde_json::Value) -> Vec<serde_json::Value> {
    json["archivos"][0]["diagnosticos"]
        .as_array()
        .unwrap()
        .clone()
}

/// The rule codes among those diagnostics, each once.
pub fn codigos(json: &serde_json::Value) -> std::collections::BTreeSet<String> {
    diagnosticos(json)
        .iter()
        .map(|d| d["codigo"].as_str().unwrap().to_owned())
        .collect()
}

/// Checks that the committed file `path` (from the repository root) equals `generated`; with
/// `CANTONAL_ACTUALIZAR_DOCS` set, writes it instead.
pub fn al_dia(path: &str, generated: &str) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("CANTONAL_ACTUALIZAR_DOCS").is_some() {
        std::fs::write(&full, generated).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{path} is stale: run `CANTONAL_ACTUALIZAR_DOCS=1 cargo test`"
    );
}

/// The Handlebars languages, for [`hbs_text`].
#[derive(Debug, Clone, Copy)]
pub enum Formato {
    /// HTML.
    Html,
    /// Markdown.
    Markdown,
}

/// The document of `plan` (a review copy with `revision`), through the library.
pub fn documento(
    plan: &cantonal::plan::model::Plan,
    r: &cantonal::reference::nacional::Referencia,
    revision: Option<&cantonal::rules::revision::Revision>,
) -> cantonal::documento::Documento {
    let doc =
        cantonal::documento::Documento::new(plan, r, cantonal::documento::fecha_documento(plan));
    match revision {
        Some(revision) => doc.con_revision(plan, revision),
        None => doc,
    }
}

/// Renders `plan` in the output format `nombre` of the registry.
pub fn producto(
    nombre: &str,
    plan: &cantonal::plan::model::Plan,
    r: &cantonal::reference::nacional::Referencia,
    revision: Option<&cantonal::rules::revision::Revision>,
    plantillas: &cantonal::render::templates::Plantillas,
) -> Result<cantonal::render::Producto, Vec<cantonal::render::TemplateError>> {
    let documento = documento(plan, r, revision);
    cantonal::render::formato(nombre).unwrap().render(
        cantonal::render::Pieza::Plan {
            plan,
            documento: &documento,
        },
        &cantonal::render::Opciones {
            plantillas: plantillas.clone(),
            pdf_a: false,
        },
    )
}

/// The HTML or Markdown of `plan`; a template error as its message.
pub fn hbs_text(
    plan: &cantonal::plan::model::Plan,
    r: &cantonal::reference::nacional::Referencia,
    revision: Option<&cantonal::rules::revision::Revision>,
    plantillas: &cantonal::render::templates::Plantillas,
    formato: Formato,
) -> Result<String, String> {
    let nombre = match formato {
        Formato::Html => "html",
        Formato::Markdown => "md",
    };
    producto(nombre, plan, r, revision, plantillas)
        .map(|p| String::from_utf8(p.bytes).unwrap())
        .map_err(|e| {
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })
}

/// The JSON output of `plan`.
pub fn json(
    plan: &cantonal::plan::model::Plan,
    r: &cantonal::reference::nacional::Referencia,
    revision: Option<&cantonal::rules::revision::Revision>,
) -> String {
    let p = producto("json", plan, r, revision, &Default::default()).unwrap();
    String::from_utf8(p.bytes).unwrap()
}

/// The PDF of `plan`, with its laid-out pages.
pub fn pdf(
    plan: &cantonal::plan::model::Plan,
    r: &cantonal::reference::nacional::Referencia,
    revision: Option<&cantonal::rules::revision::Revision>,
    plantillas: cantonal::render::templates::Plantillas,
    config: cantonal::render::typst::PdfConfig,
) -> Result<cantonal::render::pdf::PdfCompilado, Vec<cantonal::render::TemplateError>> {
    let documento = documento(plan, r, revision);
    cantonal::render::pdf::plan_pdf(plan, &documento, plantillas, config)
}

/// The consolidated report as HTML.
pub fn informe_html(
    informe: &cantonal::documento::informe::Informe,
    plantillas: &cantonal::render::templates::Plantillas,
) -> Result<String, String> {
    cantonal::render::formato("html")
        .unwrap()
        .render(
            cantonal::render::Pieza::Informe {
                informe,
                fecha: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            },
            &cantonal::render::Opciones {
                plantillas: plantillas.clone(),
                pdf_a: false,
            },
        )
        .map(|p| String::from_utf8(p.bytes).unwrap())
        .map_err(|e| {
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })
}

/// Whether the program `comando` (a real client a test reads its output with: `pdftotext`,
/// `soffice`, `chromium`…) is installed. Outside CI a missing one is said and the test returns
/// early; with `CI` set (`.ci/run` installs every one) the test fails instead: a check that
/// cannot run never passes in CI.
pub fn herramienta(comando: &str, paquete: &str) -> bool {
    if Command::new(comando).arg("--version").output().is_ok()
        || Command::new(comando).arg("-v").output().is_ok()
    {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{comando} must be installed in CI (Debian package {paquete}): .ci/run installs it"
    );
    eprintln!(
        "{comando} no está instalado: se omite esta prueba (instale {paquete}; .ci/run lo instala)"
    );
    false
}

/// Whether poppler's tools are installed (see [`herramienta`]).
pub fn poppler() -> bool {
    herramienta("pdftotext", "poppler-utils")
}

/// The outline (bookmarks) of a PDF file, as poppler's `pdftohtml -xml` reads it: each
/// chapter heading with the headings of its sections.
pub fn esquema_pdf(pdf: &Path) -> Vec<(String, Vec<String>)> {
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-q"])
        .arg(pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftohtml {}", pdf.display());
    let xml = String::from_utf8_lossy(&out.stdout);
    let doc = roxmltree::Document::parse_with_options(
        &xml,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    let texto = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|t| t.is_text())
            .filter_map(|t| t.text())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let Some(raiz) = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("outline"))
    else {
        return out;
    };
    for n in raiz.children().filter(|n| n.is_element()) {
        if n.has_tag_name("item") {
            out.push((texto(n), Vec::new()));
        } else if n.has_tag_name("outline")
            && let Some((_, secciones)) = out.last_mut()
        {
            secciones.extend(n.children().filter(|i| i.has_tag_name("item")).map(texto));
        }
    }
    out
}

/// The text of a PDF file as `pdftotext` reads it, one string per page.
pub fn paginas_pdf(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let mut paginas: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .split('\u{c}')
        .map(str::to_owned)
        .collect();
    // pdftotext ends every page, the last one too, with a form feed.
    if paginas.last().is_some_and(|p| p.trim().is_empty()) {
        paginas.pop();
    }
    paginas
}

/// White space folded, as a reader sees the text.
pub fn plano(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every file of a ZIP package (DOCX, XLSX, ODT…), by name, with its bytes.
pub fn archivos_zip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .filter_map(|i| {
            let mut f = zip.by_index(i).unwrap();
            if f.is_dir() {
                return None;
            }
            let nombre = f.name().unwrap().into_owned();
            let mut contenido = Vec::new();
            f.read_to_end(&mut contenido).unwrap();
            Some((nombre, contenido))
        })
        .collect()
}

/// The XML parts of a ZIP package (and its relationships), by name, as text.
pub fn partes(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    archivos_zip(bytes)
        .into_iter()
        .filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels"))
        .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
        .collect()
}

/// A PNG of `ancho` × `alto` pixels.
pub fn png(ancho: u32, alto: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, ancho, alto);
        enc.set_color(png::ColorType::Rgb);
        let mut w = enc.write_header().unwrap();
        let datos: Vec<u8> = (0..ancho * alto * 3).map(|i| (i % 251) as u8).collect();
        w.write_image_data(&datos).unwrap();
    }
    bytes
}

/// A copy of the workbook `libro` as another program would write it (values only, no styles
/// or lists), with the text `valor` in the cell (`hoja`, `fila`, `columna`), both 0-based.
pub fn copia_de_libro(
    libro: &Path,
    (hoja, fila, columna, valor): (&str, u32, u16, &str),
    salida: &Path,
) {
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto(libro).unwrap();
    let mut copia = rust_xlsxwriter::Workbook::new();
    for nombre in wb.sheet_names().to_vec() {
        let r = wb.worksheet_range(&nombre).unwrap();
        let ws = copia.add_worksheet();
        ws.set_name(&nombre).unwrap();
        for (f, cells) in r.rows().enumerate() {
            for (c, celda) in cells.iter().enumerate() {
                let (f, c) = (f as u32, c as u16);
                match celda {
                    Data::Float(x) => ws.write_number(f, c, *x).map(|_| ()).unwrap(),
                    Data::DateTime(d) => ws.write_number(f, c, d.as_f64()).map(|_| ()).unwrap(),
                    Data::Empty => {}
                    other => ws
                        .write_string(f, c, other.to_string())
                        .map(|_| ())
                        .unwrap(),
                }
            }
        }
        if nombre == hoja {
            ws.write_string(fila, columna, valor).unwrap();
        }
    }
    copia.save(salida).unwrap();
}

/// The file of `plan` (with `observaciones`: the review copy) in the output `formato` of the
/// registry, through the library.
pub fn generado(formato: &str, plan: &Path, observaciones: Option<&Path>) -> Vec<u8> {
    let mut v = cantonal::validar(plan, cantonal::rules::Opciones::default());
    if let Some(o) = observaciones {
        v = v.con_observaciones(o);
    }
    let documento = v.documento().unwrap();
    cantonal::render::formato(formato)
        .unwrap()
        .render(
            cantonal::render::Pieza::Plan {
                plan: v.plan().unwrap(),
                documento: &documento,
            },
            &cantonal::render::Opciones::default(),
        )
        .unwrap()
        .bytes
}

/// LibreOffice headless, with a private profile in `perfil`, or `None` (with a message) when it
/// is missing outside CI.
pub fn soffice(perfil: &Path) -> Option<Command> {
    if !herramienta("soffice", "libreoffice-writer-nogui libreoffice-calc-nogui") {
        return None;
    }
    let mut c = Command::new("soffice");
    c.arg(format!("-env:UserInstallation=file://{}", perfil.display()))
        .args(["--headless", "--norestore"]);
    Some(c)
}

/// Converts `archivos` with LibreOffice (a command from [`soffice`]) to `filtro`, into `carpeta`,
/// in one start; the test fails with LibreOffice's own message if it could not.
pub fn convertir<P: AsRef<Path>>(
    mut soffice: Command,
    filtro: &str,
    carpeta: &Path,
    archivos: &[P],
) {
    let out = soffice
        .args(["--convert-to", filtro, "--outdir"])
        .arg(carpeta)
        .args(archivos.iter().map(AsRef::as_ref))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "LibreOffice --convert-to {filtro}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The lines that differ between two versions of a file with the same number of lines (a save
/// that changed values only), as (before, after) pairs; fails when lines were added or removed.
pub fn lineas_cambiadas<'a>(antes: &'a str, despues: &'a str) -> Vec<(&'a str, &'a str)> {
    assert_eq!(
        antes.lines().count(),
        despues.lines().count(),
        "lines were added or removed:\n{despues}"
    );
    antes
        .lines()
        .zip(despues.lines())
        .filter(|(a, b)| a != b)
        .collect()
}
