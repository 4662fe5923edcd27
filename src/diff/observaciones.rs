//! Which changes between two drafts answer which of the adviser's observations: a change answers
//! an observation when one's path lies inside the other's (an observation on
//! `acciones.A4.presupuesto` is answered by a change to `acciones.A4.presupuesto.monto`, and one on
//! `acciones.A4` by any change to that action). The comparison then lists, for each observation,
//! the changes that answer it, so that an adviser sees what was done about each point before
//! marking it resolved, and which points no change answered.

use serde::Serialize;

use super::Comparacion;
use crate::plan::observaciones::{EstadoObservacion, Observaciones};

/// An observation and the changes that answer it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Respuesta {
    /// Its number (1-based, in the file's order).
    pub numero: usize,
    /// Its path, as the adviser wrote it.
    pub ruta: String,
    /// Its text.
    pub texto: String,
    /// Whether it is marked resolved.
    pub resuelta: bool,
    /// The positions (from 0) in [`Comparacion::cambios`] of the changes that answer it.
    pub cambios: Vec<usize>,
}

/// The segments of a path, each without the population that tells route entries apart
/// (`ruta_atencion.proteccion_inmediata:adultos`) nor an index written in brackets.
fn segmentos(ruta: &str) -> Vec<&str> {
    ruta.split('.')
        .map(|s| s.split([':', '[']).next().unwrap_or(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether one of the two paths lies inside the other.
fn relacionadas(a: &str, b: &str) -> bool {
    let (a, b) = (segmentos(a), segmentos(b));
    let n = a.len().min(b.len());
    n > 0 && a[..n] == b[..n]
}

/// Links the changes of `c` with the observations `obs` made on the older draft.
pub fn responder(c: &mut Comparacion, obs: &Observaciones) {
    let mut respuestas = Vec::new();
    for (i, o) in obs.observaciones.iter().enumerate() {
        let cambios: Vec<usize> = c
            .cambios
            .iter()
            .enumerate()
            .filter(|(_, x)| relacionadas(&x.ruta, &o.ruta))
            .map(|(j, _)| j)
            .collect();
        for &j in &cambios {
            c.cambios[j].observaciones.push(i + 1);
        }
        respuestas.push(Respuesta {
            numero: i + 1,
            ruta: o.ruta.clone(),
            texto: o.texto.split_whitespace().collect::<Vec<_>>().join(" "),
            resuelta: o.estado == EstadoObservacion::Resuelta,
            cambios,
        });
    }
    c.observaciones = Some(respuestas);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_each_other_are_related() {
        assert!(relacionadas(
            "acciones.A4.presupuesto.monto",
            "acciones.A4.presupuesto"
        ));
        assert!(relacionadas("acciones.A4", "acciones.A4.indicador.meta"));
        assert!(relacionadas(
            "ruta_atencion.proteccion_inmediata:adultos",
            "ruta_atencion.proteccion_inmediata"
        ));
        assert!(!relacionadas("acciones.A4", "acciones.A40"));
        assert!(!relacionadas(
            "acciones.A1.plazo",
            "acciones.A1.presupuesto"
        ));
    }
}
