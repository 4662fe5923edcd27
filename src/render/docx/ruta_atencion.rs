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
                .map(|m| format!(" (techo que propone la herramienta cantonal: {m})"))
                .unwrap_or_default();
            e.dato("Plazo que compromete el plan", &format!("{plazo}{max}"));
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

pub(super) fn trafico(e: &mut Escritor, d: &Documento) {
    let t = &d.trafico;
    e.capitulo(notas_de(d, |r| r.secciones.trafico.as_slice()));
    e.texto(&t.introduccion);
    e.seccion("Base legal");
    for n in &t.base_legal {
        e.vineta(vec![texto(n)]);
    }
    if !t.instituciones.is_empty() {
        e.dato("Instituciones que intervienen", &t.instituciones.join(", "));
    }
    if !t.riesgos.is_empty() {
        e.seccion("Riesgos de tráfico ilícito de migrantes");
        for r in &t.riesgos {
            e.vineta(vec![texto(r)]);
        }
        e.seccion("Acciones que los atienden");
        if t.acciones.is_empty() {
            e.texto("Ninguna acción del plan atiende todavía estos riesgos.");
        }
        for a in &t.acciones {
            e.vineta(vec![texto(a)]);
        }
    }
    e.seccion("Ruta de atención a personas objeto de tráfico");
    if t.ruta.is_empty() {
        e.texto("El plan no establece todavía una ruta de atención a personas objeto de tráfico ilícito de migrantes.");
    }
    for etapa in &t.ruta {
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
        // A third-level heading, as the PDF prints it: in the navigation pane, not in the index.
        e.titulo3(&titulo);
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
            e.dato("Plazo que compromete el plan", plazo);
        }
        if !etapa.requiere.is_empty() {
            e.dato("Después de", &etapa.requiere.join(", "));
        }
        if let Some(desc) = &etapa.descripcion {
            e.md(desc);
        }
    }
}
