//! `cantonal explicar CODE`: one rule, explained for the official who got its diagnostic.

use super::Fallo;
use crate::rules::{REGLAS, regla};
use crate::suggest::did_you_mean;

/// Arguments of `explicar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Código de la regla, por ejemplo A002.
    pub codigo: String,
}

pub(super) fn run(args: Args) -> Result<(), Fallo> {
    if let Some(r) = regla(&args.codigo) {
        salida!("{}", r.explicacion_texto());
        return Ok(());
    }
    let ayuda = match did_you_mean(&args.codigo, REGLAS.iter().map(|r| r.codigo)) {
        Some(c) => format!("¿quiso decir `{c}`? `cantonal reglas` las lista todas."),
        None => "`cantonal reglas` lista todas las reglas.".to_owned(),
    };
    Err(Fallo::NoSePudo(format!(
        "no existe la regla `{}`\nayuda: {ayuda}",
        args.codigo
    )))
}
