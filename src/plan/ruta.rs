//! Id paths (`acciones.A3.indicador.meta`): how diagnostics, review observations and diffs name an
//! item of a plan in a way that survives reordering and editing between drafts (`docs/formato.md`).
//!
//! Items of a list are named by their `id` (route stages by their `etapa`) when it is present and
//! unique in the list; otherwise by their position, counted from 1 as an official counts:
//! `diagnostico.casos[2]`.

use serde_json::Value;

use super::spans::Seg;

/// The key that identifies the items of a list, if its items have one.
fn id_key(list_key: Option<&str>) -> &'static str {
    match list_key {
        Some("ruta_atencion") => "etapa",
        _ => "id",
    }
}

/// The id path of `path` inside `root`.
pub fn ruta(root: &Value, path: &[Seg]) -> String {
    let mut out = String::new();
    let mut node = Some(root);
    let mut last_key: Option<&str> = None;
    for seg in path {
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
                let list = node.and_then(Value::as_array);
                let item = list.and_then(|l| l.get(*i));
                match (list, item.and_then(|it| item_id(it, id_key(last_key)))) {
                    (Some(list), Some(id))
                        if list
                            .iter()
                            .filter(|other| item_id(other, id_key(last_key)) == Some(id))
                            .count()
                            == 1 =>
                    {
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
        for (p, expected) in cases {
            assert_eq!(ruta(&plan, &p), expected);
            assert_eq!(resolver(&plan, expected), Some(p));
        }
        assert_eq!(resolver(&plan, "acciones.A9"), None);
    }
}
