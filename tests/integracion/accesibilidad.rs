//! The documents as people who do not see them read them, checked by real clients: every PDF is
//! PDF/UA-1 (Typst's validator passes when it is written, and qpdf reads the result: the title
//! shown, the PDF/UA identification, an alternative text on every figure, rows titled by their
//! first cell).

use crate::common;
use crate::word::HOSTILES;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The example plans, the review copy of Otavalo, and a plan with a crest: each a plan file,
/// its observations and the folder that keeps them (the crest's).
fn documentos(dir: &Path) -> Vec<(PathBuf, Option<PathBuf>)> {
    std::fs::write(dir.join("escudo.png"), common::png(64, 80)).unwrap();
    let escudo = dir.join("escudo.yaml");
    std::fs::write(
        &escudo,
        common::mutate(
            "provincia: Imbabura }",
            "provincia: Imbabura, escudo: escudo.png }",
        ),
    )
    .unwrap();
    let mut out: Vec<(PathBuf, Option<PathBuf>)> =
        cantonal::carpeta::plan_files(&[PathBuf::from("plans")])
            .unwrap()
            .into_iter()
            .map(|p| (p, None))
            .collect();
    assert_eq!(out.len(), 7);
    out.push((
        "plans/otavalo.yaml".into(),
        Some("plans/otavalo.observaciones.yaml".into()),
    ));
    out.push((escudo, None));
    out
}

/// The file of `plan` in `formato`, through the library; a PDF is PDF/A-2b too with `pdf_a`.
fn generar(formato: &str, plan: &Path, observaciones: Option<&Path>, pdf_a: bool) -> Vec<u8> {
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
            &cantonal::render::Opciones {
                pdf_a,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{}: {e:?}", plan.display()))
        .bytes
}

/// What qpdf reads of a PDF's accessibility.
#[derive(Debug)]
struct LecturaPdf {
    /// `/ViewerPreferences /DisplayDocTitle`.
    titulo_visible: bool,
    /// `/Lang` of the catalogue.
    idioma: String,
    /// The XMP metadata.
    xmp: String,
    /// The structure elements: their type (`/Figure`, `/TH`…) and their dictionary.
    elementos: Vec<(String, Value)>,
}

/// The PDF `bytes` as qpdf reads it (`qpdf --json`), or `None` without qpdf outside CI.
fn leer_pdf(bytes: &[u8]) -> Option<LecturaPdf> {
    if !common::herramienta("qpdf", "qpdf") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let archivo = dir.path().join("x.pdf");
    std::fs::write(&archivo, bytes).unwrap();
    let out = Command::new("qpdf")
        .args([
            "--json",
            "--json-stream-data=inline",
            "--decode-level=generalized",
        ])
        .arg(&archivo)
        .output()
        .unwrap();
    assert!(out.status.success(), "qpdf");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let objetos = json["qpdf"][1].as_object().unwrap();
    let valor = |r: &Value| -> Value {
        match r.as_str() {
            Some(r) if r.ends_with(" R") => objetos[&format!("obj:{r}")]["value"].clone(),
            _ => r.clone(),
        }
    };
    let raiz = valor(&objetos["trailer"]["value"]["/Root"]);
    let preferencias = valor(&raiz["/ViewerPreferences"]);
    let metadatos = raiz["/Metadata"].as_str().unwrap();
    let xmp = objetos[&format!("obj:{metadatos}")]["stream"]["data"]
        .as_str()
        .unwrap();
    let xmp = String::from_utf8(data_encoding::BASE64.decode(xmp.as_bytes()).unwrap()).unwrap();
    let elementos = objetos
        .values()
        .filter_map(|o| o.get("value"))
        .filter(|v| v["/Type"] == "/StructElem")
        .map(|v| (v["/S"].as_str().unwrap_or_default().to_owned(), v.clone()))
        .collect();
    Some(LecturaPdf {
        titulo_visible: preferencias["/DisplayDocTitle"] == true,
        idioma: raiz["/Lang"].as_str().unwrap_or_default().to_owned(),
        xmp,
        elementos,
    })
}

/// Checks what qpdf reads of an accessible PDF: the title shown, the PDF/UA-1 identification
/// (and PDF/A-2b's with `pdf_a`), Spanish throughout, the cover's title, an alternative text on
/// every figure, rows titled by their first cell. Returns the number of figures.
fn es_accesible(bytes: &[u8], pdf_a: bool, que: &str) -> usize {
    let Some(l) = leer_pdf(bytes) else { return 0 };
    assert!(l.titulo_visible, "{que}: DisplayDocTitle");
    assert_eq!(l.idioma, "u:es-EC", "{que}");
    let parte = |esquema: &str| {
        let xmp = l.xmp.replace(['"', '\''], "");
        xmp.contains(&format!("<{esquema}:part>1</{esquema}:part>"))
            || xmp.contains(&format!("{esquema}:part=1"))
            || xmp.contains(&format!("<{esquema}:part>2</{esquema}:part>"))
            || xmp.contains(&format!("{esquema}:part=2"))
    };
    assert!(parte("pdfuaid"), "{que}: no PDF/UA identification in XMP");
    assert_eq!(parte("pdfaid"), pdf_a, "{que}: PDF/A identification");
    let figuras: Vec<&Value> = l
        .elementos
        .iter()
        .filter(|(s, _)| s == "/Figure")
        .map(|(_, v)| v)
        .collect();
    for f in &figuras {
        let alt = f["/Alt"].as_str().unwrap_or_default();
        assert!(alt.len() > 4, "{que}: a Figure without Alt: {f}");
    }
    for (s, v) in &l.elementos {
        let lang = v["/Lang"].as_str().unwrap_or("u:es");
        assert!(lang.starts_with("u:es"), "{que}: {s} in {lang}");
    }
    if !que.starts_with("informe") {
        assert!(l.elementos.iter().any(|(s, _)| s == "/Title"), "{que}");
        let titulos_de_fila = l
            .elementos
            .iter()
            .filter(|(s, v)| s == "/TH" && v.to_string().contains("/Row"))
            .count();
        assert!(titulos_de_fila > 5, "{que}: {titulos_de_fila} row headers");
    }
    figuras.len()
}

#[test]
fn every_pdf_is_pdf_ua_1_validated_by_typst_and_read_by_qpdf() {
    let dir = tempfile::tempdir().unwrap();
    for (plan, obs) in documentos(dir.path()) {
        // Typst validates PDF/UA-1 as it writes: `generar` fails otherwise.
        let pdf = generar("pdf", &plan, obs.as_deref(), false);
        let figuras = es_accesible(&pdf, false, &plan.display().to_string());
        let archivo = generar("pdf", &plan, obs.as_deref(), true);
        es_accesible(&archivo, true, &plan.display().to_string());
        eprintln!(
            "PDF/UA-1 (y con --pdf-a, PDF/UA-1 y PDF/A-2b) validado por Typst: {}{}; {figuras} figuras con texto alternativo",
            plan.display(),
            if obs.is_some() {
                " (copia de revisión)"
            } else {
                ""
            }
        );
    }
    // The consolidated report too.
    let informe = dir.path().join("informe.pdf");
    common::cantonal_ok(&[
        "informe",
        "plans",
        "--formato",
        "pdf",
        "-o",
        informe.to_str().unwrap(),
    ]);
    es_accesible(&std::fs::read(&informe).unwrap(), false, "informe");
}

#[test]
fn hostile_plans_are_pdf_ua_1_too() {
    // Characters that no embedded font has are printed as «�»: PDF/UA-1 forbids a character
    // printed without its shape.
    let sin_forma = "emoji 🙂 ideogramas 漢字 control \u{1}fin";
    for s in HOSTILES.iter().copied().chain([sin_forma]) {
        let (_dir, plan) = common::write_plan("plan.yaml", common::plan_hostil(s));
        let pdf = generar("pdf", &plan, None, false);
        es_accesible(&pdf, false, s);
        if s == sin_forma && common::poppler() {
            let dir = tempfile::tempdir().unwrap();
            let archivo = dir.path().join("x.pdf");
            std::fs::write(&archivo, &pdf).unwrap();
            let texto = common::plano(&common::paginas_pdf(&archivo).join(" "));
            assert!(
                texto.contains("emoji � ideogramas �� control fin"),
                "{texto}"
            );
        }
    }
}

#[test]
fn a_template_that_breaks_pdf_ua_is_refused_where_it_does() {
    let (dir, path) = common::write_plan("plan.yaml", common::base());
    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir(&plantillas).unwrap();
    // A heading of the third level right after one of the first.
    std::fs::write(
        plantillas.join("plan.typ"),
        "#set document(title: \"Plan\")\n= Uno\n=== Tres\n",
    )
    .unwrap();
    let o = common::cantonal(&[
        "generar",
        path.to_str().unwrap(),
        "--plantillas",
        plantillas.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_ne!(o.status.code(), Some(0));
    assert!(err.contains("el PDF no cumple PDF/UA-1"), "{err}");
    assert!(err.contains("plan.typ:3:"), "{err}");
}
