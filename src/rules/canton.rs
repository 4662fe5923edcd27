//! C001: the canton is one of the INEC DPA catalogue, with its own name and province.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::reference::dpa::Dpa;
use crate::suggest::fold;

/// Canton code, name or province not matching the catalogue.
pub static C001: Regla = Regla {
    codigo: "C001",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Cantón que no corresponde al catálogo DPA del INEC",
    explicacion: Explicacion {
        que: "Que `canton.codigo` exista en el catálogo de la División Político-Administrativa del INEC y que `nombre` y `provincia` sean los de ese código (sin importar mayúsculas ni tildes).",
        por_que: "El código DPA identifica al cantón en los informes consolidados de todos los cantones; un código equivocado atribuye el plan a otro cantón.",
        incorrecto: "canton: { codigo: \"1001\", nombre: Otavalo, provincia: Imbabura }",
        correcto: "canton: { codigo: \"1004\", nombre: Otavalo, provincia: Imbabura }",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    let c = &ctx.plan.canton;
    let dpa = Dpa::get();
    let Some(oficial) = dpa.by_code(&c.codigo) else {
        let por_nombre = dpa.by_name(&c.nombre);
        let ayuda = match por_nombre.as_slice() {
            [uno] => format!("{} tiene el código `\"{}\"`.", uno.nombre, uno.codigo),
            _ => "Consulte el código de cuatro dígitos del cantón en el catálogo DPA del INEC (por ejemplo `cantonal nuevo --canton <nombre>` lo completa).".to_owned(),
        };
        return vec![Hallazgo::en(
            path!["canton", "codigo"],
            format!(
                "el código `{}` no corresponde a ningún cantón del catálogo DPA",
                c.codigo
            ),
            ayuda,
        )];
    };
    let mut out = Vec::new();
    if fold(&c.nombre) != fold(&oficial.nombre) {
        out.push(Hallazgo::en(
            path!["canton", "nombre"],
            format!(
                "el código `{}` corresponde a {}, no a `{}`",
                c.codigo, oficial.nombre, c.nombre
            ),
            match dpa.by_name(&c.nombre).first() {
                Some(otro) => format!(
                    "Si el plan es de {}, su código es `\"{}\"`; si no, escriba `nombre: {}`.",
                    otro.nombre, otro.codigo, oficial.nombre
                ),
                None => format!("Escriba `nombre: {}` o corrija el código.", oficial.nombre),
            },
        ));
    }
    if fold(&c.provincia) != fold(&oficial.provincia) {
        out.push(Hallazgo::en(
            path!["canton", "provincia"],
            format!(
                "{} pertenece a la provincia de {}, no a `{}`",
                oficial.nombre, oficial.provincia, c.provincia
            ),
            format!("Escriba `provincia: {}`.", oficial.provincia),
        ));
    }
    out
}
