//! R004 and A006: actors tied to national institutions, which are renamed and merged over time.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::suggest::did_you_mean;

/// Unknown institution id.
pub static R004: Regla = Regla {
    codigo: "R004",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Institución desconocida",
    explicacion: Explicacion {
        que: "Que el campo `institucion` de un actor sea el id de una institución de la referencia nacional.",
        por_que: "La institución indica qué entidad nacional respalda al actor: de ella dependen la comprobación de los responsables del eje de investigación (A004), la de quién puede dirigir cada etapa de la ruta (A013) y la de instituciones que ya no existen (A006).",
        incorrecto: "- id: fiscalia-imbabura\n  institucion: fiscalía",
        correcto: "- id: fiscalia-imbabura\n  institucion: fiscalia",
    },
    comprobar: Comprobacion::Plan(comprobar_r004),
};

/// Institution that no longer exists at the plan's date.
pub static A006: Regla = Regla {
    codigo: "A006",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Institución que ya no existía cuando se elaboró el plan",
    explicacion: Explicacion {
        que: "Que las instituciones nombradas existan como entidades propias en la fecha de elaboración del plan (`elaboracion.fecha`; si falta, el inicio del período); si se fusionaron en otra, cambiaron de nombre o se transformaron, se dice en cuál y con qué decreto. Un plan elaborado antes del cambio no recibe el aviso.",
        por_que: "Un plan que asigna tareas a una institución que ya no existe como entidad propia deja esas tareas sin responsable real. En agosto de 2025, por ejemplo, el Ministerio de la Mujer y Derechos Humanos se fusionó en el Ministerio de Gobierno, el MIES en el Ministerio de Desarrollo Humano y el Ministerio de Educación en el Ministerio de Educación, Deporte y Cultura; sus servicios continúan durante la fusión, pero un plan elaborado después nombra a la institución que los asume.",
        incorrecto: "elaboracion: { fecha: 2026-02-01 }\nactores:\n  - { id: mies-imbabura, nombre: MIES Imbabura, tipo: institucion_nacional, institucion: mies }",
        correcto: "elaboracion: { fecha: 2026-02-01 }\nactores:\n  - { id: mdh-imbabura, nombre: Ministerio de Desarrollo Humano, Imbabura, tipo: institucion_nacional, institucion: ministerio-desarrollo-humano }",
    },
    comprobar: Comprobacion::Plan(comprobar_a006),
};

fn comprobar_r004(ctx: &Contexto) -> Vec<Hallazgo> {
    let instituciones = &ctx.referencia.instituciones;
    ctx.plan
        .actores
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let id = a.institucion.as_deref()?;
            if instituciones.get(id).is_some() {
                return None;
            }
            let ayuda = match did_you_mean(id, instituciones.ids()) {
                Some(best) => format!("¿Quiso decir `{best}`? Las instituciones se listan en la referencia nacional (`cantonal reglas` y docs/formato.md)."),
                None => format!(
                    "Use uno de los ids de institución de la referencia nacional: {}.",
                    crate::diagnostics::lista(&instituciones.ids())
                ),
            };
            Some(Hallazgo::en(
                path!["actores", i, "institucion"],
                format!("la institución `{id}` no existe en la referencia nacional"),
                ayuda,
            ))
        })
        .collect()
}

fn comprobar_a006(ctx: &Contexto) -> Vec<Hallazgo> {
    let (fecha, segun) = ctx.fecha_del_plan();
    let instituciones = &ctx.referencia.instituciones;
    ctx.plan
        .actores
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let inst = instituciones.get(a.institucion.as_deref()?)?;
            let hasta = inst.hasta.filter(|h| *h <= fecha)?;
            let que_paso = inst.que_paso(instituciones)?;
            let ayuda = match inst.sucesora.as_deref().and_then(|s| instituciones.get(s)) {
                Some(s) => format!(
                    "Nombre a {} en el actor (`institucion: {}`) y en su nombre. Durante una fusión los servicios continúan, pero un plan elaborado después del cambio nombra a la institución que asume las funciones.",
                    s.nombre, s.id
                ),
                None => {
                    "Revise qué entidad asumió sus funciones y actualice el actor.".to_owned()
                }
            };
            Some(Hallazgo::en(
                path!["actores", i, "institucion"],
                format!(
                    "{} {que_paso}; el cambio rige desde el {}, antes de {segun}",
                    inst.nombre,
                    crate::espanol::fecha_larga(hasta)
                ),
                ayuda,
            ))
        })
        .collect()
}
