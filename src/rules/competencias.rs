//! A012 and A013: who may answer in each stage of the route. Some bodies may act only for some
//! populations, some of them only in some stages (the Junta Cantonal: children and adolescents in
//! any stage, adult women only for immediate protection measures; `limites_poblacion` of the
//! reference), and each stage admits as responsible only some kinds of actor (`lideran` of each
//! stage).

use super::poblaciones::poblacion_de;
use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::Actor;
use crate::reference::nacional::{Lideran, LimitePoblacion, SoloEn};

/// Body responsible for a population outside its competence.
pub static A012: Regla = Regla {
    codigo: "A012",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Responsable de la ruta fuera de su competencia por población",
    explicacion: Explicacion {
        que: "Que un organismo cuya competencia se limita a ciertas poblaciones (`limites_poblacion` de la referencia nacional) sea responsable únicamente de entradas de la ruta para esas poblaciones, y en las etapas en que puede atenderlas. La Junta Cantonal de Protección de Derechos puede serlo para niñas, niños y adolescentes en cualquier etapa, y para mujeres adultas (`poblacion: mujeres_adultas`) solo en la protección inmediata; no para personas adultas en general, extranjeras o todas las víctimas. Una entrada sin `poblacion` vale para todas las víctimas.",
        por_que: "La Junta Cantonal dicta medidas administrativas de protección a niñas, niños y adolescentes (Código de la Niñez y Adolescencia, art. 205) y otorga medidas administrativas de protección inmediata a mujeres víctimas de violencia (Ley Orgánica Integral para Prevenir y Erradicar la Violencia contra las Mujeres y su Reglamento General). No acoge a víctimas adultas ni atiende a hombres adultos: si la ruta la pone como responsable de ellos, esa víctima llega a quien no puede acogerla ni atenderla, y una mujer adulta necesita, además de las medidas de la Junta, quien la acoja.",
        incorrecto: "- { etapa: proteccion_inmediata, responsable: jcpd-ibarra }   # para todas las víctimas",
        correcto: "- { etapa: proteccion_inmediata, poblacion: ninez_adolescencia, responsable: jcpd-ibarra }\n- { etapa: proteccion_inmediata, poblacion: mujeres_adultas, responsable: jcpd-ibarra }   # medidas de protección inmediata\n- { etapa: proteccion_inmediata, poblacion: adultos, responsable: mdh-imbabura }   # acogida\n- { etapa: proteccion_inmediata, poblacion: extranjeros, responsable: mdh-imbabura }",
    },
    comprobar: Comprobacion::Plan(comprobar_a012),
};

/// Kind of actor that may not lead the stage.
pub static A013: Regla = Regla {
    codigo: "A013",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Responsable de una etapa que no puede dirigirla",
    explicacion: Explicacion {
        que: "Que el responsable de cada etapa de la ruta sea de un tipo de actor o de una institución que la referencia nacional admite para esa etapa (`lideran`): por ejemplo, la denuncia la recibe la Fiscalía o la Policía, la atención de salud un servicio de salud, el retorno la Cancillería o el Ministerio del Interior. Esta lista es criterio de `cantonal`; los demás actores pueden ir en `apoyo`.",
        por_que: "Cada etapa exige una competencia legal: una organización de la sociedad civil puede acompañar, pero no recibir una denuncia ni dictar una medida de protección; si la ruta le asigna esa etapa, la víctima llega a quien no puede actuar.",
        incorrecto: "- { etapa: denuncia_y_proteccion_judicial, responsable: red-mujeres }",
        correcto: "- { etapa: denuncia_y_proteccion_judicial, responsable: fiscalia-imbabura, apoyo: [red-mujeres] }",
    },
    comprobar: Comprobacion::Plan(comprobar_a013),
};

fn aplica(limite: &LimitePoblacion, actor: &Actor) -> bool {
    limite.tipo_actor.as_deref() == Some(actor.tipo.as_str())
        || (limite.institucion.is_some() && limite.institucion == actor.institucion)
}

/// Whether `limite` lets its body answer for `poblacion` in stage `etapa`: `Ok`, or the reason
/// why not (the exception that would apply in another stage, when there is one).
fn admite<'a>(
    ctx: &Contexto,
    limite: &'a LimitePoblacion,
    poblacion: &str,
    etapa: &str,
) -> Result<(), Option<&'a SoloEn>> {
    let catalogo = &ctx.referencia.poblaciones_ruta;
    let todas_admitidas = |admitidas: &[String]| {
        admitidas.iter().any(|p| p == poblacion)
            || catalogo.get(poblacion).is_some_and(|p| {
                !p.incluye.is_empty() && p.incluye.iter().all(|x| admitidas.contains(x))
            })
    };
    if todas_admitidas(&limite.poblaciones) {
        return Ok(());
    }
    match limite
        .solo_en
        .iter()
        .find(|s| todas_admitidas(&s.poblaciones))
    {
        Some(s) if s.etapas.iter().any(|e| e == etapa) => Ok(()),
        otra => Err(otra),
    }
}

fn comprobar_a012(ctx: &Contexto) -> Vec<Hallazgo> {
    let r = ctx.referencia;
    let catalogo = &r.poblaciones_ruta;
    let minuscula = |p: &str| catalogo.nombre(p).to_lowercase();
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(actor) = e.responsable.as_deref().and_then(|r| ctx.indice.actor(r)) else {
            continue;
        };
        let poblacion = poblacion_de(ctx, e);
        let etapa = r.etapas_ruta.nombre(&e.etapa);
        for limite in r
            .limites_poblacion
            .valores
            .iter()
            .filter(|l| aplica(l, actor))
        {
            let Err(excepcion) = admite(ctx, limite, poblacion, &e.etapa) else {
                continue;
            };
            let para = match &e.poblacion {
                Some(p) => minuscula(p),
                None => "todas las víctimas (la entrada no tiene `poblacion`)".to_owned(),
            };
            let hallazgo = match excepcion {
                // A population it answers for, in a stage where it cannot.
                Some(s) => {
                    let etapas: Vec<String> = s
                        .etapas
                        .iter()
                        .map(|x| format!("«{}»", r.etapas_ruta.nombre(x)))
                        .collect();
                    Hallazgo::en(
                        path!["ruta_atencion", i, "responsable"],
                        format!(
                            "{} es responsable de la etapa «{etapa}» para {para}, pero para ellas solo puede serlo en {}",
                            actor.nombre,
                            etapas.join(", ")
                        ),
                        format!(
                            "Ponga como responsable de esta etapa a la institución que atiende a {para} y deje a `{}` en `apoyo`. Motivo: {}",
                            actor.id,
                            s.motivo.trim()
                        ),
                    )
                }
                None => {
                    let mut puede: Vec<String> =
                        limite.poblaciones.iter().map(|p| minuscula(p)).collect();
                    for s in &limite.solo_en {
                        let etapas: Vec<String> = s
                            .etapas
                            .iter()
                            .map(|x| format!("«{}»", r.etapas_ruta.nombre(x)))
                            .collect();
                        for p in &s.poblaciones {
                            puede.push(format!("{} en {}", minuscula(p), etapas.join(", ")));
                        }
                    }
                    // Where an exception would fit this stage, say how to use it.
                    let cabe = limite
                        .solo_en
                        .iter()
                        .filter(|s| s.etapas.contains(&e.etapa))
                        .flat_map(|s| &s.poblaciones)
                        .map(|p| format!(" Si la entrada es para {}, escriba `poblacion: {p}` y agregue otra entrada de la etapa con la institución que atiende a las demás víctimas.", minuscula(p)))
                        .collect::<String>();
                    let motivos: Vec<&str> = std::iter::once(limite.motivo.trim())
                        .chain(limite.solo_en.iter().map(|s| s.motivo.trim()))
                        .collect();
                    Hallazgo::en(
                        path!["ruta_atencion", i, "responsable"],
                        format!(
                            "{} es responsable de la etapa «{etapa}» para {para}, pero solo puede serlo para {}",
                            actor.nombre,
                            crate::espanol::y_lista(&puede)
                        ),
                        format!(
                            "Deje a `{}` en una entrada con `poblacion: {}` y ponga como responsable de esta entrada a la institución que atiende a {para}.{cabe} Motivo: {}",
                            actor.id,
                            limite.poblaciones.join("` o `poblacion: "),
                            motivos.join(" ")
                        ),
                    )
                }
            };
            out.push(hallazgo);
        }
    }
    out
}

/// Whether `actor` may lead a stage with these leaders: by its type, by its institution, or by
/// the ministry its institution is attached to.
fn admitido(ctx: &Contexto, lideran: &Lideran, actor: &Actor) -> bool {
    let instituciones = &ctx.referencia.instituciones;
    lideran.tipos_actor.contains(&actor.tipo)
        || actor.institucion.as_ref().is_some_and(|i| {
            lideran.instituciones.contains(i)
                || instituciones
                    .get(i)
                    .and_then(|inst| inst.adscrita_a.as_ref())
                    .is_some_and(|m| lideran.instituciones.contains(m))
        })
}

fn comprobar_a013(ctx: &Contexto) -> Vec<Hallazgo> {
    let r = ctx.referencia;
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(etapa) = r.etapas_ruta.get(&e.etapa) else {
            continue;
        };
        let (Some(lideran), Some(actor)) = (
            &etapa.lideran,
            e.responsable.as_deref().and_then(|id| ctx.indice.actor(id)),
        ) else {
            continue;
        };
        if admitido(ctx, lideran, actor) {
            continue;
        }
        let pueden: Vec<String> = lideran
            .tipos_actor
            .iter()
            .map(|t| r.tipos_actor.nombre(t).to_owned())
            .chain(
                lideran
                    .instituciones
                    .iter()
                    .map(|i| r.instituciones.nombre(i).to_owned()),
            )
            .collect();
        let como = match actor.institucion.as_deref() {
            Some(inst) => format!(
                "{}, de {}",
                r.tipos_actor.nombre(&actor.tipo),
                r.instituciones.nombre(inst)
            ),
            None => r.tipos_actor.nombre(&actor.tipo).to_owned(),
        };
        out.push(Hallazgo::en(
            path!["ruta_atencion", i, "responsable"],
            format!(
                "{} ({como}) no puede ser responsable de la etapa «{}»",
                actor.nombre, etapa.nombre
            ),
            format!(
                "Pueden serlo: {}. Ponga como responsable a uno de ellos y deje a `{}` en `apoyo`; si el actor pertenece a una de esas instituciones, indíquelo en su campo `institucion`.",
                pueden.join("; "),
                actor.id
            ),
        ));
    }
    out
}
