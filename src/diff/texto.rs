//! The comparison of two drafts for people, on a terminal: one line per change with the values
//! in words, coloured when asked, then the change in axes, route and budget.

use super::{Cambio, Cifra, Comparacion, Tipo};
use crate::diagnostics::visible;
use crate::espanol::{numero, usd};

fn signo(t: Tipo) -> (&'static str, &'static str) {
    match t {
        Tipo::Agregado => ("+", "\x1b[32m"),
        Tipo::Eliminado => ("-", "\x1b[31m"),
        Tipo::Modificado => ("~", "\x1b[33m"),
    }
}

/// One change on one line: `~ acciones.A1.presupuesto.monto: USD 4.500,00 → USD 6.000,00`.
pub fn linea(c: &Cambio) -> String {
    let (s, _) = signo(c.tipo);
    let antes = c.antes_texto.as_deref().unwrap_or_default();
    let despues = c.despues_texto.as_deref().unwrap_or_default();
    // Paths and values are plan text: printed visible, never as terminal commands.
    let responde = match c.observaciones.as_slice() {
        [] => String::new(),
        [n] => format!(" [responde a la observación {n}]"),
        ns => format!(
            " [responde a las observaciones {}]",
            crate::espanol::y_lista(&ns.iter().map(|n| n.to_string()).collect::<Vec<_>>())
        ),
    };
    visible(&match c.tipo {
        Tipo::Agregado => format!("{s} {}: {despues} (agregado){responde}", c.ruta),
        Tipo::Eliminado => format!("{s} {}: {antes} (eliminado){responde}", c.ruta),
        Tipo::Modificado => format!("{s} {}: {antes} → {despues}{responde}", c.ruta),
    })
    .into_owned()
}

/// A section of figures: its title, the figures, and how their values are written.
pub(super) type Seccion<'a> = (&'static str, &'a [Cifra], fn(f64) -> String);

/// The sections of figures.
pub(super) fn secciones(c: &Comparacion) -> [Seccion<'_>; 3] {
    [
        ("Acciones por eje", &c.acciones_por_eje, numero),
        (
            "Etapas de la ruta de atención",
            &c.etapas_con_responsable,
            responsable,
        ),
        ("Presupuesto", &c.presupuesto, usd),
    ]
}

/// What answered an observation, in words.
pub(super) fn respondida(o: &super::observaciones::Respuesta) -> String {
    match o.cambios.len() {
        0 if o.resuelta => "marcada resuelta, pero ningún cambio del plan la responde".to_owned(),
        0 => "ningún cambio la responde".to_owned(),
        n => format!(
            "la responde{} {}",
            if n == 1 { "" } else { "n" },
            crate::espanol::plural(n, "cambio", "cambios")
        ),
    }
}

fn responsable(v: f64) -> String {
    if v > 0.0 {
        "con responsable".to_owned()
    } else {
        "sin responsable".to_owned()
    }
}

/// The comparison for people.
pub fn texto(c: &Comparacion, color: bool) -> String {
    let mut out = String::new();
    if c.cambios.is_empty() {
        out.push_str("Sin cambios en el contenido del plan.\n");
    }
    for cambio in &c.cambios {
        let line = linea(cambio);
        if color {
            out.push_str(&format!("{}{line}\x1b[0m\n", signo(cambio.tipo).1));
        } else {
            out.push_str(&line);
            out.push('\n');
        }
    }
    if let Some(obs) = &c.observaciones {
        out.push_str("\nObservaciones del borrador anterior:\n");
        for o in obs {
            out.push_str(&visible(&format!(
                "  {} ({}), {}: {}\n",
                o.numero,
                if o.resuelta { "resuelta" } else { "abierta" },
                o.ruta,
                respondida(o)
            )));
        }
    }
    for (titulo, cifras, escribir) in secciones(c) {
        out.push_str(&format!("\n{titulo}:\n"));
        for x in cifras {
            let marca = if x.antes != x.despues { " *" } else { "" };
            out.push_str(&format!(
                "  {}: {} → {}{marca}\n",
                visible(&x.nombre),
                escribir(x.antes),
                escribir(x.despues)
            ));
        }
    }
    out
}
