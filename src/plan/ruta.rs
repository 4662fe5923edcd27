//! Id paths (`acciones.A3.indicador.meta`): how diagnostics, review observations, diffs, the
//! editor and the workbook name an item of a plan in a way that survives reordering and editing
//! between drafts (`docs/formato.md`).
//!
//! What identifies an item is the catalogue's rule for its list ([`campos::Identidad`]): an
//! item with an id is named by it (`acciones.A3`); a route entry by its stage
//! (`ruta_atencion.denuncia`), or, when the plan splits the stage by population, by its stage
//! and population (`ruta_atencion.denuncia/adultos`); an item whose name repeats in its list, or
//! that has none, by its position, counted from 1 as an official counts
//! (`diagnostico.casos[2]`).

use std::collections::HashMap;

use serde_json::Value;

use super::campos::{self, Identidad, TODAS};
use super::spans::Seg;

/// What identifies the items of the list at `path` (the keys and indices from the root): the
/// catalogue's rule for that list, or the `id` of lists it does not know.
pub fn identidad(path: &[Seg]) -> Identidad {
    let claves: Vec<&str> = path.iter().filter_map(Seg::clave).collect();
    campos::lista(&claves.join(".")).map_or(Identidad::Id, |l| l.identidad)
}

/// The names of the items of a list with identity `identidad`: `None` for an item named by its
/// position.
fn nombres(items: &[Value], identidad: Identidad) -> Vec<Option<String>> {
    fn etapa(it: &Value) -> Option<&str> {
        it.get("etapa")
            .and_then(Value::as_str)
            .filter(|e| !e.is_empty())
    }
    let propios: Vec<Option<String>> = match identidad {
        Identidad::EtapaPoblacion => {
            let mut por_etapa: HashMap<&str, usize> = HashMap::new();
            for e in items.iter().filter_map(etapa) {
                *por_etapa.entry(e).or_default() += 1;
            }
            items
                .iter()
                .map(|it| match etapa(it) {
                    Some(e) if por_etapa[e] == 1 => Some(e.to_owned()),
                    _ => identidad.de(it),
                })
                .collect()
        }
        _ => items.iter().map(|it| identidad.de(it)).collect(),
    };
    let mut veces: HashMap<&str, usize> = HashMap::new();
    for n in propios.iter().flatten() {
        *veces.entry(n).or_default() += 1;
    }
    propios
        .iter()
        .map(|n| n.clone().filter(|n| veces[n.as_str()] == 1))
        .collect()
}

/// The id path of `path` inside `root`. Each call looks through the lists it crosses; to name
/// many nodes of one document, index it once with [`Nombres`] and use [`ruta_con`].
pub fn ruta(root: &Value, path: &[Seg]) -> String {
    ruta_con(path, &Nombres::de_ruta(root, path))
}

/// The id path of `path` inside the document whose lists are named by `nombres`.
pub fn ruta_con(path: &[Seg], nombres: &Nombres) -> String {
    let mut out = String::new();
    for (k, seg) in path.iter().enumerate() {
        match seg {
            Seg::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Seg::Index(i) => match nombres.nombre(&path[..k], *i) {
                Some(nombre) => {
                    out.push('.');
                    out.push_str(nombre);
                }
                None => out.push_str(&format!("[{}]", i + 1)),
            },
        }
    }
    out
}

/// The names of the items of every list of a document, computed once.
#[derive(Debug, Default)]
pub struct Nombres(HashMap<Vec<Seg>, Vec<Option<String>>>);

impl Nombres {
    /// The names of the items of every list of `root`.
    pub fn de(root: &Value) -> Self {
        let mut out = Nombres::default();
        out.recorrer(root, &mut Vec::new(), usize::MAX);
        out
    }

    /// The names of the items of the lists that `path` crosses, and of no other.
    fn de_ruta(root: &Value, path: &[Seg]) -> Self {
        let mut out = Nombres::default();
        let mut node = Some(root);
        for (k, seg) in path.iter().enumerate() {
            if let (Seg::Index(_), Some(n)) = (seg, node) {
                out.recorrer(n, &mut path[..k].to_vec(), 0);
            }
            node = node.and_then(|n| match seg {
                Seg::Key(key) => n.get(key),
                Seg::Index(i) => n.get(i),
            });
        }
        out
    }

    /// Names the items of the list `value` at `path`, and of the lists inside it down to
    /// `hondura` more levels.
    fn recorrer(&mut self, value: &Value, path: &mut Vec<Seg>, hondura: usize) {
        match value {
            Value::Array(items) => {
                self.0.insert(path.clone(), nombres(items, identidad(path)));
                if hondura > 0 {
                    for (i, it) in items.iter().enumerate() {
                        path.push(Seg::Index(i));
                        self.recorrer(it, path, hondura - 1);
                        path.pop();
                    }
                }
            }
            Value::Object(map) if hondura > 0 => {
                for (k, v) in map {
                    path.push(Seg::Key(k.clone()));
                    self.recorrer(v, path, hondura - 1);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn nombre(&self, lista: &[Seg], i: usize) -> Option<&str> {
        self.0.get(lista)?.get(i)?.as_deref()
    }
}

/// The inverse of [`ruta`]: the document path that an id path names, if any item answers to it.
/// A route stage named alone (`ruta_atencion.denuncia`, as files written before a stage was
/// split by population say) names its only entry, or its entry for all victims.
pub fn resolver(root: &Value, ruta: &str) -> Option<Vec<Seg>> {
    let mut path: Vec<Seg> = Vec::new();
    let mut node = root;
    for part in ruta.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (part, None),
        };
        if !name.is_empty() {
            if let Some(list) = node.as_array().filter(|_| index.is_none()) {
                let pos = buscar(list, identidad(&path), name)?;
                path.push(Seg::Index(pos));
                node = &list[pos];
                continue;
            }
            node = node.get(name)?;
            path.push(Seg::Key(name.to_owned()));
        }
        if let Some(n) = index {
            let i = n.checked_sub(1)?;
            node = node.as_array()?.get(i)?;
            path.push(Seg::Index(i));
        }
    }
    Some(path)
}

/// The position of the item named `nombre` in `list`.
fn buscar(list: &[Value], identidad: Identidad, nombre: &str) -> Option<usize> {
    let nombres = nombres(list, identidad);
    if let Some(i) = nombres.iter().position(|n| n.as_deref() == Some(nombre)) {
        return Some(i);
    }
    // A full name (`denuncia/adultos`) of an entry named by its stage alone, or a stage alone
    // of a stage split by population.
    let una = |f: &dyn Fn(&str) -> bool| {
        let mut hallados = list
            .iter()
            .enumerate()
            .filter(|(_, it)| identidad.de(it).as_deref().is_some_and(f));
        match (hallados.next(), hallados.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    match identidad {
        Identidad::EtapaPoblacion if nombre.contains('/') => una(&|n| n == nombre),
        Identidad::EtapaPoblacion => una(&|n| n == format!("{nombre}/{TODAS}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path;
    use serde_json::json;

    #[test]
    fn names_items_by_their_identity_and_positions_otherwise() {
        let plan = json!({
            "acciones": [{"id": "A1"}, {"id": "A3", "indicador": {"meta": 3}}],
            "ruta_atencion": [
                {"etapa": "identificacion"},
                {"etapa": "denuncia", "poblacion": "adultos"},
                {"etapa": "denuncia", "poblacion": "ninez_adolescencia", "responsable": "jcpd"},
                {"etapa": "retorno", "poblacion": "todas"},
                {"etapa": "retorno"}
            ],
            "diagnostico": {"casos": [{"anio": 2024}, {"anio": 2025}]},
            "riesgos": [{"id": "R1"}, {"id": "R1"}],
            "pdot": {"objetivos": [{"objetivo": "x", "id": "no cuenta"}]}
        });
        let cases = [
            (
                path!["acciones", 1, "indicador", "meta"],
                "acciones.A3.indicador.meta",
            ),
            (path!["ruta_atencion", 0], "ruta_atencion.identificacion"),
            (
                path!["ruta_atencion", 2, "responsable"],
                "ruta_atencion.denuncia/ninez_adolescencia.responsable",
            ),
            (path!["ruta_atencion", 3], "ruta_atencion[4]"),
            (
                path!["diagnostico", "casos", 1, "anio"],
                "diagnostico.casos[2].anio",
            ),
            (path!["riesgos", 1], "riesgos[2]"),
            (path!["pdot", "objetivos", 0], "pdot.objetivos[1]"),
        ];
        let nombres = Nombres::de(&plan);
        for (p, expected) in cases {
            assert_eq!(ruta(&plan, &p), expected);
            assert_eq!(ruta_con(&p, &nombres), expected);
            assert_eq!(resolver(&plan, expected), Some(p));
        }
        assert_eq!(resolver(&plan, "acciones.A9"), None);
        // Names that files written before keep: a stage alone, or a full name of a stage that
        // has one entry.
        let plan2 = json!({"ruta_atencion": [
            {"etapa": "denuncia", "poblacion": "adultos"},
            {"etapa": "denuncia", "poblacion": "todas"},
            {"etapa": "salud", "poblacion": "adultos"}
        ]});
        assert_eq!(
            resolver(&plan2, "ruta_atencion.denuncia"),
            Some(path!["ruta_atencion", 1])
        );
        assert_eq!(
            resolver(&plan2, "ruta_atencion.salud/adultos"),
            Some(path!["ruta_atencion", 2])
        );
        assert_eq!(
            resolver(&plan2, "ruta_atencion.salud"),
            Some(path!["ruta_atencion", 2])
        );
    }
}
