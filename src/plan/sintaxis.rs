//! Syntax errors of `serde_yaml` as located Spanish messages with a hint: the parser's own
//! message names the symptom; the cause (a tab in the indentation, a typographic quote, an
//! invisible control character, a repeated key, a second document) is found in the text.

use super::decodificar::{no_imprimible, position_of_byte};
use super::montos;
use super::schema::COMILLAS_TIPOGRAFICAS;
use super::spans::{first_duplicate_key, second_document};
use crate::diagnostics::Region;

/// Translates a `serde_yaml` error into a located Spanish message with a hint.
pub(super) fn syntax_error(
    text: &str,
    e: &serde_yaml::Error,
) -> (&'static str, Region, String, String) {
    let (line, col) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let raw = e.to_string();
    // A tab in the indentation of this line or of an earlier one is the usual cause.
    if let Some((tab_line, tab_col)) = first_indent_tab(text, line) {
        return (
            "S001",
            Region::point(tab_line, tab_col),
            "tabulación usada para sangrar: YAML solo admite espacios".into(),
            "Reemplace las tabulaciones del inicio de la línea por espacios (configure su editor para insertar espacios al pulsar Tab).".into(),
        );
    }
    if let Some(r) = special_syntax_error(text, &raw, line, col) {
        return r;
    }
    let known: &[(&str, &str, &str)] = &[
        (
            "repetition limit exceeded",
            "el documento repite demasiadas veces sus anclas (`&`) y alias (`*`)",
            "Escriba los valores directamente en lugar de usar anclas y alias anidados.",
        ),
        (
            "recursion limit exceeded",
            "el documento está anidado demasiado profundamente",
            "Un plan tiene pocos niveles de sangría; revise los corchetes y la sangría.",
        ),
        (
            "unknown anchor",
            "alias (`*`) a un ancla que no existe",
            "Defina el ancla con `&nombre` antes de usar `*nombre`, o escriba el valor directamente.",
        ),
        (
            "mapping values are not allowed",
            "no se esperaba `:` aquí",
            "Si el texto contiene `: `, escríbalo entre comillas; si es un campo nuevo, revise la sangría de la línea.",
        ),
        (
            "did not find expected key",
            "la sangría de esta línea no corresponde a la estructura",
            "Alinee el campo con los demás campos del mismo nivel (usando espacios).",
        ),
        (
            "did not find expected '-' indicator",
            "se esperaba un elemento de lista (`- `) en esta línea",
            "Alinee los guiones de la lista a la misma columna.",
        ),
        (
            "could not find expected ':'",
            "falta `:` después del nombre del campo",
            "Cada campo se escribe `nombre: valor`.",
        ),
        (
            "found unexpected end of stream",
            "el archivo termina de forma inesperada",
            "Revise que las comillas y los corchetes abiertos estén cerrados.",
        ),
        (
            "found character that cannot start any token",
            "carácter no permitido al comienzo de un valor",
            "Los valores que empiezan con `@`, `` ` ``, `%` o `|` deben ir entre comillas.",
        ),
        (
            "found duplicate key",
            "campo repetido en el mismo nivel",
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido.",
        ),
        (
            "duplicate entry with key",
            "campo repetido en el mismo nivel",
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido.",
        ),
        (
            "did not find expected",
            "estructura YAML incompleta",
            "Revise esta línea y la anterior: comillas, corchetes `[ ]` o llaves `{ }` sin cerrar.",
        ),
    ];
    let (mensaje, ayuda) = known
        .iter()
        .find(|(needle, ..)| raw.contains(needle))
        .map(|(_, m, a)| ((*m).to_owned(), (*a).to_owned()))
        .unwrap_or_else(|| {
            (
                format!("sintaxis YAML no válida ({})", strip_location(&raw)),
                "Revise la sangría (solo espacios) y las comillas de esta línea.".into(),
            )
        });
    ("S001", clamp(text, line, col), mensaje, ayuda)
}

/// The syntax errors whose cause is found by looking at the text rather than at the parser's
/// message: an invisible control character, a value between typographic quotes, a repeated key,
/// a second document, a number too large for any field.
fn special_syntax_error(
    text: &str,
    raw: &str,
    line: usize,
    col: usize,
) -> Option<(&'static str, Region, String, String)> {
    if raw.contains("control characters are not allowed")
        && let Some((at, c)) = text.char_indices().find(|(_, c)| no_imprimible(*c))
    {
        return Some((
            "S001",
            position_of_byte(text.as_bytes(), at),
            format!(
                "el archivo contiene un carácter de control invisible (U+{:04X})",
                u32::from(c)
            ),
            "Borre ese carácter: no se ve en la mayoría de los editores y suele llegar al copiar y pegar desde otro programa.".into(),
        ));
    }
    if let Some((region, comilla)) = typographic_quote(text, line, col) {
        return Some((
            "S001",
            region,
            format!("el valor empieza con una comilla tipográfica ({comilla}), que YAML no reconoce como comilla"),
            "Use comillas rectas \" o quite las comillas (los procesadores de texto cambian \" por “ ”).".into(),
        ));
    }
    if raw.contains("duplicate entry with key") || raw.contains("found duplicate key") {
        let (key, region) = first_duplicate_key(text)?;
        return Some((
            "S001",
            region,
            format!("el campo `{key}` está repetido en el mismo nivel"),
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido.".into(),
        ));
    }
    if raw.contains("more than one document") {
        return Some((
            "S001",
            second_document(text).unwrap_or(Region::point(1, 1)),
            "el archivo contiene más de un documento YAML (separados por `---`)".into(),
            "Un archivo contiene un solo plan: borre esta línea `---` y lo que le sigue, o sepárelo en otro archivo.".into(),
        ));
    }
    if raw.contains(" as u128") || raw.contains(" as i128") {
        let numero = raw.split('`').nth(1).unwrap_or("");
        // The message starts with the path of the value: `acciones[0].presupuesto.monto: …`.
        if raw.split(": ").next().is_some_and(|p| p.ends_with("monto"))
            && let Some(p) = montos::revisar(numero)
        {
            return Some(("S007", clamp(text, line, col), p.mensaje, p.ayuda));
        }
        return Some((
            "S003",
            clamp(text, line, col),
            format!("el número `{numero}` es demasiado grande"),
            "Revise la cifra: ningún campo del plan admite un número de tantas cifras.".into(),
        ));
    }
    None
}

/// A value that starts with a typographic quote on the line of a syntax error at `line`:`col`,
/// or on an earlier line when its text goes on to the error (the closing quote is not on that
/// line).
fn typographic_quote(text: &str, line: usize, col: usize) -> Option<(Region, char)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = line.saturating_sub(3).max(1);
    (first..=line.min(lines.len())).rev().find_map(|n| {
        let l = lines[n - 1];
        let chars: Vec<char> = l.chars().collect();
        (0..chars.len()).rev().find_map(|i| {
            let c = chars[i];
            let before = chars[..i].iter().rev().find(|c| **c != ' ');
            let starts_value = matches!(before, None | Some(':' | '-' | '[' | '{' | ','));
            let on_error_line = n == line && i < col.max(1);
            let goes_on = n < line && !chars[i + 1..].contains(&cierre(c));
            (COMILLAS_TIPOGRAFICAS.contains(&c) && starts_value && (on_error_line || goes_on))
                .then(|| (Region::point(n, i + 1), c))
        })
    })
}

/// The quote that closes one opened by `c`.
fn cierre(c: char) -> char {
    match c {
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        other => other,
    }
}

/// A point inside `text`: the parser may report the position just past the end of the file.
fn clamp(text: &str, line: usize, col: usize) -> Region {
    let lines: Vec<&str> = text.split('\n').collect();
    let line = line.clamp(1, lines.len());
    let width = lines[line - 1].chars().count();
    Region::point(line, col.clamp(1, width + 1))
}

fn strip_location(raw: &str) -> &str {
    raw.split(" at line ").next().unwrap_or(raw)
}

/// The first tab in the leading whitespace of lines up to `line`.
fn first_indent_tab(text: &str, line: usize) -> Option<(usize, usize)> {
    text.lines().take(line).enumerate().find_map(|(i, l)| {
        let indent: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let rest = &l[indent.len()..];
        (indent.contains('\t') && !rest.is_empty() && !rest.starts_with('#')).then(|| {
            (
                i + 1,
                indent.chars().position(|c| c == '\t').unwrap_or(0) + 1,
            )
        })
    })
}
