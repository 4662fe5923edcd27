//! R001: ids are unique within their list, since references and review observations name items
//! by id; a route stage has one entry per population.

use std::collections::HashMap;

use super::poblaciones::poblacion_de;
use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;

/// Duplicate id.
pub static R001: Regla = Regla {
    codigo: "R001",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Identificador repetido",
    explicacion: Explicacion {
        que: "Que cada `id` sea único en su lista (riesgos, actores, objetivos, acciones) y que en `ruta_atencion` una etapa no tenga dos entradas para la misma población (una entrada sin `poblacion` o con `poblacion: todas` vale para todas).",
        por_que: "Las acciones, la ruta de atención y las observaciones del asesor se refieren a los elementos por su id; con dos elementos del mismo id no se sabe a cuál se refieren.",
        incorrecto: "acciones:\n  - id: A1\n    ...\n  - id: A1\n    ...",
        correcto: "acciones:\n  - id: A1\n    ...\n  - id: A2\n    ...",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan;
    let mut out = Vec::new();
    let listas: [(&str, &str, Vec<&str>); 4] = [
        (
            "riesgos",
            "id",
            p.riesgos.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            "actores",
            "id",
            p.actores.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            "objetivos",
            "id",
            p.objetivos.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            "acciones",
            "id",
            p.acciones.iter().map(|x| x.id.as_str()).collect(),
        ),
    ];
    for (lista, campo, ids) in listas {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(&j) = first.get(id) {
                out.push(Hallazgo::en(
                    path![lista, i, campo],
                    format!(
                        "el id `{id}` está repetido en `{lista}` (ya lo usa el elemento {})",
                        j + 1
                    ),
                    "Dé a este elemento un id distinto, por ejemplo el siguiente número libre.",
                ));
            } else {
                first.insert(id, i);
            }
        }
    }
    let poblaciones = &ctx.referencia.poblaciones_ruta;
    for (i, e) in p.ruta_atencion.iter().enumerate() {
        let pe = poblacion_de(ctx, e);
        let anterior = p.ruta_atencion[..i].iter().position(|otra| {
            let po = poblacion_de(ctx, otra);
            otra.etapa == e.etapa
                && (po == pe || poblaciones.cubre(po, pe) || poblaciones.cubre(pe, po))
        });
        if let Some(j) = anterior {
            out.push(Hallazgo::en(
                path!["ruta_atencion", i, "etapa"],
                format!(
                    "la etapa `{}` ya tiene una entrada para esta población en `ruta_atencion` (el elemento {})",
                    e.etapa,
                    j + 1
                ),
                "Cada etapa tiene un solo responsable por población: junte las dos entradas y ponga las demás instituciones en `apoyo`, o distinga las entradas con `poblacion`.",
            ));
        }
    }
    out
}
