//! Every rule of the catalogue is triggered by a fixture, and its diagnostic is checked in the
//! JSON output of the real binary: code, severity, line, column, id path, and the text found at
//! that position (so the position is the offending node, not just some number). The base plan
//! triggers none of them.

use crate::common;

use crate::common::{base, diagnosticos, mutate, validar_json, write_plan};

/// A rule triggered by a change to the base plan: what to replace (and, with
/// [`Caso::tambien`], a second replacement), and where the diagnostic must point.
pub(crate) struct Caso {
    pub(crate) codigo: &'static str,
    buscar: &'static str,
    reemplazar: &'static str,
    /// A second replacement, after the first: ("", "") for none.
    tambien: (&'static str, &'static str),
    opciones: &'static [&'static str],
    severidad: &'static str,
    linea: usize,
    columna: usize,
    ruta: &'static str,
    texto: &'static str,
}

impl Caso {
    /// The same case with a second replacement in the plan.
    pub(crate) const fn tambien(self, buscar: &'static str, reemplazar: &'static str) -> Caso {
        Caso {
            tambien: (buscar, reemplazar),
            ..self
        }
    }

    /// The same case checked with `--estricto`.
    pub(crate) const fn estricto(self) -> Caso {
        Caso {
            opciones: &["--estricto"],
            ..self
        }
    }
}

pub(crate) const fn caso(
    codigo: &'static str,
    buscar: &'static str,
    reemplazar: &'static str,
    severidad: &'static str,
    (linea, columna): (usize, usize),
    ruta: &'static str,
    texto: &'static str,
) -> Caso {
    Caso {
        codigo,
        buscar,
        reemplazar,
        tambien: ("", ""),
        opciones: &[],
        severidad,
        linea,
        columna,
        ruta,
        texto,
    }
}

#[test]
fn every_rule_is_triggered_at_the_offending_node() {
    comprobar_casos(crate::reglas_casos::CASOS);
}

/// Runs each case on the base plan and checks its diagnostic: code, severity, line, column, id
/// path and the text at that position.
pub(crate) fn comprobar_casos(casos: &[Caso]) {
    let mut fallos = Vec::new();
    for c in casos {
        let mut text = mutate(c.buscar, c.reemplazar);
        if !c.tambien.0.is_empty() {
            assert_eq!(
                text.matches(c.tambien.0).count(),
                1,
                "{}: `{}` must occur once",
                c.codigo,
                c.tambien.0
            );
            text = text.replacen(c.tambien.0, c.tambien.1, 1);
        }
        let (_dir, path) = write_plan("plan.yaml", &text);
        let (code, json) = validar_json(&path, c.opciones);
        let diags = diagnosticos(&json);
        let Some(d) = diags.iter().find(|d| d["codigo"] == c.codigo) else {
            fallos.push(format!("{}: not reported; got {diags:?}", c.codigo));
            continue;
        };
        let linea = d["linea"].as_u64().unwrap() as usize;
        let columna = d["columna"].as_u64().unwrap() as usize;
        let line = text.lines().nth(linea - 1).unwrap_or("");
        let at: String = line.chars().skip(columna - 1).collect();
        let got = (
            d["severidad"].as_str().unwrap(),
            linea,
            columna,
            d["ruta"].as_str().unwrap(),
        );
        if got != (c.severidad, c.linea, c.columna, c.ruta) || !at.starts_with(c.texto) {
            fallos.push(format!(
                "{}: expected {:?} at `{}`, got {got:?} at `{at}`",
                c.codigo,
                (c.severidad, c.linea, c.columna, c.ruta),
                c.texto
            ));
        }
        let expected_exit = if diags.iter().any(|d| d["severidad"] == "error") {
            1
        } else {
            0
        };
        assert_eq!(code, expected_exit, "{}: exit code", c.codigo);
        assert!(
            !d["mensaje"].as_str().unwrap().is_empty() && !d["ayuda"].as_str().unwrap().is_empty()
        );
    }
    assert!(fallos.is_empty(), "{}", fallos.join("\n"));
}

/// Rules of review observations files: (code, observations beside the base plan,
/// severity, line and column, path, text at that position).
pub(crate) type CasoObservacion = (
    &'static str,
    &'static str,
    &'static str,
    (usize, usize),
    &'static str,
    &'static str,
);
pub(crate) const CASOS_OBSERVACIONES: &[CasoObservacion] = &[
    (
        "O001",
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A9.meta, texto: x }\n",
        "error",
        (4, 13),
        "observaciones[1].ruta",
        "acciones.A9.meta",
    ),
    (
        "O002",
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: riesgos.R9, texto: x, estado: resuelta }\n",
        "advertencia",
        (4, 13),
        "observaciones[1].ruta",
        "riesgos.R9",
    ),
    (
        "O003",
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A3.riesgos, texto: Vincule la acción a un riesgo., estado: resuelta }\n",
        "advertencia",
        (4, 13),
        "observaciones[1].ruta",
        "acciones.A3.riesgos",
    ),
];

#[test]
fn every_observation_rule_is_triggered_at_the_observation() {
    comprobar_observaciones(CASOS_OBSERVACIONES);
}

/// Runs each observations file beside the base plan and checks its first diagnostic.
pub(crate) fn comprobar_observaciones(casos: &[CasoObservacion]) {
    for (codigo, obs, severidad, (linea, columna), ruta, texto) in casos {
        let (dir, path) = write_plan("plan.yaml", base());
        std::fs::write(dir.path().join("plan.observaciones.yaml"), obs).unwrap();
        let (_, json) = validar_json(&path, &[]);
        let d = &json["archivos"][1]["diagnosticos"][0];
        assert_eq!(d["codigo"], *codigo);
        assert_eq!(
            (
                d["severidad"].as_str().unwrap(),
                d["linea"].as_u64().unwrap() as usize,
                d["columna"].as_u64().unwrap() as usize,
                d["ruta"].as_str().unwrap()
            ),
            (*severidad, *linea, *columna, *ruta),
            "{codigo}"
        );
        let line = obs.lines().nth(linea - 1).unwrap();
        assert!(
            line.chars()
                .skip(columna - 1)
                .collect::<String>()
                .starts_with(texto),
            "{codigo}"
        );
    }
}

/// Makes a workbook in a folder and returns its path.
type Libro = fn(&std::path::Path) -> std::path::PathBuf;

/// The workbook rules, each with a workbook that triggers it on `cantonal importar`: the code,
/// how the workbook is made (in `dir`, from the template of the base plan), and where the
/// diagnostic points.
const CASOS_TALLER: &[(&str, Libro, &str)] = &[
    (
        "T001",
        |dir| {
            let libro = dir.join("falso.xlsx");
            std::fs::write(&libro, "no soy un libro").unwrap();
            libro
        },
        "falso.xlsx",
    ),
    (
        "T002",
        |dir| {
            let libro = dir.join("otro.xlsx");
            let mut wb = rust_xlsxwriter::Workbook::new();
            wb.add_worksheet().write_string(0, 0, "Acción").unwrap();
            wb.save(&libro).unwrap();
            libro
        },
        "otro.xlsx: hoja Datos generales",
    ),
    (
        "T003",
        |dir| {
            let plantilla = dir.join("plantilla.xlsx");
            let (_d, plan) = write_plan("plan.yaml", base());
            common::cantonal_ok(&[
                "plantilla-taller",
                "--desde",
                plan.to_str().unwrap(),
                "-o",
                plantilla.to_str().unwrap(),
            ]);
            let libro = dir.join("malo.xlsx");
            common::copia_de_libro(&plantilla, ("Acciones", 2, 14, "marzo"), &libro);
            libro
        },
        "malo.xlsx: hoja Acciones, fila 3, columna Inicio",
    ),
];

#[test]
fn workbook_rules_are_triggered_by_the_import_located_and_registered() {
    for (codigo, libro, ubicacion) in CASOS_TALLER {
        let dir = tempfile::tempdir().unwrap();
        let libro = libro(dir.path());
        let salida = dir.path().join("importado.yaml");
        let out = common::cantonal(&[
            "importar",
            libro.to_str().unwrap(),
            "-o",
            salida.to_str().unwrap(),
        ]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{codigo}: {stdout}");
        assert!(stdout.contains(&format!("error[{codigo}]")), "{stdout}");
        assert!(stdout.contains(ubicacion), "{codigo}: {stdout}");
        assert!(!salida.exists(), "{codigo}: no plan is written");
        // The import reports it with the registry's severity.
        let regla = cantonal::rules::regla(codigo).unwrap();
        assert_eq!(regla.severidad.nombre(), "error");
    }
}

#[test]
fn every_rule_of_the_registry_has_a_triggering_case() {
    for r in cantonal::rules::REGLAS {
        assert!(
            crate::reglas_casos::CASOS
                .iter()
                .any(|c| c.codigo == r.codigo)
                || crate::ley::CASOS.iter().any(|c| c.codigo == r.codigo)
                || crate::ley::CASOS_OBSERVACIONES
                    .iter()
                    .any(|c| c.0 == r.codigo)
                || CASOS_OBSERVACIONES.iter().any(|c| c.0 == r.codigo)
                || CASOS_TALLER.iter().any(|c| c.0 == r.codigo)
                || crate::seguimiento::CASOS.iter().any(|c| c.codigo == r.codigo)
                // The monitoring file without its plan: its own test.
                || r.codigo == "M001",
            "no fixture triggers {}",
            r.codigo
        );
    }
}

#[test]
fn the_base_plan_triggers_no_rule_even_when_strict() {
    let (_dir, path) = write_plan("plan.yaml", base());
    for extra in [&[][..], &["--estricto"][..]] {
        let (code, json) = validar_json(&path, extra);
        assert_eq!(code, 0);
        assert_eq!(diagnosticos(&json), Vec::<serde_json::Value>::new());
    }
}

#[test]
fn near_misses_do_not_trigger() {
    // The optional stage may be absent; a draft needs no approval; equal ids in different lists
    // are fine; a risk rated baja/medio needs no action; accents and case in the canton name;
    // and the limits of each of the checks added for the 2026 reference.
    let cases = [
        ("A002", "", ""),
        ("C005", "estado: borrador", "estado: en_revision"),
        ("R001", "  - id: A2\n", "  - id: R1\n"),
        ("A003", "    riesgos: [R2]\n", "    riesgos: [R1]\n"),
        (
            "C001",
            "nombre: Ibarra, provincia: Imbabura",
            "nombre: IBARRA, provincia: imbabura",
        ),
        // A stage may have one entry per population.
        (
            "R001",
            "{ etapa: proteccion_inmediata, poblacion: todas, responsable: gad, plazo_horas: 24 }",
            "{ etapa: proteccion_inmediata, poblacion: ninez_adolescencia, responsable: jcpd, plazo_horas: 24 }\n  - { etapa: proteccion_inmediata, poblacion: adultos, responsable: gad, plazo_horas: 24 }\n  - { etapa: proteccion_inmediata, poblacion: extranjeros, responsable: gad, plazo_horas: 24 }",
        ),
        // The Ministerio de Gobierno did not end in 2022.
        (
            "A006",
            "institucion: fiscalia,",
            "institucion: ministerio-gobierno,",
        ),
        // Approved the day it was drafted, by the Concejo Cantonal, on a past date.
        (
            "C010",
            "estado: borrador",
            "estado: aprobado\nelaboracion: { fecha: 2026-01-10 }\naprobacion: { instrumento: ordenanza, numero: \"14\", fecha: 2026-01-10, organo: Concejo Cantonal de Ibarra }",
        ),
        (
            "C011",
            "estado: borrador",
            "estado: borrador\naprobacion: { instrumento: ordenanza, numero: \"14\", fecha: 2026-01-10, organo: Concejo Cantonal de Ibarra }",
        ),
        (
            "C013",
            "estado: borrador",
            "estado: aprobado\naprobacion: { instrumento: ordenanza, numero: \"14\", fecha: 2026-01-10, organo: Concejo Municipal de Ibarra }",
        ),
        // The budget source names the GAD by its actor id.
        ("C015", "fuente: GAD Municipal }", "fuente: gad }"),
        // A year without cases needs no breakdown.
        (
            "C018",
            "casos: 7, desglose: { sexo: { mujeres: 6, hombres: 1 } },",
            "casos: 0,",
        ),
        // The 24-hour activation deadline is for victims abroad, not for foreign victims here.
        (
            "A008",
            "  - { etapa: reintegracion",
            "  - { etapa: retorno_y_repatriacion, poblacion: extranjeros, responsable: fiscalia, plazo_horas: 48 }\n  - { etapa: reintegracion",
        ),
        // Health care may wait for identification, not for the complaint.
        (
            "A014",
            "responsable: msp, plazo_horas: 12 }",
            "responsable: msp, plazo_horas: 12, requiere: [identificacion] }",
        ),
        // An action for the general population answers a risk of any population.
        (
            "A017",
            "    poblaciones: [adolescentes]\n    responsable: gad",
            "    poblaciones: [poblacion_general]\n    responsable: gad",
        ),
    ];
    for (codigo, find, replace) in cases {
        let text = if find.is_empty() {
            base()
        } else {
            mutate(find, replace)
        };
        let (_dir, path) = write_plan("plan.yaml", &text);
        let (_, json) = validar_json(&path, &[]);
        assert!(
            !diagnosticos(&json).iter().any(|d| d["codigo"] == codigo),
            "{codigo} should not trigger"
        );
    }
}

#[test]
fn approved_plans_raise_strict_rules_to_errors() {
    let text = mutate(
        "estado: borrador",
        "estado: aprobado\naprobacion: { instrumento: ordenanza, numero: \"1\", fecha: 2026-01-10, organo: Concejo }",
    )
    .replace(", medio_verificacion: Actas }", " }");
    let (_dir, path) = write_plan("plan.yaml", &text);
    let (code, json) = validar_json(&path, &[]);
    let d = diagnosticos(&json);
    assert_eq!(code, 1);
    let vistos: Vec<(&str, &str)> = d
        .iter()
        .map(|d| {
            (
                d["codigo"].as_str().unwrap(),
                d["severidad"].as_str().unwrap(),
            )
        })
        .collect();
    // The strict C006 becomes an error; C024 (an approved plan with nothing assigned) is not
    // strict, so a plan approved before it existed still generates.
    assert_eq!(vistos, [("C024", "advertencia"), ("C006", "error")]);
}

/// `validar --formato json` with `SOURCE_DATE_EPOCH` set: the diagnostics.
fn validar_el_dia(path: &std::path::Path, dia: chrono::NaiveDate) -> Vec<serde_json::Value> {
    let epoch = dia.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(["validar", "--formato", "json", path.to_str().unwrap()])
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .unwrap();
    diagnosticos(&serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn an_approval_in_the_future_is_judged_against_the_date_of_the_run() {
    let text = mutate(
        "estado: borrador",
        "estado: aprobado\naprobacion: { instrumento: ordenanza, numero: \"14\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }",
    );
    let (_dir, path) = write_plan("plan.yaml", &text);
    let dia = |d| chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    let c013 = |d: &Vec<serde_json::Value>| d.iter().filter(|x| x["codigo"] == "C013").count();
    assert_eq!(c013(&validar_el_dia(&path, dia(14))), 1);
    assert_eq!(c013(&validar_el_dia(&path, dia(15))), 0);
}

#[test]
fn institutions_are_judged_by_the_date_the_plan_was_drafted() {
    let con = |elaboracion: &str| {
        let text = mutate("institucion: msp,", "institucion: mies,").replace(
            "estado: borrador\n",
            &format!("estado: borrador\n{elaboracion}"),
        );
        let (_dir, path) = write_plan("plan.yaml", &text);
        let (_, json) = validar_json(&path, &[]);
        diagnosticos(&json)
            .into_iter()
            .filter(|d| d["codigo"] == "A006")
            .map(|d| {
                (
                    d["mensaje"].as_str().unwrap().to_owned(),
                    d["ayuda"].as_str().unwrap().to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    // Drafted before the merge of August 2025: naming the MIES is right for its date.
    assert!(con("elaboracion: { fecha: 2025-06-01 }\n").is_empty());
    // Drafted after: the message says which date it used and names the successor.
    let despues = con("elaboracion: { fecha: 2025-09-01 }\n");
    assert_eq!(despues.len(), 1);
    assert!(
        despues[0]
            .0
            .contains("antes de la elaboración del plan (1 de septiembre de 2025)"),
        "{despues:?}"
    );
    assert!(
        despues[0]
            .0
            .contains("se fusionó en el Ministerio de Desarrollo Humano")
            && despues[0]
                .1
                .contains("`institucion: ministerio-desarrollo-humano`"),
        "{despues:?}"
    );
    // Without a drafting date, the start of the period stands in for it, and the message says so.
    let sin_fecha = con("");
    assert_eq!(sin_fecha.len(), 1);
    assert!(sin_fecha[0].0.contains("la fecha de inicio del período (1 de enero de 2026), que se usa porque el plan no tiene `elaboracion.fecha`"), "{sin_fecha:?}");
}

#[test]
fn care_that_waits_for_the_complaint_through_another_stage_is_found() {
    let text = mutate(
        "responsable: msp, plazo_horas: 12 }",
        "responsable: msp, plazo_horas: 12, requiere: [seguimiento] }",
    )
    .replace(
        "responsable: ccpd, plazo_horas: 720 }",
        "responsable: ccpd, plazo_horas: 720, requiere: [denuncia_y_proteccion_judicial] }",
    );
    let (_dir, path) = write_plan("plan.yaml", &text);
    let (code, json) = validar_json(&path, &[]);
    let a014: Vec<_> = diagnosticos(&json)
        .into_iter()
        .filter(|d| d["codigo"] == "A014")
        .collect();
    // Follow-up may wait for the complaint; health care may not, not even through follow-up.
    assert_eq!(code, 1);
    assert_eq!(a014.len(), 1, "{a014:?}");
    assert_eq!(a014[0]["ruta"], "ruta_atencion.atencion_salud.requiere[1]");
    assert!(a014[0]["mensaje"].as_str().unwrap().contains(
        "espera a «Denuncia y protección judicial» (a través de «Seguimiento del caso»)"
    ));
}

/// The route as every example wrote it before it distinguished populations.
const RUTA_SIN_POBLACIONES: &str = "ruta_atencion:
  - { etapa: identificacion, responsable: fiscalia, plazo_horas: 24 }
  - { etapa: proteccion_inmediata, responsable: jcpd }
  - { etapa: atencion_salud, responsable: msp }
  - { etapa: intervencion_crisis, responsable: msp }
  - { etapa: denuncia_y_proteccion_judicial, responsable: fiscalia }
  - { etapa: reintegracion, responsable: jcpd }
  - { etapa: seguimiento, responsable: ccpd }
";

#[test]
fn a_plan_written_before_the_new_fields_still_reads_and_generates() {
    let mut text = base()
        .replace("desglose: { sexo: { mujeres: 6, hombres: 1 } }, ", "")
        .replace("tipo: resultado, ", "")
        .replace(
            "    fines: [explotacion_sexual]\n    poblaciones: [adolescentes]\n    responsable",
            "    responsable",
        )
        .replace(
            "    fines: [mendicidad]\n    poblaciones: [ninas_ninos]\n    responsable",
            "    responsable",
        );
    let ruta = text.find("ruta_atencion:").unwrap();
    let seguimiento = text.find("seguimiento: {").unwrap();
    text.replace_range(ruta..seguimiento, RUTA_SIN_POBLACIONES);
    let (_dir, path) = write_plan("plan.yaml", &text);
    for extra in [&[][..], &["--estricto"][..]] {
        let (code, json) = validar_json(&path, extra);
        let d = diagnosticos(&json);
        assert_eq!(code, 0, "{d:#?}");
        assert!(d.iter().all(|d| d["severidad"] != "error"));
        // What the new checks ask of it, and nothing else.
        assert_eq!(
            common::codigos(&json),
            ["A010", "A012", "A015", "A016", "A018", "C018", "C019"]
                .into_iter()
                .map(String::from)
                .collect()
        );
    }
    let salida = path.with_extension("md");
    let o = common::cantonal(&[
        "generar",
        path.to_str().unwrap(),
        "--formato",
        "md",
        "-o",
        salida.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(std::fs::read_to_string(&salida).unwrap().contains("Ibarra"));
}
