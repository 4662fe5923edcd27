//! Human output, in the style of rustc: the message with its code, the source line with a marker
//! under the offending node, and an `ayuda:` line. Rendering is done by `annotate-snippets`, with
//! the severity names in Spanish.

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Severidad, visible};

/// How many diagnostics of one file are shown: a file with thousands of problems is not read
/// one by one (the JSON output lists them all).
pub const MAX_MOSTRADOS: usize = 100;

/// Renders the diagnostics of one file, the first [`MAX_MOSTRADOS`] of them and a line saying
/// how many more there are. `texto` is the file's text as loaded.
pub fn render(archivo: &str, texto: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let archivo = visible(archivo);
    // Lines are indexed once: a file may have as many diagnostics as lines.
    let lineas: Vec<&str> = texto.split('\n').collect();
    let mut out = String::new();
    for d in diagnostics.iter().take(MAX_MOSTRADOS) {
        // Messages quote plan text: shown visible, never as terminal commands.
        let d = Diagnostic {
            mensaje: visible(&d.mensaje).into_owned(),
            ruta: visible(&d.ruta).into_owned(),
            ayuda: visible(&d.ayuda).into_owned(),
            ..d.clone()
        };
        out.push_str(&renderer.render(&[group(&archivo, &lineas, &d)]));
        out.push_str("\n\n");
    }
    if let Some(resto) = diagnostics
        .len()
        .checked_sub(MAX_MOSTRADOS)
        .filter(|n| *n > 0)
    {
        out.push_str(&format!(
            "{archivo}: {} sin mostrar; `cantonal validar --formato json {archivo}` muestra la lista completa.\n\n",
            crate::espanol::plural(resto, "diagnóstico más", "diagnósticos más")
        ));
    }
    out
}

fn level(s: Severidad) -> Level<'static> {
    match s {
        Severidad::Error => Level::ERROR.with_name("error"),
        Severidad::Advertencia => Level::WARNING.with_name("advertencia"),
        Severidad::Sugerencia => Level::NOTE.with_name("sugerencia"),
    }
}

fn group<'a>(archivo: &'a str, lineas: &[&'a str], d: &'a Diagnostic) -> Group<'a> {
    let title = level(d.severidad)
        .primary_title(d.mensaje.as_str())
        .id(d.codigo);
    // A problem found in a workbook is shown at its cell, not in the plan's text.
    if let Some(celda) = &d.celda {
        let mut group =
            Group::with_title(title).element(Origin::path(format!("{archivo}: {celda}")));
        if !d.ruta.is_empty() {
            group = group.element(Level::NOTE.with_name("ruta").message(d.ruta.as_str()));
        }
        return group.element(Level::HELP.with_name("ayuda").message(d.ayuda.as_str()));
    }
    let (line_text, span) = marked_line(lineas, d);
    let mut snippet = Snippet::source(line_text)
        .path(archivo)
        .line_start(d.linea)
        .fold(false);
    let mark = AnnotationKind::Primary.span(span);
    snippet = snippet.annotation(if d.ruta.is_empty() {
        mark
    } else {
        mark.label(d.ruta.as_str())
    });
    Group::with_title(title)
        .element(snippet)
        .element(Level::HELP.with_name("ayuda").message(d.ayuda.as_str()))
}

/// The diagnostic's first line, made [`visible`], and the byte range to mark in it.
fn marked_line<'a>(lineas: &[&'a str], d: &Diagnostic) -> (Cow<'a, str>, std::ops::Range<usize>) {
    let (line, range) = raw_marked_line(lineas, d);
    match visible(line) {
        Cow::Borrowed(line) => (Cow::Borrowed(line), range),
        Cow::Owned(shown) => {
            // Each escaped character grows the line: move the marks by as much.
            let at = |byte: usize| visible(&line[..byte]).len();
            let range = at(range.start)..at(range.end);
            (Cow::Owned(shown), range)
        }
    }
}

/// The text of the diagnostic's first line and the byte range to mark in it: from the start
/// column to the end of the region on that line (at least one character).
fn raw_marked_line<'a>(lineas: &[&'a str], d: &Diagnostic) -> (&'a str, std::ops::Range<usize>) {
    let line = lineas.get(d.linea.saturating_sub(1)).copied().unwrap_or("");
    let byte_of = |col: usize| {
        line.char_indices()
            .nth(col.saturating_sub(1))
            .map(|(b, _)| b)
            .unwrap_or(line.len())
    };
    let start = byte_of(d.columna);
    let end = if d.region.end.line == d.linea && d.region.end.col > d.columna {
        byte_of(d.region.end.col)
    } else {
        // A point or a multi-line node: mark the rest of the word on this line.
        let rest = &line[start..];
        start
            + rest
                .find(|c: char| c.is_whitespace())
                .unwrap_or(rest.len())
                .max(rest.chars().next().map_or(0, char::len_utf8))
    };
    (line, start..end.max(start))
}
