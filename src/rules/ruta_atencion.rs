//! A002, A007, A008 and A016: the referral route. Each mandatory stage has someone who answers,
//! that someone can be reached, and says within how long, inside the reference's deadlines.

use super::poblaciones::poblacion_de;
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
        que: "Que cada etapa obligatoria de la ruta nacional de atención (identificación, protección inmediata, salud, intervención en crisis, denuncia, reintegración, seguimiento) esté en `ruta_atencion`, y que cada una de sus entradas tenga un `responsable`.",
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
    titulo: "Plazo de una etapa mayor que el que fija la referencia nacional",
    explicacion: Explicacion {
        que: "Que `plazo_horas` de una entrada de la ruta no supere el techo de respuesta de su etapa (`plazo_max_horas` de la referencia nacional, criterio de `cantonal`) ni, en las entradas que atienden a la población a la que se aplica, el plazo de activación (`plazo_activacion`): 24 horas para actuar ante una presunta víctima localizada en el exterior desde que se conoce el caso, según el protocolo interinstitucional. Ese plazo es para actuar, no para completar el retorno.",
        por_que: "Los plazos existen porque cada hora cuenta para la seguridad de la víctima; el de 24 horas es el único que fija un protocolo nacional.",
        incorrecto: "- etapa: retorno_y_repatriacion\n  poblacion: en_el_exterior\n  responsable: cancilleria-zonal\n  plazo_horas: 72",
        correcto: "- etapa: retorno_y_repatriacion\n  poblacion: en_el_exterior\n  responsable: cancilleria-zonal\n  plazo_horas: 24",
    },
    comprobar: Comprobacion::Plan(comprobar_a008),
};

/// Stage without a response time.
pub static A016: Regla = Regla {
    codigo: "A016",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Etapa de la ruta sin plazo de respuesta",
    explicacion: Explicacion {
        que: "Que cada entrada de una etapa obligatoria de la ruta, y de una etapa con plazo de activación (retorno y repatriación), tenga `plazo_horas`: en cuántas horas actúa el responsable desde que la etapa se activa.",
        por_que: "Sin un plazo, nadie puede exigir que la etapa se cumpla a tiempo, y la víctima espera sin saber hasta cuándo.",
        incorrecto: "- { etapa: intervencion_crisis, poblacion: todas, responsable: msp-ibarra }",
        correcto: "- { etapa: intervencion_crisis, poblacion: todas, responsable: msp-ibarra, plazo_horas: 24 }",
    },
    comprobar: Comprobacion::Plan(comprobar_a016),
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
        if !ruta.iter().any(|e| e.etapa == etapa.id) {
            out.push(Hallazgo::clave(
                path!["ruta_atencion"],
                format!("la etapa «{}» no tiene responsable: falta en la ruta de atención", etapa.nombre),
                format!(
                    "Agregue `- etapa: {}` con el `responsable` que atiende a la víctima en esa etapa ({}).",
                    etapa.id,
                    etapa.descripcion.trim_end_matches('.').to_lowercase()
                ),
            ));
        }
        for (i, _) in ruta.iter().enumerate().filter(|(_, e)| {
            e.etapa == etapa.id && e.responsable.as_deref().is_none_or(|r| r.trim().is_empty())
        }) {
            out.push(Hallazgo::en(
                path!["ruta_atencion", i],
                format!("la etapa «{}» no tiene responsable", etapa.nombre),
                "Agregue `responsable:` con el id del actor que atiende a la víctima en esta etapa.",
            ));
        }
    }
    out
}

fn comprobar_a007(ctx: &Contexto) -> Vec<Hallazgo> {
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(actor) = e.responsable.as_deref().and_then(|r| ctx.indice.actor(r)) else {
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
    let poblaciones = &ctx.referencia.poblaciones_ruta;
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let (Some(etapa), Some(plazo)) = (ctx.referencia.etapas_ruta.get(&e.etapa), e.plazo_horas)
        else {
            continue;
        };
        if let Some(max) = etapa.plazo_max_horas.filter(|max| plazo > *max) {
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "plazo_horas"],
                format!(
                    "el plazo de la etapa «{}» ({plazo} horas) supera el máximo de {max} horas que fija la referencia nacional",
                    etapa.nombre
                ),
                format!("Fije `plazo_horas: {max}` o menos."),
            ));
            continue;
        }
        let poblacion = poblacion_de(ctx, e);
        if let Some(activacion) = etapa.plazo_activacion.as_ref().filter(|a| {
            plazo > a.horas
                && a.poblacion.as_deref().is_none_or(|p| {
                    poblaciones.cubre(poblacion, p) || poblaciones.valores.is_empty()
                })
        }) {
            let (para, otra) = match activacion.poblacion.as_deref() {
                Some(p) => {
                    let nombre = poblaciones.nombre(p).to_lowercase();
                    (
                        format!(" para {nombre}"),
                        format!(" Si esta entrada no atiende a {nombre}, dígalo con `poblacion`."),
                    )
                }
                None => (String::new(), String::new()),
            };
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "plazo_horas"],
                format!(
                    "el plazo de la etapa «{}» ({plazo} horas) supera el plazo de activación de {} horas{para}, {}",
                    etapa.nombre, activacion.horas, activacion.desde
                ),
                format!(
                    "Fije `plazo_horas: {}` o menos: es el plazo para actuar, no para completar la etapa.{otra}",
                    activacion.horas
                ),
            ));
        }
    }
    out
}

fn comprobar_a016(ctx: &Contexto) -> Vec<Hallazgo> {
    ctx.plan
        .ruta_atencion
        .iter()
        .enumerate()
        .filter(|(_, e)| e.plazo_horas.is_none())
        .filter_map(|(i, e)| {
            let etapa = ctx
                .referencia
                .etapas_ruta
                .get(&e.etapa)
                .filter(|x| x.obligatoria || x.plazo_activacion.is_some())?;
            let max = etapa
                .plazo_max_horas
                .or(etapa.plazo_activacion.as_ref().map(|a| a.horas));
            Some(Hallazgo::en(
                path!["ruta_atencion", i],
                format!(
                    "la etapa «{}» no dice en cuántas horas responde el responsable (`plazo_horas`)",
                    etapa.nombre
                ),
                match max {
                    Some(max) => format!("Agregue `plazo_horas:` con el plazo de respuesta; la referencia nacional fija un máximo de {max} horas para esta etapa."),
                    None => "Agregue `plazo_horas:` con el plazo de respuesta de esta etapa.".to_owned(),
                },
            ))
        })
        .collect()
}
