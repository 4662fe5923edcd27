//! The comparison of two drafts for people, on a terminal: one line per change, coloured when
//! asked, then the change in axes, route and budget.

use super::{Comparacion, Tipo, corto};
use crate::espanol::usd;

fn signo(t: Tipo) -> (&'static str, &'static str) {
    match t {
        Tipo::Agregado => ("+", "\x1b[32m"),
        Tipo::Eliminado => ("-", "\x1b[31m"),
        Tipo::Modificado => ("~", "\x1b[33m"),
    }
}

/// The comparison for people.
pub fn texto(c: &Comparacion, color: bool) -> String {
    let mut out = String::new();
    if c.cambios.is_empty() {
        out.push_str("Sin cambios en el contenido del plan.\n");
    }
    for cambio in &c.cambios {
        let (s, ansi) = signo(cambio.tipo);
        let line = match cambio.tipo {
            Tipo::Agregado => format!("{s} {} (agregado)", cambio.ruta),
            Tipo::Eliminado => format!("{s} {} (eliminado)", cambio.ruta),
            Tipo::Modificado => format!(
                "{s} {}: {} → {}",
                cambio.ruta,
                cambio.antes.as_ref().map(corto).unwrap_or_default(),
                cambio.despues.as_ref().map(corto).unwrap_or_default()
            ),
        };
        if color {
            out.push_str(&format!("{ansi}{line}\x1b[0m\n"));
        } else {
            out.push_str(&line);
            out.push('\n');
        }
    }
    for (titulo, cifras, en_usd) in [
        ("Acciones por eje", &c.acciones_por_eje, false),
        (
            "Etapas de la ruta con responsable (1 = sí)",
            &c.etapas_con_responsable,
            false,
        ),
        ("Presupuesto (USD)", &c.presupuesto, true),
    ] {
        out.push_str(&format!("\n{titulo}:\n"));
        for x in cifras {
            let fmt = |v: f64| {
                if en_usd { usd(v) } else { format!("{v}") }
            };
            let marca = if x.antes != x.despues { " *" } else { "" };
            out.push_str(&format!(
                "  {}: {} → {}{marca}\n",
                x.nombre,
                fmt(x.antes),
                fmt(x.despues)
            ));
        }
    }
    out
}
