//! C020: the crest a plan names can be printed.

use super::{Comprobacion, Contexto, Explicacion, Hallazgo, Regla};
use crate::diagnostics::Severidad;
use crate::path;
use crate::plan::escudo::{self, MAX_BYTES, MAX_LADO};

/// The crest named by `canton.escudo` is missing, too large, not an image, or outside the
/// plan's folder.
pub static C020: Regla = Regla {
    codigo: "C020",
    severidad: Severidad::Error,
    estricta: false,
    titulo: "Escudo del cantón que no se puede imprimir",
    explicacion: Explicacion {
        que: "Que el archivo que nombra `canton.escudo` exista en la carpeta del plan, sea una imagen PNG, JPEG o SVG (sin enlaces a otros archivos) no ocupe más de 2 MB y, si es PNG o JPEG, no mida más de 6000 píxeles por lado.",
        por_que: "El escudo va en la portada y en el encabezado del plan que aprueba el Concejo; un archivo que falta o no es una imagen dejaría el documento incompleto. Solo se lee ese archivo, y solo dentro de la carpeta del plan; una imagen que declara millones de píxeles por lado agotaría la memoria al imprimirla.",
        incorrecto: "canton:\n  codigo: \"1001\"\n  nombre: Ibarra\n  provincia: Imbabura\n  escudo: ../escudos/ibarra.png",
        correcto: "canton:\n  codigo: \"1001\"\n  nombre: Ibarra\n  provincia: Imbabura\n  escudo: escudo-ibarra.png   # en la misma carpeta que el plan",
    },
    comprobar: Comprobacion::Plan(comprobar),
};

fn comprobar(ctx: &Contexto) -> Vec<Hallazgo> {
    let Some(nombre) = &ctx.plan.canton.escudo else {
        return Vec::new();
    };
    match escudo::leer(ctx.carpeta, nombre) {
        Ok(_) => Vec::new(),
        Err(mensaje) => vec![Hallazgo::en(
            path!["canton", "escudo"],
            mensaje,
            format!(
                "Ponga el escudo (PNG, JPEG o SVG de hasta {} MB y {MAX_LADO} píxeles por lado) en la misma carpeta que el plan y escriba aquí solo el nombre del archivo, o quite `escudo`.",
                MAX_BYTES / (1024 * 1024)
            ),
        )],
    }
}
