//! The edits that turn the old value of a text into the new one: the two values are walked
//! together, and each difference becomes a replacement of the source range that holds it, found
//! in the span index. Mappings are edited key by key, lists item by item (see [`super::listas`]),
//! scalars in place; a node that cannot be edited so is written again whole, and when that loses
//! comments the user is told ([`Editor::avisos`]).

use serde_json::{Map, Value};

use super::escribir::{
    bloque_literal, cabe_en_flujo, clave, comillas, entrada, escalar, flujo_de, item, mapa,
};
use super::texto::Texto;
use super::{Edit, iguales};
use crate::plan::spans::{NodePath, NodeSpan, Seg, SpanIndex};

/// The edits being collected over one text.
pub(super) struct Editor<'a> {
    pub(super) t: Texto<'a>,
    pub(super) spans: &'a SpanIndex,
    pub(super) edits: Vec<Edit>,
    /// The old value, to name paths in [`Editor::avisos`].
    pub(super) raiz: &'a Value,
    /// What changed beyond the edited fields (comments lost, an alias written out), in Spanish.
    pub(super) avisos: Vec<String>,
}

impl Editor<'_> {
    pub(super) fn nodo(&self, path: &[Seg]) -> Option<NodeSpan> {
        self.spans.get(path).copied()
    }

    pub(super) fn editar(&mut self, start: usize, end: usize, text: impl Into<String>) {
        self.edits.push(Edit {
            start,
            end,
            text: text.into(),
        });
    }

    /// The id path of `path`, for messages.
    pub(super) fn nombre(&self, path: &[Seg]) -> String {
        let ruta = crate::plan::ruta::ruta(self.raiz, path);
        if ruta.is_empty() {
            "el plan".into()
        } else {
            format!("`{ruta}`")
        }
    }

    /// Whether the node is written in flow style (`{ … }` or `[ … ]`).
    pub(super) fn es_flujo(&self, span: &NodeSpan) -> bool {
        let off = self.t.offset(span.value.start);
        matches!(self.t.s[off..].chars().next(), Some('{' | '['))
    }

    pub(super) fn diff(&mut self, path: &mut NodePath, old: &Value, new: &Value, flujo: bool) {
        if iguales(old, new) {
            return;
        }
        let Some(span) = self.nodo(path) else {
            return self.reemplazar(path, old, new, flujo);
        };
        // An alias (`*base`) is left as it is: it may still say the new value, and when it does
        // not, the check of `guardar` writes it out.
        if self.t.s[self.t.offset(span.value.start)..].starts_with('*') {
            return;
        }
        match (old, new) {
            (Value::Object(a), Value::Object(b)) if !a.is_empty() => {
                let flujo = flujo || self.es_flujo(&span);
                self.diff_mapa(path, &span, a, b, flujo);
            }
            (Value::Array(a), Value::Array(b)) if !a.is_empty() && !b.is_empty() => {
                if flujo || self.es_flujo(&span) {
                    if !self.diff_lista_flujo(path, a, b) {
                        self.reemplazar(path, old, new, flujo);
                    }
                } else {
                    self.diff_lista(path, a, b);
                }
            }
            _ => self.reemplazar(path, old, new, flujo),
        }
    }

    /// Where the key at `path` is written, when the node is a mapping entry.
    fn clave_de(&self, path: &mut NodePath, k: &str) -> Option<usize> {
        path.push(Seg::Key(k.to_owned()));
        let off = self
            .nodo(path)
            .and_then(|n| n.key)
            .map(|key| self.t.offset(key.start));
        path.pop();
        off
    }

    fn diff_mapa(
        &mut self,
        path: &mut NodePath,
        span: &NodeSpan,
        a: &Map<String, Value>,
        b: &Map<String, Value>,
        flujo: bool,
    ) {
        let quitadas: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
        let mut hechas: Vec<&String> = Vec::new();
        if !flujo {
            for k in &quitadas {
                let Some(ks) = self.clave_de(path, k) else {
                    continue;
                };
                let antes = &self.t.s[self.t.inicio_linea(ks)..ks];
                if antes.trim().is_empty() {
                    continue;
                }
                // The first key of a list item (`- id: A1`): the entries up to the first kept key
                // go, and that key moves up to the dash.
                let primera_que_queda = a
                    .keys()
                    .skip_while(|x| x != k)
                    .find(|x| b.contains_key(*x))
                    .and_then(|x| self.clave_de(path, x));
                match primera_que_queda {
                    Some(siguiente) if antes.trim().chars().all(|c| c == '-') => {
                        self.subir_clave(ks, siguiente);
                        hechas.extend(
                            a.keys()
                                .skip_while(|x| x != k)
                                .take_while(|x| !b.contains_key(*x)),
                        );
                    }
                    _ => {
                        return self.reemplazar(
                            path,
                            &Value::Object(a.clone()),
                            &Value::Object(b.clone()),
                            flujo,
                        );
                    }
                }
            }
        }
        // New keys go after the last kept one: with none kept, the mapping is written again.
        let ultima_que_queda = a.keys().rfind(|k| b.contains_key(*k)).cloned();
        if ultima_que_queda.is_none() && b.keys().any(|k| !a.contains_key(k)) {
            return self.reemplazar(
                path,
                &Value::Object(a.clone()),
                &Value::Object(b.clone()),
                flujo,
            );
        }
        for k in quitadas {
            if hechas.contains(&k) {
                continue;
            }
            path.push(Seg::Key(k.clone()));
            if let Some(n) = self.nodo(path) {
                self.quitar_clave(&n, flujo);
            }
            path.pop();
        }
        for (k, v) in b {
            match a.get(k) {
                Some(old) => {
                    path.push(Seg::Key(k.clone()));
                    self.diff(path, old, v, flujo);
                    path.pop();
                }
                None => {
                    let ultima = ultima_que_queda.as_deref().unwrap_or_default();
                    self.poner_clave(path, span, ultima, k, v, flujo)
                }
            }
        }
    }

    /// Removes the entries from the key at `ks` (on the line of a list item's dash) up to the key
    /// at `siguiente`, which takes their place next to the dash. The comments just above
    /// `siguiente` are its own: they move above the dash.
    fn subir_clave(&mut self, ks: usize, siguiente: usize) {
        let linea_siguiente = self.t.inicio_linea(siguiente);
        let comentarios = self
            .inicio_con_comentarios(linea_siguiente)
            .max(self.t.fin_linea(ks));
        let guion = self.t.inicio_linea(ks);
        let sangria = " ".repeat(self.t.sangria(ks));
        let movidos: String = self.t.s[comentarios..linea_siguiente]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{sangria}{}\n", l.trim_start()))
            .collect();
        if !movidos.is_empty() {
            self.editar(guion, guion, movidos);
        }
        self.editar(ks, siguiente, "");
    }

    fn quitar_clave(&mut self, n: &NodeSpan, flujo: bool) {
        let Some(key) = n.key else { return };
        let ks = self.t.offset(key.start);
        if flujo {
            let ve = self.t.offset(n.value.end).max(self.t.offset(key.end));
            let antes = self.t.s[..ks].trim_end();
            if antes.ends_with(',') {
                self.editar(antes.len() - 1, ve, "");
            } else {
                let despues = self.t.salta_espacios(ve);
                if self.t.s[despues..].starts_with(',') {
                    let fin = self.t.salta_espacios(despues + 1);
                    self.editar(ks, fin, "");
                } else {
                    self.editar(ks, ve, "");
                }
            }
        } else {
            let start = self.inicio_con_comentarios(self.t.inicio_linea(ks));
            let fin = self.fin_bloque(n);
            self.editar(start, fin, "");
        }
    }

    /// End of the lines of a block node, past its newline.
    pub(super) fn fin_bloque(&self, n: &NodeSpan) -> usize {
        let fin = self.t.fin_linea(self.t.fin_contenido(n.value));
        (fin + 1).min(self.t.s.len())
    }

    /// Start of the line `ls`, moved up over the comment lines just above it at its indentation.
    pub(super) fn inicio_con_comentarios(&self, ls: usize) -> usize {
        let sangria = self.t.sangria(ls);
        let mut s = ls;
        while s > 0 {
            let prev = self.t.inicio_linea(s - 1);
            if self.t.es_comentario(prev) && self.t.sangria(prev) == sangria {
                s = prev;
            } else {
                break;
            }
        }
        s
    }

    /// Start of an item of a block list: the line of its dash, with the comments just above.
    pub(super) fn inicio_item(&self, n: &NodeSpan) -> usize {
        self.inicio_con_comentarios(self.t.inicio_linea(self.t.offset(n.value.start)))
    }

    /// Adds the entry `k: v` to the mapping at `path`: in flow style before its `}`, in block
    /// style after the lines of its key `ultima` (the last one kept), at the indentation of its
    /// keys.
    fn poner_clave(
        &mut self,
        path: &[Seg],
        span: &NodeSpan,
        ultima: &str,
        k: &str,
        v: &Value,
        flujo: bool,
    ) {
        if flujo {
            let end = self.t.offset(span.value.end);
            let cierre = self.t.s[..end].rfind('}').unwrap_or(end);
            let q = self.t.s[..cierre].trim_end().len();
            let vacio = self.t.s[..q].ends_with('{');
            let sep = if vacio { "" } else { ", " };
            self.editar(q, q, format!("{sep}{}: {}", clave(k), flujo_de(v)));
            return;
        }
        let mut p = path.to_vec();
        p.push(Seg::Key(ultima.to_owned()));
        let Some(nodo) = self.nodo(&p) else { return };
        let sangria = nodo.key.map_or(0, |k| k.start.col - 1);
        let fin = self.t.fin_linea(self.t.fin_contenido(nodo.value));
        let lineas = entrada(k, v, sangria);
        self.editar(fin, fin, format!("\n{}", lineas.join("\n")));
    }

    /// Writes the whole node at `path` again (a scalar, a type change, a flow collection). A
    /// node missing from the index writes nothing, and the check of [`super::guardar`] refuses
    /// the result. Comments inside a collection written again are lost: the user is told.
    pub(super) fn reemplazar(&mut self, path: &[Seg], old: &Value, new: &Value, flujo: bool) {
        let Some(n) = self.nodo(path) else { return };
        // An anchor (`&base`) or a tag written before the value stays.
        let start = self.t.tras_propiedades(self.t.offset(n.value.start));
        let raw_end = self.t.offset(n.value.end).max(start);
        let fuente = &self.t.s[start..raw_end];
        if (old.is_object() || old.is_array()) && self.t.hay_comentarios(start, raw_end) {
            let nombre = self.nombre(path);
            self.avisos.push(format!(
                "{nombre} se escribió de nuevo completo: se perdieron los comentarios que tenía dentro."
            ));
        }
        if flujo {
            let texto = match new {
                Value::Object(_) | Value::Array(_) => flujo_de(new),
                other => escalar(other, true, Some(fuente)),
            };
            return self.editar(start, raw_end, texto);
        }
        let vacio = old.is_null() && !matches!(fuente.trim(), "null" | "~" | "Null" | "NULL");
        let end = match fuente.chars().next() {
            Some('"' | '\'') => self.t.fin_comillas(start),
            Some('|' | '>') => self.t.fin_escalar_bloque(start),
            _ => self.t.fin_contenido(n.value),
        };
        // After a key, the range starts at its colon when the value is empty or on later lines,
        // or when the new value is written on the lines below; an anchor or a tag written after
        // the colon stays.
        let dos_puntos = n.key.map(|k| {
            let ke = self.t.offset(k.end);
            let c = self.t.salta_espacios(ke);
            if self.t.s[c..].starts_with(':') {
                let mut p = c + 1;
                loop {
                    let q = self.t.salta_espacios(p);
                    if q < start && self.t.s[q..].starts_with(['&', '!']) {
                        p = q + self.t.s[q..].find(char::is_whitespace).unwrap_or(0);
                    } else {
                        break p;
                    }
                }
            } else {
                ke
            }
        });
        let misma_linea = dos_puntos
            .is_some_and(|c| !vacio && self.t.inicio_linea(start) == self.t.inicio_linea(c));
        let sangria = match n.key {
            Some(k) => k.start.col + 1,
            None => n.value.start.col - 1,
        };
        let bloque: Option<Vec<String>> = match new {
            Value::Object(m) if !m.is_empty() && !cabe_en_flujo(new) => Some(mapa(m, sangria)),
            Value::Array(l) if !cabe_en_flujo(new) => {
                Some(l.iter().flat_map(|v| item(v, sangria, false)).collect())
            }
            _ => None,
        };
        let una_linea = || match new {
            Value::String(s) if s.contains('\n') => {
                bloque_literal(s, sangria).unwrap_or_else(|| comillas(s))
            }
            Value::Object(_) | Value::Array(_) => flujo_de(new),
            other => escalar(other, false, Some(fuente)),
        };
        match (dos_puntos, bloque) {
            (Some(c), _) if new.is_null() => self.editar(c, end.max(c), ""),
            (Some(c), Some(lineas)) => {
                self.editar(c, end.max(c), format!("\n{}", lineas.join("\n")))
            }
            (Some(_), None) if misma_linea => {
                let texto = una_linea();
                // A text that becomes a block (`|`) takes the comment after the old value to its
                // header line: left after the block, it would become part of the text.
                let fin_linea = self.t.fin_linea(end);
                let resto = &self.t.s[end..fin_linea];
                match texto.split_once('\n') {
                    Some((cabecera, cuerpo)) if resto.trim_start().starts_with('#') => {
                        let texto = format!("{cabecera} {}\n{cuerpo}", resto.trim());
                        self.editar(start, fin_linea, texto)
                    }
                    _ => self.editar(start, end, texto),
                }
            }
            (Some(c), None) => self.editar(c, end.max(c), format!(" {}", una_linea())),
            (None, Some(lineas)) => {
                let texto = lineas.join("\n");
                self.editar(start, end, texto.trim_start().to_owned())
            }
            (None, None) => self.editar(start, end, una_linea()),
        }
    }
}
