//! Unit tests of the format-preserving save: each edit changes only what it must.

use serde_json::json;

use super::*;

fn editar(texto: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v = leer(texto).unwrap();
    f(&mut v);
    guardar(texto, &v).unwrap().texto
}

#[test]
fn a_scalar_changes_in_place_keeping_comments_and_quotes() {
    let t = "# cabecera\na: 1 # nota\nb: \"x\"\nc: 'y'\n\nd: { e: 4500.00, f: GAD }\n";
    let out = editar(t, |v| {
        v["a"] = json!(2);
        v["b"] = json!("x, z");
        v["c"] = json!("it's");
        v["d"]["e"] = json!(1500.5);
    });
    assert_eq!(
        out,
        "# cabecera\na: 2 # nota\nb: \"x, z\"\nc: 'it''s'\n\nd: { e: 1500.50, f: GAD }\n"
    );
}

#[test]
fn plain_text_that_would_misread_is_quoted() {
    let t = "d: { f: GAD }\ng: h\n";
    let out = editar(t, |v| {
        v["d"]["f"] = json!("Talleres, charlas");
        v["g"] = json!("Nota: “importante” # sí");
    });
    assert_eq!(
        out,
        "d: { f: \"Talleres, charlas\" }\ng: \"Nota: “importante” # sí\"\n"
    );
    let out = editar(t, |v| v["g"] = json!("1001"));
    assert_eq!(out, "d: { f: GAD }\ng: \"1001\"\n");
}

#[test]
fn keys_and_items_are_added_and_removed_by_lines() {
    let t = "lista:\n  # primero\n  - id: A1\n    x: 1\n  - id: A2\n    x: 2\n\notro: 3\n";
    let out = editar(t, |v| {
        let l = v["lista"].as_array_mut().unwrap();
        l.remove(0);
        l.push(json!({"id": "A3", "x": 3, "plazo": {"inicio": "2026-01-01", "fin": "2026-12-31"}}));
        v["nueva"] = json!("sí");
    });
    assert_eq!(
        out,
        "lista:\n  - id: A2\n    x: 2\n  - id: A3\n    x: 3\n    plazo: { inicio: 2026-01-01, fin: 2026-12-31 }\n\notro: 3\nnueva: sí\n"
    );
}

#[test]
fn route_entries_of_one_stage_are_told_apart_by_their_population() {
    let t = "ruta_atencion:\n  # niñez\n  - etapa: identificacion\n    poblacion: ninez_adolescencia\n    responsable: jcpd\n  # adultos\n  - etapa: identificacion\n    poblacion: adultos\n    responsable: fiscalia\n";
    // Swapped: each entry moves with its own comment, nothing is rewritten field by field.
    let out = editar(t, |v| v["ruta_atencion"].as_array_mut().unwrap().swap(0, 1));
    assert_eq!(
        out,
        "ruta_atencion:\n  # adultos\n  - etapa: identificacion\n    poblacion: adultos\n    responsable: fiscalia\n  # niñez\n  - etapa: identificacion\n    poblacion: ninez_adolescencia\n    responsable: jcpd\n"
    );
}

#[test]
fn an_empty_list_and_an_empty_value_take_their_first_content() {
    let t = "riesgos: []\nr:\n  - etapa: a\n    responsable:\n    apoyo: []\n";
    let out = editar(t, |v| {
        v["riesgos"] = json!([{"id": "R1", "fines": ["a", "b"]}]);
        v["r"][0]["responsable"] = json!("gad");
        v["r"][0]["apoyo"] = json!(["x"]);
    });
    assert_eq!(
        out,
        "riesgos:\n  - id: R1\n    fines: [a, b]\nr:\n  - etapa: a\n    responsable: gad\n    apoyo: [x]\n"
    );
}

#[test]
fn block_text_stays_a_block() {
    let t = "a:\n  texto: |\n    uno\n    dos\n\n  b: 1\n";
    let out = editar(t, |v| v["a"]["texto"] = json!("uno\n\ntres\n"));
    assert_eq!(out, "a:\n  texto: |\n    uno\n\n    tres\n\n  b: 1\n");
    let out = editar(t, |v| v["a"]["texto"] = json!("corto"));
    assert_eq!(out, "a:\n  texto: corto\n\n  b: 1\n");
}

#[test]
fn moved_items_keep_their_text() {
    let t = "l:\n  - id: A1 # uno\n    x: 1\n  - id: A2\n    x: 2\n";
    let out = editar(t, |v| {
        let l = v["l"].as_array_mut().unwrap();
        l.swap(0, 1);
        l[1]["x"] = json!(5);
    });
    assert_eq!(
        out,
        "l:\n  - id: A2\n    x: 2\n  - id: A1 # uno\n    x: 5\n"
    );
}

#[test]
fn flow_items_get_flow_siblings() {
    let t = "objetivos:\n  - { id: O1, eje: a }\n";
    let out = editar(t, |v| {
        v["objetivos"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "O2", "eje": "b, c"}));
    });
    assert_eq!(
        out,
        "objetivos:\n  - { id: O1, eje: a }\n  - { id: O2, eje: \"b, c\" }\n"
    );
}

fn guardado(texto: &str, f: impl FnOnce(&mut Value)) -> Guardado {
    let mut v = leer(texto).unwrap();
    f(&mut v);
    guardar(texto, &v).unwrap()
}

#[test]
fn each_line_keeps_its_own_ending() {
    // One CRLF line in a file of LF lines stays the only one; a new line takes the ending of
    // the line where it goes.
    let t = "a: 1\r\nb: 2\nc:\n  - x\n";
    let out = editar(t, |v| {
        v["b"] = json!(3);
        v["c"].as_array_mut().unwrap().push(json!("z"));
    });
    assert_eq!(out, "a: 1\r\nb: 3\nc:\n  - x\n  - z\n");
    let t = "\u{feff}a: 1\r\nb:\r\n  c: 2\r\n";
    let out = editar(t, |v| v["b"]["d"] = json!("nuevo"));
    assert_eq!(out, "\u{feff}a: 1\r\nb:\r\n  c: 2\r\n  d: nuevo\r\n");
    let t = "a: 1\rb: 2\r";
    assert_eq!(editar(t, |v| v["a"] = json!(5)), "a: 5\rb: 2\r");
}

#[test]
fn removing_the_first_key_of_an_item_keeps_the_rest_and_its_comments() {
    let t = "l:\n  # el primero\n  - id: A1 # se va\n    # del nombre\n    nombre: uno\n    x: 1\n  - id: A2\n    nombre: dos\n";
    let g = guardado(t, |v| {
        v["l"][0].as_object_mut().unwrap().remove("id");
    });
    assert_eq!(
        g.texto,
        "l:\n  # el primero\n  # del nombre\n  - nombre: uno\n    x: 1\n  - id: A2\n    nombre: dos\n"
    );
    assert!(g.avisos.is_empty(), "{:?}", g.avisos);
}

#[test]
fn a_flow_list_over_several_lines_is_edited_item_by_item() {
    let t = "fines: [explotacion_sexual, # la principal\n        mendicidad,\n        trabajo_forzoso]  # fin\notro: 1\n";
    let out = editar(t, |v| {
        v["fines"] = json!(["explotacion_sexual", "trabajo_forzoso", "mendicidad_x"]);
    });
    assert_eq!(
        out,
        "fines: [explotacion_sexual, # la principal\n        trabajo_forzoso,\n        mendicidad_x]  # fin\notro: 1\n"
    );
    let out = editar("a: [p, q, r]\n", |v| v["a"] = json!(["p"]));
    assert_eq!(out, "a: [p]\n");
    let out = editar("a: [p, r]\n", |v| v["a"] = json!(["p", "q", "r"]));
    assert_eq!(out, "a: [p, q, r]\n");
}

#[test]
fn an_anchor_stays_and_an_alias_that_must_keep_its_value_is_written_out() {
    let t = "a: &base 10 # nota\nb: *base\n";
    let g = guardado(t, |v| v["a"] = json!(20));
    assert_eq!(g.texto, "a: &base 20 # nota\nb: 10\n");
    assert_eq!(g.avisos.len(), 1, "{:?}", g.avisos);
    assert!(g.avisos[0].contains("`b`"), "{:?}", g.avisos);
    // Both changed alike: the alias still says it.
    let g = guardado(t, |v| {
        v["a"] = json!(30);
        v["b"] = json!(30);
    });
    assert_eq!(g.texto, "a: &base 30 # nota\nb: *base\n");
    assert!(g.avisos.is_empty());
    let t = "p: &plazo\n  inicio: 2026-01-01\n  fin: 2026-12-31\nq: *plazo\n";
    let g = guardado(t, |v| v["p"]["fin"] = json!("2027-06-30"));
    assert_eq!(
        g.texto,
        "p: &plazo\n  inicio: 2026-01-01\n  fin: 2027-06-30\nq: { inicio: 2026-01-01, fin: 2026-12-31 }\n"
    );
}

#[test]
fn separators_and_yaml_1_1_booleans_are_saved_quoted() {
    let t = "a: x\nb: y\nc: z\n";
    let out = editar(t, |v| {
        v["a"] = json!("uno\u{2028}dos\u{2029}tres\u{85}");
        v["b"] = json!("yes");
        v["c"] = json!("on");
    });
    assert_eq!(out, "a: \"uno\\Ldos\\Ptres\\N\"\nb: \"yes\"\nc: \"on\"\n");
}

#[test]
fn a_mapping_whose_keys_all_change_is_written_again() {
    let t = "r:\n  # c4\n  k0:\n    k1: a # c6\notro: 1\n";
    let out = editar(t, |v| {
        v["r"] = json!({"inicio": "2026-01-01", "fin": "2026-12-31"})
    });
    assert_eq!(out, "r: { inicio: 2026-01-01, fin: 2026-12-31 }\notro: 1\n");
    let t = "r:\n  a: 1\n  b: 2 # fin\notro: 1\n";
    let out = editar(t, |v| {
        let m = v["r"].as_object_mut().unwrap();
        m.remove("b");
        m.insert("c".into(), json!(3));
    });
    assert_eq!(out, "r:\n  a: 1\n  c: 3\notro: 1\n");
}

#[test]
fn a_collection_written_anew_says_that_its_comments_are_lost() {
    let t = "a:\n  - [x, y] # nota\n";
    let g = guardado(t, |v| v["a"] = json!("texto"));
    assert_eq!(g.texto, "a: texto\n");
    assert_eq!(g.avisos.len(), 1, "{:?}", g.avisos);
    assert!(g.avisos[0].contains("`a`"));
}
