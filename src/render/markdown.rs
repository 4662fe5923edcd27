//! Markdown output: CommonMark rendered by the Handlebars template `plan.md.hbs` (a plan) or
//! `avance.md.hbs` (its progress report), readable as
//! plain text and rendered correctly by common viewers, with the matrices as tables. Plan text is
//! escaped so that it shows literally: a `*`, `|` or `<script>` in the plan is text, not syntax.

use std::time::Instant;

use super::hbs::{self, Lenguaje};
use super::{Formato, Opciones, Pieza, Producto, TemplateError, sin_informe};
pub use crate::documento::cmark::escape_markdown as escape;
use crate::documento::cmark::{Bloque, Linea, enlace_seguro};

/// How plan text is written in this format's templates.
const LENGUAJE: Lenguaje = Lenguaje { escape, bloques };

/// The Markdown format.
pub struct Markdown;

impl Formato for Markdown {
    fn nombre(&self) -> &'static str {
        "md"
    }
    fn descripcion(&self) -> &'static str {
        "Markdown (CommonMark)."
    }
    fn extension(&self) -> &'static str {
        "md"
    }
    fn tipo_mime(&self) -> &'static str {
        "text/markdown; charset=utf-8"
    }
    fn admite_informe(&self) -> bool {
        false
    }
    fn render(&self, pieza: Pieza, opciones: &Opciones) -> Result<Producto, Vec<TemplateError>> {
        let start = Instant::now();
        let texto = match pieza {
            Pieza::Plan { documento, .. } => {
                hbs::render("plan.md.hbs", documento, LENGUAJE, &opciones.plantillas)
            }
            Pieza::Avance { avance, .. } => {
                hbs::render("avance.md.hbs", avance, LENGUAJE, &opciones.plantillas)
            }
            Pieza::Informe { .. } => return Err(sin_informe(self)),
        }
        .map_err(|e| vec![e])?;
        Ok(Producto::texto(texto, start))
    }
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
    use crate::documento::cmark::parse;

    #[test]
    fn markdown_round_trip_escapes_plan_text() {
        assert_eq!(escape("a|b *c* <script>"), "a\\|b \\*c\\* \\<script\\>");
        let md = bloques(&parse("Texto *fuerte* y <b>html</b>\n\n- uno\n- dos"));
        assert_eq!(md, "Texto *fuerte* y \\<b\\>html\\</b\\>\n\n- uno\n- dos");
    }
}
