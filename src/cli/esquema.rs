//! `cantonal esquema [-o FILE] [--observaciones]`: the JSON Schema (draft 2020-12) of the plan
//! format, derived from the same types that read plans, with the national catalogues as enums,
//! for editors with the YAML language server; or that of review observations files, or of
//! monitoring files.

use std::path::PathBuf;

use super::{Fallo, mostrar};
use crate::escritura::write_atomic;
use crate::generados::{esquema_observaciones, esquema_plan, esquema_seguimiento};

/// Arguments of `esquema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Escribe el esquema en este archivo (por ejemplo plans/esquema/plan-cantonal.schema.json).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
    /// El esquema de los archivos de observaciones de revisión en lugar del de los planes.
    #[arg(long, conflicts_with = "seguimiento")]
    pub observaciones: bool,
    /// El esquema de los archivos de seguimiento (PLAN.seguimiento.yaml).
    #[arg(long)]
    pub seguimiento: bool,
}

pub(super) fn run(args: Args) -> Result<(), Fallo> {
    let json = if args.observaciones {
        esquema_observaciones()
    } else if args.seguimiento {
        esquema_seguimiento()
    } else {
        esquema_plan()
    };
    let Some(path) = args.salida else {
        salida!("{json}");
        return Ok(());
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fallo::NoSePudo(format!("no se pudo crear {}: {e}", mostrar(dir))))?;
    }
    Ok(write_atomic(&path, json.as_bytes())?)
}
