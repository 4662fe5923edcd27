//! Writing cuts: `cantonal seguimiento PLAN --corte FECHA` (a new cut to fill, the cuts already
//! written kept byte for byte, refusals said with their reason), and the monitoring workbook
//! (`plantilla-seguimiento`, then `importar`): a plan → workbook → cut round trip gives the cut
//! back, and its problems are located by sheet, row and column.

use std::path::Path;

use crate::common::{base, cantonal_ok};
use crate::seguimiento::{base_seguimiento, cantonal_hoy};

/// A folder with the plan `plan` as `plan.yaml`.
fn carpeta(plan: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plan.yaml");
    std::fs::write(&p, plan).unwrap();
    (dir, p)
}

fn seguimiento(plan: &Path, corte: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["seguimiento", plan.to_str().unwrap(), "--corte", corte];
    args.extend_from_slice(extra);
    cantonal_hoy(&args)
}

#[test]
fn a_new_cut_has_an_entry_per_action_and_says_what_to_fill() {
    let (dir, plan) = carpeta(&base());
    let out = seguimiento(&plan, "2026-06-30", &["--borrador"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let archivo = dir.path().join("plan.seguimiento.yaml");
    let texto = std::fs::read_to_string(&archivo).unwrap();
    assert_eq!(texto.matches("      - accion: ").count(), 4);
    assert!(
        texto.contains(
            "# Indicador: Estudiantes capacitados (estudiantes); línea base 0, meta 1.200."
        )
    );
    assert!(texto.contains("; presupuesto USD 4.500,00 (GAD\n      # Municipal).\n"));
    assert!(texto.contains("informa: >-\n      CCPD de Ibarra"));
    assert!(dir.path().join("esquema/seguimiento.schema.json").is_file());
    // What is left to fill is said where it is: each action's state.
    let out = cantonal_hoy(&["validar", "--formato", "json", plan.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = json["archivos"][1]["diagnosticos"].as_array().unwrap();
    assert_eq!(diags.len(), 4);
    for d in diags {
        assert_eq!(d["codigo"], "S003");
        assert!(d["ruta"].as_str().unwrap().ends_with(".estado"), "{d}");
        assert!(d["ayuda"].as_str().unwrap().contains("`en_curso`"));
    }
}

#[test]
fn a_cut_is_added_after_the_others_and_they_keep_every_byte() {
    let (dir, plan) = carpeta(&base());
    let archivo = dir.path().join("plan.seguimiento.yaml");
    // Windows line ends and a byte-order mark are kept too.
    let antes = format!("\u{feff}{}", base_seguimiento().replace('\n', "\r\n"));
    std::fs::write(&archivo, &antes).unwrap();
    let out = seguimiento(&plan, "2026-09-30", &["--borrador"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let despues = std::fs::read_to_string(&archivo).unwrap();
    assert!(despues.starts_with(&antes), "the cuts before are untouched");
    assert!(
        !despues[antes.len()..].replace("\r\n", "").contains('\n'),
        "CRLF kept"
    );
    // The new cut carries each action's accumulated figures forward, for the official to update.
    assert!(despues.contains("  - fecha_corte: 2026-09-30\r\n"));
    assert!(
        despues.contains(
            "# Corte del 30 de junio de 2026: en curso; valor 400; ejecutado USD 1.500,00."
        )
    );
    assert!(despues.contains("        valor: 400\r\n        ejecutado: 1500.00\r\n"));
}

#[test]
fn refusals_say_why_and_write_nothing() {
    let (dir, plan) = carpeta(&base());
    let archivo = dir.path().join("plan.seguimiento.yaml");
    let caso = |corte: &str, extra: &[&str], motivo: &str| {
        let out = seguimiento(&plan, corte, extra);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{corte}: {stderr}");
        assert!(stderr.contains(motivo), "{corte}: {stderr}");
    };
    caso(
        "2026-06-30",
        &[],
        "el plan no está aprobado (estado: Borrador)",
    );
    assert!(!archivo.exists());
    // The workbook of a cut is refused the same way, and made with --borrador.
    let libro = dir.path().join("corte.xlsx");
    let plantilla = |extra: &[&str]| {
        let mut args = vec![
            "plantilla-seguimiento",
            plan.to_str().unwrap(),
            "--corte",
            "2026-06-30",
            "-o",
            libro.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        cantonal_hoy(&args)
    };
    let out = plantilla(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("el plan no está aprobado (estado: Borrador)"),
        "{stderr}"
    );
    assert!(!libro.exists());
    assert_eq!(plantilla(&["--borrador"]).status.code(), Some(0));
    assert!(libro.is_file());
    caso("2027-06-30", &["--borrador"], "todavía no llega");
    caso("2025-06-30", &["--borrador"], "fuera del período del plan");
    std::fs::write(&archivo, base_seguimiento()).unwrap();
    caso(
        "2026-06-30",
        &["--borrador"],
        "ya tiene un corte del 30 de junio de 2026",
    );
    assert_eq!(
        std::fs::read_to_string(&archivo).unwrap(),
        base_seguimiento()
    );
    let out = cantonal_hoy(&[
        "seguimiento",
        plan.to_str().unwrap(),
        "--corte",
        "30/06/2026",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("AAAA-MM-DD"));
}

#[test]
fn an_approved_plan_is_followed_against_its_approved_actions() {
    let (dir, plan) = carpeta(&std::fs::read_to_string("plans/ibarra.yaml").unwrap());
    let out = seguimiento(&plan, "2026-06-30", &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let archivo = dir.path().join("plan.seguimiento.yaml");
    let texto = std::fs::read_to_string(&archivo).unwrap();
    assert!(texto.contains("plan_aprobado:\n  fecha: 2025-12-15\n"));
    // The official fills the cut (the rules of the cuts run on a file whose every state is
    // written)…
    std::fs::write(
        &archivo,
        texto.replace("        estado:\n", "        estado: en_curso\n"),
    )
    .unwrap();
    // …and the plan changed after its approval: the file says so, located, instead of guessing.
    let cambiado = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("      meta: 1200\n", "      meta: 800\n");
    std::fs::write(&plan, cambiado).unwrap();
    let out = cantonal_hoy(&["validar", "--formato", "json", archivo.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = json["archivos"][1]["diagnosticos"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["codigo"] == "M015")
        .cloned()
        .unwrap();
    assert_eq!(d["ruta"], "plan_aprobado.acciones.A1.meta");
    assert!(d["mensaje"].as_str().unwrap().contains("1.200"), "{d}");
}

/// The cut of `fecha` of the monitoring file `archivo`, as the library reads it.
fn corte_de(archivo: &Path, fecha: &str) -> serde_json::Value {
    let l = cantonal::plan::load::load_file::<cantonal::plan::seguimiento::Registro>(archivo);
    let r = l.datos.unwrap_or_else(|| panic!("{:?}", l.diagnostics));
    let c = r
        .cortes
        .iter()
        .find(|c| c.fecha_corte.to_string() == fecha)
        .unwrap();
    serde_json::to_value(c).unwrap()
}

#[test]
fn plan_to_workbook_to_cut_gives_the_cut_back() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["ibarra.yaml", "ibarra.seguimiento.yaml"] {
        std::fs::copy(Path::new("plans").join(f), dir.path().join(f)).unwrap();
    }
    let plan = dir.path().join("ibarra.yaml");
    let archivo = dir.path().join("ibarra.seguimiento.yaml");
    let original = corte_de(&archivo, "2026-09-30");
    let libro = dir.path().join("corte.xlsx");
    cantonal_ok(&[
        "plantilla-seguimiento",
        plan.to_str().unwrap(),
        "--corte",
        "2026-09-30",
        "-o",
        libro.to_str().unwrap(),
    ]);
    // The same file without that cut, then the workbook imported as its new cut.
    let texto = std::fs::read_to_string(&archivo).unwrap();
    let sin = &texto[..texto
        .find("  # Corte del 30 de septiembre de 2026")
        .unwrap()];
    std::fs::write(&archivo, sin).unwrap();
    let out = cantonal_ok(&["importar", libro.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("corte importado"));
    assert_eq!(corte_de(&archivo, "2026-09-30"), original);
    let despues = std::fs::read_to_string(&archivo).unwrap();
    assert!(despues.starts_with(sin), "the cuts before are untouched");
    // A cut already written is never replaced.
    let out = crate::common::cantonal(&["importar", libro.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("ya tiene un corte del 30 de septiembre de 2026")
    );
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), despues);
}

#[test]
fn problems_of_a_filled_workbook_are_located_by_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["ibarra.yaml", "ibarra.seguimiento.yaml"] {
        std::fs::copy(Path::new("plans").join(f), dir.path().join(f)).unwrap();
    }
    let plan = dir.path().join("ibarra.yaml");
    let libro = dir.path().join("corte.xlsx");
    cantonal_ok(&[
        "plantilla-seguimiento",
        plan.to_str().unwrap(),
        "--corte",
        "2026-11-30",
        "-o",
        libro.to_str().unwrap(),
    ]);
    // A value in words: T003 at its cell, and nothing is written.
    let malo = dir.path().join("malo.xlsx");
    crate::common::copia_de_libro(&libro, ("Acciones", 2, 5, "mucho"), &malo);
    let antes = std::fs::read_to_string(dir.path().join("ibarra.seguimiento.yaml")).unwrap();
    let out = crate::common::cantonal(&["importar", malo.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[T003]"), "{stdout}");
    assert!(
        stdout.contains("hoja Acciones, fila 3, columna Valor alcanzado"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ibarra.seguimiento.yaml")).unwrap(),
        antes
    );
    // A state left empty: every row of an action says its state.
    let out = crate::common::cantonal(&["importar", libro.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("hoja Acciones, fila 3, columna Estado"),
        "{stdout}"
    );
    // «Cumplida» without evidence (A3, the fifth row: no cut gives one): in an approved plan
    // the strict rule is an error, at the state's cell, and the cut is not written. The
    // workbook of a cut already written, into the file without that cut.
    let archivo = dir.path().join("ibarra.seguimiento.yaml");
    cantonal_ok(&[
        "plantilla-seguimiento",
        plan.to_str().unwrap(),
        "--corte",
        "2026-09-30",
        "-o",
        libro.to_str().unwrap(),
        "--forzar",
    ]);
    std::fs::write(
        &archivo,
        &antes[..antes
            .find("  # Corte del 30 de septiembre de 2026")
            .unwrap()],
    )
    .unwrap();
    let cumplida = dir.path().join("cumplida.xlsx");
    crate::common::copia_de_libro(&libro, ("Acciones", 4, 4, "Cumplida"), &cumplida);
    let sin_corte = std::fs::read_to_string(&archivo).unwrap();
    let out = crate::common::cantonal(&["importar", cumplida.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[M012]"), "{stdout}");
    assert!(
        stdout.contains("hoja Acciones, fila 5, columna Estado"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no se importó el corte"));
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), sin_corte);
}
