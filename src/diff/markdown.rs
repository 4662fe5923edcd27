//! The comparison of two drafts as Markdown tables, to paste into a review note.

use super::{Comparacion, Tipo, corto};
use crate::documento::cmark::escape_markdown;

/// The comparison as Markdown.
pub fn markdown(c: &Comparacion) -> String {
    let esc = escape_markdown;
    let mut out = String::from(
        "# Comparación de borradores\n\n| cambio | ruta | antes | después |\n|---|---|---|---|\n",
    );
    for x in &c.cambios {
        let tipo = match x.tipo {
            Tipo::Agregado => "agregado",
            Tipo::Eliminado => "eliminado",
            Tipo::Modificado => "modificado",
        };
        out.push_str(&format!(
            "| {tipo} | `{}` | {} | {} |\n",
            x.ruta,
            x.antes.as_ref().map(|v| esc(&corto(v))).unwrap_or_default(),
            x.despues
                .as_ref()
                .map(|v| esc(&corto(v)))
                .unwrap_or_default()
        ));
    }
    out.push_str("\n| eje | acciones antes | acciones después |\n|---|---:|---:|\n");
    for x in &c.acciones_por_eje {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            esc(&x.nombre),
            x.antes,
            x.despues
        ));
    }
    out
}
