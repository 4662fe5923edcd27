//! Markdown output: CommonMark rendered by the Handlebars template `plan.md.hbs`, readable as
//! plain text and rendered correctly by common viewers, with the matrices as tables. Plan text is
//! escaped so that it shows literally: a `*`, `|` or `<script>` in the plan is text, not syntax.

use super::cmark::{Bloque, Linea, enlace_seguro};

/// Escapes text so that CommonMark shows it literally, on one line (safe inside table cells).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The Markdown of a field's tree, re-written with escaped text.
pub fn bloques(bs: &[Bloque]) -> String {
    let mut out = Vec::new();
    for b in bs {
        out.push(match b {
            Bloque::Parrafo { c } => lineas(c),
            Bloque::Titulo { c, .. } => format!("**{}**", lineas(c)),
            Bloque::Lista { ordenada, items } => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let marker = if *ordenada {
                        format!("{}.", i + 1)
                    } else {
                        "-".into()
                    };
                    let body = bloques(item).replace('\n', "\n   ");
                    format!("{marker} {body}")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Bloque::Cita { c } => bloques(c)
                .lines()
                .map(|l| format!("> {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Bloque::Codigo { v } => {
                let fence = "`".repeat(longest_run(v, '`').max(2) + 1);
                format!("{fence}\n{}\n{fence}", v.trim_end())
            }
            Bloque::Separador => "---".into(),
        });
    }
    out.join("\n\n")
}

fn longest_run(s: &str, ch: char) -> usize {
    s.split(|c| c != ch).map(str::len).max().unwrap_or(0)
}

fn lineas(ls: &[Linea]) -> String {
    ls.iter()
        .map(|l| match l {
            Linea::Texto { v } => escape(v),
            Linea::Enfasis { c } => format!("*{}*", lineas(c)),
            Linea::Fuerte { c } => format!("**{}**", lineas(c)),
            Linea::Codigo { v } => {
                let fence = "`".repeat(longest_run(v, '`') + 1);
                format!("{fence} {v} {fence}")
            }
            Linea::Enlace { url, c } if enlace_seguro(url) => {
                format!("[{}](<{}>)", lineas(c), url.replace(['<', '>', '\n'], ""))
            }
            Linea::Enlace { c, .. } => lineas(c),
            Linea::Salto => "  \n".into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::cmark::parse;

    #[test]
    fn markdown_round_trip_escapes_plan_text() {
        assert_eq!(escape("a|b *c* <script>"), "a\\|b \\*c\\* \\<script\\>");
        let md = bloques(&parse("Texto *fuerte* y <b>html</b>\n\n- uno\n- dos"));
        assert_eq!(md, "Texto *fuerte* y \\<b\\>html\\</b\\>\n\n- uno\n- dos");
    }
}
