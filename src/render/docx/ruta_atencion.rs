//! The referral route chapter: each stage with who answers, how to reach them and in what time
//! ([`crate::documento::ruta_atencion`]).

use docx_rs::Paragraph;

use super::TAM;
use super::escritor::{Escritor, notas_de, o, parrafo_gris, texto};
use crate::documento::Documento;

pub(super) fn ruta_atencion(e: &mut Escritor, d: &Documento) {
    e.capitulo(notas_de(d, |r| r.secciones.ruta_atencion.as_slice()));
    e.texto("Quién responde en cada etapa, cómo contactarlo y en qué plazo. Toda persona que sospeche un caso de trata puede activar la ruta desde su primera etapa.");
    for etapa in &d.ruta_atencion {
        let titulo = format!(
            "{}. {}{}{}",
            etapa.numero,
            etapa.nombre,
            etapa
                .poblacion
                .as_ref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default(),
            if etapa.obligatoria {
                ""
            } else {
                " (cuando corresponda)"
            }
        );
        e.subtitulo(&titulo, &etapa.notas);
        e.parrafo(parrafo_gris(&etapa.proposito, TAM));
        let mut responsable = o(&etapa.responsable).to_owned();
        if let Some(t) = &etapa.telefono {
            responsable.push_str(&format!(" · Tel. {t}"));
        }
        if let Some(c) = &etapa.correo {
            responsable.push_str(&format!(" · {c}"));
        }
        e.dato("Responsable", &responsable);
        if !etapa.apoyo.is_empty() {
            e.dato("Apoyo", &etapa.apoyo.join(", "));
        }
        if let Some(plazo) = &etapa.plazo {
            let max = etapa
                .plazo_max
                .as_ref()
                .map(|m| format!(" (máximo según la referencia: {m})"))
                .unwrap_or_default();
            e.dato("Plazo de respuesta", &format!("{plazo}{max}"));
        }
        if let Some(a) = &etapa.plazo_activacion {
            e.dato("Activación", &format!("dentro de {a}"));
        }
        if !etapa.requiere.is_empty() {
            e.dato("Después de", &etapa.requiere.join(", "));
        }
        if let Some(desc) = &etapa.descripcion {
            e.md(desc);
        }
        if let Some(ev) = &etapa.evaluacion_riesgo {
            e.parrafo(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(texto("Evaluación del riesgo antes del retorno:").bold()),
            );
            e.md(ev);
        }
    }
}
