//! A012 and A013: who may answer in each stage of the route. Some bodies may act only for some
//! populations (the Junta Cantonal, for children and adolescents: `limites_poblacion` of the
//! reference), and each stage admits as responsible only some kinds of actor (`lideran` of each
//! stage).

use super::poblaciones::poblacion_de;
use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::model::Actor;
use crate::reference::nacional::{Lideran, LimitePoblacion};

/// Body responsible for a population outside its competence.
pub static A012: Regla = Regla {
    codigo: "A012",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Responsable de la ruta fuera de su competencia por población",
    explicacion: Explicacion {
        que: "Que un organismo cuya competencia se limita a ciertas poblaciones (`limites_poblacion` de la referencia nacional: la Junta Cantonal de Protección de Derechos, solo niñas, niños y adolescentes) sea responsable únicamente de entradas de la ruta para esas poblaciones. Una entrada sin `poblacion` vale para todas las víctimas.",
        por_que: "La Junta Cantonal dicta medidas administrativas de protección para niñas, niños y adolescentes (Código de la Niñez y Adolescencia, art. 205): no acoge a víctimas adultas, y una mujer adulta o una persona extranjera enviada a ella queda sin protección.",
        incorrecto: "- { etapa: proteccion_inmediata, responsable: jcpd-ibarra }   # para todas las víctimas",
        correcto: "- { etapa: proteccion_inmediata, poblacion: ninez_adolescencia, responsable: jcpd-ibarra }\n- { etapa: proteccion_inmediata, poblacion: adultos, responsable: mdh-imbabura }\n- { etapa: proteccion_inmediata, poblacion: extranjeros, responsable: mdh-imbabura }",
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

fn comprobar_a012(ctx: &Contexto) -> Vec<Hallazgo> {
    let catalogo = &ctx.referencia.poblaciones_ruta;
    let mut out = Vec::new();
    for (i, e) in ctx.plan.ruta_atencion.iter().enumerate() {
        let Some(actor) = e.responsable.as_deref().and_then(|r| ctx.indice.actor(r)) else {
            continue;
        };
        let poblacion = poblacion_de(ctx, e);
        let admitida = |l: &LimitePoblacion| {
            l.poblaciones.iter().any(|p| p == poblacion)
                || catalogo.get(poblacion).is_some_and(|p| {
                    !p.incluye.is_empty() && p.incluye.iter().all(|x| l.poblaciones.contains(x))
                })
        };
        for limite in ctx
            .referencia
            .limites_poblacion
            .valores
            .iter()
            .filter(|l| aplica(l, actor) && !admitida(l))
        {
            let puede: Vec<String> = limite
                .poblaciones
                .iter()
                .map(|p| catalogo.nombre(p).to_lowercase())
                .collect();
            let para = match &e.poblacion {
                Some(p) => catalogo.nombre(p).to_lowercase(),
                None => "todas las víctimas (la entrada no tiene `poblacion`)".to_owned(),
            };
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "responsable"],
                format!(
                    "{} es responsable de la etapa «{}» para {para}, pero solo puede serlo para {}",
                    actor.nombre,
                    ctx.referencia.etapas_ruta.nombre(&e.etapa),
                    puede.join(", ")
                ),
                format!(
                    "Deje a `{}` en una entrada con `poblacion: {}` y agregue entradas de la etapa para las demás poblaciones con la institución que las atiende. Motivo: {}",
                    actor.id,
                    limite.poblaciones.join("` o `poblacion: "),
                    limite.motivo.trim()
                ),
            ));
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
