//! The Word output (`generar --formato docx`): its parts parsed as XML (heading styles, table of
//! contents field, repeated header rows, landscape section, page fields, language, comments
//! anchored on their items), hostile plan text that stays text, and the files opened by a real
//! client: LibreOffice converts them to PDF and the text is read back.

use crate::common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::common::{base, cantonal_ok, partes, plan_hostil, soffice, write_plan};
use cantonal::rules::Opciones;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub(crate) fn es<'a>(n: &roxmltree::Node<'a, 'a>, nombre: &str) -> bool {
    n.is_element() && n.tag_name().name() == nombre && n.tag_name().namespace() == Some(W)
}

fn attr<'a>(n: &roxmltree::Node<'a, 'a>, nombre: &str) -> Option<&'a str> {
    n.attribute((W, nombre))
}

/// The text of a node: its `w:t` runs, joined.
pub(crate) fn texto(n: &roxmltree::Node) -> String {
    n.descendants()
        .filter(|d| es(d, "t"))
        .filter_map(|d| d.text())
        .collect()
}

/// The DOCX of a plan file (with an observations file: the review copy), through the library.
pub(crate) fn docx(plan: &Path, observaciones: Option<&Path>) -> Vec<u8> {
    common::generado("docx", plan, observaciones)
}

/// The base plan with every optional part the PDF prints: drafting team, introduction, PDOT
/// alignment, who the monitoring reports to, evaluations, accountability and data protection.
fn plan_completo() -> String {
    base()
        .replace(
            "estado: borrador\n",
            "estado: borrador\nintroduccion: El cantón elaboró este plan en talleres con la mesa de movilidad humana.\nelaboracion: { fecha: 2025-11-20, equipo: [ { nombre: Ana Pérez, cargo: Técnica, institucion: GAD Municipal } ] }\npdot:\n  nombre: PDOT de Ibarra 2023-2027\n  objetivos:\n    - { objetivo: Garantizar los derechos de los grupos de atención prioritaria, contribuyen: [O1] }\n",
        )
        .replace(
            "seguimiento: { responsable: ccpd, frecuencia: trimestral }",
            "seguimiento:\n  responsable: ccpd\n  frecuencia: trimestral\n  informa_a: Concejo Municipal\n  evaluacion_intermedia: 2027-06-30\n  evaluacion_final: 2028-12-15\n  rendicion_cuentas: Informe anual en la sesión pública del Concejo.\n  proteccion_datos: El registro de casos lo custodia la JCPD; nadie más accede a los nombres.\n",
        )
}

/// The plans whose Word and PDF chapters are compared: the full plan above, an example, and a
/// review copy. Each is a plan file and, for a review copy, its observations.
fn planes_comparados(dir: &Path) -> Vec<(std::path::PathBuf, Option<&'static Path>)> {
    let completo = dir.join("completo.yaml");
    std::fs::write(&completo, plan_completo()).unwrap();
    vec![
        (completo, None),
        (Path::new("plans/ibarra.yaml").to_owned(), None),
        (
            Path::new("plans/otavalo.yaml").to_owned(),
            Some(Path::new("plans/otavalo.observaciones.yaml")),
        ),
    ]
}

/// Generates `plan` (a review copy with `observaciones`) in `formato` into `salida`.
pub(crate) fn generar(plan: &Path, observaciones: Option<&Path>, formato: &str, salida: &Path) {
    let mut args = vec![
        "generar",
        plan.to_str().unwrap(),
        "--formato",
        formato,
        "-o",
        salida.to_str().unwrap(),
    ];
    if let Some(o) = observaciones {
        args.extend(["--observaciones", o.to_str().unwrap()]);
    }
    cantonal_ok(&args);
}

/// The headings of a DOCX, as Word's navigation pane shows them: each "heading 1" with its
/// "heading 2".
fn esquema_docx(bytes: &[u8]) -> Vec<(String, Vec<String>)> {
    let p = partes(bytes);
    let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for par in doc.descendants().filter(|n| es(n, "p")) {
        let estilo = par
            .descendants()
            .find(|d| es(d, "pStyle"))
            .and_then(|d| attr(&d, "val"));
        match estilo {
            Some("Heading1") => out.push((texto(&par), Vec::new())),
            Some("Heading2") => out.last_mut().unwrap().1.push(texto(&par)),
            _ => {}
        }
    }
    out
}

#[test]
fn word_has_the_chapters_and_sections_of_the_pdf_in_its_order() {
    if !common::poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (plan, obs) in planes_comparados(dir.path()) {
        let pdf = dir.path().join("plan.pdf");
        generar(&plan, obs, "pdf", &pdf);
        let esquema = common::esquema_pdf(&pdf);
        assert!(esquema.len() >= 17, "{esquema:?}");
        assert_eq!(
            esquema_docx(&docx(&plan, obs)),
            esquema,
            "{}",
            plan.display()
        );
    }
}

#[test]
fn word_structure_headings_toc_tables_sections_footer_language() {
    let p = partes(&docx(Path::new("plans/ibarra.yaml"), None));
    let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
    // Chapters use the built-in heading styles, named as Word names them.
    let estilos = roxmltree::Document::parse(&p["word/styles.xml"]).unwrap();
    for (id, nombre, nivel) in [
        ("Heading1", "heading 1", "0"),
        ("Heading2", "heading 2", "1"),
    ] {
        let s = estilos
            .descendants()
            .find(|n| es(n, "style") && attr(n, "styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id}"));
        let name = s.children().find(|c| es(c, "name")).unwrap();
        assert_eq!(attr(&name, "val"), Some(nombre));
        let outline = s.descendants().find(|c| es(c, "outlineLvl")).unwrap();
        assert_eq!(attr(&outline, "val"), Some(nivel));
    }
    let titulos: Vec<String> = doc
        .descendants()
        .filter(|n| es(n, "p"))
        .filter(|p| {
            p.descendants()
                .any(|d| es(&d, "pStyle") && attr(&d, "val") == Some("Heading1"))
        })
        .map(|p| texto(&p))
        .collect();
    // Numbered like the PDF's (their titles are compared with the PDF's in
    // `word_has_the_chapters_and_sections_of_the_pdf_in_its_order`).
    assert!(titulos.len() >= 17, "{titulos:?}");
    for (i, t) in titulos.iter().enumerate() {
        assert!(t.starts_with(&format!("{}. ", i + 1)), "{t}");
    }
    // A table-of-contents field over the heading levels.
    let instr: String = doc
        .descendants()
        .filter(|n| es(n, "instrText"))
        .filter_map(|n| n.text())
        .collect();
    assert!(instr.contains("TOC \\o \"1-2\""), "{instr}");
    // Every table repeats its header row.
    let tablas: Vec<_> = doc.descendants().filter(|n| es(n, "tbl")).collect();
    assert!(tablas.len() > 10);
    for t in &tablas {
        let fila = t.children().find(|c| es(c, "tr")).unwrap();
        assert!(
            fila.descendants().any(|d| es(&d, "tblHeader")),
            "{}",
            texto(&fila)
        );
    }
    // A4 portrait, a landscape section holding the action matrix, 2.5 cm margins.
    let secciones: Vec<_> = doc.descendants().filter(|n| es(n, "sectPr")).collect();
    assert_eq!(secciones.len(), 3);
    let tam = |s: &roxmltree::Node| {
        let pg = s.children().find(|c| es(c, "pgSz")).unwrap();
        (
            attr(&pg, "w").unwrap().to_owned(),
            attr(&pg, "h").unwrap().to_owned(),
            attr(&pg, "orient").map(str::to_owned),
        )
    };
    assert_eq!(tam(&secciones[0]), ("11906".into(), "16838".into(), None));
    assert_eq!(
        tam(&secciones[1]),
        ("16838".into(), "11906".into(), Some("landscape".into()))
    );
    assert_eq!(tam(&secciones[2]), ("11906".into(), "16838".into(), None));
    for s in &secciones {
        let m = s.children().find(|c| es(c, "pgMar")).unwrap();
        for lado in ["top", "bottom", "left", "right"] {
            assert_eq!(attr(&m, lado), Some("1418"));
        }
        assert!(s.children().any(|c| es(&c, "footerReference")));
    }
    // The landscape section is the one that ends after the action matrix.
    let cuerpo = doc.descendants().find(|n| es(n, "body")).unwrap();
    let mut en_matriz = false;
    let mut seccion_de_la_matriz = None;
    let mut n_seccion = 0;
    for hijo in cuerpo.children() {
        let capitulo = hijo
            .descendants()
            .any(|d| es(&d, "pStyle") && attr(&d, "val") == Some("Heading1"));
        if capitulo && texto(&hijo).ends_with(". Matriz de acciones") {
            en_matriz = true;
        }
        if hijo.descendants().any(|d| es(&d, "sectPr")) {
            if en_matriz && seccion_de_la_matriz.is_none() {
                seccion_de_la_matriz = Some(n_seccion);
            }
            n_seccion += 1;
        }
    }
    assert_eq!(seccion_de_la_matriz, Some(1));
    // "Página N de M" with Word's page fields, in every footer.
    let pies: Vec<&String> = p
        .iter()
        .filter(|(k, _)| k.starts_with("word/footer"))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(pies.len(), 3);
    for pie in pies {
        let f = roxmltree::Document::parse(pie).unwrap();
        let instr: Vec<String> = f
            .descendants()
            .filter(|n| es(n, "instrText"))
            .filter_map(|n| n.text().map(|t| t.trim().to_owned()))
            .collect();
        assert!(instr.contains(&"PAGE".to_owned()), "{instr:?}");
        assert!(instr.contains(&"NUMPAGES".to_owned()), "{instr:?}");
        assert!(texto(&f.root()).starts_with("Página "));
    }
    // Spanish for proofing, on the document defaults.
    let lang = estilos
        .descendants()
        .find(|n| es(n, "docDefaults"))
        .and_then(|d| d.descendants().find(|n| es(n, "lang")))
        .unwrap();
    assert_eq!(attr(&lang, "val"), Some("es-EC"));
    // An approved plan carries no BORRADOR mark; a draft carries it on every page.
    assert!(!p.values().any(|x| x.contains("BORRADOR")));
    let borrador = partes(&docx(Path::new("plans/colta.yaml"), None));
    let cabecera = borrador
        .iter()
        .find(|(k, _)| k.starts_with("word/header"))
        .unwrap()
        .1;
    assert!(cabecera.contains("BORRADOR — estado: Borrador"));
    // Every action id and amount of the plan is in the matrix.
    let plan = cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default());
    let todo = texto(&doc.root());
    // The cover, as the PDF's: country and province, the canton's official name, and the notice
    // of an illustrative plan.
    let d = plan.documento().unwrap();
    let portada = &todo[..todo.find("Índice").unwrap()];
    for s in [
        format!(
            "REPÚBLICA DEL ECUADOR · PROVINCIA DE {}",
            d.canton.provincia.to_uppercase()
        ),
        format!(
            "Municipal del cantón {}",
            d.canton.nombre_oficial.as_deref().unwrap()
        ),
        "EJEMPLO ILUSTRATIVO".to_owned(),
    ] {
        assert!(portada.contains(&s), "{s}: {portada}");
    }
    for a in &plan.plan().unwrap().acciones {
        assert!(todo.contains(&a.id));
        if let Some(m) = &a.presupuesto {
            assert!(todo.contains(&cantonal::espanol::usd(m.monto)), "{}", a.id);
        }
    }
}

#[test]
fn review_copy_has_one_word_comment_per_observation_anchored_on_its_item() {
    let plan = Path::new("plans/otavalo.yaml");
    let obs = Path::new("plans/otavalo.observaciones.yaml");
    let p = partes(&docx(plan, Some(obs)));
    let v = cantonal::validar(plan, Opciones::default()).con_observaciones(obs);
    let revision = v.documento().unwrap().revision.unwrap();
    let comentarios = roxmltree::Document::parse(&p["word/comments.xml"]).unwrap();
    let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
    let ubicadas: Vec<_> = revision
        .observaciones
        .iter()
        .filter(|o| o.ubicada)
        .collect();
    assert!(ubicadas.len() >= 3);
    for o in &ubicadas {
        let id = o.numero.to_string();
        let c = comentarios
            .descendants()
            .find(|n| es(n, "comment") && attr(n, "id") == Some(id.as_str()))
            .unwrap_or_else(|| panic!("comment {id}"));
        assert_eq!(attr(&c, "author"), Some(revision.revisor.as_str()));
        assert_eq!(attr(&c, "date"), Some("2026-03-10T00:00:00Z"));
        let t = texto(&c);
        assert!(
            t.starts_with(&format!("Observación {} · {}", o.numero, o.estado)),
            "{t}"
        );
        assert!(
            t.contains(&cantonal::documento::cmark::plain(&o.texto)),
            "{t}"
        );
        // Anchored: a range start, a range end and a reference, in that order, in one paragraph.
        let inicio = doc
            .descendants()
            .find(|n| es(n, "commentRangeStart") && attr(n, "id") == Some(id.as_str()))
            .unwrap();
        let parrafo = inicio.ancestors().find(|a| es(a, "p")).unwrap();
        assert!(
            parrafo
                .descendants()
                .any(|n| es(&n, "commentRangeEnd") && attr(&n, "id") == Some(id.as_str()))
        );
        assert!(
            parrafo
                .descendants()
                .any(|n| es(&n, "commentReference") && attr(&n, "id") == Some(id.as_str()))
        );
        // On the item it addresses: "acciones.A4.presupuesto" is on the cell of A4.
        if let Some(accion) = o.ruta.strip_prefix("acciones.") {
            let accion = accion.split('.').next().unwrap();
            assert_eq!(texto(&parrafo), accion, "{}", o.ruta);
        }
    }
    // The table of observations closes the document.
    let todo = texto(&doc.root());
    let final_ = &todo[todo.rfind(". Observaciones de revisión").unwrap()..];
    for o in &revision.observaciones {
        assert!(final_.contains(&o.elemento), "{}", o.elemento);
    }
}

/// Hostile strings: Typst, HTML and template syntax, a Word field code, a spreadsheet formula.
pub const HOSTILES: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "{{plantilla}} y */ comentario",
    "<script>alert(1)</script>",
    "{ HYPERLINK \"file:///etc/passwd\" }",
    "=cmd|' /C calc'!A0",
    "+SUM(1,2) y @SUMA(A1) y -1+2",
    "<w:fldSimple w:instr=\"PAGE\"/> & ]]>",
];

/// [`common::plan_hostil`] with `s` also in six fields of the chapters the approvable document added:
/// the introduction, the PDOT's name and objective, and three of the monitoring.
fn plan_hostil_capitulos(s: &str) -> String {
    let q = serde_json::to_string(s).unwrap();
    plan_hostil(s)
        .replace(
            "estado: borrador\n",
            &format!("estado: borrador\nintroduccion: {q}\npdot:\n  nombre: {q}\n  objetivos:\n    - {{ objetivo: {q}, contribuyen: [O1] }}\n"),
        )
        .replace(
            "seguimiento: { responsable: ccpd, frecuencia: trimestral }",
            &format!("seguimiento:\n  responsable: ccpd\n  frecuencia: trimestral\n  informa_a: {q}\n  rendicion_cuentas: {q}\n  proteccion_datos: {q}\n"),
        )
}

#[test]
fn hostile_plan_text_stays_text_in_word() {
    let veces = |plan: String, s: &str| {
        let (_dir, path) = write_plan("plan.yaml", plan);
        let p = partes(&docx(&path, None));
        let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
        texto(&doc.root()).matches(s).count()
    };
    for s in HOSTILES {
        let antes = veces(plan_hostil(s), s);
        assert!(antes >= 3, "{s}: {antes}");
        let (_dir, path) = write_plan("plan.yaml", plan_hostil_capitulos(s));
        let bytes = docx(&path, None);
        let p = partes(&bytes);
        let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
        let todo = texto(&doc.root());
        // Each of the six new fields, literally.
        assert!(todo.matches(s).count() >= antes + 6, "{s}: {todo}");
        // The only fields are the ones we write: the table of contents (and its page refs).
        for n in doc.descendants().filter(|n| es(n, "instrText")) {
            let i = n.text().unwrap_or("").trim();
            assert!(i.starts_with("TOC ") || i.starts_with("PAGEREF "), "{i}");
        }
        assert!(!doc.descendants().any(|n| es(&n, "fldSimple")));
        for (k, v) in &p {
            if k.ends_with(".rels") {
                assert!(!v.contains("file:"), "{k}: {v}");
            }
        }
    }
    // A Markdown link keeps only an http(s) or mailto target.
    let md = "[sitio](https://ejemplo.org) [malo](file:///etc/passwd) [js](javascript:alert(1))";
    let (_dir, path) = write_plan("plan.yaml", plan_hostil(md));
    let p = partes(&docx(&path, None));
    let rels = &p["word/_rels/document.xml.rels"];
    assert!(rels.contains("https://ejemplo.org"), "{rels}");
    assert!(
        !rels.contains("file:") && !rels.contains("javascript"),
        "{rels}"
    );
}

#[test]
fn libreoffice_opens_the_word_files_chapters_actions_and_comments_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let perfil = dir.path().join("perfil");
    let Some(soffice) = soffice(&perfil) else {
        return;
    };
    if !common::poppler() {
        return;
    }
    // Each plan as DOCX (to be converted by LibreOffice) and as our own PDF.
    let nombres = ["completo", "ibarra", "otavalo.revision"];
    let word = dir.path().join("word");
    std::fs::create_dir(&word).unwrap();
    let mut docx = Vec::new();
    let mut pdfs = Vec::new();
    for ((plan, obs), nombre) in planes_comparados(dir.path()).into_iter().zip(nombres) {
        let d = word.join(format!("{nombre}.docx"));
        let pdf = dir.path().join(format!("{nombre}.pdf"));
        generar(&plan, obs, "docx", &d);
        generar(&plan, obs, "pdf", &pdf);
        docx.push(d);
        pdfs.push(pdf);
    }
    let revision = docx[2].clone();
    // One start of LibreOffice converts them all; comments are printed in the margin.
    common::convertir(
        soffice,
        r#"pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}"#,
        &word,
        &docx,
    );
    let paginas = |pdf: &Path| -> usize {
        let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
        let info = String::from_utf8(o.stdout).unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    for (d, pdf) in docx.iter().zip(&pdfs) {
        let convertido = d.with_extension("pdf");
        // LibreOffice reads the chapters and sections of our PDF, in its order, as headings.
        let esquema = common::esquema_pdf(pdf);
        assert_eq!(common::esquema_pdf(&convertido), esquema, "{}", d.display());
        // And prints each of them in the body, in that order, after the table of contents.
        let t = common::plano(&common::paginas_pdf(&convertido).join(" "));
        let ultimo = &esquema.last().unwrap().0;
        let mut desde = t.find(ultimo.as_str()).expect("table of contents") + ultimo.len();
        for (capitulo, secciones) in &esquema {
            for titulo in std::iter::once(capitulo).chain(secciones) {
                desde += t[desde..]
                    .find(titulo.as_str())
                    .unwrap_or_else(|| panic!("{}: «{titulo}» out of order", d.display()));
            }
        }
        let n = paginas(&convertido);
        assert!(t.contains(&format!("Página 1 de {n}")), "footer");
        eprintln!(
            "LibreOffice: {} → PDF de {n} páginas; {} capítulos y {} secciones, los del PDF, en su orden",
            d.file_name().unwrap().to_string_lossy(),
            esquema.len(),
            esquema.iter().map(|(_, s)| s.len()).sum::<usize>()
        );
    }
    // The action matrix's narrow header cells keep their words whole.
    let palabras = palabras_grandes(&docx[1].with_extension("pdf"), 0.0);
    // The last page with the heading: the first one is the table of contents.
    let matriz = palabras
        .iter()
        .rev()
        .find(|p| p.windows(3).any(|w| w == ["Matriz", "de", "acciones"]))
        .expect("matrix page");
    for encabezado in [
        "Id",
        "Eje",
        "objetivo",
        "Acción",
        "Responsable",
        "Indicador",
        "Línea",
        "base",
        "Meta",
        "Medio",
        "verificación",
        "Plazo",
        "Presupuesto",
    ] {
        assert!(
            matriz.iter().any(|w| w == encabezado),
            "«{encabezado}» broken in the matrix header: {matriz:?}"
        );
    }
    let compacto = common::plano(&common::paginas_pdf(&docx[1].with_extension("pdf")).join(" "));
    let plan = cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default());
    for a in &plan.plan().unwrap().acciones {
        assert!(compacto.contains(&a.id), "{}", a.id);
        if let Some(m) = &a.presupuesto {
            // "USD" and the figure may sit on two lines of the cell.
            let cifra = cantonal::espanol::usd(m.monto).replace("USD ", "");
            assert!(compacto.contains(&cifra), "{} {cifra}", a.id);
        }
    }
    // The review copy, saved by LibreOffice as ODT: every comment as LibreOffice read it, with
    // its author, its date and its text, anchored in the text.
    common::convertir(
        common::soffice(&perfil).unwrap(),
        "odt",
        &word,
        &[&revision],
    );
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(word.join("otavalo.revision.odt")).unwrap())
            .unwrap();
    let mut content = String::new();
    zip.by_name("content.xml")
        .unwrap()
        .read_to_string(&mut content)
        .unwrap();
    let odt = roxmltree::Document::parse(&content).unwrap();
    let anotaciones: Vec<_> = odt
        .descendants()
        .filter(|n| n.tag_name().name() == "annotation")
        .collect();
    let v = cantonal::validar(Path::new("plans/otavalo.yaml"), Opciones::default())
        .con_observaciones(Path::new("plans/otavalo.observaciones.yaml"));
    let revision = v.documento().unwrap().revision.unwrap();
    let ubicadas: Vec<_> = revision
        .observaciones
        .iter()
        .filter(|o| o.ubicada)
        .collect();
    assert_eq!(anotaciones.len(), ubicadas.len());
    let texto_de = |a: &roxmltree::Node| -> String {
        let t: Vec<&str> = a
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        common::plano(&t.join(" "))
    };
    for o in &ubicadas {
        // LibreOffice lists them in document order: find each by its label.
        let etiqueta = format!("Observación {} · {}", o.numero, o.estado);
        let a = anotaciones
            .iter()
            .find(|a| texto_de(a).contains(&etiqueta))
            .unwrap_or_else(|| panic!("{etiqueta}"));
        let hijo = |nombre: &str| {
            a.children()
                .find(|c| c.tag_name().name() == nombre)
                .and_then(|c| c.text())
                .unwrap_or("")
                .to_owned()
        };
        assert_eq!(hijo("creator"), revision.revisor);
        assert!(hijo("date").starts_with("2026-03-10"), "{}", hijo("date"));
        let t = texto_de(a);
        let esperado: String = cantonal::documento::cmark::plain(&o.texto)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // Runs of inline code are text nodes of their own: compare without spaces.
        let sin = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            sin(&t).contains(&sin(&esperado)),
            "comment {}: {t}",
            o.numero
        );
    }
    eprintln!(
        "LibreOffice: {} comentarios de Word leídos con autor, fecha y texto",
        anotaciones.len()
    );
}

/// The words at least `alto` points high on each page of a PDF, as `pdftotext -bbox` reads them.
pub(crate) fn palabras_grandes(pdf: &Path, alto: f64) -> Vec<Vec<String>> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    let num = |n: &roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "page")
        .map(|p| {
            p.descendants()
                .filter(|w| w.tag_name().name() == "word")
                .filter(|w| num(w, "yMax") - num(w, "yMin") >= alto)
                .filter_map(|w| w.text().map(str::to_owned))
                .collect()
        })
        .collect()
}
