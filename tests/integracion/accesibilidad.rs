//! The documents as people who do not see them read them, checked by real clients: every PDF is
//! PDF/UA-1 (Typst's validator passes when it is written, and qpdf reads the result: the title
//! shown, the PDF/UA identification, an alternative text on every figure, rows titled by their
//! first cell); every Word file has the alternative text of its pictures, the captions of its
//! tables, its title and author, and LibreOffice reads its table of contents and the headers of
//! its tables whole; every HTML page (plan, review copy, report) passes axe-core in Chromium.

use crate::axe;
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

#[test]
fn every_html_page_passes_axe_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let mut paginas: Vec<PathBuf> = Vec::new();
    for (i, (plan, obs)) in documentos(dir.path()).into_iter().enumerate() {
        let html = dir.path().join(format!("{i}.html"));
        std::fs::write(&html, generar("html", &plan, obs.as_deref(), false)).unwrap();
        paginas.push(html);
    }
    let informe = dir.path().join("informe.html");
    common::cantonal_ok(&[
        "informe",
        "plans",
        "--formato",
        "html",
        "-o",
        informe.to_str().unwrap(),
    ]);
    paginas.push(informe);
    // The progress report of a plan at the latest cut of its monitoring file.
    let avance = dir.path().join("avance.html");
    common::cantonal_ok(&[
        "generar",
        "plans/ibarra.yaml",
        "--seguimiento",
        "plans/ibarra.seguimiento.yaml",
        "--formato",
        "html",
        "-o",
        avance.to_str().unwrap(),
    ]);
    paginas.push(avance);
    for p in &paginas {
        let Some(v) = axe::violaciones(&format!("file://{}", p.display())) else {
            return;
        };
        assert!(v.is_empty(), "{}:\n{}", p.display(), axe::describir(&v));
    }
    eprintln!(
        "axe-core ({}): {} páginas sin ninguna violación",
        axe::NORMAS.join(", "),
        paginas.len()
    );
}

/// Whether `n` is the element `nombre` of WordprocessingML or of its drawings.
fn es(n: &roxmltree::Node, nombre: &str) -> bool {
    n.is_element() && n.tag_name().name() == nombre
}

/// The text of a node: its `w:t` runs, joined.
fn texto(n: &roxmltree::Node) -> String {
    n.descendants()
        .filter(|d| es(d, "t"))
        .filter_map(|d| d.text())
        .collect()
}

#[test]
fn word_files_carry_alternative_texts_captions_headings_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    for (plan, obs) in documentos(dir.path()) {
        let que = plan.display().to_string();
        let mut v = cantonal::validar(&plan, cantonal::rules::Opciones::default());
        if let Some(o) = &obs {
            v = v.con_observaciones(o);
        }
        let d = v.documento().unwrap();
        let p = common::partes(&generar("docx", &plan, obs.as_deref(), false));
        // Every picture (the crest on the cover and in each header) says what it is.
        let mut imagenes = 0;
        for (nombre, xml) in p.iter().filter(|(k, _)| k.ends_with(".xml")) {
            let x = roxmltree::Document::parse(xml).unwrap();
            for pr in x.descendants().filter(|n| es(n, "docPr")) {
                assert_eq!(
                    pr.attribute("descr"),
                    Some(d.texto_escudo().as_str()),
                    "{que} {nombre}"
                );
                imagenes += 1;
            }
        }
        assert_eq!(imagenes > 0, d.escudo.is_some(), "{que}");
        // Title and author in the document's properties.
        let core = roxmltree::Document::parse(&p["docProps/core.xml"]).unwrap();
        let propiedad = |nombre: &str| {
            core.descendants()
                .find(|n| es(n, nombre))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(propiedad("title"), d.titulo(), "{que}");
        assert_eq!(propiedad("creator"), d.autor(), "{que}");
        // Every table has a caption for screen readers.
        let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
        let tablas = doc.descendants().filter(|n| es(n, "tbl")).count();
        let titulos: Vec<&str> = doc
            .descendants()
            .filter(|n| es(n, "tblCaption"))
            .filter_map(|n| {
                n.attributes()
                    .find(|a| a.name() == "val")
                    .map(|a| a.value())
            })
            .collect();
        assert_eq!(titulos.len(), tablas, "{que}");
        assert!(titulos.iter().all(|t| t.len() > 4), "{titulos:?}");
        // The axes, the stages of the route and those of the route for smuggled migrants are
        // headings, as in the PDF.
        let estilo = |p: &roxmltree::Node| {
            p.descendants()
                .find(|n| es(n, "pStyle"))
                .and_then(|n| n.attributes().find(|a| a.name() == "val"))
                .map(|a| a.value().to_owned())
        };
        let de_estilo = |e: &str| -> Vec<String> {
            doc.descendants()
                .filter(|n| es(n, "p") && estilo(n).as_deref() == Some(e))
                .map(|n| texto(&n))
                .collect()
        };
        assert_eq!(
            de_estilo("Heading3"),
            d.ejes
                .iter()
                .map(|e| format!("Eje: {}", e.nombre))
                .chain(d.trafico.ruta.iter().map(|e| format!(
                    "{}. {}{}{}",
                    e.numero,
                    e.nombre,
                    e.poblacion
                        .as_ref()
                        .map(|p| format!(" · {p}"))
                        .unwrap_or_default(),
                    if e.obligatoria {
                        ""
                    } else {
                        " (cuando corresponda)"
                    }
                )))
                .collect::<Vec<_>>()
        );
        let secciones = de_estilo("Heading2");
        for etapa in &d.ruta_atencion {
            let t = format!("{}. {}", etapa.numero, etapa.nombre);
            assert!(secciones.iter().any(|s| s.starts_with(&t)), "{que}: {t}");
        }
    }
}

#[test]
fn the_word_file_is_the_same_archive_on_every_system() {
    // The same plan written twice by the program: the same bytes.
    let dir = tempfile::tempdir().unwrap();
    let escribir = |n: &str| {
        let archivo = dir.path().join(n);
        common::cantonal_ok(&[
            "generar",
            "plans/ibarra.yaml",
            "--formato",
            "docx",
            "-o",
            archivo.to_str().unwrap(),
        ]);
        std::fs::read(archivo).unwrap()
    };
    let bytes = escribir("a.docx");
    assert_eq!(bytes, escribir("b.docx"));
    // Each entry of the central directory says it was made on Unix, with the same attributes,
    // whatever system wrote it: Windows and Linux write the same file.
    let mut entradas = 0;
    for i in 0..bytes.len().saturating_sub(46) {
        if bytes[i..i + 4] == *b"PK\x01\x02" {
            entradas += 1;
            assert_eq!(bytes[i + 5], 3, "made by Unix");
            let atributos = u32::from_le_bytes(bytes[i + 38..i + 42].try_into().unwrap());
            let largo = usize::from(u16::from_le_bytes(
                bytes[i + 28..i + 30].try_into().unwrap(),
            ));
            let es_carpeta = bytes[i + 46 + largo - 1] == b'/';
            let esperado = if es_carpeta { 0o40755 } else { 0o100755 } << 16;
            assert_eq!(atributos, esperado, "entry {entradas}");
        }
    }
    assert!(entradas > 10);
}

#[test]
fn libreoffice_reads_the_index_the_table_headers_and_the_addresses_whole() {
    let dir = tempfile::tempdir().unwrap();
    let Some(soffice) = common::soffice(&dir.path().join("perfil")) else {
        return;
    };
    if !common::poppler() {
        return;
    }
    let word = dir.path().join("word");
    std::fs::create_dir(&word).unwrap();
    let mut casos = Vec::new();
    for (i, (plan, obs)) in documentos(dir.path()).into_iter().enumerate() {
        let bytes = generar("docx", &plan, obs.as_deref(), false);
        let archivo = word.join(format!("{i}.docx"));
        std::fs::write(&archivo, &bytes).unwrap();
        casos.push((plan, obs, archivo, bytes));
    }
    let archivos: Vec<&PathBuf> = casos.iter().map(|c| &c.2).collect();
    common::convertir(soffice, "pdf", &word, &archivos);
    for (plan, obs, archivo, bytes) in &casos {
        let que = plan.display().to_string();
        let pdf = archivo.with_extension("pdf");
        let paginas = common::paginas_pdf(&pdf);
        let todo = paginas.join("\n");
        // No field code shows: the index reads as written, each heading in order.
        for codigo in ["TOC \\o", "PAGEREF", "HYPERLINK", "_Toc"] {
            assert!(
                !todo.contains(codigo),
                "{que}: «{codigo}» in LibreOffice's text"
            );
        }
        let p = common::partes(bytes);
        let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
        let titulos: Vec<String> = doc
            .descendants()
            .filter(|n| {
                es(n, "p")
                    && n.descendants().any(|s| {
                        es(&s, "pStyle")
                            && s.attributes()
                                .any(|a| a.value() == "Heading1" || a.value() == "Heading2")
                    })
            })
            .map(|n| texto(&n))
            .collect();
        let plano = common::plano(&todo);
        let mut desde = plano.find("Índice").expect("index");
        for t in &titulos {
            desde += plano[desde..]
                .find(t.as_str())
                .unwrap_or_else(|| panic!("{que}: «{t}» not in the index, in order"));
        }
        // The words of the tables' headers are never broken across two lines.
        let cabeceras: std::collections::BTreeSet<String> = doc
            .descendants()
            .filter(|n| es(n, "tbl"))
            .filter_map(|t| t.children().find(|c| es(c, "tr")))
            .flat_map(|fila| {
                fila.children()
                    .filter(|c| es(c, "tc"))
                    .flat_map(|c| {
                        texto(&c)
                            .split_whitespace()
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for palabras in crate::word::palabras_grandes(&pdf, 0.0) {
            for par in palabras.windows(2) {
                let junta = format!("{}{}", par[0], par[1]);
                assert!(
                    !cabeceras.contains(&junta) || cabeceras.contains(&par[0]),
                    "{que}: «{junta}» broken as «{} {}»",
                    par[0],
                    par[1]
                );
            }
        }
        // E-mail addresses are on one line, as written.
        let mut v = cantonal::validar(plan, cantonal::rules::Opciones::default());
        if let Some(o) = obs {
            v = v.con_observaciones(o);
        }
        let d = v.documento().unwrap();
        let correos = d
            .actores
            .iter()
            .filter_map(|a| a.correo.as_deref())
            .chain(d.ruta_atencion.iter().filter_map(|e| e.correo.as_deref()));
        for c in correos {
            assert!(todo.lines().any(|l| l.contains(c)), "{que}: {c} broken");
        }
    }
    eprintln!(
        "LibreOffice: {} documentos de Word con su índice escrito, sin códigos de campo, con los encabezados de tabla y los correos enteros",
        casos.len()
    );
}
