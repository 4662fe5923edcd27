//! The printable plan: the text of the laid-out document (read from the compiled Typst
//! document) holds every section and the plan's data; plan strings made of Typst or HTML syntax
//! appear literally and do nothing else; builds are reproducible and atomic; templates can be
//! overridden one file at a time.

use crate::common;

use std::path::Path;

use crate::common::pdf;
use crate::common::{base, cantonal, mutate, write_plan};
use cantonal::plan::model::Plan;
use cantonal::reference::nacional::Referencia;
use cantonal::render::pdf::PdfCompilado as Pdf;
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::{PdfConfig, text};
use cantonal::rules::Opciones;

fn plan_of(path: &Path) -> Plan {
    let v = cantonal::validar(path, Opciones::default());
    assert!(!v.tiene_errores(), "{:?}", v.diagnostics);
    v.loaded.datos.unwrap()
}

fn render(plan: &Plan) -> Pdf {
    pdf(
        plan,
        Referencia::pacta(),
        None,
        Plantillas::default(),
        PdfConfig::default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"))
}

/// The document's text with words hyphenated at line ends joined again, zero-width spaces
/// removed and white space folded.
fn flat(pdf: &Pdf) -> String {
    let t = text(&pdf.document)
        .replace('\u{200b}', "")
        .replace("\u{ad} ", "")
        .replace("\u{ad}", "");
    common::plano(&t)
}

fn ibarra() -> Pdf {
    render(&plan_of(Path::new("plans/ibarra.yaml")))
}

#[test]
fn ibarra_has_every_section_and_its_data() {
    let pdf = ibarra();
    let t = flat(&pdf);
    let pages = pdf.document.pages().len();
    assert!(pages >= 15, "{pages} pages");
    for section in [
        "Índice",
        "Presentación",
        "Marco normativo",
        "Enfoques",
        "Diagnóstico",
        "Casos registrados",
        "Riesgos identificados",
        "Mapa de actores",
        "Marco estratégico",
        "Matriz de acciones",
        "Cronograma",
        "Ruta de atención a víctimas",
        "Presupuesto",
        "Seguimiento y evaluación",
        "Alineación con el PACTA 2019-2030",
        "Siglas y abreviaturas",
        "Introducción",
        "Marco conceptual",
        "Presupuesto y financiamiento",
        "Financiamiento por año",
        "Aprobación",
        "Glosario",
        "Anexo: Fuentes",
    ] {
        assert!(t.contains(section), "missing section {section}");
    }
    // Cover: canton, province, period in Spanish dates, approval.
    for s in [
        "Cantón Ibarra",
        "PROVINCIA DE IMBABURA",
        "Del 1 de enero de 2026 al 31 de diciembre de 2028",
        "Ordenanza N.º GADI-2025-045",
        "15 de diciembre de 2025",
    ] {
        assert!(t.contains(s), "missing {s}");
    }
    // Action rows, with resolved responsible names and Spanish amounts.
    assert!(t.contains("Talleres sobre captación en línea en colegios fiscales"));
    assert!(t.contains("USD 4.500,00"));
    assert!(t.contains("USD 128.000,00"), "total budget");
    // Every route stage, with its responsible actor and deadline.
    for s in [
        "Identificación y detección",
        "Protección inmediata y acogida",
        "Atención de salud",
        "Intervención en crisis",
        "Denuncia y protección judicial",
        "Retorno y repatriación",
        "Reintegración",
        "Seguimiento del caso",
        "Responsable: Fiscalía Provincial de Imbabura",
        // The 24 hours are an activation deadline, for victims located abroad.
        "Retorno y repatriación · Personas ecuatorianas localizadas en el exterior",
        "Activación: dentro de 24 horas desde que se conoce el caso de una presunta víctima",
        // Deadlines are the plan's commitments, in the unit people use.
        "Plazo que compromete el plan: 24 horas (techo que propone la herramienta cantonal: 24 horas)",
        "30 días",
    ] {
        assert!(t.contains(s), "missing {s}");
    }
    // Page numbers "Página N de M" and no watermark on an approved plan.
    assert!(t.contains(&format!("Página 2 de {pages}")));
    assert!(t.contains(&format!("Página {pages} de {pages}")));
    assert!(!t.contains("BORRADOR"));
}

#[test]
fn drafts_carry_the_watermark_on_every_page() {
    let (_dir, path) = write_plan("plan.yaml", base());
    let pdf = render(&plan_of(&path));
    let pages = text(&pdf.document);
    for page in pages.split('\u{c}').filter(|p| !p.is_empty()) {
        assert!(
            page.contains("BORRADOR"),
            "page without watermark: {page:.80}"
        );
    }
}

#[test]
fn markdown_fields_are_formatted_text() {
    let text_md = "Primer párrafo con *énfasis*.\n\n## Subtítulo interno\n\n- uno\n- dos\n\n[sitio](https://example.org)";
    let yaml = mutate(
        "estado: borrador\n",
        &format!(
            "estado: borrador\npresentacion: {}\n",
            serde_json::to_string(text_md).unwrap()
        ),
    );
    let (_dir, path) = write_plan("plan.yaml", yaml);
    let t = flat(&render(&plan_of(&path)));
    for s in [
        "Primer párrafo con énfasis.",
        "Subtítulo interno",
        "uno",
        "dos",
        "sitio",
    ] {
        assert!(t.contains(s), "missing {s}");
    }
    assert!(!t.contains("## Subtítulo") && !t.contains("*énfasis*"));
}

/// Strings made of Typst and HTML syntax, put in every kind of text field.
const ADVERSARIAL: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#image(\"/etc/hostname\")",
    "= encabezado falso",
    "$x^2$ y @referencia y <etiqueta>",
    "[corchetes] \\barra `codigo` #let x = 1",
    "#{ panic(\"boom\") }",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{plantilla}} y */ comentario",
];

#[test]
fn plan_text_is_data_never_typst_code() {
    for s in ADVERSARIAL {
        let q = serde_json::to_string(s).unwrap();
        let yaml = common::plan_hostil(s).replace(
            "estado: borrador\n",
            &format!("estado: borrador\npresentacion: {q}\n"),
        );
        let (_dir, path) = write_plan("plan.yaml", &yaml);
        let pdf = render(&plan_of(&path));
        let t = flat(&pdf);
        // What the plan says appears literally, in each of the four fields.
        let visible = common::plano(s);
        assert!(
            t.matches(&visible).count() >= 4,
            "`{s}` not shown literally 4 times"
        );
        // Nothing of the files it names was read, and no heading was added to the outline.
        assert!(!t.contains("root:x:0:0"), "a file was read");
        assert!(!text_has_heading(&t, "encabezado falso"));
    }
}

fn text_has_heading(t: &str, h: &str) -> bool {
    t.contains(&format!("Índice {h}"))
}

#[test]
fn ten_thousand_character_word_does_not_break_the_build() {
    let count_a = |descripcion: &str| {
        let yaml = mutate(
            "descripcion: Talleres en colegios",
            &format!("descripcion: {descripcion}"),
        );
        let (_dir, path) = write_plan("plan.yaml", yaml);
        let pdf = render(&plan_of(&path));
        // Letters `a` in runs of two or more: Spanish text around has none.
        text(&pdf.document)
            .replace('\u{200b}', "")
            .split(|c| c != 'a')
            .filter(|run| run.len() >= 2)
            .map(str::len)
            .sum::<usize>()
    };
    // The word is laid out whole, broken across lines and pages, in both places that show an
    // action's description: the action matrix and the schedule.
    assert_eq!(count_a("x"), 0);
    assert_eq!(count_a(&"a".repeat(10_000)), 2 * 10_000);
}

#[test]
fn all_example_plans_render() {
    let examples = cantonal::carpeta::plan_files(&[std::path::PathBuf::from("plans")]).unwrap();
    assert_eq!(examples.len(), 7);
    for path in examples {
        let plan = plan_of(&path);
        let t = flat(&render(&plan));
        assert!(
            t.contains(&format!("Cantón {}", plan.canton.nombre)),
            "{}",
            path.display()
        );
    }
}

#[test]
fn builds_are_reproducible() {
    let a = ibarra().bytes;
    let b = ibarra().bytes;
    assert_eq!(a.len(), b.len());
    assert!(a == b, "two builds differ");
    // Through the command line too, with SOURCE_DATE_EPOCH unset and set.
    let dir = tempfile::tempdir().unwrap();
    let out1 = dir.path().join("1.pdf");
    let out2 = dir.path().join("2.pdf");
    for out in [&out1, &out2] {
        let o = cantonal(&["generar", "plans/ibarra.yaml", "-o", out.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert!(std::fs::read(&out1).unwrap() == std::fs::read(&out2).unwrap());
}

#[test]
fn a_plan_with_errors_is_not_rendered() {
    let yaml = mutate(
        "responsable: ccpd\n    indicador: { nombre: Sesiones",
        "responsable: cpd\n    indicador: { nombre: Sesiones",
    );
    let (dir, path) = write_plan("plan.yaml", yaml);
    let o = cantonal(&["generar", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        out.contains("error[R002]: el actor `cpd` no existe"),
        "{out}"
    );
    assert!(err.contains("no se generó el documento"), "{err}");
    assert!(!dir.path().join("plan.pdf").exists());
}

#[test]
fn broken_override_is_located_and_leaves_the_previous_pdf_untouched() {
    let (dir, path) = write_plan("plan.yaml", base());
    let pdf_path = dir.path().join("plan.pdf");
    let o = cantonal(&["generar", path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let good = std::fs::read(&pdf_path).unwrap();

    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir(&plantillas).unwrap();
    std::fs::write(
        plantillas.join("estilos.typ"),
        "#let azul = rgb(\"#123456\")\n#let md(x) = [\n#let roto = (\n",
    )
    .unwrap();
    let o = cantonal(&[
        "generar",
        path.to_str().unwrap(),
        "--plantillas",
        plantillas.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let located = format!("{}:", plantillas.join("estilos.typ").display());
    assert!(err.contains(&located), "no file:line:col in {err}");
    assert!(
        std::fs::read(&pdf_path).unwrap() == good,
        "previous PDF was modified"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn one_template_file_can_be_overridden() {
    let (dir, path) = write_plan("plan.yaml", base());
    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir(&plantillas).unwrap();
    std::fs::write(
        plantillas.join("plan.typ"),
        "#import \"estilos.typ\": *\n#let d = json(\"/plan.json\")\n#set document(title: \"Plan propio\")\nPlantilla propia para #d.canton.nombre: #d.presupuesto.total_texto\n",
    )
    .unwrap();
    let plan = plan_of(&path);
    let pdf = pdf(
        &plan,
        Referencia::pacta(),
        None,
        Plantillas::new(Some(plantillas)).unwrap(),
        PdfConfig::default(),
    )
    .unwrap();
    assert_eq!(pdf.document.pages().len(), 1);
    assert!(flat(&pdf).contains("Plantilla propia para Ibarra: USD 10.200,00"));
}

#[test]
fn templates_cannot_read_files() {
    let (dir, path) = write_plan("plan.yaml", base());
    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir(&plantillas).unwrap();
    std::fs::write(plantillas.join("plan.typ"), "#read(\"/etc/passwd\")").unwrap();
    let plan = plan_of(&path);
    let err = pdf(
        &plan,
        Referencia::pacta(),
        None,
        Plantillas::new(Some(plantillas)).unwrap(),
        PdfConfig::default(),
    )
    .err()
    .expect("reading /etc/passwd must fail");
    assert!(err[0].to_string().contains("plan.typ:1:"), "{}", err[0]);
}

#[test]
fn pdf_a_2b_is_declared() {
    let plan = plan_of(Path::new("plans/ibarra.yaml"));
    let pdf = pdf(
        &plan,
        Referencia::pacta(),
        None,
        Plantillas::default(),
        PdfConfig { pdf_a: true },
    )
    .unwrap();
    let bytes = String::from_utf8_lossy(&pdf.bytes);
    assert!(
        bytes.contains("pdfaid:part") && bytes.contains("pdfaid:conformance"),
        "no PDF/A metadata"
    );
}

#[test]
fn the_pdf_file_itself_has_the_text() {
    // A check on the written file, through a PDF text extractor (.ci/run installs poppler-utils).
    if !crate::common::poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ibarra.pdf");
    let o = cantonal(&["generar", "plans/ibarra.yaml", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let txt = std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let t = String::from_utf8_lossy(&txt.stdout);
    for s in [
        "Plan cantonal contra la trata de personas",
        "Ruta de atención a víctimas",
        "Página 1 de",
    ] {
        assert!(t.contains(s), "pdftotext: missing {s}");
    }
}
