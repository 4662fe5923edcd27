//! `cantonal vigilar PLAN [--observaciones FILE]`: re-validates and re-renders on every save of
//! the plan (and of the review observations, when a review copy is watched). Prints the
//! diagnostics and the time taken, keeps the last good output when a save has errors, never exits
//! on a bad save, and stops cleanly on Ctrl-C. Fonts and the compiler's caches live as long as it
//! runs, so a rebuild only redoes what changed.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::{Fallo, generar, mostrar};
use crate::escritura;
use crate::render::templates::Plantillas;

/// Arguments of `vigilar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivo del plan (.yaml).
    pub plan: PathBuf,
    #[command(flatten)]
    pub salida: generar::Salida,
    /// Archivo de observaciones de revisión: también se vigila, y se genera la copia de revisión
    /// (por omisión, PLAN.revision.pdf).
    #[arg(long, value_name = "ARCHIVO")]
    pub observaciones: Option<PathBuf>,
}

/// Quiet time after the last change before rebuilding: editors write a file in several steps.
const DEBOUNCE: Duration = Duration::from_millis(120);

pub(super) fn run(args: Args, color: bool, quiet: bool) -> Result<(), Fallo> {
    for archivo in std::iter::once(&args.plan).chain(&args.observaciones) {
        if !archivo.is_file() {
            return Err(Fallo::NoSePudo(format!(
                "no existe el archivo {}",
                mostrar(archivo)
            )));
        }
    }
    let plantillas = Plantillas::new(args.salida.plantillas.clone())?;
    let encargo = generar::Encargo {
        formato: args.salida.formato,
        pdf_a: false,
        observaciones: args.observaciones.as_deref(),
        seguimiento: None,
    };
    let salida = args
        .salida
        .archivo
        .clone()
        .unwrap_or_else(|| generar::salida_por_omision(&args.plan, encargo));
    let entradas: Vec<&Path> = std::iter::once(args.plan.as_path())
        .chain(args.observaciones.as_deref())
        .collect();
    escritura::comprobar_destino(&salida, &entradas)?;
    escritura::atender_interrupciones();
    // Watch the folders, not the files: editors that save by writing a new file and renaming
    // it over the old one would otherwise end the watch.
    let vigilados: Vec<&PathBuf> = std::iter::once(&args.plan)
        .chain(&args.observaciones)
        .collect();
    let mut nombres = Vec::new();
    let mut carpetas: Vec<PathBuf> = Vec::new();
    for archivo in &vigilados {
        nombres.extend(archivo.file_name().map(|n| n.to_owned()));
        let carpeta = archivo
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        if !carpetas.contains(&carpeta) {
            carpetas.push(carpeta);
        }
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Fallo::NoSePudo(format!("no se pudo vigilar: {e}")))?;
    for carpeta in &carpetas {
        watcher
            .watch(carpeta, RecursiveMode::NonRecursive)
            .map_err(|e| {
                Fallo::NoSePudo(format!("no se pudo vigilar {}: {e}", mostrar(carpeta)))
            })?;
    }
    // On a terminal each build replaces the previous one on the screen, so what is shown is
    // always the current state of the plan; a log (a pipe, a file) keeps them all.
    let terminal = std::io::stdout().is_terminal();
    let rebuild = || {
        if terminal {
            salida!("\x1b[2J\x1b[H");
        }
        let start = Instant::now();
        let r = generar::construir(
            &args.plan,
            args.salida.archivo.clone(),
            encargo,
            &plantillas,
            color,
            quiet,
        );
        r.print();
        let archivos: Vec<String> = vigilados.iter().map(mostrar).collect();
        salidaln!(
            "[vigilar] {} · {} en {} ms · falta: {}. Esperando cambios en {} (Ctrl-C para salir)",
            chrono::Local::now().format("%H:%M:%S"),
            if r.codigo == 0 {
                "generado"
            } else {
                "no generado"
            },
            start.elapsed().as_millis(),
            r.faltan
                .as_deref()
                .unwrap_or("corregir el archivo para poder leerlo"),
            archivos.join(" y ")
        );
    };
    rebuild();
    let mut pendiente: Option<Instant> = None;
    while !escritura::interrumpido() {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(Ok(event)) => {
                let toca_plan = event.paths.iter().any(|p| {
                    p.file_name()
                        .is_some_and(|n| nombres.iter().any(|x| x == n))
                });
                if toca_plan && !event.kind.is_access() {
                    pendiente = Some(Instant::now());
                }
            }
            Ok(Err(e)) => eprintln!("aviso: {e}"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if pendiente.is_some_and(|t| t.elapsed() >= DEBOUNCE) {
            pendiente = None;
            if vigilados.iter().all(|a| a.is_file()) {
                rebuild();
            }
        }
    }
    salidaln!("[vigilar] terminado.");
    Ok(())
}
