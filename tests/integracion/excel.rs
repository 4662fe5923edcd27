//! The Excel side: a plan's and a report's workbooks (`--formato xlsx`), the workshop template
//! (`plantilla-taller`) and its import (`importar`). Sheets parsed as XML (frozen headers,
//! filters, number and date formats, drop-down lists), cells read back with calamine, hostile
//! text that stays text, located import errors, the plan → template → plan round trip for every
//! example, and the files opened by LibreOffice (all sheets to CSV; the template to ODS and
//! imported back).

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{base, cantonal, cantonal_ok, partes, write_plan};
use calamine::{Data, Reader, open_workbook_auto};
use cantonal::rules::Opciones;

const EJEMPLOS: &[&str] = &[
    "colta",
    "cotacachi",
    "guamote",
    "ibarra",
    "lago-agrio",
    "otavalo",
    "santo-domingo",
];

/// Sheet name → its XML part, through the workbook's relationships.
fn hojas(p: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let wb = roxmltree::Document::parse(&p["xl/workbook.xml"]).unwrap();
    let rels = roxmltree::Document::parse(&p["xl/_rels/workbook.xml.rels"]).unwrap();
    wb.descendants()
        .filter(|n| n.tag_name().name() == "sheet")
        .map(|s| {
            let rid = s.attributes().find(|a| a.name() == "id").unwrap().value();
            let target = rels
                .descendants()
                .find(|r| r.attribute("Id") == Some(rid))
                .unwrap()
                .attribute("Target")
                .unwrap();
            let part = format!("xl/{}", target.trim_start_matches("/xl/"));
            (s.attribute("name").unwrap().to_owned(), p[&part].clone())
        })
        .collect()
}

/// A workbook's cells, sheet → rows of text (numbers as Rust prints them, dates as dates).
pub(crate) fn celdas(archivo: &Path) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut wb = open_workbook_auto(archivo).unwrap();
    let nombres = wb.sheet_names().to_vec();
    nombres
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            let filas = r
                .rows()
                .map(|f| {
                    f.iter()
                        .map(|c| match c {
                            Data::DateTime(d) => d.as_datetime().unwrap().date().to_string(),
                            c => c.to_string(),
                        })
                        .collect()
                })
                .collect();
            (n, filas)
        })
        .collect()
}

fn render(nombre: &str, plan: &Path) -> Vec<u8> {
    common::generado(nombre, plan, None)
}

/// `cantonal importar LIBRO -o SALIDA` with further arguments.
pub(crate) fn importar(libro: &Path, salida: &Path, mas: &[&str]) -> std::process::Output {
    let mut args = vec![
        "importar",
        libro.to_str().unwrap(),
        "-o",
        salida.to_str().unwrap(),
    ];
    args.extend_from_slice(mas);
    cantonal(&args)
}

#[test]
fn plan_workbook_sheets_numbers_dates_frozen_filtered() {
    let bytes = render("xlsx", Path::new("plans/ibarra.yaml"));
    let p = partes(&bytes);
    let h = hojas(&p);
    assert_eq!(
        h.keys().cloned().collect::<Vec<_>>(),
        [
            "Acciones",
            "Actores",
            "Presupuesto",
            "Riesgos",
            "Ruta de atención"
        ]
    );
    for (nombre, xml) in &h {
        let d = roxmltree::Document::parse(xml).unwrap();
        let pane = d
            .descendants()
            .find(|n| n.tag_name().name() == "pane")
            .unwrap_or_else(|| panic!("{nombre}: no frozen pane"));
        assert_eq!(pane.attribute("state"), Some("frozen"), "{nombre}");
        assert_eq!(pane.attribute("ySplit"), Some("1"), "{nombre}");
        assert!(
            d.descendants().any(|n| n.tag_name().name() == "autoFilter"),
            "{nombre}"
        );
        assert!(
            d.descendants().any(|n| n.tag_name().name() == "col"),
            "{nombre}"
        );
        // No cell of ours is a formula.
        assert!(
            !d.descendants().any(|n| n.tag_name().name() == "f"),
            "{nombre}"
        );
    }
    let styles = &p["xl/styles.xml"];
    assert!(styles.contains("&quot;USD&quot; #,##0.00"), "{styles}");
    assert!(styles.contains("yyyy-mm-dd"), "{styles}");
    let (_dir, archivo) = write_plan("ibarra.xlsx", &bytes);
    let c = celdas(&archivo);
    let plan = cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default());
    let plan = plan.plan().unwrap();
    let acciones = &c["Acciones"];
    assert_eq!(acciones[0][0], "Id");
    for (fila, a) in acciones[1..].iter().zip(&plan.acciones) {
        assert_eq!(fila[0], a.id);
        assert_eq!(fila[12], a.plazo.inicio.to_string());
        assert_eq!(fila[13], a.plazo.fin.to_string());
        let monto = a
            .presupuesto
            .as_ref()
            .map_or(String::new(), |m| m.monto.to_string());
        assert_eq!(fila[14], monto, "{}", a.id);
    }
    // Money and dates are typed cells.
    let mut wb = open_workbook_auto(&archivo).unwrap();
    let r = wb.worksheet_range("Acciones").unwrap();
    assert!(matches!(r.get((1, 12)), Some(Data::DateTime(_))));
    assert!(matches!(r.get((1, 14)), Some(Data::Float(_))));
}

#[test]
fn report_workbook_one_row_per_plan() {
    let dir = tempfile::tempdir().unwrap();
    let salida = dir.path().join("informe.xlsx");
    cantonal_ok(&[
        "informe",
        "plans",
        "--formato",
        "xlsx",
        "-o",
        salida.to_str().unwrap(),
    ]);
    let c = celdas(&salida);
    assert_eq!(
        c.keys().cloned().collect::<Vec<_>>(),
        [
            "Ejes",
            "Fines",
            "Observaciones",
            "Planes",
            "Presupuesto",
            "Ruta de atención",
            "Seguimiento"
        ]
    );
    // The execution sheet has a row per plan with a monitoring file beside it.
    let con_seguimiento = EJEMPLOS
        .iter()
        .filter(|e| Path::new(&format!("plans/{e}.seguimiento.yaml")).exists())
        .count();
    for (nombre, filas) in &c {
        let planes = if nombre == "Seguimiento" {
            con_seguimiento
        } else {
            EJEMPLOS.len()
        };
        assert_eq!(filas.len(), 1 + planes, "{nombre}");
        assert_eq!(filas[0][0], "Cantón", "{nombre}");
    }
    let json = cantonal_ok(&["informe", "plans", "--formato", "json"]);
    let inf: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for (i, p) in inf["planes"].as_array().unwrap().iter().enumerate() {
        let fila = &c["Presupuesto"][i + 1];
        assert_eq!(fila[0], p["etiqueta"].as_str().unwrap());
        assert_eq!(
            fila.last().unwrap(),
            &p["presupuesto"].as_f64().unwrap().to_string()
        );
        let ejes = &c["Ejes"][i + 1];
        for (j, e) in p["por_eje"].as_array().unwrap().iter().enumerate() {
            assert_eq!(ejes[3 + j], e["acciones"].as_u64().unwrap().to_string());
        }
        // Each canton's execution at its latest cut, as numbers (a row per monitoring file).
        let s = &p["seguimiento"];
        let seguimiento = c["Seguimiento"]
            .iter()
            .find(|f| f[0] == p["etiqueta"].as_str().unwrap());
        let Some(seguimiento) = seguimiento else {
            assert!(s.is_null(), "{}", p["etiqueta"]);
            continue;
        };
        assert_eq!(seguimiento[5], s["a_tiempo"].as_u64().unwrap().to_string());
        assert_eq!(seguimiento[8], s["ejecutado"].as_f64().unwrap().to_string());
    }
    let abiertas = &c["Observaciones"];
    assert!(
        abiertas
            .iter()
            .any(|f| f[0] == "Otavalo" && f[4] != "sin archivo de observaciones")
    );
}

/// The template of `plan`, imported back: the plan's text and the import's diagnostics.
fn ida_y_vuelta(plan: &Path, dir: &Path) -> (PathBuf, cantonal::taller::importar::Importado) {
    let v = cantonal::validar(plan, Opciones::default());
    let bytes =
        cantonal::taller::plantilla::plantilla(v.referencia().unwrap(), v.plan(), &[]).unwrap();
    let libro = dir.join("taller.xlsx");
    std::fs::write(&libro, bytes).unwrap();
    let salida = dir.join("importado.yaml");
    (
        libro.clone(),
        cantonal::taller::importar::importar(&libro, &salida),
    )
}

fn sin_cambios(original: &Path, texto: &str) {
    let a = cantonal::validar(original, Opciones::default());
    let b = cantonal::validar_texto(Path::new("importado.yaml"), texto, Opciones::default());
    let c = cantonal::diff::comparar(
        a.plan().unwrap(),
        b.plan().unwrap(),
        a.referencia().unwrap(),
    );
    assert!(
        c.cambios.is_empty(),
        "{}: {:#?}",
        original.display(),
        c.cambios
    );
}

#[test]
fn every_example_plan_round_trips_through_the_workshop_workbook() {
    for e in EJEMPLOS {
        let dir = tempfile::tempdir().unwrap();
        let plan = PathBuf::from(format!("plans/{e}.yaml"));
        let (_, imp) = ida_y_vuelta(&plan, dir.path());
        let texto = imp
            .texto
            .unwrap_or_else(|| panic!("{e}: {:#?}", imp.diagnostics));
        assert!(
            texto.contains("# Acciones (hoja Acciones). Lo que se hará"),
            "{texto}"
        );
        sin_cambios(&plan, &texto);
        // The same diagnostics as the original plan, by code and path.
        let original = cantonal::validar(&plan, Opciones::default());
        let codigos = |ds: &[cantonal::diagnostics::Diagnostic]| {
            let mut v: Vec<(String, String)> = ds
                .iter()
                .map(|d| (d.codigo.to_owned(), d.ruta.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            codigos(&imp.diagnostics),
            codigos(&original.diagnostics),
            "{e}"
        );
    }
}

#[test]
fn template_has_explanations_and_drop_down_lists() {
    let dir = tempfile::tempdir().unwrap();
    let libro = dir.path().join("t.xlsx");
    let out = cantonal_ok(&[
        "plantilla-taller",
        "--canton",
        "Otavalo",
        "-o",
        libro.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("cantonal importar"));
    let bytes = std::fs::read(&libro).unwrap();
    let h = hojas(&partes(&bytes));
    let validaciones = |hoja: &str| -> Vec<(String, String)> {
        let d = roxmltree::Document::parse(&h[hoja]).unwrap();
        d.descendants()
            .filter(|n| n.tag_name().name() == "dataValidation")
            .map(|n| {
                (
                    n.attribute("sqref").unwrap().to_owned(),
                    n.descendants()
                        .find(|f| f.tag_name().name() == "formula1")
                        .and_then(|f| f.text())
                        .unwrap_or("")
                        .to_owned(),
                )
            })
            .collect()
    };
    let c = celdas(&libro);
    // Columns are found by their title: the catalogue's label of each field.
    let col = |hoja: &str, titulo: &str| -> String {
        let i = c[hoja][0]
            .iter()
            .position(|t| t == titulo)
            .unwrap_or_else(|| panic!("{hoja} has no column {titulo}: {:?}", c[hoja][0]));
        rust_xlsxwriter::column_number_to_name(i as u16)
    };
    let acciones = validaciones("Acciones");
    let con = |v: &[(String, String)], columna: String, formula: &str| {
        v.iter()
            .any(|(r, f)| *r == format!("{columna}3:{columna}503") && f.starts_with(formula))
    };
    assert!(
        con(
            &acciones,
            col("Acciones", "Objetivo"),
            "'Objetivos'!$A$3:$A$503"
        ),
        "{acciones:?}"
    );
    assert!(
        con(
            &acciones,
            col("Acciones", "Responsable"),
            "'Actores'!$A$3:$A$503"
        ),
        "{acciones:?}"
    );
    assert!(con(
        &acciones,
        col("Acciones", "Monto ya asignado"),
        "\"Sí,No\""
    ));
    let actores = validaciones("Actores");
    assert!(
        con(&actores, col("Actores", "Tipo de actor"), "'Listas'!$"),
        "{actores:?}"
    );
    let riesgos = validaciones("Riesgos");
    assert!(
        con(&riesgos, col("Riesgos", "Probabilidad"), "'Listas'!$"),
        "{riesgos:?}"
    );
    // The lists hold the Spanish names, as the editor shows them.
    let listas = &c["Listas"];
    let probabilidad = listas[0].iter().position(|t| t == "Probabilidad").unwrap();
    assert_eq!(
        listas[1..4]
            .iter()
            .map(|f| f[probabilidad].as_str())
            .collect::<Vec<_>>(),
        ["Alta", "Media", "Baja"]
    );
    assert!(
        listas
            .iter()
            .any(|f| f.iter().any(|v| v == "Explotación laboral"))
    );
    let responsable = c["Acciones"][0]
        .iter()
        .position(|t| t == "Responsable")
        .unwrap();
    assert!(
        c["Acciones"][1][responsable].starts_with("La institución que responde por la acción.")
    );
    let generales = &c["Datos generales"];
    assert!(
        generales
            .iter()
            .any(|f| f[0] == "Nombre del cantón" && f[1] == "Otavalo")
    );
    assert!(
        generales
            .iter()
            .any(|f| f[0] == "Código del cantón" && f[1] == "1004")
    );
    // Never overwritten without --forzar.
    let out = cantonal(&[
        "plantilla-taller",
        "--canton",
        "Otavalo",
        "-o",
        libro.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--forzar"));
}

#[test]
fn import_errors_are_located_by_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // A plan whose action names an actor that does not exist: the rule's diagnostic points to
    // the cell where the workshop wrote it.
    let texto = common::mutate(
        "responsable: gad\n    corresponsables",
        "responsable: gad-ibara\n    corresponsables",
    );
    let (_d, plan) = write_plan("plan.yaml", &texto);
    let libro = dir.path().join("taller.xlsx");
    cantonal_ok(&[
        "plantilla-taller",
        "--desde",
        plan.to_str().unwrap(),
        "-o",
        libro.to_str().unwrap(),
    ]);
    let salida = dir.path().join("plan.yaml");
    let out = importar(&libro, &salida, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("taller.xlsx: hoja Acciones, fila 3, columna Responsable"),
        "{stdout}"
    );
    assert!(stdout.contains("gad-ibara"), "{stdout}");
    assert!(salida.exists());
    // Never overwrites the plan without --forzar.
    let out = importar(&libro, &salida, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ya existe; no se sobrescribe"));
    // JSON: the same shape as `validar`, with the cell.
    let out = importar(&libro, &salida, &["--forzar", "--formato", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = json["archivos"][0]["diagnosticos"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["ruta"] == "acciones.A1.responsable")
        .unwrap()
        .clone();
    assert_eq!(
        d["celda"],
        serde_json::json!({"hoja": "Acciones", "fila": 3, "columna": "Responsable"})
    );
    // `validar`'s JSON has no such field.
    let (_, v) = common::validar_json(&plan, &[]);
    assert!(v["archivos"][0]["diagnosticos"][0].get("celda").is_none());
}

#[test]
fn unreadable_cells_stop_the_import_with_their_location() {
    let dir = tempfile::tempdir().unwrap();
    // A workbook written by another program: the template's cells with a word in a date column.
    let v = cantonal::validar(Path::new("tests/fixtures/base.yaml"), Opciones::default());
    let bytes =
        cantonal::taller::plantilla::plantilla(v.referencia().unwrap(), v.plan(), &[]).unwrap();
    let (_d, plantilla) = write_plan("t.xlsx", bytes);
    let malo = dir.path().join("malo.xlsx");
    common::copia_de_libro(&plantilla, ("Acciones", 2, 14, "marzo"), &malo);
    let salida = dir.path().join("plan.yaml");
    let out = importar(&malo, &salida, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout
            .contains("error[T003]: la celda debería tener una fecha (AAAA-MM-DD) y tiene «marzo»"),
        "{stdout}"
    );
    assert!(
        stdout.contains("malo.xlsx: hoja Acciones, fila 3, columna Inicio"),
        "{stdout}"
    );
    assert!(stderr.contains("no se importó el libro"), "{stderr}");
    assert!(!salida.exists());
    // Not a workbook at all.
    let (_d2, falso) = write_plan("falso.xlsx", "no soy un libro");
    let out = importar(&falso, &salida, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[T001]"));
}

/// Hostile strings (see tests/word.rs), with cells that start like formulas.
const HOSTILES: &[&str] = &[
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-1+2",
    "@SUMA(A1)",
    "{ HYPERLINK \"file:///etc/passwd\" }",
    "#read(\"/etc/passwd\")",
    "<script>alert(1)</script>",
    "{{plantilla}}",
];

#[test]
fn hostile_text_is_stored_as_text_and_round_trips_literally() {
    for s in HOSTILES {
        let q = serde_json::to_string(s).unwrap();
        let texto = base()
            .replace(
                "descripcion: Talleres en colegios",
                &format!("descripcion: {q}"),
            )
            .replace("nombre: GAD Municipal de Ibarra", &format!("nombre: {q}"));
        let (dir, plan) = write_plan("plan.yaml", &texto);
        for bytes in [render("xlsx", &plan), {
            let v = cantonal::validar(&plan, Opciones::default());
            cantonal::taller::plantilla::plantilla(v.referencia().unwrap(), v.plan(), &[]).unwrap()
        }] {
            let p = partes(&bytes);
            for (nombre, xml) in hojas(&p) {
                let d = roxmltree::Document::parse(&xml).unwrap();
                assert!(
                    !d.descendants().any(|n| n.tag_name().name() == "f"),
                    "{s} in {nombre}"
                );
            }
            let (_d, archivo) = write_plan("libro.xlsx", &bytes);
            let c = celdas(&archivo);
            let n = c
                .values()
                .flatten()
                .flatten()
                .filter(|v| v.as_str() == *s)
                .count();
            assert!(n >= 2, "{s}: {n}");
            if s.starts_with(['=', '+', '-', '@']) {
                // The quote prefix keeps the cell text when it is edited.
                assert!(p["xl/styles.xml"].contains("quotePrefix=\"1\""), "{s}");
            }
        }
        let (_, imp) = ida_y_vuelta(&plan, dir.path());
        sin_cambios(&plan, &imp.texto.unwrap());
    }
}

#[test]
fn libreoffice_opens_the_workbooks_and_its_ods_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let perfil = dir.path().join("perfil");
    if common::soffice(&perfil).is_none() {
        return;
    }
    let soffice = || common::soffice(&perfil).unwrap();
    let plan = dir.path().join("ibarra.xlsx");
    let informe = dir.path().join("informe.xlsx");
    let taller = dir.path().join("taller.xlsx");
    cantonal_ok(&[
        "generar",
        "plans/ibarra.yaml",
        "--formato",
        "xlsx",
        "-o",
        plan.to_str().unwrap(),
    ]);
    cantonal_ok(&[
        "informe",
        "plans",
        "--formato",
        "xlsx",
        "-o",
        informe.to_str().unwrap(),
    ]);
    cantonal_ok(&[
        "plantilla-taller",
        "--desde",
        "plans/otavalo.yaml",
        "-o",
        taller.to_str().unwrap(),
    ]);
    // Every sheet of both workbooks to CSV (UTF-8, formatted as shown), in one start.
    let csv = dir.path().join("csv");
    common::convertir(
        soffice(),
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        &csv,
        &[&plan, &informe],
    );
    let leer = |nombre: &str| {
        std::fs::read_to_string(csv.join(nombre)).unwrap_or_else(|e| panic!("{nombre}: {e}"))
    };
    let acciones = leer("ibarra-Acciones.csv");
    let v = cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default());
    for a in &v.plan().unwrap().acciones {
        let fila = acciones
            .lines()
            .find(|l| l.starts_with(&format!("{},", a.id)))
            .unwrap_or_else(|| panic!("{}", a.id));
        assert!(fila.contains(&a.plazo.inicio.to_string()), "{fila}");
        if let Some(m) = &a.presupuesto {
            assert!(
                fila.contains(&format!("USD {}", formato_usd(m.monto))),
                "{fila}"
            );
        }
    }
    let planes = leer("informe-Planes.csv");
    assert_eq!(planes.lines().count(), 1 + EJEMPLOS.len());
    // The template, saved by LibreOffice as ODS, imports back to the same plan.
    let ods_dir = dir.path().join("ods");
    common::convertir(soffice(), "ods", &ods_dir, &[&taller]);
    let imp = cantonal::taller::importar::importar(
        &ods_dir.join("taller.ods"),
        &dir.path().join("o.yaml"),
    );
    let texto = imp
        .texto
        .unwrap_or_else(|| panic!("{:#?}", imp.diagnostics));
    sin_cambios(Path::new("plans/otavalo.yaml"), &texto);
}

/// 4500 → "4,500.00", as LibreOffice shows the format `"USD" #,##0.00` in its default locale.
fn formato_usd(m: f64) -> String {
    let s = format!("{m:.2}");
    let (ent, dec) = s.split_once('.').unwrap();
    let mut out = String::new();
    for (i, ch) in ent.chars().enumerate() {
        if i > 0 && (ent.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out}.{dec}")
}
