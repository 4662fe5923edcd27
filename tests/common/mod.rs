//! Helpers shared by the integration tests: run the real `cantonal` binary, and build plan
//! fixtures by editing the minimal valid plan `tests/fixtures/base.yaml`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// The text of each page of the PDF file `pdf`, as poppler's `pdftotext` reads it; `None` when
/// poppler is not installed (CI installs it), after saying so.
pub fn pdftotext(pdf: &Path) -> Option<Vec<String>> {
    let Ok(out) = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
    else {
        eprintln!("pdftotext no está instalado: se omite esta prueba (instale poppler-utils)");
        return None;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .map(str::to_owned)
            .collect(),
    )
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
