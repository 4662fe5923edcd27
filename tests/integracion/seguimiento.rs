//! A plan's monitoring file (`docs/seguimiento.md`) checked by `cantonal validar`: every M rule
//! is triggered by a change to the minimal monitoring file `tests/fixtures/base.seguimiento.yaml`
//! (which triggers none) beside the base plan, and its diagnostic is checked in the JSON output
//! of the real binary: code, severity, line, column, id path and the text at that position. The
//! example monitoring files of `plans/` have nothing to report.

use std::path::Path;
use std::process::Command;

use crate::common::{base, fixture};

/// The day the monitoring tests run on (`SOURCE_DATE_EPOCH`): what is "in the future" does
/// not change with the clock.
pub const HOY: &str = "2026-12-01";

/// The minimal valid monitoring file of the base plan.
pub fn base_seguimiento() -> String {
    std::fs::read_to_string(fixture("base.seguimiento.yaml")).unwrap()
}

/// Runs `cantonal` with `args` in the repository root on the day [`HOY`].
pub fn cantonal_hoy(args: &[&str]) -> std::process::Output {
    let dia: chrono::NaiveDate = HOY.parse().unwrap();
    let epoch = dia.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp();
    Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .unwrap()
}

/// The base plan and the monitoring file `seguimiento` beside it, in a new folder.
pub fn plan_con_seguimiento(seguimiento: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, base()).unwrap();
    std::fs::write(dir.path().join("plan.seguimiento.yaml"), seguimiento).unwrap();
    (dir, plan)
}

/// `validar --formato json` of `archivo` on the day [`HOY`]: exit code and document.
pub fn validar_hoy(archivo: &Path) -> (i32, serde_json::Value) {
    let out = cantonal_hoy(&["validar", "--formato", "json", archivo.to_str().unwrap()]);
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

/// The diagnostics of the monitoring file in a `validar` document.
fn del_seguimiento(json: &serde_json::Value) -> Vec<serde_json::Value> {
    json["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["archivo"]
                .as_str()
                .unwrap()
                .ends_with(".seguimiento.yaml")
        })
        .map(|a| a["diagnosticos"].as_array().unwrap().clone())
        .unwrap_or_default()
}

/// A rule of monitoring files and the change to the base monitoring file that triggers it.
pub struct Caso {
    /// The rule.
    pub codigo: &'static str,
    /// What to find in the base monitoring file (exactly once)…
    buscar: &'static str,
    /// …and what to write instead.
    reemplazar: &'static str,
    severidad: &'static str,
    posicion: (usize, usize),
    ruta: &'static str,
    /// The text at the position.
    texto: &'static str,
}

const fn caso(
    codigo: &'static str,
    (buscar, reemplazar): (&'static str, &'static str),
    severidad: &'static str,
    posicion: (usize, usize),
    ruta: &'static str,
    texto: &'static str,
) -> Caso {
    Caso {
        codigo,
        buscar,
        reemplazar,
        severidad,
        posicion,
        ruta,
        texto,
    }
}

/// Every rule of monitoring files but M001 (whose file has no plan: see
/// `a_monitoring_file_without_its_plan_is_an_error`).
pub const CASOS: &[Caso] = &[
    caso(
        "M002",
        (
            "{ accion: A4, estado: en_curso, valor: 4 }",
            "{ accion: A40, estado: en_curso, valor: 4 }",
        ),
        "error",
        (31, 19),
        "cortes.2026-06-30.acciones.A40.accion",
        "A40",
    ),
    caso(
        "M003",
        ("fecha_corte: 2026-06-30", "fecha_corte: 2027-06-30"),
        "error",
        (18, 18),
        "cortes.2027-06-30.fecha_corte",
        "2027-06-30",
    ),
    caso(
        "M004",
        ("fecha_corte: 2026-03-31", "fecha_corte: 2025-12-31"),
        "error",
        (11, 18),
        "cortes.2025-12-31.fecha_corte",
        "2025-12-31",
    ),
    caso(
        "M005",
        (
            "      - { accion: A4, estado: en_curso, valor: 4 }",
            "      - { accion: A4, estado: en_curso, valor: 4 }\n      - { accion: A4, estado: en_curso, valor: 3 }",
        ),
        "error",
        (32, 19),
        "cortes.2026-06-30.acciones[5].accion",
        "A4",
    ),
    caso(
        "M006",
        ("      - { accion: A4, estado: en_curso, valor: 4 }\n", ""),
        "advertencia",
        (21, 5),
        "cortes.2026-06-30.acciones",
        "acciones",
    ),
    caso(
        "M007",
        ("valor: 400,", "valor: 1300,"),
        "advertencia",
        (22, 48),
        "cortes.2026-06-30.acciones.A1.valor",
        "1300",
    ),
    caso(
        "M008",
        (
            "estado: en_curso, valor: 4 }",
            "estado: en_curso, valor: 1 }",
        ),
        "advertencia",
        (31, 48),
        "cortes.2026-06-30.acciones.A4.valor",
        "1",
    ),
    caso(
        "M009",
        ("ejecutado: 1500.00", "ejecutado: 400.00"),
        "error",
        (22, 64),
        "cortes.2026-06-30.acciones.A1.ejecutado",
        "400.00",
    ),
    caso(
        "M010",
        ("ejecutado: 1500.00", "ejecutado: 5000.00"),
        "advertencia",
        (22, 64),
        "cortes.2026-06-30.acciones.A1.ejecutado",
        "5000.00",
    ),
    caso(
        "M011",
        (
            "estado: en_curso, valor: 4 }",
            "estado: en_curso, valor: 4, ejecutado: 100.00 }",
        ),
        "advertencia",
        (31, 62),
        "cortes.2026-06-30.acciones.A4.ejecutado",
        "100.00",
    ),
    caso(
        "M012",
        ("        evidencias: [Convenio firmado]\n", ""),
        "advertencia",
        (24, 17),
        "cortes.2026-06-30.acciones.A2.estado",
        "cumplida",
    ),
    caso(
        "M013",
        (
            "        dificultades: La capacitación se movió a agosto.\n",
            "",
        ),
        "advertencia",
        (28, 17),
        "cortes.2026-06-30.acciones.A3.estado",
        "retrasada",
    ),
    caso(
        "M014",
        (
            "La capacitación se movió a agosto.",
            "La víctima con cédula 1710034065 no quiso declarar.",
        ),
        "error",
        (30, 23),
        "cortes.2026-06-30.acciones.A3.dificultades",
        "La víctima",
    ),
    caso(
        "M015",
        ("meta: 1200, monto: 4500.00", "meta: 1000, monto: 4500.00"),
        "error",
        (6, 79),
        "plan_aprobado.acciones.A1.meta",
        "1000",
    ),
];

#[test]
fn the_base_monitoring_file_triggers_no_rule() {
    let (_dir, plan) = plan_con_seguimiento(&base_seguimiento());
    for extra in [&[][..], &["--estricto"][..]] {
        let mut args = vec!["validar", "--formato", "json"];
        args.extend_from_slice(extra);
        args.push(plan.to_str().unwrap());
        let out = cantonal_hoy(&args);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{json}");
        assert_eq!(json["archivos"].as_array().unwrap().len(), 2);
        assert_eq!(json["archivos"][1]["cortes"], 2);
        assert!(del_seguimiento(&json).is_empty(), "{json}");
    }
}

#[test]
fn every_monitoring_rule_is_triggered_at_the_offending_node() {
    let base = base_seguimiento();
    let mut fallos = Vec::new();
    for c in CASOS {
        assert_eq!(
            base.matches(c.buscar).count(),
            1,
            "{}: {}",
            c.codigo,
            c.buscar
        );
        let mut texto = base.replace(c.buscar, c.reemplazar);
        let (_dir, plan) = plan_con_seguimiento(&texto);
        if c.codigo == "M011" {
            // Money executed on an action without budget: the plan's A4 has none, as approved.
            let sin = "    presupuesto: { monto: 1200, fuente: Presupuesto municipal }\n";
            assert_eq!(crate::common::base().matches(sin).count(), 1);
            std::fs::write(&plan, crate::common::base().replace(sin, "")).unwrap();
            texto = texto.replace(", meta: 12, monto: 1200.00 }", ", meta: 12 }");
            std::fs::write(plan.with_extension("seguimiento.yaml"), &texto).unwrap();
        }
        let (code, json) = validar_hoy(&plan);
        let diags = del_seguimiento(&json);
        let Some(d) = diags.iter().find(|d| d["codigo"] == c.codigo) else {
            fallos.push(format!("{}: not reported; got {diags:?}", c.codigo));
            continue;
        };
        let (linea, columna) = (
            d["linea"].as_u64().unwrap() as usize,
            d["columna"].as_u64().unwrap() as usize,
        );
        let en: String = texto
            .lines()
            .nth(linea - 1)
            .unwrap_or("")
            .chars()
            .skip(columna - 1)
            .collect();
        let got = (
            d["severidad"].as_str().unwrap(),
            (linea, columna),
            d["ruta"].as_str().unwrap(),
        );
        if got != (c.severidad, c.posicion, c.ruta) || !en.starts_with(c.texto) {
            fallos.push(format!(
                "{}: expected {:?} at `{}`, got {got:?} at `{en}`",
                c.codigo,
                (c.severidad, c.posicion, c.ruta),
                c.texto
            ));
        }
        let errores = diags.iter().any(|d| d["severidad"] == "error");
        assert_eq!(code, i32::from(errores), "{}: exit code", c.codigo);
        let regla = cantonal::rules::regla(c.codigo).unwrap();
        assert_eq!(regla.severidad.nombre(), c.severidad, "{}", c.codigo);
        assert!(
            !d["mensaje"].as_str().unwrap().is_empty() && !d["ayuda"].as_str().unwrap().is_empty()
        );
    }
    assert!(fallos.is_empty(), "{}", fallos.join("\n"));
}

#[test]
fn a_monitoring_file_without_its_plan_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let seg = dir.path().join("otro.seguimiento.yaml");
    std::fs::write(&seg, base_seguimiento()).unwrap();
    let (code, json) = validar_hoy(&seg);
    assert_eq!(code, 1);
    let d = &del_seguimiento(&json)[0];
    assert_eq!(d["codigo"], "M001");
    // At the start of the document: its first field.
    let primera = base_seguimiento()
        .lines()
        .position(|l| l.starts_with("formato"))
        .unwrap() as u64
        + 1;
    assert_eq!(
        (d["linea"].as_u64(), d["columna"].as_u64()),
        (Some(primera), Some(1))
    );
    assert!(d["mensaje"].as_str().unwrap().contains("otro.yaml"));
}

#[test]
fn a_cut_in_the_future_outside_the_period_is_said_both_ways() {
    let texto = base_seguimiento().replace("fecha_corte: 2026-06-30", "fecha_corte: 2029-06-30");
    let (_dir, plan) = plan_con_seguimiento(&texto);
    let (code, json) = validar_hoy(&plan);
    assert_eq!(code, 1);
    let codigos: Vec<_> = del_seguimiento(&json)
        .iter()
        .map(|d| d["codigo"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        codigos.contains(&"M003".into()) && codigos.contains(&"M004".into()),
        "{codigos:?}"
    );
}

#[test]
fn amounts_are_read_as_written_and_only_numbers_go_in_the_route() {
    // A point for thousands in an amount is refused, as in a plan.
    let texto = base_seguimiento().replace("ejecutado: 1500.00", "ejecutado: 1.500");
    let (_dir, plan) = plan_con_seguimiento(&texto);
    let (code, json) = validar_hoy(&plan);
    assert_eq!(code, 1);
    let d = &del_seguimiento(&json)[0];
    assert_eq!(d["codigo"], "S007", "{d}");
    assert!(d["ayuda"].as_str().unwrap().contains("1500"), "{d}");
    // A person's data where the route's counts go is refused by the structure.
    let texto = base_seguimiento().replace(
        "ruta_atencion: { casos_atendidos: 3 }",
        "ruta_atencion: { casos_atendidos: \"María, 15 años\" }",
    );
    let (_dir, plan) = plan_con_seguimiento(&texto);
    let (code, json) = validar_hoy(&plan);
    assert_eq!(code, 1);
    let d = &del_seguimiento(&json)[0];
    assert_eq!(
        (d["codigo"].as_str(), d["ruta"].as_str()),
        (
            Some("S003"),
            Some("cortes.2026-06-30.ruta_atencion.casos_atendidos")
        )
    );
}

#[test]
fn the_example_monitoring_files_have_nothing_to_report_and_exercise_every_state() {
    let out = cantonal_hoy(&["validar", "--estricto", "--formato", "json", "plans/"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{json}");
    let seguimientos: Vec<&serde_json::Value> = json["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["archivo"]
                .as_str()
                .unwrap()
                .ends_with(".seguimiento.yaml")
        })
        .collect();
    // One per example plan whose period has begun (Colta's begins in 2027).
    assert_eq!(seguimientos.len(), 6, "one per example plan under way");
    for a in seguimientos {
        assert_eq!(a["diagnosticos"], serde_json::json!([]), "{a}");
        assert!(a["cortes"].as_u64().unwrap() >= 2, "{a}");
        let texto = std::fs::read_to_string(a["archivo"].as_str().unwrap()).unwrap();
        assert!(texto.contains("ejemplo: true") && texto.contains("ILUSTRATIVO"));
        for estado in [
            "no_iniciada",
            "en_curso",
            "cumplida",
            "retrasada",
            "suspendida",
        ] {
            assert!(
                texto.contains(&format!("estado: {estado}")),
                "{}: {estado}",
                a["archivo"]
            );
        }
    }
}

#[test]
fn the_advisers_observations_are_checked_against_the_monitoring_file() {
    let (dir, plan) = plan_con_seguimiento(&base_seguimiento());
    std::fs::write(
        dir.path().join("plan.seguimiento.observaciones.yaml"),
        "revisor: Asesoría técnica\nfecha: 2026-07-10\nobservaciones:\n  \
         - ruta: cortes.2026-06-30.acciones.A3.dificultades\n    \
           texto: Diga qué se hará para recuperar el curso.\n  \
         - ruta: cortes.2026-06-30.acciones.A9.valor\n    \
           texto: Revise la cifra.\n",
    )
    .unwrap();
    let (code, json) = validar_hoy(&plan);
    assert_eq!(code, 1);
    let obs = json["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["archivo"]
                .as_str()
                .unwrap()
                .ends_with(".seguimiento.observaciones.yaml")
        })
        .unwrap();
    // The observation on a difficulty of the cut stands; the one on an action the cut does not
    // have is O001 at its path, with the actions that exist.
    let diags = obs["diagnosticos"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{obs}");
    assert_eq!(diags[0]["codigo"], "O001");
    assert_eq!(diags[0]["linea"], 6);
    assert!(
        diags[0]["ayuda"]
            .as_str()
            .unwrap()
            .contains("`cortes.2026-06-30.acciones.A4.valor`")
    );
}
