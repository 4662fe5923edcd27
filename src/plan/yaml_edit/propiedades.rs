//! Property tests of the format-preserving save: random documents (mappings, lists of items,
//! flow lists, comments above entries and after values) under random edits. The saved text must
//! read back as exactly the edited value, and keep every comment except those of what the edit
//! removed.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::{guardar, leer};

/// A generated document node. Every entry and item carries the number of its comment.
#[derive(Debug, Clone)]
enum Nodo {
    Escalar(Value),
    Mapa(Vec<(String, Nodo)>),
    /// A list of mappings, each with an `id` first.
    Items(Vec<Vec<(String, Nodo)>>),
    /// A list of plain words in flow style, spread over lines.
    Flujo(Vec<String>),
}

fn escalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-z]{1,8}".prop_map(Value::from),
        (0i64..5000).prop_map(Value::from),
        Just(json!("Dos palabras")),
    ]
}

fn nodo(hondura: u32) -> BoxedStrategy<Nodo> {
    let hoja = escalar().prop_map(Nodo::Escalar).boxed();
    if hondura == 0 {
        return hoja;
    }
    prop_oneof![
        3 => hoja,
        2 => proptest::collection::vec(nodo(hondura - 1), 1..4).prop_map(|v| {
            Nodo::Mapa(v.into_iter().enumerate().map(|(i, n)| (format!("k{i}"), n)).collect())
        }),
        1 => proptest::collection::vec(proptest::collection::vec(escalar(), 1..3), 1..4).prop_map(|items| {
            Nodo::Items(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, campos)| {
                        let mut m = vec![("id".to_owned(), Nodo::Escalar(json!(format!("I{i}"))))];
                        m.extend(campos.into_iter().enumerate().map(|(j, v)| (format!("c{j}"), Nodo::Escalar(v))));
                        m
                    })
                    .collect(),
            )
        }),
        1 => proptest::collection::vec("[a-z]{1,6}", 1..5).prop_map(Nodo::Flujo),
    ]
    .boxed()
}

/// Writes the document; each comment is `# cN` with a fresh N. Returns, for each path, the
/// comments that belong to the entry or item there (above it, after it, inside it).
struct Escritor {
    texto: String,
    n: usize,
    /// (path of an entry or item, comment numbers of it and of everything inside it)
    propios: Vec<(Vec<String>, Vec<usize>)>,
}

impl Escritor {
    fn comentario(&mut self) -> usize {
        self.n += 1;
        self.n
    }

    fn mapa(&mut self, campos: &[(String, Nodo)], sangria: usize, path: &mut Vec<String>) {
        let pad = " ".repeat(sangria);
        for (k, v) in campos {
            path.push(k.clone());
            let inicio = self.n;
            let c = self.comentario();
            self.texto.push_str(&format!("{pad}# c{c}\n{pad}{k}:"));
            self.valor(v, sangria, path);
            self.cerrar(path, inicio);
            path.pop();
        }
    }

    fn cerrar(&mut self, path: &[String], desde: usize) {
        self.propios
            .push((path.to_vec(), (desde + 1..=self.n).collect()));
    }

    fn valor(&mut self, v: &Nodo, sangria: usize, path: &mut Vec<String>) {
        match v {
            Nodo::Escalar(x) => {
                let c = self.comentario();
                self.texto.push_str(&format!(" {} # c{c}\n", escribir(x)));
            }
            Nodo::Mapa(m) => {
                self.texto.push('\n');
                self.mapa(m, sangria + 2, path);
            }
            Nodo::Items(items) => {
                self.texto.push('\n');
                let pad = " ".repeat(sangria + 2);
                for (i, campos) in items.iter().enumerate() {
                    path.push(i.to_string());
                    let inicio = self.n;
                    let c = self.comentario();
                    self.texto.push_str(&format!("{pad}# c{c}\n{pad}- "));
                    for (j, (k, x)) in campos.iter().enumerate() {
                        path.push(k.clone());
                        let desde = self.n;
                        if j > 0 {
                            let c = self.comentario();
                            self.texto.push_str(&format!("{pad}  # c{c}\n{pad}  "));
                        }
                        self.texto.push_str(&format!("{k}:"));
                        self.valor(x, sangria + 4, path);
                        self.cerrar(path, desde);
                        path.pop();
                    }
                    self.cerrar(path, inicio);
                    path.pop();
                }
            }
            Nodo::Flujo(palabras) => {
                self.texto.push_str(" [");
                for (i, p) in palabras.iter().enumerate() {
                    let c = self.comentario();
                    let coma = if i + 1 < palabras.len() { "," } else { "" };
                    self.texto
                        .push_str(&format!("{p}{coma} # c{c}\n{}", " ".repeat(sangria + 4)));
                }
                self.texto.push_str("]\n");
            }
        }
    }
}

fn escribir(v: &Value) -> String {
    match v {
        Value::String(s) if super::escribir::plano(s, false) => s.clone(),
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn a_json(n: &Nodo) -> Value {
    match n {
        Nodo::Escalar(v) => v.clone(),
        Nodo::Mapa(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), a_json(v))).collect()),
        Nodo::Items(items) => Value::Array(
            items
                .iter()
                .map(|c| {
                    Value::Object(
                        c.iter()
                            .map(|(k, v)| (k.clone(), a_json(v)))
                            .collect::<Map<_, _>>(),
                    )
                })
                .collect(),
        ),
        Nodo::Flujo(p) => json!(p),
    }
}

/// Values an edit writes: texts that need quotes or escapes in YAML, numbers, new collections.
fn nuevo_valor() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-zA-Záéíóúñ ,:#\\-]{0,12}".prop_map(Value::from),
        Just(json!("yes")),
        Just(json!("no")),
        Just(json!("on")),
        Just(json!("1_000")),
        Just(json!("línea\u{2028}separada\u{85}")),
        Just(json!("dos\nlíneas\n")),
        Just(json!("Nota: “importante” # sí")),
        (-100i64..100000).prop_map(Value::from),
        Just(json!(1500.5)),
        Just(json!(["x", "y, z"])),
        Just(json!({"inicio": "2026-01-01", "fin": "2026-12-31"})),
    ]
}

/// All paths to scalars, mappings, and lists in the value, with what they are.
fn caminos(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(path.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(json!(k));
                caminos(x, path, out);
                path.pop();
            }
        }
        Value::Array(l) => {
            for (i, x) in l.iter().enumerate() {
                path.push(json!(i));
                caminos(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn en<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

fn texto_de(path: &[Value]) -> Vec<String> {
    path.iter()
        .map(|s| match s {
            Value::String(k) => k.clone(),
            other => other.to_string(),
        })
        .collect()
}

proptest! {
    // 256 cases (proptest's default) in CI; `PROPTEST_CASES=20000` explores more.
    #[test]
    fn a_saved_edit_reads_back_exactly_and_keeps_the_other_comments(
        raiz in proptest::collection::vec(nodo(2), 1..5),
        eleccion in 0usize..1000,
        tipo in 0u8..4,
        valor in nuevo_valor(),
    ) {
        let campos: Vec<(String, Nodo)> =
            raiz.into_iter().enumerate().map(|(i, n)| (format!("r{i}"), n)).collect();
        let mut e = Escritor { texto: String::new(), n: 0, propios: Vec::new() };
        e.mapa(&campos, 0, &mut Vec::new());
        let texto = e.texto.clone();
        let antes = a_json(&Nodo::Mapa(campos));
        prop_assert_eq!(leer(&texto).unwrap(), antes.clone(), "generated text:\n{}", texto);
        let mut todos = Vec::new();
        caminos(&antes, &mut Vec::new(), &mut todos);
        todos.remove(0);
        let path = todos[eleccion % todos.len()].clone();
        let (ultimo, padre) = path.split_last().unwrap();
        let mut despues = antes.clone();
        // The comments an edit may take away: those of the entry or item it removes.
        let mut pueden_irse: Vec<usize> = Vec::new();
        match (tipo, ultimo) {
            // Remove a key of a mapping.
            (0, Value::String(k)) if en(&mut despues, padre).as_object().is_some_and(|m| m.len() > 1) => {
                en(&mut despues, padre).as_object_mut().unwrap().remove(k.as_str());
                let t = texto_de(&path);
                pueden_irse = e.propios.iter().filter(|(p, _)| *p == t).flat_map(|(_, c)| c.clone()).collect();
            }
            // Remove an item of a list.
            (1, Value::Number(i)) if en(&mut despues, padre).as_array().is_some_and(|l| l.len() > 1) => {
                en(&mut despues, padre).as_array_mut().unwrap().remove(i.as_u64().unwrap() as usize);
                let t = texto_de(&path);
                pueden_irse = e.propios.iter().filter(|(p, _)| p.starts_with(&t)).flat_map(|(_, c)| c.clone()).collect();
                // A flow list's words have no paths of their own: their comments go with them.
                if en(&mut antes.clone(), padre).as_array().is_some_and(|l| l.iter().all(Value::is_string)) {
                    pueden_irse.extend(1..=e.n);
                }
            }
            // Add a key to a mapping.
            (2, _) if en(&mut despues, padre).is_object() => {
                en(&mut despues, padre).as_object_mut().unwrap().insert("nueva".into(), valor.clone());
            }
            // Change a scalar (or write a new value over anything).
            _ => {
                let destino = en(&mut despues, &path);
                if destino.is_object() || destino.is_array() {
                    pueden_irse.extend(1..=e.n);
                }
                *destino = valor.clone();
            }
        }
        let guardado = guardar(&texto, &despues);
        prop_assert!(guardado.is_ok(), "not saved: {:?}\n{}\nedit at {:?}", guardado, texto, path);
        let guardado = guardado.unwrap();
        let leido = leer(&guardado.texto).unwrap();
        prop_assert!(super::iguales(&leido, &despues), "read back differs:\n{}", guardado.texto);
        if guardado.avisos.is_empty() {
            for c in 1..=e.n {
                if pueden_irse.contains(&c) {
                    continue;
                }
                let marca = format!("# c{c}\n");
                prop_assert!(
                    guardado.texto.contains(&marca),
                    "comment c{} lost\nbefore:\n{}\nafter:\n{}\nedit at {:?}",
                    c, texto, guardado.texto, path
                );
            }
        }
    }
}
