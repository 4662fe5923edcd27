//! How the items of an old list become the items of a new one: matched by what identifies them
//! (the catalogue's rule: their `id`; a route entry by its stage and population), or by position
//! when they have no identity; and the edits of a list written in flow style (`[a, b]`), item by item, so that a
//! list spread over several lines keeps its lines and comments.

use serde_json::Value;

use super::Editor;
use super::escribir::{escalar, flujo_de};
use crate::plan::campos::Identidad;
use crate::plan::spans::{NodePath, NodeSpan, Seg};

/// How the items of the old list become the new list.
pub(super) enum Paso {
    /// Old item `.0` is new item `.1`.
    Igual(usize, usize),
    /// Old item removed.
    Quitar(usize),
    /// New item added.
    Poner(usize),
}

/// What identifies every item (the catalogue's rule for the list), when all have it and none
/// repeats.
fn ids_unicos(items: &[Value], identidad: Identidad) -> Option<Vec<String>> {
    let ids: Vec<String> = items
        .iter()
        .map(|i| identidad.de(i))
        .collect::<Option<_>>()?;
    let mut vistos = std::collections::HashSet::new();
    ids.iter().all(|id| vistos.insert(id)).then_some(ids)
}

/// The steps that turn list `a` into list `b` (at `path`).
pub(super) fn pasos(path: &[Seg], a: &[Value], b: &[Value]) -> Vec<Paso> {
    let identidad = crate::plan::ruta::identidad(path);
    match (ids_unicos(a, identidad), ids_unicos(b, identidad)) {
        // Items matched by id, unless the only change is one id renamed in place.
        (Some(ia), Some(ib))
            if ia != ib
                && (a.len() != b.len()
                    || ia.iter().zip(&ib).filter(|(x, y)| x != y).count() > 1) =>
        {
            por_ids(&ia, &ib)
        }
        _ => por_posicion(a, b),
    }
}

/// Steps that turn list `a` into list `b`, matching items by their ids.
fn por_ids(a: &[String], b: &[String]) -> Vec<Paso> {
    let mut pasos = Vec::new();
    for (i, id) in a.iter().enumerate() {
        if !b.contains(id) {
            pasos.push(Paso::Quitar(i));
        }
    }
    // Removals first keep their place relative to the kept items: merge in the old order.
    let mut out = Vec::new();
    let mut quitar = pasos.into_iter().peekable();
    for (j, id) in b.iter().enumerate() {
        match a.iter().position(|x| x == id) {
            Some(i) => {
                while let Some(Paso::Quitar(q)) = quitar.peek() {
                    if *q < i {
                        out.push(quitar.next().expect("peeked"));
                    } else {
                        break;
                    }
                }
                out.push(Paso::Igual(i, j));
            }
            None => out.push(Paso::Poner(j)),
        }
    }
    out.extend(quitar);
    out
}

/// Steps that turn list `a` into list `b` without ids: equal items at both ends are kept, the
/// middle is matched by position, and the rest removed or added.
pub(super) fn por_posicion(a: &[Value], b: &[Value]) -> Vec<Paso> {
    let iguales = super::iguales;
    let pre = a.iter().zip(b).take_while(|(x, y)| iguales(x, y)).count();
    let max_suf = a.len().min(b.len()) - pre;
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suf)
        .take_while(|(x, y)| iguales(x, y))
        .count();
    let (ma, mb) = (a.len() - pre - suf, b.len() - pre - suf);
    let mut out: Vec<Paso> = (0..pre).map(|i| Paso::Igual(i, i)).collect();
    let comun = ma.min(mb);
    out.extend((0..comun).map(|k| Paso::Igual(pre + k, pre + k)));
    out.extend((comun..ma).map(|k| Paso::Quitar(pre + k)));
    out.extend((comun..mb).map(|k| Paso::Poner(pre + k)));
    out.extend((0..suf).map(|k| Paso::Igual(a.len() - suf + k, b.len() - suf + k)));
    out
}

impl Editor<'_> {
    /// The written items of the list at `path`, when every item is in the index.
    pub(super) fn items(&self, path: &mut NodePath, n: usize) -> Option<Vec<NodeSpan>> {
        (0..n)
            .map(|i| {
                path.push(Seg::Index(i));
                let nodo = self.nodo(path);
                path.pop();
                nodo
            })
            .collect()
    }

    /// A list of scalars written in flow style (`[a, b]`, perhaps over several lines with
    /// comments), edited item by item: a changed item is rewritten in place, a removed one takes
    /// its comma with it, a new one is written before the next kept item or after the last one.
    /// Returns `false` when the list is not one that can be edited so.
    pub(super) fn diff_lista_flujo(
        &mut self,
        path: &mut NodePath,
        a: &[Value],
        b: &[Value],
    ) -> bool {
        let escalares = |l: &[Value]| l.iter().all(|v| !v.is_array() && !v.is_object());
        if !escalares(a) || !escalares(b) {
            return false;
        }
        let Some(items) = self.items(path, a.len()) else {
            return false;
        };
        let inicios: Vec<usize> = items
            .iter()
            .map(|n| self.t.tras_propiedades(self.t.offset(n.value.start)))
            .collect();
        let fines: Vec<usize> = items
            .iter()
            .zip(&inicios)
            .map(|(n, i)| {
                if self.t.s[*i..].starts_with(['"', '\'']) {
                    self.t.fin_comillas(*i)
                } else {
                    self.t.offset(n.value.end).max(*i)
                }
            })
            .collect();
        let inicio = |i: usize| inicios[i];
        let fin = |i: usize| fines[i];
        let pasos = por_posicion(a, b);
        let mut pendientes: Vec<usize> = Vec::new();
        for p in &pasos {
            match p {
                Paso::Igual(i, j) => {
                    let antes = inicio(*i);
                    for k in pendientes.drain(..) {
                        self.editar(antes, antes, format!("{}, ", flujo_de(&b[k])));
                    }
                    if !super::iguales(&a[*i], &b[*j]) {
                        let (s, e) = (inicio(*i), fin(*i));
                        let fuente = self.t.s[s..e].to_owned();
                        self.editar(s, e, escalar(&b[*j], true, Some(&fuente)));
                    }
                }
                Paso::Quitar(_) => {}
                Paso::Poner(j) => pendientes.push(*j),
            }
        }
        // Removed items go in runs, each with the commas between them: before the next kept
        // item, or, at the end of the list, after the last kept one.
        let quitados: Vec<usize> = pasos
            .iter()
            .filter_map(|p| match p {
                Paso::Quitar(i) => Some(*i),
                _ => None,
            })
            .collect();
        let mut k = 0;
        while k < quitados.len() {
            let primero = quitados[k];
            let mut ultimo = primero;
            while quitados.get(k + 1) == Some(&(ultimo + 1)) {
                ultimo += 1;
                k += 1;
            }
            k += 1;
            match (ultimo + 1 < items.len(), primero.checked_sub(1)) {
                (true, _) => self.editar(inicio(primero), inicio(ultimo + 1), ""),
                (false, Some(anterior)) => self.editar(fin(anterior), fin(ultimo), ""),
                (false, None) => self.editar(inicio(primero), fin(ultimo), ""),
            }
        }
        if !pendientes.is_empty() {
            let ultimo = fin(a.len() - 1);
            let quedan = pasos.iter().any(|p| matches!(p, Paso::Igual(..)));
            let mut texto = String::new();
            for (n, k) in pendientes.into_iter().enumerate() {
                if quedan || n > 0 {
                    texto.push_str(", ");
                }
                texto.push_str(&flujo_de(&b[k]));
            }
            self.editar(ultimo, ultimo, texto);
        }
        true
    }

    /// A list written in block style, edited item by item (matched by [`pasos`]).
    pub(super) fn diff_lista(&mut self, path: &mut NodePath, a: &[Value], b: &[Value]) {
        let pasos = pasos(path, a, b);
        let ordenado = pasos
            .iter()
            .filter_map(|p| match p {
                Paso::Igual(i, _) => Some(*i),
                _ => None,
            })
            .collect::<Vec<_>>()
            .windows(2)
            .all(|w| w[0] < w[1]);
        let Some(items) = self.items(path, a.len()) else {
            return self.reemplazar(
                path,
                &Value::Array(a.to_vec()),
                &Value::Array(b.to_vec()),
                false,
            );
        };
        let vs = self.t.offset(items[0].value.start);
        let ls = self.t.inicio_linea(vs);
        let dash = self.t.s[ls..vs]
            .rfind('-')
            .map_or(self.t.sangria(vs), |i| self.t.s[ls..ls + i].chars().count());
        let en_flujo = self.es_flujo(&items[0]) && a[0].is_object();
        let nuevo_item = |v: &Value| super::escribir::item(v, dash, en_flujo).join("\n");
        if !ordenado {
            // Items moved: the list is written again from the text of each kept item.
            let inicio = self.inicio_item(&items[0]);
            let fin = self
                .t
                .fin_linea(self.t.fin_contenido(items[a.len() - 1].value));
            let mut partes = Vec::new();
            for p in &pasos {
                match p {
                    Paso::Igual(i, j) => {
                        let (s, e) = (
                            self.inicio_item(&items[*i]),
                            self.t.fin_linea(self.t.fin_contenido(items[*i].value)),
                        );
                        let marca = self.edits.len();
                        path.push(Seg::Index(*i));
                        self.diff(path, &a[*i], &b[*j], false);
                        path.pop();
                        let sub = self.edits.split_off(marca);
                        match super::aplicar_edits(&self.t.s[s..e], s, sub) {
                            Ok(texto) => partes.push(texto),
                            Err(_) => partes.push(nuevo_item(&b[*j])),
                        }
                    }
                    Paso::Poner(j) => partes.push(nuevo_item(&b[*j])),
                    Paso::Quitar(_) => {}
                }
            }
            self.editar(inicio, fin, partes.join("\n"));
            return;
        }
        // In order: new items go before the next kept item, or after the last item.
        let mut pendientes: Vec<usize> = Vec::new();
        for p in &pasos {
            match p {
                Paso::Igual(i, j) => {
                    let antes = self.inicio_item(&items[*i]);
                    for k in pendientes.drain(..) {
                        self.editar(antes, antes, format!("{}\n", nuevo_item(&b[k])));
                    }
                    path.push(Seg::Index(*i));
                    self.diff(path, &a[*i], &b[*j], false);
                    path.pop();
                }
                Paso::Quitar(i) => {
                    let start = self.inicio_item(&items[*i]);
                    let fin = self.fin_bloque(&items[*i]);
                    self.editar(start, fin, "");
                }
                Paso::Poner(j) => pendientes.push(*j),
            }
        }
        let fin = self.fin_bloque(&items[items.len() - 1]);
        let salto = if self.t.s[..fin].ends_with('\n') {
            ""
        } else {
            "\n"
        };
        for k in pendientes {
            self.editar(fin, fin, format!("{salto}{}\n", nuevo_item(&b[k])));
        }
    }
}
