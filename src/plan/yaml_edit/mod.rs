//! Saving a changed value into a YAML file without rewriting the file.
//!
//! A program edits a plan (or an observations file) as data, a JSON value; the file is the
//! official's text, with its comments, key order, quoting, blank lines and line endings.
//! [`guardar`] compares the value read from the text with the edited value and turns each
//! difference into an edit of the source range that holds it, found with the span index of the
//! loader ([`SpanIndex`]): a changed scalar is rewritten in place (keeping its quoting style and
//! any anchor), a new key or list item is inserted as lines with the indentation of its siblings
//! (in flow style when its siblings are written so), a removed one takes its lines and comments
//! with it, and a list written `[a, b]` over several lines is edited item by item. Everything
//! else stays byte for byte, each line with its own line ending.
//!
//! The result is always read back and compared with the edited value: an edit that would not
//! give exactly that value is refused rather than written. Where the text cannot keep its form
//! (a collection written anew loses its comments, an alias must be written out because its
//! anchor changed), [`Guardado::avisos`] says so in Spanish, for the user's confirmation.
//!
//! Why not the `yaml-edit` crate: its lossless tree is young (its API changes between minor
//! versions) and would be a second YAML parser beside `serde_yaml` and `saphyr`, whose positions
//! already locate every diagnostic; the edits needed here are a few kinds over those positions.

mod editor;
mod escribir;
mod listas;
#[cfg(test)]
mod propiedades;
#[cfg(test)]
mod tests;
mod texto;

use serde_json::Value;

use crate::plan::spans::{NodePath, Seg, SpanIndex};
use editor::Editor;
use texto::Texto;

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

/// A text saved with a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guardado {
    /// The new text.
    pub texto: String,
    /// What changed beyond the edited fields, in Spanish (empty when nothing did).
    pub avisos: Vec<String>,
}

/// The value of a YAML text, as an editor sees it (dates and other scalars as strings).
pub fn leer(texto: &str) -> Result<Value, ErrorEdicion> {
    let texto = texto.strip_prefix('\u{feff}').unwrap_or(texto);
    serde_yaml::from_str::<Value>(texto).map_err(|e| ErrorEdicion::Sintaxis(e.to_string()))
}

/// A text as a YAML scalar on one line: plain when every YAML reader reads it back as the same
/// text, else double-quoted with escapes (see [`escribir::comillas`]).
pub fn yaml_texto(s: &str) -> String {
    escribir::escalar(&Value::String(s.to_owned()), false, None)
}

/// A text inside a YAML comment (`# …`): every character that would end the comment's line (a
/// line break, U+0085, U+2028, U+2029) or that is a control character is written `\u{…}`, so
/// that a name can never start a line of its own.
pub fn en_comentario(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
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

/// The text `original` edited so that it reads as `nuevo`, changing only what differs. Its byte
/// order mark and the line ending of every line are kept; new lines take the ending of the line
/// where they are inserted.
pub fn guardar(original: &str, nuevo: &Value) -> Result<Guardado, ErrorEdicion> {
    let (bom, cuerpo) = match original.strip_prefix('\u{feff}') {
        Some(resto) => ("\u{feff}", resto),
        None => ("", original),
    };
    let normal = if cuerpo.contains('\r') {
        cuerpo.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        cuerpo.to_owned()
    };
    let (edits, avisos) = ediciones(&normal, nuevo)?;
    if edits.is_empty() {
        return Ok(Guardado {
            texto: original.to_owned(),
            avisos,
        });
    }
    let texto = if !cuerpo.contains('\r') {
        aplicar_edits(&normal, 0, edits)?
    } else {
        con_sus_finales(cuerpo, &normal, edits)?
    };
    let texto = format!("{bom}{texto}");
    match leer(&texto) {
        Ok(v) if iguales(&v, nuevo) => Ok(Guardado { texto, avisos }),
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

/// The edits of `normal` (a text with `\n` line ends) that make it read as `nuevo`, checked by
/// reading the result back, and what they change beyond the edited fields.
fn ediciones(normal: &str, nuevo: &Value) -> Result<(Vec<Edit>, Vec<String>), ErrorEdicion> {
    let anterior = leer(normal)?;
    if iguales(&anterior, nuevo) {
        return Ok((Vec::new(), Vec::new()));
    }
    let spans = SpanIndex::build(normal);
    let mut editor = Editor {
        t: Texto::new(normal),
        spans: &spans,
        edits: Vec::new(),
        raiz: &anterior,
        avisos: Vec::new(),
    };
    editor.diff(&mut Vec::new(), &anterior, nuevo, false);
    // An alias (`*a`) reads whatever its anchor now holds: where that is not what the alias
    // should keep, the alias is written out as its value. At most a few rounds: each one writes
    // out at least one alias, or gives up.
    for _ in 0..4 {
        let resultado = aplicar_edits(normal, 0, editor.edits.clone())?;
        let alias: Vec<NodePath> = match leer(&resultado) {
            Ok(v) if iguales(&v, nuevo) => return Ok((editor.edits, editor.avisos)),
            Ok(v) => {
                let mut distintos = Vec::new();
                diferencias(&v, nuevo, &mut Vec::new(), &mut distintos);
                let mut alias = Vec::new();
                for d in distintos {
                    match alias_que_contiene(&editor, &d) {
                        Some(a) if !alias.contains(&a) => alias.push(a),
                        Some(_) => {}
                        None => return Err(ErrorEdicion::NoCoincide),
                    }
                }
                alias
            }
            // An anchor removed while aliases to it remain: every alias is written out.
            Err(_) => spans
                .iter()
                .filter(|(_, n)| editor.t.s[editor.t.offset(n.value.start)..].starts_with('*'))
                .map(|(p, _)| p.clone())
                .collect(),
        };
        if alias.is_empty() {
            return Err(ErrorEdicion::NoCoincide);
        }
        for path in alias {
            let Some(valor) = valor_en(nuevo, &path) else {
                return Err(ErrorEdicion::NoCoincide);
            };
            let n = editor.nodo(&path).ok_or(ErrorEdicion::NoCoincide)?;
            let (s, e) = (editor.t.offset(n.value.start), editor.t.offset(n.value.end));
            let nombre = editor.nombre(&path);
            editor.avisos.push(format!(
                "{nombre} repetía con un alias (`{}`) otro valor del archivo, que cambió: se escribió su valor completo.",
                &editor.t.s[s..e]
            ));
            editor.editar(s, e, escribir::flujo_de(valor));
        }
    }
    Err(ErrorEdicion::NoCoincide)
}

/// The paths where `a` and `b` differ, as deep as both have the same shape.
fn diferencias(a: &Value, b: &Value, path: &mut NodePath, out: &mut Vec<NodePath>) {
    if iguales(a, b) {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                path.push(Seg::Key(k.clone()));
                match (x.get(k), y.get(k)) {
                    (Some(v), Some(w)) => diferencias(v, w, path, out),
                    _ => out.push(path.clone()),
                }
                path.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                path.push(Seg::Index(i));
                diferencias(v, w, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

/// The alias node (`*a`) of the original text that holds `path`, if any.
fn alias_que_contiene(editor: &Editor, path: &[Seg]) -> Option<NodePath> {
    (0..=path.len()).rev().find_map(|n| {
        let nodo = editor.nodo(&path[..n])?;
        let s = editor.t.offset(nodo.value.start);
        editor.t.s[s..].starts_with('*').then(|| path[..n].to_vec())
    })
}

/// The value at `path` inside `v`.
fn valor_en<'a>(v: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get(k),
        Seg::Index(i) => v.get(i),
    })
}

/// Applies the edits of `normal` to `cuerpo`, the same text with its own line endings (`\r\n`,
/// `\r`, `\n`, perhaps mixed): every line keeps its ending, and the line breaks of an edit take
/// the ending of the line where the edit starts.
fn con_sus_finales(cuerpo: &str, normal: &str, edits: Vec<Edit>) -> Result<String, ErrorEdicion> {
    // The ending of each line of `cuerpo`, in order.
    let mut finales: Vec<&'static str> = Vec::new();
    let bytes = cuerpo.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                finales.push("\r\n");
                i += 2;
            }
            b'\r' => {
                finales.push("\r");
                i += 1;
            }
            b'\n' => {
                finales.push("\n");
                i += 1;
            }
            _ => i += 1,
        }
    }
    // Offsets of the line breaks of `normal`, and how many extra bytes the endings before each
    // line add in `cuerpo`.
    let saltos: Vec<usize> = normal.match_indices('\n').map(|(i, _)| i).collect();
    let mut extra = vec![0usize; saltos.len() + 1];
    for (k, f) in finales.iter().enumerate() {
        extra[k + 1] = extra[k] + f.len() - 1;
    }
    let linea = |off: usize| saltos.partition_point(|&s| s < off);
    let en_cuerpo = |off: usize| off + extra[linea(off).min(saltos.len())];
    let mut mapeadas = Vec::with_capacity(edits.len());
    for e in edits {
        let l = linea(e.start);
        let fin = finales
            .get(l)
            .or_else(|| l.checked_sub(1).and_then(|p| finales.get(p)))
            .copied()
            .unwrap_or("\n");
        mapeadas.push(Edit {
            start: en_cuerpo(e.start),
            end: en_cuerpo(e.end),
            text: if fin == "\n" {
                e.text
            } else {
                e.text.replace('\n', fin)
            },
        });
    }
    aplicar_edits(cuerpo, 0, mapeadas)
}
