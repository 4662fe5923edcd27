//! The table of observations that closes a review copy ([`crate::documento::revision`]); each
//! located observation is also a Word comment on its item.

use super::ANCHO;
use super::escritor::Escritor;
use super::tabla::{celda, celda_con, celda_negrita, celda_texto, tabla};
use crate::documento::Documento;

pub(super) fn observaciones(e: &mut Escritor, d: &Documento) {
    let Some(r) = &d.revision else { return };
    e.capitulo(&[]);
    e.texto(&format!(
        "Revisión de {}, {}: {}. Cada observación ubicada en el plan es también un comentario de Word junto al elemento que observa.",
        r.revisor, r.fecha, r.resumen
    ));
    let mut filas = Vec::new();
    for x in &r.observaciones {
        let mut texto_obs = e.bloques(&x.texto, 0);
        if !x.valor.is_empty() {
            texto_obs.push(super::escritor::parrafo_gris(&x.valor, super::TAM));
        }
        filas.push(vec![
            celda_negrita(&x.numero.to_string()),
            celda_con(&x.elemento, &x.ruta, 21, 17),
            celda(texto_obs),
            celda_texto(x.estado),
        ]);
    }
    e.tabla(tabla(
        "Observaciones de revisión",
        &["N.º", "Elemento", "Observación", "Estado"],
        filas,
        &[1, 4, 8, 2],
        ANCHO,
    ));
}
