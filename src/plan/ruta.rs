//! Id paths (`acciones.A3.indicador.meta`): how diagnostics, review observations and diffs name an
//! item of a plan in a way that survives reordering and editing between drafts (`docs/formato.md`).
//!
//! Items of a list are named by their `id` (route stages by their `etapa`) when it is present and
//! unique in the list; otherwise by their position, counted from 1 as an official counts:
//! `diagnostico.casos[2]`.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::spans::Seg;

/// The key that identifies the items of a list, if its items have one.
fn id_key(list_key: Option<&str>) -> &'static str {
    match list_key {
        Some("ruta_atencion") => "etapa",
        _ => "id",
    }
}

/// The id path of `path` inside `root`. Each call looks through the lists it crosses; to name
/// many nodes of one document, index it once with [`Repetidos`] and use [`ruta_con`].
pub fn ruta(root: &Value, path: &[Seg]) -> String {
    ruta_con(root, path, &Repetidos::de_ruta(root, path))
}

/// The id path of `path` inside `root`, whose repeated ids are `repetidos`.
pub fn ruta_con(root: &Value, path: &[Seg], repetidos: &Repetidos) -> String {
    let mut out = String::new();
    let mut node = Some(root);
    let mut last_key: Option<&str> = None;
    for (k, seg) in path.iter().enumerate() {
        match seg {
            Seg::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
                node = node.and_then(|n| n.get(key));
                last_key = Some(key);
            }
            Seg::Index(i) => {
                let item = node.and_then(Value::as_array).and_then(|l| l.get(*i));
                match item.and_then(|it| item_id(it, id_key(last_key))) {
                    Some(id) if !repetidos.contiene(&path[..k], id) => {
                        out.push('.');
                        out.push_str(id);
                    }
                    _ => out.push_str(&format!("[{}]", i + 1)),
                }
                node = item;
                last_key = None;
            }
        }
    }
    out
}

/// The ids that more than one item of a list has, for each list of a document: an item with
/// such an id is named by its position.
#[derive(Debug, Default)]
pub struct Repetidos(HashMap<Vec<Seg>, HashSet<String>>);

impl Repetidos {
    /// The repeated ids of every list of `root`.
    pub fn de(root: &Value) -> Self {
        let mut out = Repetidos::default();
        out.recorrer(root, &mut Vec::new(), None, usize::MAX);
        out
    }

    /// The repeated ids of the lists that `path` crosses, and of no other.
    fn de_ruta(root: &Value, path: &[Seg]) -> Self {
        let mut out = Repetidos::default();
        let mut node = Some(root);
        let mut last_key = None;
        for (k, seg) in path.iter().enumerate() {
            match seg {
                Seg::Key(key) => {
                    node = node.and_then(|n| n.get(key));
                    last_key = Some(key.as_str());
                }
                Seg::Index(i) => {
                    if let Some(n) = node {
                        out.recorrer(n, &mut path[..k].to_vec(), last_key, 0);
                    }
                    node = node.and_then(|n| n.get(i));
                    last_key = None;
                }
            }
        }
        out
    }

    /// Records the repeated ids of the list `value` at `path`, and of the lists inside it down to
    /// `hondura` more levels.
    fn recorrer(&mut self, value: &Value, path: &mut Vec<Seg>, key: Option<&str>, hondura: usize) {
        match value {
            Value::Array(items) => {
                let mut vistos = HashSet::new();
                let repetidos: HashSet<String> = items
                    .iter()
                    .filter_map(|it| item_id(it, id_key(key)))
                    .filter(|id| !vistos.insert(*id))
                    .map(str::to_owned)
                    .collect();
                if !repetidos.is_empty() {
                    self.0.insert(path.clone(), repetidos);
                }
                if hondura > 0 {
                    for (i, it) in items.iter().enumerate() {
                        path.push(Seg::Index(i));
                        self.recorrer(it, path, None, hondura - 1);
                        path.pop();
                    }
                }
            }
            Value::Object(map) if hondura > 0 => {
                for (k, v) in map {
                    path.push(Seg::Key(k.clone()));
                    self.recorrer(v, path, Some(k), hondura - 1);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn contiene(&self, lista: &[Seg], id: &str) -> bool {
        self.0.get(lista).is_some_and(|ids| ids.contains(id))
    }
}

fn item_id<'a>(item: &'a Value, key: &str) -> Option<&'a str> {
    item.get(key)
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
}

/// The inverse of [`ruta`]: the document path that an id path names, if any item answers to it.
pub fn resolver(root: &Value, ruta: &str) -> Option<Vec<Seg>> {
    let mut path = Vec::new();
    let mut node = root;
    let mut last_key: Option<String> = None;
    for part in ruta.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (part, None),
        };
        if !name.is_empty() {
            if let Some(list) = node.as_array().filter(|_| index.is_none()) {
                let key = id_key(last_key.as_deref());
                let pos = list.iter().position(|it| item_id(it, key) == Some(name))?;
                path.push(Seg::Index(pos));
                node = &list[pos];
                last_key = None;
                continue;
            }
            node = node.get(name)?;
            path.push(Seg::Key(name.to_owned()));
            last_key = Some(name.to_owned());
        }
        if let Some(n) = index {
            let i = n.checked_sub(1)?;
            node = node.as_array()?.get(i)?;
            path.push(Seg::Index(i));
            last_key = None;
        }
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path;
    use serde_json::json;

    #[test]
    fn names_items_by_id_and_positions_otherwise() {
        let plan = json!({
            "acciones": [{"id": "A1"}, {"id": "A3", "indicador": {"meta": 3}}],
            "ruta_atencion": [{"etapa": "identificacion"}],
            "diagnostico": {"casos": [{"anio": 2024}, {"anio": 2025}]},
            "riesgos": [{"id": "R1"}, {"id": "R1"}]
        });
        let cases = [
            (
                path!["acciones", 1, "indicador", "meta"],
                "acciones.A3.indicador.meta",
            ),
            (path!["ruta_atencion", 0], "ruta_atencion.identificacion"),
            (
                path!["diagnostico", "casos", 1, "anio"],
                "diagnostico.casos[2].anio",
            ),
            (path!["riesgos", 1], "riesgos[2]"),
        ];
        let repetidos = Repetidos::de(&plan);
        for (p, expected) in cases {
            assert_eq!(ruta(&plan, &p), expected);
            assert_eq!(ruta_con(&plan, &p, &repetidos), expected);
            assert_eq!(resolver(&plan, expected), Some(p));
        }
        assert_eq!(resolver(&plan, "acciones.A9"), None);
    }
}
