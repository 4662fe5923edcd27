//! R001: ids are unique within their list, since references and review observations name items
//! by id.

use std::collections::HashMap;

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
        que: "Que cada `id` sea único en su lista (riesgos, actores, objetivos, acciones) y que cada etapa aparezca una sola vez en `ruta_atencion`.",
        por_que: "Las acciones, la ruta de atención y las observaciones del asesor se refieren a los elementos por su id; con dos elementos del mismo id no se sabe a cuál se refieren.",
        incorrecto: "acciones:\n  - id: A1\n    ...\n  - id: A1\n    ...",
        correcto: "acciones:\n  - id: A1\n    ...\n  - id: A2\n    ...",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    let p = ctx.plan;
    let mut out = Vec::new();
    let listas: [(&str, &str, Vec<&str>); 5] = [
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
        (
            "ruta_atencion",
            "etapa",
            p.ruta_atencion.iter().map(|x| x.etapa.as_str()).collect(),
        ),
    ];
    for (lista, campo, ids) in listas {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(&j) = first.get(id) {
                let (mensaje, ayuda) = if campo == "etapa" {
                    (
                        format!("la etapa `{id}` aparece más de una vez en `ruta_atencion` (también en el elemento {})", j + 1),
                        "Cada etapa tiene un solo responsable; agregue las demás instituciones en `apoyo` de la misma etapa.".to_owned(),
                    )
                } else {
                    (
                        format!(
                            "el id `{id}` está repetido en `{lista}` (ya lo usa el elemento {})",
                            j + 1
                        ),
                        "Dé a este elemento un id distinto, por ejemplo el siguiente número libre."
                            .to_owned(),
                    )
                };
                out.push(Hallazgo::en(path![lista, i, campo], mensaje, ayuda));
            } else {
                first.insert(id, i);
            }
        }
    }
    out
}
