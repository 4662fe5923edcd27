//! `cantonal generar PLAN...`: validates each plan and, when it has no errors, renders the
//! printable plan (or, with `--seguimiento`, its progress report at the latest cut of its
//! monitoring file). Refuses to render a plan with errors, and says why.
//!
//! With several plans or a folder, plans are rendered in parallel, one worker per core (fonts, the
//! standard library and the templates are loaded once and shared), a progress bar shows on a
//! terminal, a plan with errors is reported and skipped while the rest still build, and a summary
//! ends the run.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{ERRORES, Fallo, NO_SE_PUDO, OK, mostrar};
use crate::carpeta::plan_files;
use crate::diagnostics::{Conteo, human};
use crate::escritura::{comprobar_destino, write_atomic};
use crate::espanol::{palabra, plural};
use crate::plan::{observaciones, seguimiento};
use crate::render::templates::Plantillas;
use crate::render::{self, Formato};
use crate::rules::Opciones;
use crate::validacion::{SinProducto, validar};

/// Stack of each batch worker: Typst's layout recurses deeply on long tables.
const PILA: usize = 64 * 1024 * 1024;

/// `--formato`: the formats of the render registry, by name.
fn formato_parser() -> impl clap::builder::TypedValueParser<Value = &'static dyn Formato> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        render::FORMATOS
            .iter()
            .map(|f| PossibleValue::new(f.nombre()).help(f.descripcion())),
    )
    .map(|nombre| render::formato(&nombre).expect("a listed format"))
}

/// What to write and with which templates: shared by `generar` and `vigilar`.
#[derive(Debug, clap::Args)]
pub struct Salida {
    /// Formato del documento: pdf (por omisión), html, md, json, docx (Word) o xlsx (Excel).
    #[arg(long, value_parser = formato_parser(), default_value = "pdf")]
    pub formato: &'static dyn Formato,
    /// Archivo de salida (por omisión, junto al plan); con varios planes, una carpeta.
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO_O_CARPETA")]
    pub archivo: Option<PathBuf>,
    /// Carpeta con plantillas que reemplazan, archivo por archivo, a las incorporadas.
    #[arg(long, value_name = "CARPETA")]
    pub plantillas: Option<PathBuf>,
}

/// Arguments of `generar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivos de plan (.yaml) o carpetas que los contienen.
    #[arg(required = true, value_name = "PLAN_O_CARPETA")]
    pub planes: Vec<PathBuf>,
    #[command(flatten)]
    pub salida: Salida,
    /// PDF/A-2b para archivo, además de PDF/UA-1.
    #[arg(long = "pdf-a")]
    pub pdf_a: bool,
    /// Archivo de observaciones de revisión: genera una copia de revisión con cada observación
    /// numerada junto al elemento que observa (por omisión, PLAN.revision.pdf).
    #[arg(long, value_name = "ARCHIVO", conflicts_with = "seguimiento")]
    pub observaciones: Option<PathBuf>,
    /// Archivo de seguimiento del plan (PLAN.seguimiento.yaml): genera el informe de avance al
    /// último corte (por omisión, PLAN.avance.pdf).
    #[arg(long, value_name = "ARCHIVO")]
    pub seguimiento: Option<PathBuf>,
}

/// What to produce from a plan.
#[derive(Debug, Clone, Copy)]
pub(super) struct Encargo<'a> {
    /// Output format.
    pub formato: &'static dyn Formato,
    /// Archival PDF/A-2b.
    pub pdf_a: bool,
    /// Review observations to lay into the document (a review copy).
    pub observaciones: Option<&'a Path>,
    /// The plan's monitoring file: the document is its progress report.
    pub seguimiento: Option<&'a Path>,
}

/// What one build printed and how it ended.
pub(super) struct Resultado {
    /// Exit code of this plan alone.
    pub codigo: u8,
    /// For standard output.
    pub salida: String,
    /// For standard error.
    pub errores: String,
    /// What the plan still lacks, in a few words, when it could be checked: its problems and
    /// its texts still «POR COMPLETAR» (for `vigilar`'s status line).
    pub faltan: Option<String>,
}

impl Resultado {
    pub(super) fn print(&self) {
        salida!("{}", self.salida);
        eprint!("{}", self.errores);
    }

    /// How the command ends after this one build (its messages are already printed).
    fn fallo(&self) -> Result<(), Fallo> {
        match self.codigo {
            OK => Ok(()),
            ERRORES => Err(Fallo::Errores(None)),
            _ => Err(Fallo::NoSePudoYaDicho),
        }
    }
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> Result<(), Fallo> {
    let files = plan_files(&args.planes)?;
    if let Some(s) = files.iter().find(|f| seguimiento::es_archivo(f)) {
        let plan = seguimiento::plan_de(s).unwrap_or_default();
        return Err(Fallo::NoSePudo(format!(
            "{} es un archivo de seguimiento, no un plan; el informe de avance se genera con `cantonal generar {} --seguimiento {}`",
            mostrar(s),
            mostrar(&plan),
            mostrar(s)
        )));
    }
    if let Some(obs) = files.iter().find(|f| observaciones::es_archivo(f)) {
        let plan = observaciones::plan_de(obs).unwrap_or_default();
        return Err(Fallo::NoSePudo(format!(
            "{} es un archivo de observaciones, no un plan; la copia de revisión se genera con `cantonal generar {} --observaciones {}`",
            mostrar(obs),
            mostrar(&plan),
            mostrar(obs)
        )));
    }
    let plantillas = Plantillas::new(args.salida.plantillas.clone())?;
    let encargo = Encargo {
        formato: args.salida.formato,
        pdf_a: args.pdf_a,
        observaciones: args.observaciones.as_deref(),
        seguimiento: args.seguimiento.as_deref(),
    };
    let lote = files.len() > 1 || args.planes.iter().any(|p| p.is_dir());
    if lote && encargo.observaciones.is_some() {
        return Err(Fallo::NoSePudo(
            "`--observaciones` genera la copia de revisión de un solo plan; indique un único archivo de plan."
                .into(),
        ));
    }
    if lote && encargo.seguimiento.is_some() {
        return Err(Fallo::NoSePudo(
            "`--seguimiento` genera el informe de avance de un solo plan; indique un único archivo de plan."
                .into(),
        ));
    }
    if let Some(s) = encargo.seguimiento
        && !s.is_file()
    {
        return Err(Fallo::NoSePudo(format!(
            "no existe el archivo de seguimiento {}; `cantonal seguimiento {} --corte AAAA-MM-DD` lo crea",
            mostrar(s),
            mostrar(&files[0])
        )));
    }
    if !lote {
        let r = construir(
            &files[0],
            args.salida.archivo.clone(),
            encargo,
            &plantillas,
            color,
            quiet,
        );
        r.print();
        return r.fallo();
    }
    let carpeta = args.salida.archivo.clone();
    let salida_de = |f: &Path| {
        carpeta.as_ref().map(|d| {
            d.join(f.file_name().unwrap_or_default())
                .with_extension(encargo.formato.extension())
        })
    };
    // Two plans of the batch written to one file would leave only one of them: say so before
    // writing anything.
    let mut destinos: std::collections::HashMap<PathBuf, &PathBuf> = Default::default();
    for f in &files {
        if let Some(salida) = salida_de(f)
            && let Some(primera) = destinos.insert(salida.clone(), f)
        {
            return Err(crate::Error::SalidasRepetidas {
                salida,
                primera: primera.clone(),
                segunda: f.clone(),
            }
            .into());
        }
    }
    if let Some(dir) = &carpeta
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return Err(Fallo::NoSePudo(format!(
            "no se pudo crear la carpeta {}: {e}",
            mostrar(dir)
        )));
    }
    let barra =
        ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
    if quiet {
        barra.set_draw_target(ProgressDrawTarget::hidden());
    }
    barra.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} planes · {elapsed_precise} · {msg}")
            .expect("valid template"),
    );
    // One worker thread per core, each taking the next plan when it is done with one. Not rayon:
    // Typst itself uses rayon inside a compilation, and a rayon worker that waits there would
    // start other plans on the same stack, nesting whole compilations until the stack and the
    // memory run out. Plain threads with a large stack keep one plan per thread at a time.
    let hilos = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(files.len());
    let siguiente = AtomicUsize::new(0);
    let casillas: Vec<Mutex<Option<Resultado>>> = files.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..hilos {
            std::thread::Builder::new()
                .stack_size(PILA)
                .spawn_scoped(scope, || {
                    loop {
                        let i = siguiente.fetch_add(1, Ordering::SeqCst);
                        let Some(f) = files.get(i) else { break };
                        let r = construir(f, salida_de(f), encargo, &plantillas, color, quiet);
                        *casillas[i].lock().expect("not poisoned") = Some(r);
                        barra.set_message(mostrar(f));
                        barra.inc(1);
                    }
                })
                .expect("a worker thread can be started");
        }
    });
    let resultados: Vec<Resultado> = casillas
        .into_iter()
        .filter_map(|c| c.into_inner().expect("not poisoned"))
        .collect();
    barra.finish_and_clear();
    for r in &resultados {
        r.print();
    }
    let fallidos = resultados.iter().filter(|r| r.codigo != OK).count();
    if !quiet || fallidos > 0 {
        salidaln!(
            "\nResumen: {}; {}, {}.",
            plural(resultados.len(), "plan", "planes"),
            plural(resultados.len() - fallidos, "generado", "generados"),
            plural(fallidos, "no generado", "no generados")
        );
    }
    if fallidos > 0 {
        Err(Fallo::Errores(None))
    } else {
        Ok(())
    }
}

/// Validates and renders one plan; everything it would print is returned, so that parallel
/// builds print in order. Shared with `vigilar`.
pub(super) fn construir(
    plan_path: &Path,
    salida: Option<PathBuf>,
    encargo: Encargo,
    plantillas: &Plantillas,
    color: bool,
    quiet: bool,
) -> Resultado {
    let mut out = String::new();
    let mut err = String::new();
    let fin = |codigo: u8, out: String, err: String, faltan: &Option<String>| Resultado {
        codigo,
        salida: out,
        errores: err,
        faltan: faltan.clone(),
    };
    let mut validado = validar(plan_path, Opciones::default());
    let archivo = mostrar(plan_path);
    if !validado.diagnostics.is_empty() && !quiet {
        out.push_str(&human::render(
            &archivo,
            &validado.loaded.texto,
            &validado.diagnostics,
            color,
        ));
    }
    let conteo = Conteo::de(&validado.diagnostics);
    let pendientes = validado
        .diagnostics
        .iter()
        .filter(|d| d.codigo == crate::rules::pendientes::C009.codigo)
        .count();
    let faltan = Some(
        match (
            conteo.errores + conteo.advertencias + conteo.sugerencias,
            pendientes,
        ) {
            (0, _) => "nada: el plan no tiene problemas".to_owned(),
            (_, 0) => conteo.texto(),
            (_, n) => format!(
                "{}; {} «POR COMPLETAR»",
                conteo.texto(),
                plural(n, "texto", "textos")
            ),
        },
    );
    if validado.plan().is_none() || validado.tiene_errores() {
        let _ = writeln!(
            err,
            "error: no se generó el documento: {archivo} tiene {}. {} y vuelva a intentarlo.",
            plural(conteo.errores, "error", "errores"),
            palabra(conteo.errores, "Corríjalo", "Corríjalos")
        );
        return fin(ERRORES, out, err, &faltan);
    }
    if let Some(obs) = encargo.observaciones {
        validado = validado.con_observaciones(obs);
    }
    if let Some(s) = encargo.seguimiento {
        validado = validado.con_seguimiento(s, Opciones::default());
    }
    if let Some(s) = &validado.seguimiento {
        let archivo = mostrar(&s.loaded.archivo);
        if !s.diagnostics.is_empty() && !quiet {
            out.push_str(&human::render(
                &archivo,
                &s.loaded.texto,
                &s.diagnostics,
                color,
            ));
        }
        if s.tiene_errores() {
            let errores = Conteo::de(&s.diagnostics).errores;
            let _ = writeln!(
                err,
                "error: no se generó el informe de avance: {archivo} tiene {}. {} y vuelva a intentarlo.",
                plural(errores, "error", "errores"),
                palabra(errores, "Corríjalo", "Corríjalos")
            );
            return fin(ERRORES, out, err, &faltan);
        }
    }
    if let Some(revision) = &validado.revision {
        let archivo = mostrar(&revision.loaded.archivo);
        if !revision.diagnostics.is_empty() && !quiet {
            out.push_str(&human::render(
                &archivo,
                &revision.loaded.texto,
                &revision.diagnostics,
                color,
            ));
        }
        if revision.tiene_errores() {
            let errores = Conteo::de(&revision.diagnostics).errores;
            let _ = writeln!(
                err,
                "error: no se generó la copia de revisión: {archivo} tiene {}. {} y vuelva a intentarlo.",
                plural(errores, "error", "errores"),
                palabra(errores, "Corríjalo", "Corríjalos")
            );
            return fin(ERRORES, out, err, &faltan);
        }
    }
    let plan = validado.plan().expect("a plan with a document was read");
    let salida = salida.unwrap_or_else(|| salida_por_omision(plan_path, encargo));
    let entradas: Vec<&Path> = std::iter::once(plan_path)
        .chain(encargo.observaciones)
        .chain(encargo.seguimiento)
        .collect();
    if let Err(e) = comprobar_destino(&salida, &entradas) {
        let _ = writeln!(err, "error: {e}");
        return fin(NO_SE_PUDO, out, err, &faltan);
    }
    let mut avisos = if conteo.advertencias + conteo.sugerencias > 0 {
        format!("; el plan tiene {}", conteo.texto())
    } else {
        String::new()
    };
    if let Some(revision) = &validado.revision {
        let _ = write!(
            avisos,
            "; copia de revisión (observaciones: {}; abiertas: {})",
            revision.observaciones().len(),
            revision.abiertas()
        );
    }
    if let Some(resumen) = validado.seguimiento.as_ref().and_then(|s| s.resumen()) {
        let _ = write!(avisos, "; informe de avance ({resumen})");
    }
    let opciones = render::Opciones {
        plantillas: plantillas.clone(),
        pdf_a: encargo.pdf_a,
    };
    match validado.producto(encargo.formato, &opciones) {
        Ok(producto) => {
            if let Err(e) = write_atomic(&salida, &producto.bytes) {
                let _ = writeln!(err, "error: {e}");
                return fin(NO_SE_PUDO, out, err, &faltan);
            }
            if !quiet {
                let _ = writeln!(out, "{}: {}{avisos}", mostrar(&salida), producto.detalle());
            }
            fin(OK, out, err, &faltan)
        }
        Err(SinProducto::Plantilla(errores)) => {
            for e in &errores {
                let _ = writeln!(err, "error en la plantilla: {e}");
            }
            let _ = writeln!(
                err,
                "error: no se generó {}; el archivo anterior, si existía, no se modificó.",
                mostrar(&salida)
            );
            fin(ERRORES, out, err, &faltan)
        }
        Err(SinProducto::SinReferencia) => {
            let _ = writeln!(
                err,
                "error: no se encontró la referencia nacional `{}`",
                plan.plan_nacional
            );
            fin(ERRORES, out, err, &faltan)
        }
        Err(SinProducto::ConErrores) => {
            let _ = writeln!(
                err,
                "error: no se generó el documento: {archivo} tiene errores."
            );
            fin(ERRORES, out, err, &faltan)
        }
    }
}

/// Where the document of `plan_path` goes when no output is named: beside the plan, with the
/// format's extension (`ibarra.pdf`), `ibarra.revision.pdf` for a review copy, or
/// `ibarra.avance.pdf` for a progress report.
pub(super) fn salida_por_omision(plan_path: &Path, encargo: Encargo) -> PathBuf {
    let extension = encargo.formato.extension();
    match (encargo.observaciones, encargo.seguimiento) {
        (Some(_), _) => plan_path.with_extension(format!("revision.{extension}")),
        (_, Some(_)) => plan_path.with_file_name(format!(
            "{}.{extension}",
            crate::plan::seguimiento::nombre_informe(plan_path)
        )),
        (None, None) => plan_path.with_extension(extension),
    }
}
