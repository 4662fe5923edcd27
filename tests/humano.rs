//! Snapshots of the human output for representative problems: what a municipal official reads.

mod common;

use std::path::Path;

use cantonal::diagnostics::human;
use cantonal::rules::Opciones;
use cantonal::validar_texto;
use common::{base, mutate};

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
