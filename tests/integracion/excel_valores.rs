//! What the workshop workbook reads: the values the editor accepts (Spanish names with accents,
//! amounts written «1.500,00»), written back canonical, and workbooks made by an earlier
//! template, which still import.

use crate::common;

use std::path::Path;

use crate::common::cantonal_ok;
use crate::excel::{celdas, importar};
use cantonal::rules::Opciones;

/// The column (0-based) titled `titulo` in the first row of `hoja` of `libro`.
fn columna_de(libro: &Path, hoja: &str, titulo: &str) -> u16 {
    celdas(libro)[hoja][0]
        .iter()
        .position(|t| t == titulo)
        .unwrap_or_else(|| panic!("{hoja}: {titulo}")) as u16
}

#[test]
fn the_workbook_accepts_what_the_editor_accepts_and_writes_canonical_values() {
    let dir = tempfile::tempdir().unwrap();
    let libro = dir.path().join("t.xlsx");
    cantonal_ok(&[
        "plantilla-taller",
        "--desde",
        "tests/fixtures/base.yaml",
        "-o",
        libro.to_str().unwrap(),
    ]);
    // An amount as people write it, and names of catalogue values with accents, in any case.
    let monto = columna_de(&libro, "Acciones", "Presupuesto");
    let fines = columna_de(&libro, "Riesgos", "Fines de explotación");
    let prob = columna_de(&libro, "Riesgos", "Probabilidad");
    let (a, b, c) = (
        dir.path().join("a.xlsx"),
        dir.path().join("b.xlsx"),
        dir.path().join("c.xlsx"),
    );
    common::copia_de_libro(&libro, ("Acciones", 2, monto, "1.500,00"), &a);
    common::copia_de_libro(
        &a,
        (
            "Riesgos",
            2,
            fines,
            "explotación laboral; EXPLOTACIÓN SEXUAL",
        ),
        &b,
    );
    common::copia_de_libro(&b, ("Riesgos", 2, prob, "media"), &c);
    let salida = dir.path().join("plan.yaml");
    let out = importar(&c, &salida, &[]);
    assert!(salida.exists(), "{}", String::from_utf8_lossy(&out.stdout));
    let v = cantonal::validar(&salida, Opciones::default());
    let plan = v.plan().expect("the imported plan reads");
    assert_eq!(plan.acciones[0].presupuesto.as_ref().unwrap().monto, 1500.0);
    assert_eq!(
        plan.riesgos[0].fines,
        ["explotacion_laboral", "explotacion_sexual"]
    );
    assert_eq!(
        plan.riesgos[0].probabilidad,
        cantonal::plan::model::Probabilidad::Media
    );
}

#[test]
fn a_workbook_made_by_the_earlier_template_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let libro = dir.path().join("t.xlsx");
    cantonal_ok(&[
        "plantilla-taller",
        "--desde",
        "tests/fixtures/base.yaml",
        "-o",
        libro.to_str().unwrap(),
    ]);
    // The titles of version 0.1 («Inicio», «Cantón»), its ids in the cells («alta»), and no
    // sheet for the lists it did not have.
    let inicio = columna_de(&libro, "Acciones", "Inicio de la acción");
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    common::copia_de_libro(&libro, ("Acciones", 0, inicio, "Inicio"), &a);
    let fila = celdas(&a)["Datos generales"]
        .iter()
        .position(|f| f[0] == "Nombre del cantón")
        .unwrap() as u32;
    common::copia_de_libro(&a, ("Datos generales", fila, 0, "Cantón"), &b);
    // Without the sheets «Firmantes» and «Objetivos del PDOT».
    let viejo = dir.path().join("viejo.xlsx");
    {
        use calamine::Reader;
        let mut wb = calamine::open_workbook_auto(&b).unwrap();
        let mut copia = rust_xlsxwriter::Workbook::new();
        for nombre in wb.sheet_names().to_vec() {
            if ["Firmantes", "Objetivos del PDOT"].contains(&nombre.as_str()) {
                continue;
            }
            let r = wb.worksheet_range(&nombre).unwrap();
            let ws = copia.add_worksheet();
            ws.set_name(&nombre).unwrap();
            for (f, cells) in r.rows().enumerate() {
                for (c, celda) in cells.iter().enumerate() {
                    let (f, c) = (f as u32, c as u16);
                    match celda {
                        calamine::Data::Float(x) => {
                            ws.write_number(f, c, *x).unwrap();
                        }
                        calamine::Data::Empty => {}
                        otra => {
                            ws.write_string(f, c, otra.to_string().replace("Alta", "alta"))
                                .unwrap();
                        }
                    }
                }
            }
        }
        copia.save(&viejo).unwrap();
    }
    let salida = dir.path().join("plan.yaml");
    let out = importar(&viejo, &salida, &[]);
    assert!(salida.exists(), "{}", String::from_utf8_lossy(&out.stdout));
    let v = cantonal::validar(&salida, Opciones::default());
    let plan = v.plan().expect("the imported plan reads");
    assert_eq!(plan.canton.nombre, "Ibarra");
    assert_eq!(plan.acciones[0].plazo.inicio.to_string(), "2026-03-01");
    assert_eq!(
        plan.riesgos[0].probabilidad,
        cantonal::plan::model::Probabilidad::Alta
    );
}
