//! A002, A007 and A008: the referral route. Each mandatory stage has someone who answers, that
//! someone can be reached, and within the national deadline.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;

/// Mandatory stage without a responsible actor.
pub static A002: Regla = Regla {
    codigo: "A002",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Etapa obligatoria de la ruta sin responsable",
    explicacion: Explicacion {
        que: "Que cada etapa obligatoria de la ruta nacional de atención (identificación, protección inmediata, salud, intervención en crisis, denuncia, reintegración, seguimiento) esté en `ruta_atencion` con un `responsable`.",
        por_que: "Una etapa sin institución responsable significa una víctima sin nadie a quien llamar.",
        incorrecto: "ruta_atencion:\n  - etapa: identificacion\n    responsable: dinaf-imbabura\n# …falta proteccion_inmediata",
        correcto: "ruta_atencion:\n  - etapa: identificacion\n    responsable: dinaf-imbabura\n  - etapa: proteccion_inmediata\n    responsable: jcpd-ibarra\n    apoyo: [mies-imbabura]",
    },
    comprobar: Comprobacion::Plan(comprobar_a002),
};

/// Responsible actor of a stage without telephone or e-mail.
pub static A007: Regla = Regla {
    codigo: "A007",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Responsable de una etapa de la ruta sin teléfono ni correo",
    explicacion: Explicacion {
        que: "Que el actor responsable de cada etapa de la ruta tenga en `contacto` un `telefono` o un `correo`.",
        por_que: "La ruta impresa es lo que usa quien detecta un caso: sin un contacto, no sabe cómo activar la etapa.",
        incorrecto: "- { id: dinaf-imbabura, nombre: DINAF Imbabura, tipo: institucion_nacional }",
        correcto: "- id: dinaf-imbabura\n  nombre: DINAF Imbabura\n  tipo: institucion_nacional\n  contacto: { telefono: \"1800-335486\", correo: \"dinaf.imbabura@example.org\" }",
    },
    comprobar: Comprobacion::Plan(comprobar_a007),
};

/// Stage deadline above the national maximum.
pub static A008: Regla = Regla {
    codigo: "A008",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Plazo de una etapa mayor que el máximo nacional",
    explicacion: Explicacion {
        que: "Que `plazo_horas` de una etapa no supere el plazo máximo que fija la referencia nacional para esa etapa (por ejemplo, 24 horas para actuar ante víctimas localizadas en el exterior).",
        por_que: "Los plazos nacionales existen porque cada hora cuenta para la seguridad de la víctima.",
        incorrecto: "- etapa: retorno_y_repatriacion\n  responsable: cancilleria-zonal\n  plazo_horas: 72",
        correcto: "- etapa: retorno_y_repatriacion\n  responsable: cancilleria-zonal\n  plazo_horas: 24",
    },
    comprobar: Comprobacion::Plan(comprobar_a008),
};

fn comprobar_a002(ctx: &Contexto) -> Vec<Hallazgo> {
    let ruta = &ctx.plan.ruta_atencion;
    let mut out = Vec::new();
    for etapa in ctx
        .referencia
        .etapas_ruta
        .valores
        .iter()
        .filter(|e| e.obligatoria)
    {
        match ruta.iter().position(|e| e.etapa == etapa.id) {
            None => out.push(Hallazgo::clave(
                path!["ruta_atencion"],
                format!("la etapa «{}» no tiene responsable: falta en la ruta de atención", etapa.nombre),
                format!(
                    "Agregue `- etapa: {}` con el `responsable` que atiende a la víctima en esa etapa ({}).",
                    etapa.id,
                    etapa.descripcion.trim_end_matches('.').to_lowercase()
                ),
            )),
            Some(i) if ruta[i].responsable.as_deref().is_none_or(|r| r.trim().is_empty()) => {
                out.push(Hallazgo::en(
                    path!["ruta_atencion", i],
                    format!("la etapa «{}» no tiene responsable", etapa.nombre),
                    "Agregue `responsable:` con el id del actor que atiende a la víctima en esta etapa.",
                ))
            }
            Some(_) => {}
        }
    }
    out
}

fn comprobar_a007(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(actor) = e.responsable.as_deref().and_then(|r| ctx.plan.actor(r)) else {
            continue;
        };
        let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        let reachable = actor
            .contacto
            .as_ref()
            .is_some_and(|c| filled(&c.telefono) || filled(&c.correo));
        if !reachable {
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "responsable"],
                format!(
                    "{}, responsable de la etapa «{}», no tiene teléfono ni correo",
                    actor.nombre,
                    ctx.referencia.etapas_ruta.nombre(&e.etapa)
                ),
                format!(
                    "Agregue `contacto: {{ telefono: \"…\", correo: \"…\" }}` al actor `{}`.",
                    actor.id
                ),
            ));
        }
    }
    out
}

fn comprobar_a008(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(etapa) = ctx.referencia.etapas_ruta.get(&e.etapa) else {
            continue;
        };
        if let (Some(plazo), Some(max)) = (e.plazo_horas, etapa.plazo_max_horas)
            && plazo > max
        {
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "plazo_horas"],
                format!("el plazo de la etapa «{}» ({plazo} horas) supera el máximo nacional de {max} horas", etapa.nombre),
                format!("Fije `plazo_horas: {max}` o menos."),
            ));
        }
    }
    out
}
