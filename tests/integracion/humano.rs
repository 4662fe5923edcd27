//! Snapshots of the human output for representative problems: what a municipal official reads.

use std::path::Path;

use crate::common::{base, mutate};
use cantonal::diagnostics::human;
use cantonal::rules::Opciones;
use cantonal::validar_texto;

fn human_output(text: &str) -> String {
    let v = validar_texto(Path::new("plans/ibarra.yaml"), text, Opciones::default());
    human::render("plans/ibarra.yaml", &v.loaded.texto, &v.diagnostics, false)
}

#[test]
fn unknown_actor_with_suggestion() {
    insta::assert_snapshot!(human_output(&mutate(
        "    responsable: ccpd\n    indicador: { nombre: Sesiones",
        "    responsable: cpd\n    indicador: { nombre: Sesiones"
    )));
}

#[test]
fn misspelled_key_and_missing_field() {
    insta::assert_snapshot!(human_output(&mutate(
        "    responsable: fiscalia\n",
        "    responsble: fiscalia\n"
    )));
}

#[test]
fn missing_route_stage() {
    insta::assert_snapshot!(human_output(&mutate(
        "  - { etapa: atencion_salud, poblacion: todas, responsable: msp, plazo_horas: 12 }\n",
        ""
    )));
}

#[test]
fn tab_indentation() {
    insta::assert_snapshot!(human_output(
        &base().replace("    impacto: alto", "\timpacto: alto")
    ));
}

#[test]
fn warnings_and_suggestions() {
    let text = mutate("    riesgos: [R2]\n", "")
        .replace("linea_base: 1, meta: 12", "linea_base: 1, meta: 1");
    insta::assert_snapshot!(human_output(&text));
}

#[test]
fn a_file_with_very_many_problems_shows_the_first_hundred() {
    // 150 unknown fields: each is an S002; the JSON output has them all.
    let claves = |n: usize| -> String { (0..n).map(|i| format!("clave_{i:03}: 1\n")).collect() };
    let out = human_output(&format!("{}{}", base(), claves(150)));
    assert_eq!(out.matches("error[S002]").count(), 100);
    assert!(
        out.ends_with("plans/ibarra.yaml: 50 diagnósticos más sin mostrar; `cantonal validar --formato json plans/ibarra.yaml` muestra la lista completa.\n\n"),
        "{}",
        &out[out.len() - 300..]
    );
    let uno = human_output(&format!("{}{}", base(), claves(101)));
    assert!(
        uno.ends_with("plans/ibarra.yaml: 1 diagnóstico más sin mostrar; `cantonal validar --formato json plans/ibarra.yaml` muestra la lista completa.\n\n"),
        "{}",
        &uno[uno.len() - 300..]
    );
    // Past the first hundred unknown fields of a mapping, no misspelling is looked for.
    let ayuda = |texto: String| {
        let v = validar_texto(Path::new("plan.yaml"), &texto, Opciones::default());
        v.diagnostics
            .iter()
            .find(|d| d.mensaje == "campo desconocido `estdo`")
            .map(|d| d.ayuda.clone())
            .unwrap()
    };
    let lejos = ayuda(format!("{}{}estdo: borrador\n", base(), claves(150)));
    assert!(
        lejos.starts_with("Los campos válidos aquí son: `formato`, "),
        "{lejos}"
    );
    let cerca = ayuda(format!("{}estdo: borrador\n", base()));
    assert!(cerca.starts_with("¿Quiso decir `estado`?"), "{cerca}");
}
