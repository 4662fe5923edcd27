//! The actors chapter: who takes part, what each one does in the plan and how to reach them
//! ([`crate::documento::actores`]).

use docx_rs::Paragraph;

use super::escritor::{Escritor, notas_de, parrafo_gris, texto};
use super::tabla::{celda, celda_contacto, celda_texto, tabla};
use super::{ANCHO, TAM};
use crate::documento::Documento;

pub(super) fn actores(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.actores.as_slice()));
    let mut filas = Vec::new();
    for a in &d.actores {
        let mut nombre = vec![e.anclar_negrita(&a.nombre, &a.notas, TAM)];
        if let Some(i) = &a.institucion {
            nombre.push(parrafo_gris(i, 17));
        }
        let mut papel = a.rol.as_ref().map(|r| e.bloques(r, 0)).unwrap_or_default();
        let mut resumen = String::new();
        if !a.lidera.is_empty() {
            resumen.push_str(&format!("Lidera: {}. ", a.lidera.join(", ")));
        }
        if !a.acompana.is_empty() {
            resumen.push_str(&format!("Acompaña: {}. ", a.acompana.join(", ")));
        }
        if !a.etapas.is_empty() {
            resumen.push_str(&format!("Ruta: {}.", a.etapas.join(", ")));
        }
        if !resumen.is_empty() {
            papel.push(Paragraph::new().add_run(texto(resumen.trim_end())));
        }
        let contacto: Vec<&str> = [&a.telefono, &a.correo, &a.direccion]
            .into_iter()
            .filter_map(|c| c.as_deref())
            .collect();
        filas.push(vec![
            celda(nombre),
            celda_texto(&a.tipo),
            celda(papel),
            celda_contacto(&contacto.join("\n")),
        ]);
    }
    e.tabla(tabla(
        "Mapa de actores",
        &["Actor", "Tipo", "Papel en el plan", "Contacto"],
        filas,
        &[3, 2, 4, 3],
        ANCHO,
    ));
}
