//! Every rule of the catalogue is triggered by a fixture, and its diagnostic is checked in the
//! JSON output of the real binary: code, severity, line, column, id path, and the text found at
//! that position (so the position is the offending node, not just some number). The base plan
//! triggers none of them.

mod common;

use common::{base, diagnosticos, mutate, validar_json, write_plan};

struct Caso {
    codigo: &'static str,
    buscar: &'static str,
    reemplazar: &'static str,
    opciones: &'static [&'static str],
    severidad: &'static str,
    linea: usize,
    columna: usize,
    ruta: &'static str,
    texto: &'static str,
}

const fn caso(
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
        opciones: &[],
        severidad,
        linea,
        columna,
        ruta,
        texto,
    }
}

const CASOS: &[Caso] = &[
    caso(
        "S001",
        "    titulo: Mendicidad infantil",
        "\ttitulo: Mendicidad infantil",
        "error",
        (18, 1),
        "",
        "\ttitulo",
    ),
    caso(
        "S001",
        "provincia: Imbabura }",
        "provincia: Imbabura",
        "error",
        (5, 8),
        "",
        ": { inicio",
    ),
    caso(
        "S002",
        "    responsable: fiscalia\n",
        "    responsble: fiscalia\n",
        "error",
        (57, 5),
        "acciones.A3.responsble",
        "responsble",
    ),
    caso(
        "S003",
        "{ inicio: 2026-04-01, fin: 2026-12-15 }",
        "{ inicio: 2026-13-01, fin: 2026-12-15 }",
        "error",
        (59, 22),
        "acciones.A3.plazo.inicio",
        "2026-13-01",
    ),
    caso(
        "S003",
        "canton: { codigo: \"1001\"",
        "canton: { codigo: 1001",
        "error",
        (4, 19),
        "canton.codigo",
        "1001",
    ),
    caso(
        "S003",
        "linea_base: 1, meta: 12",
        "linea_base: 1, meta: doce",
        "error",
        (64, 75),
        "acciones.A4.indicador.meta",
        "doce",
    ),
    caso(
        "S004",
        "    descripcion: Mesa cantonal\n",
        "",
        "error",
        (60, 5),
        "acciones.A4",
        "id: A4",
    ),
    caso(
        "S005",
        "estado: borrador",
        "estado: borador",
        "error",
        (6, 9),
        "estado",
        "borador",
    ),
    caso(
        "S005",
        "fines: [explotacion_sexual]",
        "fines: [explotacion_sexaul]",
        "error",
        (13, 13),
        "riesgos.R1.fines[1]",
        "explotacion_sexaul",
    ),
    caso(
        "S006",
        "formato: 1",
        "formato: 2",
        "error",
        (2, 10),
        "formato",
        "2",
    ),
    caso(
        "S007",
        "monto: 4500.00",
        "monto: 4.500",
        "error",
        (46, 27),
        "acciones.A1.presupuesto.monto",
        "4.500",
    ),
    caso(
        "S008",
        "descripcion: Mesa cantonal",
        "descripcion: \"> > > > > > > > > > > > > > > > > > > > > Mesa cantonal\"",
        "error",
        (62, 18),
        "acciones.A4.descripcion",
        "\"> > >",
    ),
    caso(
        "R001",
        "  - id: A2\n",
        "  - id: A1\n",
        "error",
        (47, 9),
        "acciones[2].id",
        "A1",
    ),
    caso(
        "R002",
        "    responsable: ccpd\n    indicador: { nombre: Sesiones",
        "    responsable: cpd\n    indicador: { nombre: Sesiones",
        "error",
        (63, 18),
        "acciones.A4.responsable",
        "cpd",
    ),
    caso(
        "R003",
        "eje: gobernanza",
        "eje: gobernansa",
        "error",
        (36, 20),
        "objetivos.O4.eje",
        "gobernansa",
    ),
    caso(
        "R003",
        "plan_nacional: pacta-2019-2030",
        "plan_nacional: pacta-2020",
        "error",
        (3, 16),
        "plan_nacional",
        "pacta-2020",
    ),
    caso(
        "R003",
        "etapa: atencion_salud",
        "etapa: atencion_medica",
        "error",
        (69, 14),
        "ruta_atencion.atencion_medica.etapa",
        "atencion_medica",
    ),
    caso(
        "R004",
        "institucion: msp",
        "institucion: salud",
        "error",
        (31, 85),
        "actores.msp.institucion",
        "salud",
    ),
    caso(
        "C001",
        "codigo: \"1001\"",
        "codigo: \"1099\"",
        "error",
        (4, 19),
        "canton.codigo",
        "\"1099\"",
    ),
    caso(
        "C001",
        "nombre: Ibarra, provincia: Imbabura",
        "nombre: Otavalo, provincia: Pichincha",
        "error",
        (4, 35),
        "canton.nombre",
        "Otavalo",
    ),
    caso(
        "C002",
        "fin: 2028-12-31 }",
        "fin: 2031-12-31 }",
        "error",
        (5, 37),
        "periodo.fin",
        "2031-12-31",
    ),
    caso(
        "C003",
        "{ inicio: 2026-03-01, fin: 2026-11-30 }",
        "{ inicio: 2026-03-01, fin: 2029-11-30 }",
        "error",
        (45, 39),
        "acciones.A1.plazo.fin",
        "2029-11-30",
    ),
    caso(
        "C004",
        "monto: 4500.00",
        "monto: -4500.00",
        "error",
        (46, 27),
        "acciones.A1.presupuesto.monto",
        "-4500.00",
    ),
    caso(
        "C004",
        "casos: 7,",
        "casos: -7,",
        "error",
        (9, 28),
        "diagnostico.casos[1].casos",
        "-7",
    ),
    caso(
        "C005",
        "estado: borrador",
        "estado: aprobado",
        "error",
        (6, 9),
        "estado",
        "aprobado",
    ),
    caso(
        "C006",
        ", medio_verificacion: Actas }",
        " }",
        "advertencia",
        (64, 5),
        "acciones.A4.indicador",
        "indicador:",
    ),
    Caso {
        opciones: &["--estricto"],
        ..caso(
            "C006",
            ", medio_verificacion: Actas }",
            " }",
            "error",
            (64, 5),
            "acciones.A4.indicador",
            "indicador:",
        )
    },
    caso(
        "C007",
        "linea_base: 1, meta: 12",
        "linea_base: 1, meta: 1",
        "advertencia",
        (64, 75),
        "acciones.A4.indicador.meta",
        "1,",
    ),
    caso(
        "C008",
        "  - { id: msp,",
        "  - { id: oim, nombre: OIM Ecuador, tipo: organismo_internacional }\n  - { id: msp,",
        "advertencia",
        (31, 11),
        "actores.oim.id",
        "oim",
    ),
    caso(
        "C009",
        "descripcion: Mesa cantonal",
        "descripcion: \"POR COMPLETAR: la mesa\"",
        "error",
        (62, 18),
        "acciones.A4.descripcion",
        "\"POR COMPLETAR",
    ),
    caso(
        "A001",
        "  - id: A4\n    objetivo: O4\n",
        "  - id: A4\n    objetivo: O1\n",
        "error",
        (36, 20),
        "objetivos.O4.eje",
        "gobernanza",
    ),
    caso(
        "A002",
        "  - { etapa: atencion_salud, responsable: msp }\n",
        "",
        "error",
        (66, 1),
        "ruta_atencion",
        "ruta_atencion:",
    ),
    caso(
        "A002",
        "{ etapa: proteccion_inmediata, responsable: jcpd }",
        "{ etapa: proteccion_inmediata }",
        "error",
        (68, 5),
        "ruta_atencion.proteccion_inmediata",
        "{ etapa: proteccion_inmediata",
    ),
    caso(
        "A003",
        "    riesgos: [R1]\n    responsable: gad",
        "    responsable: gad",
        "advertencia",
        (11, 9),
        "riesgos.R1.id",
        "R1",
    ),
    caso(
        "A004",
        "    responsable: fiscalia\n",
        "    responsable: gad\n",
        "advertencia",
        (57, 18),
        "acciones.A3.responsable",
        "gad",
    ),
    caso(
        "A005",
        "tipo: junta_cantonal",
        "tipo: sociedad_civil",
        "advertencia",
        (23, 1),
        "actores",
        "actores:",
    ),
    caso(
        "A006",
        "institucion: fiscalia,",
        "institucion: ministerio-gobierno,",
        "advertencia",
        (30, 92),
        "actores.fiscalia.institucion",
        "ministerio-gobierno",
    ),
    caso(
        "A007",
        "institucion: msp, contacto: { telefono: \"(06) 000-0005\" } }",
        "institucion: msp }",
        "advertencia",
        (69, 43),
        "ruta_atencion.atencion_salud.responsable",
        "msp",
    ),
    caso(
        "A008",
        "  - { etapa: reintegracion",
        "  - { etapa: retorno_y_repatriacion, responsable: fiscalia, plazo_horas: 48 }\n  - { etapa: reintegracion",
        "advertencia",
        (72, 74),
        "ruta_atencion.retorno_y_repatriacion.plazo_horas",
        "48",
    ),
    caso(
        "A009",
        "    riesgos: [R2]\n",
        "",
        "sugerencia",
        (19, 13),
        "riesgos.R2.fines[1]",
        "mendicidad",
    ),
];

#[test]
fn every_rule_is_triggered_at_the_offending_node() {
    let mut fallos = Vec::new();
    for c in CASOS {
        let text = mutate(c.buscar, c.reemplazar);
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

/// Rules of review observations files (DESIGN §9): (code, observations beside the base plan,
/// severity, line and column, path, text at that position).
type CasoObservacion = (
    &'static str,
    &'static str,
    &'static str,
    (usize, usize),
    &'static str,
    &'static str,
);
const CASOS_OBSERVACIONES: &[CasoObservacion] = &[
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
];

#[test]
fn every_observation_rule_is_triggered_at_the_observation() {
    for (codigo, obs, severidad, (linea, columna), ruta, texto) in CASOS_OBSERVACIONES {
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

#[test]
fn every_rule_of_the_registry_has_a_triggering_case() {
    for r in cantonal::rules::REGLAS {
        assert!(
            CASOS.iter().any(|c| c.codigo == r.codigo)
                || CASOS_OBSERVACIONES.iter().any(|c| c.0 == r.codigo),
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
    // are fine; a risk rated baja/medio needs no action; accents and case in the canton name.
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
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0]["codigo"].as_str(), d[0]["severidad"].as_str()),
        (Some("C006"), Some("error"))
    );
}
