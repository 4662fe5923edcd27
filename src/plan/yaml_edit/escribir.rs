//! How a value is written as YAML text when it has to be written anew: keys, scalars (plain
//! when that reads back as the same text in every YAML reader, else double-quoted with escapes),
//! literal blocks for texts of several lines, and collections in flow or block style.

use serde_json::{Map, Number, Value};

/// A mapping key as written.
pub(super) fn clave(k: &str) -> String {
    if plano(k, true) {
        k.to_owned()
    } else {
        comillas(k)
    }
}

/// A YAML double-quoted scalar. Every character that a YAML reader would not keep as it is
/// inside the quotes is escaped: control characters, the line and paragraph separators
/// (U+2028, U+2029) and the next-line character (U+0085), which YAML 1.1 readers take as line
/// breaks, and the byte order mark.
pub(super) fn comillas(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The plain scalars that a YAML 1.1 reader (the one many spreadsheet and editor plugins still
/// use) reads as a boolean or as nothing, although YAML 1.2 reads them as text.
const ESPECIALES_1_1: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
    "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL",
];

/// Whether a plain text looks like a number to some YAML reader: digits with the separators,
/// prefixes and exponents of YAML 1.1 numbers (`1_000`, `1:30`, `0x1F`, `.5`, `1e3`). A date
/// (`2026-01-01`) is not one.
fn parece_numero(s: &str) -> bool {
    let sin_signo = s.strip_prefix(['+', '-']).unwrap_or(s);
    let base = sin_signo.get(..2).map(str::to_ascii_lowercase);
    if matches!(base.as_deref(), Some("0x" | "0o" | "0b")) {
        return sin_signo[2..]
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    let mut antes = ' ';
    sin_signo.chars().any(|c| c.is_ascii_digit())
        && sin_signo.chars().all(|c| {
            let ok = c.is_ascii_digit()
                || matches!(c, '_' | ':' | '.' | 'e' | 'E')
                || (matches!(c, '+' | '-') && matches!(antes, 'e' | 'E'));
            antes = c;
            ok
        })
}

/// Whether `s` can be written without quotes and read back as the same text, by this program
/// and by any other YAML reader.
pub(super) fn plano(s: &str, flujo: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim()
        || s.chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (flujo && s.contains([',', '[', ']', '{', '}']))
        || ESPECIALES_1_1.contains(&s)
        || parece_numero(s)
    {
        return false;
    }
    matches!(serde_yaml::from_str::<serde_yaml::Value>(s), Ok(serde_yaml::Value::String(r)) if r == s)
}

/// A number as written, with the decimals of the number it replaces when they fit
/// (`4500.00` → `4600.00`).
pub(super) fn numero(n: &Number, original: Option<&str>) -> String {
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
pub(super) fn escalar(v: &Value, flujo: bool, original: Option<&str>) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => numero(n, original),
        Value::String(s) => {
            let estilo = original.and_then(|o| o.chars().next());
            let simple = !s.is_empty()
                && s.chars()
                    .all(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'));
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
/// `None` when the text needs quotes instead (leading spaces, trailing blank lines, characters
/// that a block cannot hold).
pub(super) fn bloque_literal(s: &str, sangria: usize) -> Option<String> {
    let (cuerpo, cabecera) = match s.strip_suffix('\n') {
        Some(c) if !c.ends_with('\n') => (c, "|"),
        Some(_) => return None,
        None => (s, "|-"),
    };
    if cuerpo.starts_with([' ', '\t'])
        || cuerpo.is_empty()
        || cuerpo.chars().any(|c| {
            (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
        })
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
pub(super) fn cabe_en_flujo(v: &Value) -> bool {
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
pub(super) fn flujo_de(v: &Value) -> String {
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
pub(super) fn mapa(m: &Map<String, Value>, sangria: usize) -> Vec<String> {
    m.iter().flat_map(|(k, v)| entrada(k, v, sangria)).collect()
}

/// The lines of one mapping entry `k: v` at indentation `sangria`.
pub(super) fn entrada(k: &str, v: &Value, sangria: usize) -> Vec<String> {
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
pub(super) fn item(v: &Value, guion: usize, en_flujo: bool) -> Vec<String> {
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

    #[test]
    fn texts_that_other_readers_misread_are_quoted() {
        for s in [
            "yes", "no", "on", "Off", "y", "~", "1_000", "1:30", "0x1F", ".5", "+1",
        ] {
            assert!(!plano(s, false), "{s}");
        }
        for s in [
            "sí",
            "Ibarra",
            "gad-ibarra",
            "A1",
            "2 talleres por año",
            "2026-01-01",
        ] {
            assert!(plano(s, false), "{s}");
        }
    }

    #[test]
    fn separators_and_controls_are_escaped_inside_quotes() {
        assert_eq!(
            comillas("a\u{2028}b\u{2029}c\u{85}d\u{1}e\"f\\"),
            "\"a\\Lb\\Pc\\Nd\\x01e\\\"f\\\\\""
        );
        let leido: String = serde_yaml::from_str(&comillas("a\u{2028}b\u{85}\u{b}")).unwrap();
        assert_eq!(leido, "a\u{2028}b\u{85}\u{b}");
    }
}
