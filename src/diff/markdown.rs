//! The comparison of two drafts as Markdown tables, to paste into a review note: every change
//! with its values in words, and the same sections of figures as the text output.

use super::texto::secciones;
use super::{Comparacion, Tipo};
use crate::diagnostics::visible;
use crate::documento::cmark::escape_markdown;

/// Plan text in a Markdown cell: escaped, and control characters made visible.
fn esc(t: &str) -> String {
    escape_markdown(&visible(t))
}

/// The comparison as Markdown.
pub fn markdown(c: &Comparacion) -> String {
    let mut out = String::from("# Comparación de borradores\n\n");
    if let Some(aviso) = &c.aviso {
        out.push_str(&format!("> **Aviso:** {}.\n\n", esc(aviso)));
    }
    if c.cambios.is_empty() {
        out.push_str("Sin cambios en el contenido del plan.\n");
    } else {
        out.push_str("| cambio | ruta | antes | después |\n|---|---|---|---|\n");
    }
    for x in &c.cambios {
        let tipo = match x.tipo {
            Tipo::Agregado => "agregado",
            Tipo::Eliminado => "eliminado",
            Tipo::Modificado => "modificado",
        };
        let responde = if x.observaciones.is_empty() {
            String::new()
        } else {
            format!(
                " (obs. {})",
                x.observaciones
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out.push_str(&format!(
            "| {tipo} | `{}`{responde} | {} | {} |\n",
            visible(&x.ruta).replace('`', ""),
            x.antes_texto.as_deref().map(esc).unwrap_or_default(),
            x.despues_texto.as_deref().map(esc).unwrap_or_default()
        ));
    }
    if let Some(obs) = &c.observaciones {
        out.push_str("\n## Observaciones del borrador anterior\n\n| n.º | estado | ruta | qué la responde |\n|---:|---|---|---|\n");
        for o in obs {
            out.push_str(&format!(
                "| {} | {} | `{}` | {} |\n",
                o.numero,
                if o.resuelta { "resuelta" } else { "abierta" },
                visible(&o.ruta).replace('`', ""),
                esc(&super::texto::respondida(o))
            ));
        }
    }
    for (titulo, cifras, escribir) in secciones(c) {
        out.push_str(&format!(
            "\n## {titulo}\n\n| | antes | después | cambia |\n|---|---:|---:|:---:|\n"
        ));
        for x in cifras {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                esc(&x.nombre),
                escribir(x.antes),
                escribir(x.despues),
                if x.antes != x.despues { "sí" } else { "" }
            ));
        }
    }
    out
}
