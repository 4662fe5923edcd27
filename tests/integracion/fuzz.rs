//! A property-test harness over load → validate → document → Typst layout, bounded in cases so
//! that it runs in CI in a few seconds. Inputs are plans broken in random ways (bytes inserted,
//! deleted or replaced, lines duplicated, values swapped for hostile text) and random bytes.
//! Properties: nothing panics; every diagnostic is located inside the file; a plan without errors
//! always renders. Review observations files get the same treatment against a valid plan: a file
//! without errors always gives a review copy. Three generators aim at known weak spots: deep
//! nesting (YAML and Markdown), amounts written in every way (separators, signs, exponents, huge
//! integers), and hostile names for templates, national references and observed paths.

use crate::common;

use std::path::Path;

use cantonal::plan::load::load_bytes;
use cantonal::reference::nacional::Referencia;
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::PdfConfig;
use cantonal::rules::Opciones;
use cantonal::validacion::comprobar;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "<script>x</script>",
    "{{x}}",
    "&a [*a, *a]",
    "\t",
    "- - - -",
    ": : :",
    "\"",
    "'",
    "[",
    "{",
    "!!binary AAAA",
    "2026-02-30",
    "-1e309",
    "\u{feff}",
    "ñandú",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    DuplicateLine(usize),
    ReplaceValue(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = prop_oneof![
        prop::sample::select(HOSTILE).prop_map(str::to_owned),
        "[ -~]{0,12}",
        prop::collection::vec(any::<char>(), 0..6).prop_map(|v| v.into_iter().collect()),
    ];
    prop_oneof![
        (any::<usize>(), text.clone()).prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<usize>(), 0usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), text).prop_map(|(i, s)| Edit::ReplaceValue(i, s)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        match e {
            Edit::Insert(i, s) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            Edit::Delete(i, n) => {
                let at = i % (bytes.len() + 1);
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::DuplicateLine(i) => {
                let s = String::from_utf8_lossy(&bytes).into_owned();
                let lines: Vec<&str> = s.split('\n').collect();
                let k = i % lines.len();
                let mut out = lines.clone();
                out.insert(k, lines[k]);
                bytes = out.join("\n").into_bytes();
            }
            Edit::ReplaceValue(i, v) => {
                let s = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<String> = s.split('\n').map(str::to_owned).collect();
                let k = i % lines.len();
                if let Some(colon) = lines[k].find(": ") {
                    lines[k] = format!(
                        "{}: {}",
                        &lines[k][..colon],
                        serde_json::to_string(v).unwrap()
                    );
                }
                bytes = lines.join("\n").into_bytes();
            }
        }
    }
    bytes
}

/// Loads and checks `bytes`; checks the properties; returns whether the plan had no errors.
fn properties(bytes: &[u8], render: bool) -> Result<bool, TestCaseError> {
    let validado = comprobar(
        load_bytes(Path::new("plan.yaml"), bytes),
        Opciones::default(),
    );
    let (loaded, diags) = (&validado.loaded, &validado.diagnostics);
    located(&loaded.texto, diags)?;
    let ok = !diags
        .iter()
        .any(|d| d.severidad == cantonal::diagnostics::Severidad::Error);
    if ok && render {
        let plan = loaded
            .datos
            .as_ref()
            .expect("a plan without errors has a typed plan");
        let pdf = common::pdf(
            plan,
            Referencia::pacta(),
            None,
            Plantillas::default(),
            PdfConfig::default(),
        );
        prop_assert!(pdf.is_ok(), "a valid plan did not render: {:?}", pdf.err());
    }
    Ok(ok)
}

/// Every diagnostic points inside `texto` and says something.
fn located(texto: &str, diags: &[cantonal::diagnostics::Diagnostic]) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = texto.split('\n').collect();
    for d in diags {
        prop_assert!(d.linea >= 1 && d.columna >= 1, "{d:?}");
        prop_assert!(
            d.linea <= lines.len().max(1),
            "line {} of {} in {d:?}",
            d.linea,
            lines.len()
        );
        let width = lines.get(d.linea - 1).map_or(0, |l| l.chars().count());
        prop_assert!(
            d.columna <= width + 1,
            "column {} of {width} in {d:?}",
            d.columna
        );
        prop_assert!(!d.mensaje.is_empty() && !d.ayuda.is_empty());
    }
    Ok(())
}

fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("CANTONAL_FUZZ_CASOS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    // A fixed seed: CI runs the same cases every time; CANTONAL_FUZZ_SEMILLA explores others.
    let seed: u64 = std::env::var("CANTONAL_FUZZ_SEMILLA")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2026);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

#[test]
fn broken_plans_never_panic_and_are_always_located() {
    let base = common::base();
    runner(400)
        .run(&prop::collection::vec(edit(), 1..6), |edits| {
            properties(&apply(&base, &edits), false).map(|_| ())
        })
        .unwrap();
}

#[test]
fn random_bytes_never_panic() {
    runner(300)
        .run(&prop::collection::vec(any::<u8>(), 0..2000), |bytes| {
            properties(&bytes, false).map(|_| ())
        })
        .unwrap();
}

#[test]
fn plans_that_validate_always_render() {
    // Value replacements only, so that many cases stay valid and reach the Typst layout.
    let base = common::base();
    let replace = (
        any::<usize>(),
        prop::sample::select(HOSTILE).prop_map(str::to_owned),
    )
        .prop_map(|(i, s)| Edit::ReplaceValue(i, s));
    let rendered = std::sync::atomic::AtomicUsize::new(0);
    runner(24)
        .run(&prop::collection::vec(replace, 1..3), |edits| {
            if properties(&apply(&base, &edits), true)? {
                rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    assert!(rendered.into_inner() > 0, "no case reached the layout");
}

#[test]
fn broken_observations_never_panic_and_a_valid_review_copy_renders() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.yaml");
    std::fs::write(&plan_path, common::base()).unwrap();
    let plan = cantonal::validar(&plan_path, Opciones::default());
    let obs_path = dir.path().join("plan.observaciones.yaml");
    let obs = "revisor: Asesoría técnica\nfecha: 2026-03-10\nobservaciones:\n  - ruta: acciones.A1.indicador.meta\n    texto: La *meta* es alta.\n  - { ruta: riesgos.R2, texto: Revisar, estado: resuelta }\n  - ruta: ruta_atencion.atencion_salud\n    texto: Falta el plazo.\n  - ruta: presentacion\n    texto: Falta la presentación.\n";
    let rendered = std::cell::Cell::new(0);
    runner(150)
        .run(&prop::collection::vec(edit(), 1..6), |edits| {
            std::fs::write(&obs_path, apply(obs, &edits)).unwrap();
            let rev = cantonal::rules::revision::Revision::new(&obs_path, &plan.loaded);
            located(&rev.loaded.texto, &rev.diagnostics)?;
            if !rev.tiene_errores() && rev.loaded.datos.is_some() {
                let p = plan.loaded.datos.as_ref().unwrap();
                let html = common::hbs_text(
                    p,
                    Referencia::pacta(),
                    Some(&rev),
                    &Plantillas::default(),
                    common::Formato::Html,
                );
                prop_assert!(html.is_ok(), "{:?}", html.err());
                // Typst layout is the slow part: lay out one valid review copy in five.
                if rendered.get() % 5 == 0 {
                    let pdf = common::pdf(
                        p,
                        Referencia::pacta(),
                        Some(&rev),
                        Plantillas::default(),
                        PdfConfig::default(),
                    );
                    prop_assert!(pdf.is_ok(), "{:?}", pdf.err());
                }
                rendered.set(rendered.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    assert!(
        rendered.get() > 10,
        "too few valid cases: {}",
        rendered.get()
    );
}

/// Markdown nesting markers, repeated to any depth.
const MARCAS: &[&str] = &[
    ">", "> ", "- ", "* ", "1. ", "*", "_", "**", "~~", "[", "> - ", "  - ",
];

fn plan_con_descripcion(md: &str) -> String {
    let indentado = md.replace('\n', "\n    ");
    common::base().replace(
        "seguimiento: { responsable: ccpd, frecuencia: trimestral }",
        &format!(
            "seguimiento:\n  responsable: ccpd\n  frecuencia: trimestral\n  descripcion: |\n    {indentado}\n"
        ),
    )
}

#[test]
fn deep_nesting_never_overflows_and_valid_texts_render() {
    let marcas = (
        prop::sample::select(MARCAS),
        0usize..4000,
        prop::sample::select(MARCAS),
        0usize..40,
    );
    let rendered = std::cell::Cell::new(0);
    runner(40)
        .run(&marcas, |(a, n, b, m)| {
            let md = format!("{}{}texto", a.repeat(n), b.repeat(m));
            // The tree builder is bounded whatever the text, and its JSON stays linear.
            let blocks = cantonal::documento::cmark::parse(&md);
            let json = serde_json::to_string(&blocks).unwrap();
            prop_assert!(
                json.len() < 8 * md.len() + 1000,
                "{} for {}",
                json.len(),
                md.len()
            );
            let ok = properties(plan_con_descripcion(&md).as_bytes(), false)?;
            if ok {
                let loaded = load_bytes::<cantonal::plan::model::Plan>(
                    Path::new("plan.yaml"),
                    plan_con_descripcion(&md).as_bytes(),
                );
                let plan = loaded.datos.as_ref().unwrap();
                let out = common::json(plan, Referencia::pacta(), None);
                prop_assert!(out.contains("\"descripcion\""));
                rendered.set(rendered.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    assert!(rendered.get() > 0, "no case was shallow enough to render");
    // YAML nesting: brackets, braces and dashes beyond the parser's limit.
    runner(30)
        .run(
            &(
                prop::sample::select(&["[", "{a: ", "- ", "[{x: ", "? "][..]),
                1usize..3000,
            ),
            |(marca, n)| {
                properties(format!("formato: {}\n", marca.repeat(n)).as_bytes(), false).map(|_| ())
            },
        )
        .unwrap();
}

/// Ways of writing an amount: digits with and without separators, signs, decimals, exponents,
/// currency symbols, and integers far beyond any type.
fn monto() -> impl Strategy<Value = String> {
    prop_oneof![
        "[+-]?[0-9]{1,4}([.,][0-9]{3}){0,3}([.,][0-9]{1,4})?",
        "[+-]?[0-9]{1,3}(\\.[0-9]{1,2})?[eE][+-]?[0-9]{1,3}",
        "[0-9]{10,40}",
        "(\\$|USD |US\\$)?[0-9]{1,6}([.,][0-9]{2})?",
        prop::sample::select(
            &[
                "-0",
                "-0.0",
                "0x1F4",
                "0o17",
                ".5",
                "1_000",
                ".inf",
                "-.inf",
                ".nan",
                "1e309",
                "9007199254740993",
                "1000000000",
                "1000000000.01"
            ][..]
        )
        .prop_map(str::to_owned),
    ]
}

#[test]
fn amounts_in_every_notation_are_read_as_written_or_refused() {
    let base = common::base();
    runner(300)
        .run(&(monto(), any::<bool>()), |(m, bloque)| {
            // In `{ … }` (where a comma splits the value) and in block style.
            let text = if bloque {
                base.replace(
                    "    presupuesto: { monto: 4500.00, fuente: GAD Municipal }",
                    &format!("    presupuesto:\n      monto: {m}\n      fuente: GAD Municipal"),
                )
            } else {
                base.replace("monto: 4500.00", &format!("monto: {m}"))
            };
            if !properties(text.as_bytes(), false)? {
                return Ok(());
            }
            // Accepted: digits, at most two decimals, no sign of zero, within the maximum; and
            // the value is the one written.
            let plan =
                load_bytes::<cantonal::plan::model::Plan>(Path::new("plan.yaml"), text.as_bytes())
                    .datos
                    .unwrap();
            let monto = plan.acciones[0].presupuesto.as_ref().unwrap().monto;
            let escrito = m.trim_start_matches('+');
            prop_assert!(monto.is_finite() && monto.abs() <= 1e9, "{m} → {monto}");
            prop_assert!(
                escrito
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
                    && escrito.split('.').nth(1).is_none_or(|d| d.len() <= 2),
                "{m} accepted"
            );
            prop_assert_eq!(escrito.parse::<f64>().ok(), Some(monto), "{}", m);
            // Every amount and total of the JSON output is a number, never null nor -0.
            let json: serde_json::Value =
                serde_json::from_str(&common::json(&plan, Referencia::pacta(), None)).unwrap();
            let mut cifras = Vec::new();
            cifras_de(&json, &mut cifras);
            prop_assert!(cifras.len() >= 3);
            for c in cifras {
                let v = c.as_f64();
                prop_assert!(
                    v.is_some_and(|v| v.is_finite() && !(v == 0.0 && v.is_sign_negative())),
                    "{m}: {c}"
                );
            }
            Ok(())
        })
        .unwrap();
}

/// The values of every `monto` and `total` of a JSON document.
fn cifras_de<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k == "monto" || k == "total" {
                    out.push(v);
                }
                cifras_de(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| cifras_de(v, out)),
        _ => {}
    }
}

/// Names that try to reach out of a folder, or that no file system likes.
fn nombre_hostil() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "../../etc/passwd",
                "/etc/passwd",
                "..",
                ".",
                "",
                ".oculto",
                "nacional/../../x",
                "a/../../b",
                "C:\\Windows\\win.ini",
                "\\\\servidor\\c",
                "plan.typ/..",
                "~/x",
                "con",
                "nul.yaml",
                "plan.typ\u{0}",
                "\u{202e}txt.exe",
                "a\nb",
            ][..]
        )
        .prop_map(str::to_owned),
        "[./a-z\\\\~:-]{1,24}",
        prop::collection::vec(any::<char>(), 1..12).prop_map(|v| v.into_iter().collect()),
    ]
}

#[test]
fn hostile_names_never_reach_out_of_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir_all(plantillas.join("sub")).unwrap();
    std::fs::write(plantillas.join("plan.md.hbs"), "propia").unwrap();
    std::fs::write(plantillas.join("sub").join("x.typ"), "anidada").unwrap();
    std::fs::write(dir.path().join("secreto.typ"), "SECRETO").unwrap();
    let plan_dir = dir.path().join("plan");
    std::fs::create_dir_all(plan_dir.join("nacional")).unwrap();
    std::fs::write(dir.path().join("afuera.yaml"), "SECRETO").unwrap();
    let t = Plantillas::new(Some(plantillas.clone())).unwrap();
    let plan = {
        std::fs::write(plan_dir.join("plan.yaml"), common::base()).unwrap();
        cantonal::validar(&plan_dir.join("plan.yaml"), Opciones::default())
    };
    let obs_path = plan_dir.join("plan.observaciones.yaml");
    runner(300)
        .run(&nombre_hostil(), |nombre| {
            // A template name: only a plain name of the folder, or an embedded template.
            match t.get(&nombre) {
                Ok(Some(p)) => prop_assert!(
                    p.origen.starts_with("plantilla incorporada") || p.texto == "propia",
                    "{nombre:?} served {}",
                    p.origen
                ),
                Ok(None) => {}
                Err(e) => prop_assert!(!e.to_string().contains("SECRETO"), "{e}"),
            }
            // A national reference id: never a file outside `nacional/`, never a panic.
            let r = cantonal::reference::resolucion::resolve(&plan_dir, &nombre);
            if let cantonal::reference::resolucion::Resolved::Invalid(m) = &r {
                prop_assert!(!m.contains("SECRETO"), "{m}");
            }
            prop_assert!(
                !matches!(r, cantonal::reference::resolucion::Resolved::Disk(_)),
                "{nombre:?} read a reference from disk"
            );
            // An observed path: always located, whatever it says.
            let obs = format!(
                "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - ruta: {}\n    texto: Revisar.\n",
                serde_json::to_string(&nombre).unwrap()
            );
            std::fs::write(&obs_path, obs).unwrap();
            let rev = cantonal::rules::revision::Revision::new(&obs_path, &plan.loaded);
            located(&rev.loaded.texto, &rev.diagnostics)
        })
        .unwrap();
}

/// A crest file: a PNG or JPEG header declaring any size (from 1 pixel to billions a side),
/// followed by random bytes, or random bytes alone.
fn imagen_hostil() -> impl Strategy<Value = Vec<u8>> {
    let lado = prop_oneof![1u32..4000, 4000u32..100_000, Just(u32::MAX), Just(1 << 30)];
    let resto = prop::collection::vec(any::<u8>(), 0..64);
    prop_oneof![
        (lado.clone(), lado.clone(), resto.clone()).prop_map(|(a, b, resto)| {
            let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
            png.extend(a.to_be_bytes());
            png.extend(b.to_be_bytes());
            png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
            png.extend(resto);
            png
        }),
        (any::<u16>(), any::<u16>(), resto.clone()).prop_map(|(a, b, resto)| {
            let mut j = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08];
            j.extend(a.to_be_bytes());
            j.extend(b.to_be_bytes());
            j.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
            j.extend(resto);
            j
        }),
        resto,
    ]
}

#[test]
fn hostile_crests_are_refused_or_printed_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(
        &plan,
        common::base().replace(
            "provincia: Imbabura }",
            "provincia: Imbabura, escudo: escudo.img }",
        ),
    )
    .unwrap();
    runner(120)
        .run(&imagen_hostil(), |bytes| {
            std::fs::write(dir.path().join("escudo.img"), &bytes).unwrap();
            let v = cantonal::validar(&plan, Opciones::default());
            located(&v.loaded.texto, &v.diagnostics)?;
            if let Ok(documento) = v.documento() {
                // A crest that passed the checks prints in every format that draws it.
                for formato in ["pdf", "docx"] {
                    let r = cantonal::render::formato(formato).unwrap().render(
                        cantonal::render::Pieza::Plan {
                            plan: v.plan().unwrap(),
                            documento: &documento,
                        },
                        &Default::default(),
                    );
                    prop_assert!(r.is_ok(), "{formato}: {:?}", r.err());
                }
            }
            Ok(())
        })
        .unwrap();
}

/// A workbook: a ZIP whose parts are random, oversized, or a real template's with one cell
/// moved anywhere in the sheet.
fn libro_hostil(plantilla: Vec<(String, Vec<u8>)>) -> impl Strategy<Value = Vec<u8>> {
    let celda = (0u32..1_100_000, 0u32..16_400);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        (celda, Just(plantilla)).prop_map(|((fila, columna), partes)| {
            use std::io::Write;
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let o = zip::write::SimpleFileOptions::default();
            for (nombre, bytes) in partes {
                zip.start_file(nombre.as_str(), o).unwrap();
                if nombre == "xl/worksheets/sheet2.xml" {
                    let texto = String::from_utf8_lossy(&bytes).replace(
                        "</sheetData>",
                        &format!(
                            "<row r=\"{}\"><c r=\"{}\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>",
                            fila + 1,
                            cantonal::taller::libro::direccion(fila, columna)
                        ),
                    );
                    zip.write_all(texto.as_bytes()).unwrap();
                } else {
                    zip.write_all(&bytes).unwrap();
                }
            }
            zip.finish().unwrap().into_inner()
        }),
    ]
}

#[test]
fn hostile_workbooks_are_refused_in_spanish_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let libro = dir.path().join("taller.xlsx");
    common::cantonal_ok(&[
        "plantilla-taller",
        "--canton",
        "Ibarra",
        "-o",
        libro.to_str().unwrap(),
    ]);
    let partes: Vec<(String, Vec<u8>)> = common::archivos_zip(&std::fs::read(&libro).unwrap())
        .into_iter()
        .collect();
    let destino = dir.path().join("hostil.xlsx");
    runner(40)
        .run(&libro_hostil(partes), |bytes| {
            std::fs::write(&destino, &bytes).unwrap();
            let importado =
                cantonal::taller::importar::importar(&destino, &dir.path().join("plan.yaml"));
            for d in &importado.diagnostics {
                prop_assert!(
                    !d.mensaje.contains("error:") && !d.mensaje.is_empty(),
                    "{d:?}"
                );
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_draft_preview_of_a_broken_plan_always_lays_out() {
    let base = common::base();
    let dibujados = std::sync::atomic::AtomicUsize::new(0);
    runner(40)
        .run(&prop::collection::vec(edit(), 1..5), |edits| {
            let validado = comprobar(
                load_bytes(Path::new("plan.yaml"), &apply(&base, &edits)),
                Opciones::default(),
            );
            if let Some((documento, _)) = validado.documento_borrador() {
                let world = cantonal::render::typst::PlanWorld::new(
                    &documento,
                    Plantillas::default(),
                    documento.fecha,
                );
                let r = cantonal::render::typst::compile(&world);
                prop_assert!(r.is_ok(), "a draft did not lay out: {:?}", r.err());
                dibujados.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    assert!(dibujados.into_inner() > 20, "few cases reached the layout");
}
