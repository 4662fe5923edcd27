//! The law as of 2026, the smuggling of migrants and the checks an adviser makes before the
//! Concejo: every rule added for them triggered at its node on a change of the base plan (as in
//! `reglas.rs`, whose runner they share), the Junta Cantonal's competence by population, the
//! Distrito Metropolitano of Quito, the legal framework and the approval page of the printed
//! plan, and `informe` and `validar --estricto` agreeing on what a gap is.

use crate::common::{self, base, codigos, mutate, validar_json, write_plan};
use crate::reglas::{Caso, CasoObservacion, caso, comprobar_casos, comprobar_observaciones};

/// A risk of smuggling of migrants, added after the base plan's risks.
const RIESGO_TRAFICO: &str = "    impacto: medio\n  - { id: R3, titulo: Cruce irregular de la frontera, tipo: trafico_migrantes, poblaciones: [personas_en_movilidad, adolescentes], probabilidad: media, impacto: medio }\n";

pub(crate) const CASOS: &[Caso] = &[
    caso(
        "C022",
        "    titulo: Mendicidad infantil\n    fines: [mendicidad]\n",
        "    titulo: Mendicidad infantil\n",
        "error",
        (17, 5),
        "riesgos.R2",
        "id: R2",
    ),
    caso(
        "C022",
        "    titulo: Mendicidad infantil\n",
        "    titulo: Mendicidad infantil\n    tipo: trafico_migrantes\n",
        "error",
        (20, 12),
        "riesgos.R2.fines",
        "[mendicidad]",
    ),
    caso(
        "A019",
        "canton: { codigo: \"1001\", nombre: Ibarra, provincia: Imbabura }",
        "canton: { codigo: \"0401\", nombre: Tulcán, provincia: Carchi }",
        "sugerencia",
        (10, 1),
        "riesgos",
        "riesgos:",
    ),
    caso(
        "A019",
        "canton: { codigo: \"1001\", nombre: Ibarra, provincia: Imbabura }",
        "canton: { codigo: \"0701\", nombre: Machala, provincia: El Oro }",
        "sugerencia",
        (10, 1),
        "riesgos",
        "riesgos:",
    ),
    caso(
        "A020",
        "    impacto: medio\n",
        RIESGO_TRAFICO,
        "advertencia",
        (23, 5),
        "riesgos.R3",
        "{ id: R3",
    ),
    caso(
        "A020",
        "    impacto: medio\n",
        RIESGO_TRAFICO,
        "error",
        (23, 5),
        "riesgos.R3",
        "{ id: R3",
    )
    .estricto(),
    caso(
        "A021",
        "    impacto: medio\n",
        RIESGO_TRAFICO,
        "advertencia",
        (23, 5),
        "riesgos.R3",
        "{ id: R3",
    ),
    caso(
        "A022",
        "seguimiento: {",
        "ruta_trafico:\n  - { etapa: deteccion, responsable: fiscalia, descripcion: Se detiene al migrante y se lo entrega para su deportación. }\nseguimiento: {",
        "advertencia",
        (82, 61),
        "ruta_trafico.deteccion.descripcion",
        "Se detiene",
    ),
    caso(
        "A022",
        "seguimiento: {",
        "ruta_trafico:\n  - { etapa: deteccion, responsable: fiscalia }\n  - { etapa: asistencia_humanitaria, responsable: gad, requiere: [denuncia] }\nseguimiento: {",
        "advertencia",
        (83, 67),
        "ruta_trafico.asistencia_humanitaria.requiere[1]",
        "denuncia",
    ),
    caso(
        "A023",
        "    presupuesto: { monto: 1500, fuente: GAD de Ibarra }\n",
        "",
        "advertencia",
        (35, 20),
        "objetivos.O3.eje",
        "investigacion",
    ),
    caso(
        "C023",
        "monto: 4500.00, fuente: GAD Municipal }",
        "monto: 4500.00, fuente: GAD Municipal y MDT }",
        "advertencia",
        (48, 44),
        "acciones.A1.presupuesto.fuente",
        "GAD Municipal y MDT",
    ),
    caso(
        "C023",
        "monto: 4500.00, fuente: GAD Municipal }",
        "monto: 4500.00, fuente: GAD Municipal y MDT, financia: mixto }",
        "advertencia",
        (48, 75),
        "acciones.A1.presupuesto.financia",
        "mixto",
    ),
    caso(
        "C024",
        "estado: borrador",
        "estado: aprobado\naprobacion: { instrumento: resolucion, numero: \"14\", fecha: 2026-01-10, organo: Concejo Municipal de Ibarra }",
        "advertencia",
        (7, 1),
        "aprobacion",
        "aprobacion:",
    ),
    caso(
        "C025",
        "estado: borrador",
        "estado: borrador\naprobacion: { instrumento: resolucion, numero: \"14\", fecha: 2026-03-15, organo: Concejo Municipal de Ibarra }",
        "advertencia",
        (48, 22),
        "acciones.A1.plazo.inicio",
        "2026-03-01",
    ),
    caso(
        "C026",
        "estado: borrador",
        "estado: borrador\nelaboracion: { fecha: 2026-02-01 }",
        "advertencia",
        (5, 20),
        "periodo.inicio",
        "2026-01-01",
    ),
    // Three of the four actions without budget.
    caso(
        "C027",
        "    presupuesto: { monto: 3000, fuente: Municipio de Ibarra }\n",
        "",
        "error",
        (37, 1),
        "acciones",
        "acciones:",
    )
    .tambien(
        "    presupuesto: { monto: 1500, fuente: GAD de Ibarra }\n  - id: A4\n    objetivo: O4\n    descripcion: Mesa cantonal\n    responsable: ccpd\n    indicador: { nombre: Sesiones, tipo: resultado, unidad: sesiones, linea_base: 1, meta: 12, medio_verificacion: Actas }\n    plazo: { inicio: 2026-01-15, fin: 2028-12-15 }\n    presupuesto: { monto: 1200, fuente: Presupuesto municipal }\n",
        "  - id: A4\n    objetivo: O4\n    descripcion: Mesa cantonal\n    responsable: ccpd\n    indicador: { nombre: Sesiones, tipo: resultado, unidad: sesiones, linea_base: 1, meta: 12, medio_verificacion: Actas }\n    plazo: { inicio: 2026-01-15, fin: 2028-12-15 }\n",
    )
    .estricto(),
    caso(
        "C028",
        "nombre: Hospital de Ibarra,",
        "nombre: Hospital de Ibarra y UPC Norte,",
        "sugerencia",
        (31, 24),
        "actores.msp.nombre",
        "Hospital de Ibarra y UPC Norte",
    ),
    caso(
        "C029",
        "estado: borrador",
        "estado: borrador\naprobacion: { instrumento: ordenanza, numero: \"14\", fecha: 2026-01-10, primer_debate: 2026-01-20, organo: Concejo Municipal de Ibarra }",
        "advertencia",
        (7, 87),
        "aprobacion.primer_debate",
        "2026-01-20",
    ),
    // Quito is a Distrito Metropolitano: its plan is approved by the Concejo Metropolitano.
    caso(
        "C011",
        "canton: { codigo: \"1001\", nombre: Ibarra, provincia: Imbabura }\nperiodo: { inicio: 2026-01-01, fin: 2028-12-31 }\nestado: borrador",
        "canton: { codigo: \"1701\", nombre: Quito, provincia: Pichincha }\nperiodo: { inicio: 2026-01-01, fin: 2028-12-31 }\nestado: borrador\naprobacion: { instrumento: ordenanza, numero: \"14\", fecha: 2026-01-10, organo: Concejo Municipal de Quito }",
        "advertencia",
        (7, 80),
        "aprobacion.organo",
        "Concejo Municipal de Quito",
    ),
];

pub(crate) const CASOS_OBSERVACIONES: &[CasoObservacion] = &[(
    "O004",
    "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A1.indicador.meta, texto: La meta es baja., estado: resuelta, valor_inicial: \"1200\" }\n",
    "advertencia",
    (4, 74),
    "observaciones[1].estado",
    "resuelta",
)];

#[test]
fn every_rule_of_the_law_is_triggered_at_its_node() {
    comprobar_casos(CASOS);
}

#[test]
fn a_resolution_that_changed_nothing_is_found() {
    comprobar_observaciones(CASOS_OBSERVACIONES);
}

/// The codes of validating `text` (a plan), optionally with `--estricto`.
fn codigos_de(text: &str, extra: &[&str]) -> std::collections::BTreeSet<String> {
    let (_dir, path) = write_plan("plan.yaml", text);
    let (_, json) = validar_json(&path, extra);
    codigos(&json)
}

/// The base plan with one more entry of the route.
fn con_entrada(entrada: &str) -> String {
    mutate(
        "  - { etapa: atencion_salud,",
        &format!("  - {entrada}\n  - {{ etapa: atencion_salud,"),
    )
}

#[test]
fn the_junta_answers_for_children_and_for_adult_women_in_immediate_protection_only() {
    // Children: its own competence, in any stage.
    let ninez = con_entrada(
        "{ etapa: reintegracion, poblacion: ninez_adolescencia, responsable: jcpd, plazo_horas: 720, evaluacion_riesgo: Visita de la Junta. }",
    )
    .replace(
        "{ etapa: reintegracion, poblacion: todas,",
        "{ etapa: reintegracion, poblacion: adultos,",
    )
    .replace(
        "  - { etapa: seguimiento,",
        "  - { etapa: reintegracion, poblacion: extranjeros, responsable: gad, plazo_horas: 720, evaluacion_riesgo: Visita. }\n  - { etapa: seguimiento,",
    );
    assert!(!codigos_de(&ninez, &[]).contains("A012"));
    // Adult women: immediate protection measures under the LOIPEVM, beside whoever shelters.
    let mujeres = con_entrada(
        "{ etapa: proteccion_inmediata, poblacion: mujeres_adultas, responsable: jcpd, plazo_horas: 24 }",
    );
    let c = codigos_de(&mujeres, &["--estricto"]);
    assert!(
        !c.contains("A012") && !c.contains("R001") && !c.contains("A011"),
        "{c:?}"
    );
    // …but not their shelter or their reintegration.
    let reintegracion = con_entrada(
        "{ etapa: reintegracion, poblacion: mujeres_adultas, responsable: jcpd, plazo_horas: 720, evaluacion_riesgo: Visita. }",
    );
    let (_dir, path) = write_plan("plan.yaml", &reintegracion);
    let (_, json) = validar_json(&path, &[]);
    let d = common::diagnosticos(&json)
        .into_iter()
        .find(|d| d["codigo"] == "A012")
        .expect("A012 for adult women outside immediate protection");
    assert!(
        d["mensaje"]
            .as_str()
            .unwrap()
            .contains("solo puede serlo en «Protección inmediata y acogida»"),
        "{d:#}"
    );
    // Adult men (and adults in general, or every victim): flagged, with the exception explained.
    for poblacion in ["adultos", "todas"] {
        let texto = mutate(
            "{ etapa: proteccion_inmediata, poblacion: todas, responsable: gad,",
            &format!("{{ etapa: proteccion_inmediata, poblacion: {poblacion}, responsable: jcpd,"),
        );
        let (_dir, path) = write_plan("plan.yaml", &texto);
        let (_, json) = validar_json(&path, &[]);
        let d = common::diagnosticos(&json)
            .into_iter()
            .find(|d| d["codigo"] == "A012")
            .unwrap_or_else(|| panic!("A012 for {poblacion}"));
        assert_eq!(d["ruta"], "ruta_atencion.proteccion_inmediata.responsable");
        let ayuda = d["ayuda"].as_str().unwrap();
        assert!(ayuda.contains("`poblacion: mujeres_adultas`"), "{ayuda}");
        assert!(
            ayuda.contains(
                "Ley Orgánica Integral para Prevenir y Erradicar la Violencia contra las Mujeres"
            ),
            "{ayuda}"
        );
    }
    // The explanation no longer says that a woman sent to the Junta is left unprotected.
    let explicacion = cantonal::rules::regla("A012").unwrap().explicacion_texto();
    assert!(
        !explicacion.contains("queda sin protección"),
        "{explicacion}"
    );
    assert!(explicacion.contains("mujeres adultas"), "{explicacion}");
}

/// A plan of Tulcán, a border canton, with a risk of smuggling answered by an action and a route
/// that protects the migrant.
fn tulcan() -> String {
    mutate(
        "canton: { codigo: \"1001\", nombre: Ibarra, provincia: Imbabura }",
        "canton: { codigo: \"0401\", nombre: Tulcán, provincia: Carchi }",
    )
    .replace("    impacto: medio\n", RIESGO_TRAFICO)
    .replace("    riesgos: [R1]\n", "    riesgos: [R1, R3]\n")
    .replace(
        "seguimiento: {",
        "ruta_trafico:\n  - { etapa: deteccion, responsable: fiscalia, descripcion: Se pone a salvo a la persona. Se detiene a los traficantes. }\n  - { etapa: asistencia_humanitaria, responsable: gad, requiere: [deteccion] }\n  - { etapa: informacion_derechos, responsable: fiscalia }\nseguimiento: {",
    )
}

#[test]
fn a_border_canton_with_its_smuggling_answered_is_quiet() {
    let c = codigos_de(&tulcan(), &["--estricto"]);
    assert!(c.is_empty(), "{c:?}");
    // Without the route, the risk asks for it; without the action, for an action.
    let sin_ruta = tulcan().replace("ruta_trafico:\n", "otra_cosa:\n");
    assert!(codigos_de(&sin_ruta, &[]).contains("S002"));
    let sin_ruta = {
        let t = tulcan();
        let i = t.find("ruta_trafico:").unwrap();
        let j = t.find("seguimiento: {").unwrap();
        format!("{}{}", &t[..i], &t[j..])
    };
    assert!(codigos_de(&sin_ruta, &[]).contains("A021"));
    let sin_accion = tulcan().replace("    riesgos: [R1, R3]\n", "    riesgos: [R1]\n");
    assert!(codigos_de(&sin_accion, &[]).contains("A020"));
    // A canton far from any border is not asked about smuggling.
    assert!(!codigos_de(&base(), &[]).contains("A019"));
}

#[test]
fn budgets_split_between_the_municipality_and_others_are_counted_by_share() {
    // «GAD Municipal y MDT» split with `financia: mixto`: no question about it.
    let dividida = mutate(
        "monto: 4500.00, fuente: GAD Municipal }",
        "monto: 4500.00, fuente: GAD Municipal y MDT, financia: mixto, aporte_municipal: 2000 }",
    );
    assert!(!codigos_de(&dividida, &[]).contains("C023"));
    // A municipal share of exactly the tenth part is enough; below it, C015 with its reason.
    let justo = mutate(
        "monto: 4500.00, fuente: GAD Municipal }",
        "monto: 51000.00, fuente: Cooperación internacional }",
    );
    assert!(!codigos_de(&justo, &[]).contains("C015"));
    let poco = mutate(
        "monto: 4500.00, fuente: GAD Municipal }",
        "monto: 51400.00, fuente: Cooperación internacional }",
    );
    let (_dir, path) = write_plan("plan.yaml", &poco);
    let (_, json) = validar_json(&path, &[]);
    let d = common::diagnosticos(&json)
        .into_iter()
        .find(|d| d["codigo"] == "C015")
        .unwrap();
    assert!(
        d["mensaje"].as_str().unwrap().contains("menos que 10 %"),
        "{d:#}"
    );
    assert!(
        d["ayuda"]
            .as_str()
            .unwrap()
            .contains("criterio de `cantonal`"),
        "{d:#}"
    );
}

#[test]
fn informe_and_validar_agree_on_what_a_gap_is() {
    const BRECHAS: [&str; 6] = ["A001", "A002", "A011", "A023", "C016", "C027"];
    let planes = [
        base(),
        mutate(
            "    presupuesto: { monto: 1500, fuente: GAD de Ibarra }\n",
            "",
        ),
        mutate(
            "diagnostico:\n  casos:\n    - { anio: 2024, casos: 7, desglose: { sexo: { mujeres: 6, hombres: 1 } }, fuente: Fiscalía }\n",
            "",
        ),
        mutate(
            "{ etapa: atencion_salud, poblacion: todas,",
            "{ etapa: atencion_salud, poblacion: adultos,",
        ),
        mutate(
            "  - { etapa: seguimiento, poblacion: todas, responsable: ccpd, plazo_horas: 720 }\n",
            "",
        ),
    ];
    for (i, texto) in planes.iter().enumerate() {
        let (dir, path) = write_plan("plan.yaml", texto);
        let (_, json) = validar_json(&path, &["--estricto"]);
        let en_validar = codigos(&json)
            .into_iter()
            .filter(|c| BRECHAS.contains(&c.as_str()))
            .count()
            > 0;
        let out =
            common::cantonal_ok(&["informe", dir.path().to_str().unwrap(), "--formato", "json"]);
        let informe: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let brechas = informe["planes"][0]["brechas"].as_u64().unwrap();
        assert_eq!(brechas > 0, en_validar, "plan {i}: {json:#}");
    }
    // The examples: no gap in either.
    let out = common::cantonal_ok(&["informe", "plans", "--formato", "json"]);
    let informe: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for p in informe["planes"].as_array().unwrap() {
        assert_eq!(p["brechas"], 0, "{}", p["canton"]);
    }
}

#[test]
fn quito_starts_with_its_concejo_metropolitano_and_no_period_in_the_past() {
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(["nuevo", "--canton", "Quito"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let texto = std::fs::read_to_string(dir.path().join("quito.yaml")).unwrap();
    assert!(
        texto.contains("organo: Concejo Metropolitano de Quito"),
        "{texto}"
    );
    assert!(!texto.contains("Concejo Municipal de Quito"));
    let plan = cantonal::validar(
        &dir.path().join("quito.yaml"),
        cantonal::rules::Opciones::default(),
    );
    let plan = plan.loaded.datos.unwrap();
    let hoy = chrono::Local::now().date_naive();
    assert!(plan.periodo.inicio > hoy, "{}", plan.periodo.inicio);
    assert!(plan.periodo.inicio >= plan.elaboracion.as_ref().unwrap().fecha);
}

#[test]
fn the_printed_framework_names_the_law_and_the_vistas_cite_only_norms() {
    let (_dir, path) = write_plan("plan.yaml", base());
    let md = String::from_utf8(common::generado("md", &path, None)).unwrap();
    let marco = &md[md.find("## 5. Marco normativo").unwrap()..md.find("## 6. Enfoques").unwrap()];
    assert!(
        marco.contains("**Ley Orgánica contra Trata de Personas y Tráfico Ilícito de Migrantes**")
    );
    // What is partial is attributed, never printed as certain; the 2014 text of article 91 is
    // not quoted as the law in force.
    assert!(
        marco.contains("según las notas de la Asamblea Nacional"),
        "{marco}"
    );
    assert!(
        !md.contains("transportación, traslado, entrega"),
        "no literal quote of article 91"
    );
    assert!(md.contains("Según el artículo 91 del COIP"));
    // The glossary defines victim, exploitation and smuggling, each with its source.
    for t in [
        "**Víctima:**",
        "**Explotación:**",
        "**Tráfico ilícito de migrantes:**",
    ] {
        assert!(md.contains(t), "{t}");
    }
    // Every acronym the document uses is in its table of acronyms.
    let tabla = &md[md.find("## 1. Siglas").unwrap()..md.find("## 2. Presentación").unwrap()];
    let cuerpo = &md[md.find("## 2. Presentación").unwrap()..];
    let mut sin_significado: Vec<&str> = cuerpo
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
        })
        .filter(|w| !["EJEMPLO", "BORRADOR"].contains(w))
        .filter(|w| !tabla.contains(&format!("| {w} |")) && !tabla.contains(&format!("| {w} ")))
        .collect();
    sin_significado.sort();
    sin_significado.dedup();
    assert!(sin_significado.is_empty(), "{sin_significado:?}");
    // No acronym for the Comité Interinstitucional, which is none.
    assert!(!tabla.contains("| Comité Interinstitucional |"));
}

#[test]
fn comparar_shows_an_added_budget_and_the_observations_each_change_answers() {
    let dir = tempfile::tempdir().unwrap();
    let antes = dir.path().join("antes.yaml");
    let despues = dir.path().join("despues.yaml");
    std::fs::write(
        &antes,
        mutate(
            "    presupuesto: { monto: 3000, fuente: Municipio de Ibarra }\n",
            "",
        ),
    )
    .unwrap();
    std::fs::write(&despues, base()).unwrap();
    std::fs::write(
        dir.path().join("antes.observaciones.yaml"),
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A2.presupuesto, texto: La acogida no tiene presupuesto. }\n  - { ruta: acciones.A1.indicador.meta, texto: Revise la meta. }\n",
    )
    .unwrap();
    let out = common::cantonal_ok(&[
        "comparar",
        antes.to_str().unwrap(),
        despues.to_str().unwrap(),
    ]);
    let texto = String::from_utf8(out.stdout).unwrap();
    assert!(
        texto.contains("+ acciones.A2.presupuesto: monto: USD 3.000,00; fuente: Municipio de Ibarra (agregado) [responde a la observación 1]"),
        "{texto}"
    );
    assert!(
        texto.contains("1 (abierta), acciones.A2.presupuesto: la responde 1 cambio"),
        "{texto}"
    );
    assert!(
        texto.contains("2 (abierta), acciones.A1.indicador.meta: ningún cambio la responde"),
        "{texto}"
    );
}

#[test]
fn the_review_copy_shows_the_value_of_the_observed_field() {
    let (dir, path) = write_plan("plan.yaml", base());
    let obs = dir.path().join("plan.observaciones.yaml");
    std::fs::write(
        &obs,
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A1.indicador.meta, texto: La meta es baja., estado: resuelta, valor_inicial: \"1000\", valor_al_resolver: \"1200\" }\n",
    )
    .unwrap();
    let md = String::from_utf8(common::generado("md", &path, Some(&obs))).unwrap();
    assert!(
        md.contains("Valor al observar: 1000 · al resolver: 1200 · hoy: 1200"),
        "{md}"
    );
}
