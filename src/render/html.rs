//! HTML output: one self-contained, accessible file rendered by the Handlebars template
//! `plan.html.hbs` (a plan), `avance.html.hbs` (its progress report) or `informe.html.hbs` (the
//! consolidated report). Every plan string is
//! escaped by Handlebars; Markdown fields are written by [`bloques`] from their tree, escaping
//! text and keeping only safe link targets, so no plan string can add an element, attribute,
//! script or style.

use std::time::Instant;

use super::hbs::{self, Lenguaje};
use super::{Formato, Opciones, Pieza, Producto, TemplateError};
use crate::documento::cmark::{Bloque, Linea, enlace_seguro};

/// How plan text is written in this format's templates.
const LENGUAJE: Lenguaje = Lenguaje { escape, bloques };

/// The HTML format.
pub struct Html;

impl Formato for Html {
    fn nombre(&self) -> &'static str {
        "html"
    }
    fn descripcion(&self) -> &'static str {
        "Un archivo HTML autocontenido."
    }
    fn extension(&self) -> &'static str {
        "html"
    }
    fn tipo_mime(&self) -> &'static str {
        "text/html; charset=utf-8"
    }
    fn admite_informe(&self) -> bool {
        true
    }
    fn render(&self, pieza: Pieza, opciones: &Opciones) -> Result<Producto, Vec<TemplateError>> {
        let start = Instant::now();
        let texto = match pieza {
            Pieza::Plan { documento, .. } => {
                hbs::render("plan.html.hbs", documento, LENGUAJE, &opciones.plantillas)
            }
            Pieza::Avance { avance, .. } => {
                hbs::render("avance.html.hbs", avance, LENGUAJE, &opciones.plantillas)
            }
            Pieza::Informe { informe, .. } => {
                hbs::render("informe.html.hbs", informe, LENGUAJE, &opciones.plantillas)
            }
        }
        .map_err(|e| vec![e])?;
        Ok(Producto::texto(texto, start))
    }
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '`' => out.push_str("&#x60;"),
            '=' => out.push_str("&#x3D;"),
            // Control characters (from YAML escapes such as `"\x01"`) are not text: HTML
            // forbids them, and a reader would see nothing or a box.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The HTML of a Markdown field.
pub fn bloques(bs: &[Bloque]) -> String {
    let mut out = String::new();
    for b in bs {
        match b {
            Bloque::Parrafo { c } => out.push_str(&format!("<p>{}</p>", lineas(c))),
            // Headings inside a field are styled text, not document headings, so that the
            // document outline stays in order.
            Bloque::Titulo { c, .. } => out.push_str(&format!(
                "<p class=\"subtitulo\"><strong>{}</strong></p>",
                lineas(c)
            )),
            Bloque::Lista { ordenada, items } => {
                let tag = if *ordenada { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>", bloques(item)));
                }
                out.push_str(&format!("</{tag}>"));
            }
            Bloque::Cita { c } => out.push_str(&format!("<blockquote>{}</blockquote>", bloques(c))),
            Bloque::Codigo { v } => out.push_str(&format!("<pre>{}</pre>", escape(v))),
            Bloque::Separador => out.push_str("<hr>"),
        }
    }
    out
}

fn lineas(ls: &[Linea]) -> String {
    ls.iter()
        .map(|l| match l {
            Linea::Texto { v } => escape(v),
            Linea::Enfasis { c } => format!("<em>{}</em>", lineas(c)),
            Linea::Fuerte { c } => format!("<strong>{}</strong>", lineas(c)),
            Linea::Codigo { v } => format!("<code>{}</code>", escape(v)),
            Linea::Enlace { url, c } if enlace_seguro(url) => {
                format!("<a href=\"{}\">{}</a>", escape(url), lineas(c))
            }
            Linea::Enlace { c, .. } => lineas(c),
            Linea::Salto => "<br>".to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documento::cmark::parse;

    #[test]
    fn markdown_to_safe_html() {
        let html = bloques(&parse(
            "Hola *mundo* <script>alert(1)</script>\n\n[a](javascript:alert(1)) [b](https://ejemplo.org/?q=\"x\")",
        ));
        assert_eq!(
            html,
            "<p>Hola <em>mundo</em> &lt;script&gt;alert(1)&lt;/script&gt;</p>\
             <p>a <a href=\"https://ejemplo.org/?q&#x3D;&quot;x&quot;\">b</a></p>"
        );
    }
}
