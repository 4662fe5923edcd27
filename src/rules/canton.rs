//! C001: the canton is one of the INEC DPA catalogue, with its own name and province. C021: its
//! official name (`nombre_oficial`) is the canton's, not its municipal government's, which every
//! cover already prints before it.

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

/// `canton.nombre_oficial` holding the name of the municipal government instead of the canton's.
pub static C021: Regla = Regla {
    codigo: "C021",
    severidad: Severidad::Advertencia,
    estricta: true,
    titulo: "Nombre oficial del cantón que es el nombre de su GAD",
    explicacion: Explicacion {
        que: "Que `canton.nombre_oficial` sea el nombre oficial del cantón («San Miguel de Ibarra»), no el de su gobierno municipal: que no empiece por «Gobierno Autónomo Descentralizado», «GAD», «Municipio», «Municipalidad» ni «Cantón».",
        por_que: "La portada de cada formato escribe «Gobierno Autónomo Descentralizado Municipal del cantón» y el nombre oficial a continuación; con el nombre del GAD en ese campo, el documento que se publica dice «…Municipal del cantón Gobierno Autónomo Descentralizado Municipal del Cantón…».",
        incorrecto: "canton:\n  codigo: \"1406\"\n  nombre: Sucúa\n  provincia: Morona Santiago\n  nombre_oficial: Gobierno Autónomo Descentralizado Municipal del Cantón Sucúa",
        correcto: "canton:\n  codigo: \"1406\"\n  nombre: Sucúa\n  provincia: Morona Santiago\n  # sin nombre_oficial: el nombre oficial es el mismo",
    },
    comprobar: Comprobacion::Plan(nombre_oficial),
};

/// How the name of a municipal government starts, folded ([`fold`]).
const NOMBRES_DEL_GAD: &[&str] = &[
    "gobierno autonomo",
    "gobierno municipal",
    "gad ",
    "gadm ",
    "municipio",
    "municipalidad",
    "ilustre municipalidad",
    "canton ",
];

fn nombre_oficial(ctx: &Contexto) -> Vec<Hallazgo> {
    let c = &ctx.plan.canton;
    let Some(oficial) = &c.nombre_oficial else {
        return Vec::new();
    };
    let plegado = fold(oficial.trim());
    if !NOMBRES_DEL_GAD.iter().any(|p| plegado.starts_with(p)) {
        return Vec::new();
    }
    // What follows the last «cantón» is the canton's own name, when the value has one.
    let palabras: Vec<&str> = oficial.split_whitespace().collect();
    let resto = palabras
        .iter()
        .rposition(|p| fold(p) == "canton")
        .map(|i| palabras[i + 1..].join(" "));
    let ayuda = match resto {
        Some(r) if !r.is_empty() && fold(&r) != fold(&c.nombre) => format!(
            "Escriba `nombre_oficial: {r}`: la portada ya antepone «Gobierno Autónomo Descentralizado Municipal del cantón»."
        ),
        _ => format!(
            "Quite `nombre_oficial` (el cantón se llama {}) o escriba en él solo el nombre oficial del cantón, como «San Miguel de Ibarra»: la portada ya antepone «Gobierno Autónomo Descentralizado Municipal del cantón».",
            c.nombre
        ),
    };
    vec![Hallazgo::en(
        path!["canton", "nombre_oficial"],
        format!(
            "`nombre_oficial` es el nombre oficial del cantón y tiene el de su gobierno municipal: «{}»",
            oficial.trim()
        ),
        ayuda,
    )]
}
