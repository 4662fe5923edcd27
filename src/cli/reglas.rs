//! `cantonal reglas`: the rule catalogue, as a table or as the Markdown reference that
//! `docs/reglas.md` holds.

use super::Fallo;
use crate::generados::reglas_markdown;
use crate::rules::{REGLAS, Regla};

/// Arguments of `reglas`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Imprime la referencia completa en Markdown (la de docs/reglas.md).
    #[arg(long)]
    pub markdown: bool,
}

pub(super) fn run(args: Args) -> Result<(), Fallo> {
    if args.markdown {
        salida!("{}", reglas_markdown());
    } else {
        for r in REGLAS {
            salidaln!("{}  {:<12} {}", r.codigo, severidad(r), r.titulo);
        }
        salidaln!("\n`cantonal explicar <código>` explica cada regla.");
    }
    Ok(())
}

fn severidad(r: &Regla) -> String {
    let s = r.severidad.nombre();
    if r.estricta {
        format!("{s}*")
    } else {
        s.to_owned()
    }
}
