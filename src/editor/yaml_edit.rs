//! Saving what the editor changed without rewriting the file.
//!
//! The page edits the plan as data (a JSON value); the file is the official's text, with its
//! comments, key order, quoting and blank lines. [`aplicar`] compares the value read from the text
//! with the edited value and turns each difference into an edit of the source range that holds
//! it, found with the span index of the loader ([`SpanIndex`]): a changed scalar is rewritten in
//! place (keeping its quoting style when it can), a new key or list item is inserted as lines
//! with the indentation of its siblings (in flow style when its siblings are written so), and a
//! removed one takes its lines with it. Everything else stays byte for byte.
//!
//! The result is always read back and compared with the edited value: an edit that would not
//! give exactly that value is refused rather than written.
//!
//! Why not the `yaml-edit` crate: its lossless tree is young (its API changes between minor
//! versions) and would be a second YAML parser beside `serde_yaml` and `saphyr`, whose positions
//! already locate every diagnostic; the edits needed here are a few kinds over those positions.

use serde_json::{Map, Number, Value};

use crate::plan::spans::{NodePath, NodeSpan, Pos, Region, Seg, SpanIndex};

/// Why an edited value could not be written into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorEdicion {
    /// The original text is not valid YAML (it must be fixed in a text editor first).
    Sintaxis(String),
    /// The edits would not give back the edited value (a case this module does not handle).
    NoCoincide,
}

impl std::fmt::Display for ErrorEdicion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorEdicion::Sintaxis(e) => write!(
                f,
                "el archivo tiene un error de sintaxis YAML ({e}); corríjalo en un editor de texto y vuelva a abrirlo"
            ),
            ErrorEdicion::NoCoincide => write!(
                f,
                "no se pudo escribir el cambio conservando el formato del archivo; no se guardó nada"
            ),
        }
    }
}

/// The value of a YAML text, as the editor sees it (dates and other scalars as strings).
pub fn leer(texto: &str) -> Result<Value, ErrorEdicion> {
    serde_yaml::from_str::<Value>(texto).map_err(|e| ErrorEdicion::Sintaxis(e.to_string()))
}

/// Whether two values are the same data (numbers compared by value: `4500.00` is `4500`).
pub fn iguales(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| iguales(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| iguales(v, w)))
        }
        _ => a == b,
    }
}

/// The text of `texto` edited so that it reads as `nuevo`, changing only what differs.
pub fn aplicar(texto: &str, nuevo: &Value) -> Result<String, ErrorEdicion> {
    let anterior = leer(texto)?;
    if iguales(&anterior, nuevo) {
        return Ok(texto.to_owned());
    }
    let spans = SpanIndex::build(texto);
    let mut editor = Editor {
        t: Texto::new(texto),
        spans: &spans,
        edits: Vec::new(),
    };
    editor.diff(&mut Vec::new(), &anterior, nuevo, false);
    let resultado = aplicar_edits(texto, 0, editor.edits)?;
    match leer(&resultado) {
        Ok(v) if iguales(&v, nuevo) => Ok(resultado),
        _ => Err(ErrorEdicion::NoCoincide),
    }
}

/// One replacement of a byte range of the original text.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

/// Applies edits (byte ranges of the text that starts at `base`) to `texto`; insertions at the
/// same place keep the order they were made in.
fn aplicar_edits(texto: &str, base: usize, mut edits: Vec<Edit>) -> Result<String, ErrorEdicion> {
    edits.sort_by_key(|e| e.start);
    let mut out = String::with_capacity(texto.len());
    let mut at = 0;
    for e in edits {
        let (Some(start), Some(end)) = (e.start.checked_sub(base), e.end.checked_sub(base)) else {
            return Err(ErrorEdicion::NoCoincide);
        };
        if start < at || end < start || end > texto.len() {
            return Err(ErrorEdicion::NoCoincide);
        }
        out.push_str(&texto[at..start]);
        out.push_str(&e.text);
        at = end;
    }
    out.push_str(&texto[at..]);
    Ok(out)
}

/// The text with an index of its lines, to turn positions into byte offsets.
struct Texto<'a> {
    s: &'a str,
    lineas: Vec<usize>,
}

impl<'a> Texto<'a> {
    fn new(s: &'a str) -> Self {
        let lineas = std::iter::once(0)
            .chain(s.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Texto { s, lineas }
    }

    /// Byte offset of a position (1-based line, 1-based column in characters).
    fn offset(&self, p: Pos) -> usize {
        let Some(&inicio) = self.lineas.get(p.line.saturating_sub(1)) else {
            return self.s.len();
        };
        let linea = &self.s[inicio..];
        linea
            .char_indices()
            .nth(p.col.saturating_sub(1))
            .map_or(self.s.len(), |(i, _)| inicio + i)
    }

    fn inicio_linea(&self, off: usize) -> usize {
        self.s[..off].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Offset of the newline that ends the line of `off` (or the end of the text).
    fn fin_linea(&self, off: usize) -> usize {
        self.s[off..].find('\n').map_or(self.s.len(), |i| off + i)
    }

    /// Spaces at the start of the line of `off`.
    fn sangria(&self, off: usize) -> usize {
        let ls = self.inicio_linea(off);
        self.s[ls..].chars().take_while(|c| *c == ' ').count()
    }

    fn es_comentario(&self, ls: usize) -> bool {
        self.s[ls..self.fin_linea(ls)].trim_start().starts_with('#')
    }

    /// Where the content of a node really ends: block scalars and collections report their end
    /// at the next token, past blank lines and the comments that belong to what follows.
    fn fin_contenido(&self, region: Region) -> usize {
        let start = self.offset(region.start);
        let mut e = self.offset(region.end).max(start);
        loop {
            while e > start && self.s[..e].ends_with(char::is_whitespace) {
                e -= self.s[..e].chars().next_back().map_or(1, char::len_utf8);
            }
            let ls = self.inicio_linea(e);
            if ls > start && e > ls && self.es_comentario(ls) {
                e = ls;
            } else {
                return e;
            }
        }
    }

    /// End of the content of a block scalar (`|` or `>`) whose header is at `off`: its last
    /// line indented deeper than the line of the header.
    fn fin_escalar_bloque(&self, off: usize) -> usize {
        let padre = self.sangria(off);
        let mut fin = self.fin_linea(off);
        let mut ls = fin + 1;
        while ls < self.s.len() {
            let le = self.fin_linea(ls);
            let linea = &self.s[ls..le];
            if !linea.trim().is_empty() {
                if self.sangria(ls) <= padre {
                    break;
                }
                fin = le;
            }
            ls = le + 1;
        }
        fin
    }

    /// Offset of the first non-space character at or after `off`.
    fn salta_espacios(&self, off: usize) -> usize {
        off + self.s[off..].len() - self.s[off..].trim_start_matches([' ', '\t']).len()
    }
}

struct Editor<'a> {
    t: Texto<'a>,
    spans: &'a SpanIndex,
    edits: Vec<Edit>,
}

/// Whether the list holds route entries, named by their stage and population rather than an id.
fn es_ruta_atencion(path: &[Seg]) -> bool {
    matches!(path.last(), Some(Seg::Key(k)) if k == "ruta_atencion")
}

/// What names an item of a list: its `id`; for a route entry, its `etapa` and its `poblacion`
/// (a stage may have one entry per population; without `poblacion` it is for all victims).
fn ident(item: &Value, ruta_atencion: bool) -> Option<String> {
    let texto = |clave: &str| item.get(clave).and_then(Value::as_str);
    if ruta_atencion {
        Some(format!(
            "{}/{}",
            texto("etapa")?,
            texto("poblacion").unwrap_or("todas")
        ))
    } else {
        texto("id").map(str::to_owned)
    }
}

/// Names of every item when all have one and none repeats.
fn ids_unicos(items: &[Value], ruta_atencion: bool) -> Option<Vec<String>> {
    let ids: Vec<String> = items
        .iter()
        .map(|i| ident(i, ruta_atencion))
        .collect::<Option<_>>()?;
    let mut vistos = std::collections::HashSet::new();
    ids.iter().all(|id| vistos.insert(id)).then_some(ids)
}

/// How the items of the old list become the new list.
enum Paso {
    Igual(usize, usize),
    Quitar(usize),
    Poner(usize),
}

impl Editor<'_> {
    fn nodo(&self, path: &[Seg]) -> Option<NodeSpan> {
        self.spans.get(path).copied()
    }

    fn editar(&mut self, start: usize, end: usize, text: impl Into<String>) {
        self.edits.push(Edit {
            start,
            end,
            text: text.into(),
        });
    }

    /// Whether the node is written in flow style (`{ … }` or `[ … ]`).
    fn es_flujo(&self, span: &NodeSpan) -> bool {
        let off = self.t.offset(span.value.start);
        matches!(self.t.s[off..].chars().next(), Some('{' | '['))
    }

    fn diff(&mut self, path: &mut NodePath, old: &Value, new: &Value, flujo: bool) {
        if iguales(old, new) {
            return;
        }
        let Some(span) = self.nodo(path) else {
            return self.reemplazar(path, old, new, flujo);
        };
        match (old, new) {
            (Value::Object(a), Value::Object(b)) if !a.is_empty() => {
                let flujo = flujo || self.es_flujo(&span);
                self.diff_mapa(path, &span, a, b, flujo);
            }
            (Value::Array(a), Value::Array(b)) if !a.is_empty() && !b.is_empty() => {
                if flujo || self.es_flujo(&span) {
                    self.reemplazar(path, old, new, flujo);
                } else {
                    self.diff_lista(path, a, b);
                }
            }
            _ => self.reemplazar(path, old, new, flujo),
        }
    }

    fn diff_mapa(
        &mut self,
        path: &mut NodePath,
        span: &NodeSpan,
        a: &Map<String, Value>,
        b: &Map<String, Value>,
        flujo: bool,
    ) {
        // A block entry that shares its line with something before it (`- id: A1`) cannot be
        // removed by lines: the whole mapping is written again.
        let quitadas: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
        if !flujo {
            for k in &quitadas {
                path.push(Seg::Key((*k).clone()));
                let solo = self.nodo(path).and_then(|n| n.key).is_some_and(|key| {
                    let off = self.t.offset(key.start);
                    self.t.s[self.t.inicio_linea(off)..off].trim().is_empty()
                });
                path.pop();
                if !solo {
                    return self.reemplazar(
                        path,
                        &Value::Object(a.clone()),
                        &Value::Object(b.clone()),
                        flujo,
                    );
                }
            }
        }
        for k in quitadas {
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
                None => self.poner_clave(path, span, a, k, v, flujo),
            }
        }
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
    fn fin_bloque(&self, n: &NodeSpan) -> usize {
        let fin = self.t.fin_linea(self.t.fin_contenido(n.value));
        (fin + 1).min(self.t.s.len())
    }

    /// Start of the line `ls`, moved up over the comment lines just above it at its indentation.
    fn inicio_con_comentarios(&self, ls: usize) -> usize {
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

    fn poner_clave(
        &mut self,
        path: &[Seg],
        span: &NodeSpan,
        a: &Map<String, Value>,
        k: &str,
        v: &Value,
        flujo: bool,
    ) {
        if flujo {
            let end = self.t.offset(span.value.end);
            let cierre = self.t.s[..end].rfind('}').unwrap_or(end);
            let q = self.t.s[..cierre].trim_end().len();
            let sep = if a.is_empty() { "" } else { ", " };
            self.editar(q, q, format!("{sep}{}: {}", clave(k), flujo_de(v)));
            return;
        }
        // After the last line of the mapping, at the indentation of its keys.
        let primera = a.keys().next().and_then(|k0| {
            let mut p = path.to_vec();
            p.push(Seg::Key(k0.clone()));
            self.nodo(&p).and_then(|n| n.key)
        });
        let sangria = primera.map_or(0, |k| k.start.col - 1);
        let p = self.t.fin_linea(self.t.fin_contenido(span.value));
        let lineas = entrada(k, v, sangria);
        self.editar(p, p, format!("\n{}", lineas.join("\n")));
    }

    fn diff_lista(&mut self, path: &mut NodePath, a: &[Value], b: &[Value]) {
        let ruta_atencion = es_ruta_atencion(path);
        let pasos = match (ids_unicos(a, ruta_atencion), ids_unicos(b, ruta_atencion)) {
            // Items matched by id, unless the only change is one id renamed in place.
            (Some(ia), Some(ib))
                if ia != ib
                    && (a.len() != b.len()
                        || ia.iter().zip(&ib).filter(|(x, y)| x != y).count() > 1) =>
            {
                por_ids(&ia, &ib)
            }
            _ => por_posicion(a, b),
        };
        let ordenado = pasos
            .iter()
            .filter_map(|p| match p {
                Paso::Igual(i, _) => Some(*i),
                _ => None,
            })
            .collect::<Vec<_>>()
            .windows(2)
            .all(|w| w[0] < w[1]);
        let items: Vec<NodeSpan> = (0..a.len())
            .filter_map(|i| {
                path.push(Seg::Index(i));
                let n = self.nodo(path);
                path.pop();
                n
            })
            .collect();
        if items.len() != a.len() {
            return self.reemplazar(
                path,
                &Value::Array(a.to_vec()),
                &Value::Array(b.to_vec()),
                false,
            );
        }
        let vs = self.t.offset(items[0].value.start);
        let ls = self.t.inicio_linea(vs);
        let dash = self.t.s[ls..vs]
            .rfind('-')
            .map_or(self.t.sangria(vs), |i| self.t.s[ls..ls + i].chars().count());
        let en_flujo = self.es_flujo(&items[0]) && a[0].is_object();
        let nuevo_item = |v: &Value| item(v, dash, en_flujo).join("\n");
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
                        match aplicar_edits(&self.t.s[s..e], s, sub) {
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

    /// Start of an item of a block list: the line of its dash, with the comments just above.
    fn inicio_item(&self, n: &NodeSpan) -> usize {
        self.inicio_con_comentarios(self.t.inicio_linea(self.t.offset(n.value.start)))
    }

    /// Writes the whole node at `path` again (a scalar, a type change, a flow collection). A
    /// node missing from the index writes nothing, and the check of [`aplicar`] refuses the
    /// result.
    fn reemplazar(&mut self, path: &[Seg], old: &Value, new: &Value, flujo: bool) {
        let Some(n) = self.nodo(path) else { return };
        let start = self.t.offset(n.value.start);
        let raw_end = self.t.offset(n.value.end).max(start);
        let fuente = &self.t.s[start..raw_end];
        if flujo {
            let texto = match new {
                Value::Object(_) | Value::Array(_) => flujo_de(new),
                other => escalar(other, true, Some(fuente)),
            };
            return self.editar(start, raw_end, texto);
        }
        let vacio = old.is_null() && !matches!(fuente.trim(), "null" | "~" | "Null" | "NULL");
        let end = match fuente.chars().next() {
            Some('"' | '\'') => raw_end,
            Some('|' | '>') => self.t.fin_escalar_bloque(start),
            _ => self.t.fin_contenido(n.value),
        };
        // After a key, the range starts at its colon when the value is empty or on later lines,
        // or when the new value is written on the lines below.
        let dos_puntos = n.key.map(|k| {
            let ke = self.t.offset(k.end);
            let c = self.t.salta_espacios(ke);
            if self.t.s[c..].starts_with(':') {
                c + 1
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
            (Some(_), None) if misma_linea => self.editar(start, end, una_linea()),
            (Some(c), None) => self.editar(c, end.max(c), format!(" {}", una_linea())),
            (None, Some(lineas)) => {
                let texto = lineas.join("\n");
                self.editar(start, end, texto.trim_start().to_owned())
            }
            (None, None) => self.editar(start, end, una_linea()),
        }
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
fn por_posicion(a: &[Value], b: &[Value]) -> Vec<Paso> {
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

/// A mapping key as written.
fn clave(k: &str) -> String {
    if plano(k, true) {
        k.to_owned()
    } else {
        comillas(k)
    }
}

fn comillas(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// Whether `s` can be written without quotes and read back as the same text.
fn plano(s: &str, flujo: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim()
        || s.chars().any(char::is_control)
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (flujo && s.contains([',', '[', ']', '{', '}']))
    {
        return false;
    }
    matches!(serde_yaml::from_str::<serde_yaml::Value>(s), Ok(serde_yaml::Value::String(r)) if r == s)
}

/// A number as written, with the decimals of the number it replaces when they fit
/// (`4500.00` → `4600.00`).
fn numero(n: &Number, original: Option<&str>) -> String {
    let decimales = original
        .map(str::trim)
        .filter(|o| o.parse::<f64>().is_ok())
        .and_then(|o| o.split_once('.'))
        .map(|(_, d)| d.len());
    if let (Some(k), Some(f)) = (decimales, n.as_f64()) {
        let escrito = format!("{f:.k$}");
        if escrito.parse::<f64>().ok() == Some(f) {
            return escrito;
        }
    }
    match n.as_f64() {
        Some(f) if !n.is_i64() && !n.is_u64() && f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{}", f as i64)
        }
        _ => n.to_string(),
    }
}

/// A scalar on one line, keeping the quoting style of `original` when it can.
fn escalar(v: &Value, flujo: bool, original: Option<&str>) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => numero(n, original),
        Value::String(s) => {
            let estilo = original.and_then(|o| o.chars().next());
            let simple = !s.contains('\n') && !s.chars().any(char::is_control);
            match estilo {
                Some('"') => comillas(s),
                Some('\'') if simple => format!("'{}'", s.replace('\'', "''")),
                _ if plano(s, flujo) => s.clone(),
                _ => comillas(s),
            }
        }
        other => flujo_de(other),
    }
}

/// A literal block scalar (`|`) for a text of several lines, its lines indented by `sangria`;
/// `None` when the text needs quotes instead (leading spaces, trailing blank lines, controls).
fn bloque_literal(s: &str, sangria: usize) -> Option<String> {
    let (cuerpo, cabecera) = match s.strip_suffix('\n') {
        Some(c) if !c.ends_with('\n') => (c, "|"),
        Some(_) => return None,
        None => (s, "|-"),
    };
    if cuerpo.starts_with([' ', '\t'])
        || cuerpo.is_empty()
        || cuerpo.chars().any(|c| c.is_control() && c != '\n')
    {
        return None;
    }
    let pad = " ".repeat(sangria);
    let mut out = cabecera.to_owned();
    for linea in cuerpo.split('\n') {
        out.push('\n');
        if !linea.is_empty() {
            out.push_str(&pad);
            out.push_str(linea);
        }
    }
    Some(out)
}

/// Whether a new value reads well on one line in flow style: lists of scalars and small
/// mappings of scalars (`plazo`, `presupuesto`, `contacto`).
fn cabe_en_flujo(v: &Value) -> bool {
    let escalar = |v: &Value| {
        !v.is_object() && !v.is_array() && !v.as_str().is_some_and(|s| s.contains('\n'))
    };
    match v {
        Value::Array(l) => l.iter().all(escalar),
        Value::Object(m) => m.len() <= 3 && m.values().all(escalar) && flujo_de(v).len() <= 90,
        _ => true,
    }
}

/// A value in flow style, on one line.
fn flujo_de(v: &Value) -> String {
    match v {
        Value::Array(l) => format!(
            "[{}]",
            l.iter().map(flujo_de).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) if m.is_empty() => "{}".into(),
        Value::Object(m) => format!(
            "{{ {} }}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", clave(k), flujo_de(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => escalar(other, true, None),
    }
}

/// The lines of a mapping in block style at indentation `sangria`.
fn mapa(m: &Map<String, Value>, sangria: usize) -> Vec<String> {
    m.iter().flat_map(|(k, v)| entrada(k, v, sangria)).collect()
}

/// The lines of one mapping entry `k: v` at indentation `sangria`.
fn entrada(k: &str, v: &Value, sangria: usize) -> Vec<String> {
    let pad = " ".repeat(sangria);
    let k = clave(k);
    match v {
        Value::String(s) if s.contains('\n') => match bloque_literal(s, sangria + 2) {
            Some(b) => vec![format!("{pad}{k}: {b}")],
            None => vec![format!("{pad}{k}: {}", comillas(s))],
        },
        Value::Object(m) if !m.is_empty() && !cabe_en_flujo(v) => {
            let mut out = vec![format!("{pad}{k}:")];
            out.extend(mapa(m, sangria + 2));
            out
        }
        Value::Array(l) if !cabe_en_flujo(v) => {
            let mut out = vec![format!("{pad}{k}:")];
            out.extend(l.iter().flat_map(|v| item(v, sangria + 2, false)));
            out
        }
        Value::Object(_) | Value::Array(_) => vec![format!("{pad}{k}: {}", flujo_de(v))],
        other => vec![format!("{pad}{k}: {}", escalar(other, false, None))],
    }
}

/// The lines of a list item with its dash at column `guion` (in flow style when `en_flujo`).
fn item(v: &Value, guion: usize, en_flujo: bool) -> Vec<String> {
    let pad = " ".repeat(guion);
    match v {
        Value::Object(m) if !m.is_empty() && !en_flujo => {
            let mut lineas = mapa(m, guion + 2);
            if let Some(first) = lineas.first_mut() {
                *first = format!("{pad}- {}", &first[guion + 2..]);
            }
            lineas
        }
        Value::String(s) if s.contains('\n') => match bloque_literal(s, guion + 2) {
            Some(b) => vec![format!("{pad}- {b}")],
            None => vec![format!("{pad}- {}", comillas(s))],
        },
        Value::Object(_) | Value::Array(_) => vec![format!("{pad}- {}", flujo_de(v))],
        other => vec![format!("{pad}- {}", escalar(other, false, None))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn editar(texto: &str, f: impl FnOnce(&mut Value)) -> String {
        let mut v = leer(texto).unwrap();
        f(&mut v);
        aplicar(texto, &v).unwrap()
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
            l.push(
                json!({"id": "A3", "x": 3, "plazo": {"inicio": "2026-01-01", "fin": "2026-12-31"}}),
            );
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
}
