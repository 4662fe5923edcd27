//! HTML output: one self-contained, accessible file rendered by the Handlebars template
//! `plan.html.hbs`. Every plan string is escaped by Handlebars; Markdown fields are written by
//! [`bloques`] from their tree, escaping text and keeping only safe link targets, so no plan
//! string can add an element, attribute, script or style.

use super::cmark::{Bloque, Linea, enlace_seguro};

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
    use crate::render::cmark::parse;

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
