//! The catalogue of the plan's fields (`src/plan/campos/`) against the serde model's JSON
//! Schema: every field of one is in the other, with the same kind, required flag and fixed
//! values; every field has a help text of its own, written for a form.

use std::collections::BTreeSet;

use cantonal::plan::campos::{self, Campo, Requerido, Tipo};
use serde_json::Value;

/// The schema node behind `$ref` (a definition of the schema `raiz`) and the `anyOf [T, null]`
/// of an optional field.
fn resolver(raiz: &'static Value, mut v: &'static Value) -> &'static Value {
    for _ in 0..8 {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            v = &raiz["$defs"][r.trim_start_matches("#/$defs/")];
        } else if let Some(rama) = v.get("anyOf").and_then(Value::as_array).and_then(|b| {
            b.iter()
                .find(|x| x.get("type") != Some(&Value::from("null")))
        }) {
            v = rama;
        } else {
            break;
        }
    }
    v
}

fn tipos(v: &Value) -> BTreeSet<String> {
    match v.get("type") {
        Some(Value::String(t)) => [t.clone()].into(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .map(str::to_owned)
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// The fixed values of a schema node (an enum, or `oneOf` of documented constants).
fn valores(v: &Value) -> Vec<String> {
    if let Some(e) = v.get("enum").and_then(Value::as_array) {
        return e
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
    }
    v.get("oneOf")
        .and_then(Value::as_array)
        .map(|b| {
            b.iter()
                .filter_map(|x| x.get("const").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn comparar(
    raiz: &'static Value,
    ruta: &str,
    campos: &'static [Campo],
    nodo: &'static Value,
    problemas: &mut Vec<String>,
) {
    let propiedades = nodo["properties"].as_object().cloned().unwrap_or_default();
    let requeridos: BTreeSet<&str> = nodo["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for clave in propiedades.keys() {
        if !campos.iter().any(|c| c.clave == clave) {
            problemas.push(format!(
                "{ruta}.{clave}: in the model, not in the catalogue"
            ));
        }
    }
    for c in campos {
        let aqui = format!("{ruta}.{}", c.clave);
        let Some(p) = nodo["properties"].get(c.clave) else {
            problemas.push(format!("{aqui}: in the catalogue, not in the model"));
            continue;
        };
        if (c.requerido == Requerido::Si) != requeridos.contains(c.clave) {
            problemas.push(format!(
                "{aqui}: catalogue says {:?}, schema required = {}",
                c.requerido,
                requeridos.contains(c.clave)
            ));
        }
        let p = resolver(raiz, p);
        let t = tipos(p);
        let es = |x: &str| t.contains(x);
        let cadena = |items: &'static Value| tipos(resolver(raiz, items)).contains("string");
        let ok = match c.tipo {
            Tipo::Texto | Tipo::Parrafos | Tipo::Catalogo { .. } | Tipo::Referencia { .. } => {
                es("string") && p.get("format").is_none()
            }
            Tipo::Fecha => es("string") && p["format"] == "date",
            Tipo::Entero => es("integer"),
            Tipo::Numero | Tipo::Monto => es("number"),
            Tipo::SiNo => es("boolean"),
            Tipo::Opcion { valores: v } => {
                let del_esquema: BTreeSet<String> = valores(p).into_iter().collect();
                let nuestros: BTreeSet<String> = v.iter().map(|x| x.id.to_owned()).collect();
                !nuestros.is_empty() && del_esquema == nuestros
            }
            Tipo::Catalogos { .. } | Tipo::Referencias { .. } | Tipo::Lugares | Tipo::Textos => {
                es("array") && cadena(&p["items"])
            }
            Tipo::Conteos { .. } => es("object") && p.get("properties").is_none(),
            Tipo::Grupo { campos } => {
                comparar(raiz, &aqui, campos, p, problemas);
                es("object")
            }
            Tipo::Lista { lista } => {
                comparar(
                    raiz,
                    &format!("{aqui}[]"),
                    lista.campos,
                    resolver(raiz, &p["items"]),
                    problemas,
                );
                es("array")
            }
        };
        if !ok {
            problemas.push(format!(
                "{aqui}: catalogue kind {:?} but schema {p}",
                c.tipo
            ));
        }
    }
}

#[test]
fn the_catalogue_and_the_model_describe_the_same_fields() {
    let mut problemas = Vec::new();
    for (nombre, campos, esquema) in [
        ("plan", campos::PLAN, cantonal::plan::schema::plan()),
        (
            "seguimiento",
            campos::SEGUIMIENTO,
            cantonal::plan::schema::seguimiento(),
        ),
    ] {
        let raiz = esquema.estructura();
        comparar(raiz, nombre, campos, resolver(raiz, raiz), &mut problemas);
    }
    assert!(problemas.is_empty(), "{}", problemas.join("\n"));
}

#[test]
fn every_field_has_a_help_of_its_own_written_for_a_form() {
    let mut vistas = std::collections::BTreeMap::new();
    let todos = campos::todos_en(campos::PLAN)
        .into_iter()
        .chain(campos::todos_en(campos::SEGUIMIENTO));
    for (ruta, c) in todos {
        assert!(!c.etiqueta.is_empty() && !c.ayuda.is_empty(), "{ruta}");
        for prohibido in [
            "`",
            "Markdown",
            "true",
            "false",
            "AAAA-MM-DD",
            "Obligatorio",
            "Opcional",
        ] {
            assert!(
                !c.ayuda.contains(prohibido),
                "{ruta}: help speaks of `{prohibido}`: {}",
                c.ayuda
            );
        }
        assert!(c.ayuda.ends_with('.'), "{ruta}: {}", c.ayuda);
        // A field of both files (the version of the format) is one field.
        if let Some(otra) = vistas.insert(c.ayuda, ruta.clone())
            && otra != ruta
        {
            panic!("{ruta} and {otra} share their help: {}", c.ayuda);
        }
    }
}

#[test]
fn every_top_level_field_is_in_one_section_of_the_editor() {
    let mut vistas: Vec<&str> = campos::SECCIONES
        .iter()
        .flat_map(|s| s.claves.iter().copied())
        .collect();
    // The version of the format is written by the program, never by a person.
    vistas.push("formato");
    for c in campos::PLAN {
        assert_eq!(
            vistas.iter().filter(|k| **k == c.clave).count(),
            1,
            "{} is in {} sections",
            c.clave,
            vistas.iter().filter(|k| **k == c.clave).count()
        );
    }
}
