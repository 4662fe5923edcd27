//! C008 and A005: the actor map: no actor declared for nothing, and the cantonal protection
//! bodies always present.

use std::collections::HashSet;

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;

/// Actor declared and never used.
pub static C008: Regla = Regla {
    codigo: "C008",
    severidad: Severidad::Advertencia,
    estricta: false,
    titulo: "Actor declarado que no participa",
    explicacion: Explicacion {
        que: "Que cada actor declarado sea responsable o corresponsable de alguna acción, responsable o apoyo de alguna etapa de la ruta, o responsable del seguimiento.",
        por_que: "Un actor sin tareas suele indicar una acción olvidada o un id mal escrito en otra parte del plan.",
        incorrecto: "actores:\n  - { id: mintrab, nombre: Ministerio del Trabajo, tipo: institucion_nacional }\n# …y ninguna acción ni etapa lo nombra",
        correcto: "acciones:\n  - id: A7\n    responsable: mintrab\n    ...",
    },
    comprobar: Comprobacion::Plan(comprobar_c008),
};

/// Required cantonal body missing.
pub static A005: Regla = Regla {
    codigo: "A005",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Falta un organismo cantonal requerido",
    explicacion: Explicacion {
        que: "Que entre los actores estén el GAD municipal, el Consejo Cantonal de Protección de Derechos (CCPD) y la Junta Cantonal de Protección de Derechos (JCPD), según `actores_cantonales_requeridos` de la referencia nacional.",
        por_que: "El COOTAD encarga al GAD municipal el sistema cantonal de protección integral, con el CCPD (políticas y seguimiento) y la JCPD (medidas de protección para niñas, niños y adolescentes): sin ellos el plan no tiene quien lo conduzca ni quien dicte medidas.",
        incorrecto: "actores:\n  - { id: gad-ibarra, nombre: GAD Municipal de Ibarra, tipo: gad_municipal }",
        correcto: "actores:\n  - { id: gad-ibarra, nombre: GAD Municipal de Ibarra, tipo: gad_municipal }\n  - { id: ccpd-ibarra, nombre: Consejo Cantonal de Protección de Derechos de Ibarra, tipo: consejo_cantonal }\n  - { id: jcpd-ibarra, nombre: Junta Cantonal de Protección de Derechos de Ibarra, tipo: junta_cantonal }",
    },
    comprobar: Comprobacion::Plan(comprobar_a005),
};

fn comprobar_c008(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan;
    let usados: HashSet<&str> = p
        .acciones
        .iter()
        .flat_map(|a| std::iter::once(&a.responsable).chain(&a.corresponsables))
        .chain(
            p.ruta_atencion
                .iter()
                .flat_map(|e| e.responsable.iter().chain(&e.apoyo)),
        )
        .chain(
            p.ruta_trafico
                .iter()
                .flat_map(|e| e.responsable.iter().chain(&e.apoyo)),
        )
        .chain(std::iter::once(&p.seguimiento.responsable))
        .map(String::as_str)
        .collect();
    p.actores
        .iter()
        .enumerate()
        .filter(|(_, a)| !usados.contains(a.id.as_str()))
        .map(|(i, a)| {
            Hallazgo::en(
                path!["actores", i, "id"],
                format!(
                    "el actor `{}` no es responsable ni apoyo de ninguna acción o etapa",
                    a.id
                ),
                "Asígnele una acción o una etapa de la ruta, o quítelo si no participa.",
            )
        })
        .collect()
}

fn comprobar_a005(ctx: &Contexto) -> Vec<Hallazgo> {
    let tipos = &ctx.referencia.tipos_actor;
    let presentes: HashSet<&str> = ctx.plan.actores.iter().map(|a| a.tipo.as_str()).collect();
    ctx.referencia
        .actores_cantonales_requeridos
        .tipos
        .iter()
        .filter(|t| !presentes.contains(t.as_str()))
        .map(|t| {
            Hallazgo::clave(
                path!["actores"],
                format!("falta entre los actores: {}", tipos.nombre(t)),
                format!("Agregue el actor con `tipo: {t}` e indique su papel en el plan."),
            )
        })
        .collect()
}
