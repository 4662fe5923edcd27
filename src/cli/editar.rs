//! `cantonal editar [CARPETA|PLAN] [--puerto N] [--no-abrir]`: the plan editor in the browser.
//! Starts the local server of [`crate::editor`], prints its address (with the secret token) as
//! the first line of the output, opens the browser, and stops cleanly on Ctrl-C.

use std::path::PathBuf;

use super::Fallo;
use crate::editor::api::Nuevo;
use crate::editor::servidor::{Config, iniciar};
use crate::escritura;
use crate::nuevo::{buscar_canton, plan_inicial, slug};

/// Arguments of `editar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Carpeta de planes (por omisión, la carpeta actual) o un plan (.yaml) para abrir.
    pub carpeta: Option<PathBuf>,
    /// Puerto local (por omisión, uno libre).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub puerto: u16,
    /// No abrir el navegador: solo mostrar la dirección.
    #[arg(long)]
    pub no_abrir: bool,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), Fallo> {
    let nombrado = args.carpeta.unwrap_or_else(|| PathBuf::from("."));
    let (carpeta, plan) = if nombrado.is_file() {
        let carpeta = nombrado
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        (
            carpeta,
            nombrado
                .file_name()
                .map(|n| n.to_string_lossy().into_owned()),
        )
    } else if nombrado.is_dir() {
        (nombrado, None)
    } else {
        return Err(Fallo::NoSePudo(format!(
            "no existe la carpeta ni el plan {}",
            nombrado.display()
        )));
    };
    let servidor = iniciar(Config {
        carpeta,
        puerto: args.puerto,
        nuevo: Nuevo {
            buscar: buscar_canton,
            texto: plan_inicial,
            archivo: slug,
        },
    })
    .map_err(Fallo::NoSePudo)?;
    let url = match &plan {
        Some(p) => format!("{}#plan={p}", servidor.url),
        None => servidor.url.clone(),
    };
    salidaln!("{url}");
    if !quiet {
        salidaln!("Editor de planes abierto. Pulse Ctrl-C para terminar.");
    }
    if !args.no_abrir && webbrowser::open(&url).is_err() {
        eprintln!("aviso: no se pudo abrir el navegador; abra la dirección de arriba.");
    }
    escritura::atender_interrupciones();
    while !escritura::interrumpido() {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    servidor.detener();
    if !quiet {
        salidaln!("Editor terminado.");
    }
    Ok(())
}
