//! Which files a command works on: plan files named directly or found in folders (every `*.yaml`
//! directly inside, so `plans/nacional/` is not read as a plan), each with the review
//! observations file (`docs/revision.md`) and the monitoring file (`docs/seguimiento.md`, with
//! its own observations) beside it. Shared by `validar`, `generar` and `informe`.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::plan::{observaciones, seguimiento};
use crate::rules::Opciones;
use crate::rules::revision::Revision;
use crate::rules::seguimiento::Ejecucion;
use crate::validacion::{Validado, validar};

/// Whether a `*.yaml` file found in a folder is a plan: not observations, not a monitoring file.
fn es_plan(archivo: &Path) -> bool {
    !observaciones::es_archivo(archivo) && !seguimiento::es_archivo(archivo)
}

/// The plan files named by `nombrados`: files as given, folders expanded to their `*.yaml` (sorted;
/// observations and monitoring files are not plans).
pub fn plan_files(nombrados: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for nombrado in nombrados {
        if nombrado.is_dir() {
            let found: Vec<PathBuf> = yaml_files(nombrado)?
                .into_iter()
                .filter(|p| es_plan(p))
                .collect();
            if found.is_empty() {
                return Err(sin_planes(nombrado));
            }
            files.extend(found);
        } else if nombrado.exists() {
            files.push(nombrado.clone());
        } else {
            return Err(Error::NoExiste(nombrado.clone()));
        }
    }
    Ok(files)
}

/// One plan to check, with the observations file that reviews it and its monitoring file (with
/// the observations that review that one), if any. The plan may be missing when only the files
/// beside it were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrada {
    /// The plan file.
    pub plan: PathBuf,
    /// Its observations file (`<plan>.observaciones.yaml`).
    pub observaciones: Option<PathBuf>,
    /// Its monitoring file (`<plan>.seguimiento.yaml`).
    pub seguimiento: Option<PathBuf>,
    /// The observations of its monitoring file (`<plan>.seguimiento.observaciones.yaml`).
    pub observaciones_seguimiento: Option<PathBuf>,
}

impl Entrada {
    /// The entry of `plan` with the files found beside it.
    fn de(plan: PathBuf) -> Entrada {
        let junto = |p: PathBuf| Some(p).filter(|p| p.is_file());
        let seg = seguimiento::archivo_de(&plan);
        Entrada {
            observaciones: junto(observaciones::archivo_de(&plan)),
            observaciones_seguimiento: junto(observaciones::archivo_de(&seg)),
            seguimiento: junto(seg),
            plan,
        }
    }

    /// The files of this entry, the plan first.
    pub fn archivos(&self) -> impl Iterator<Item = &Path> {
        std::iter::once(self.plan.as_path())
            .chain(self.observaciones.as_deref())
            .chain(self.seguimiento.as_deref())
            .chain(self.observaciones_seguimiento.as_deref())
    }
}

/// The plan a file beside it belongs to, and how: `ibarra.observaciones.yaml`,
/// `ibarra.seguimiento.yaml` and `ibarra.seguimiento.observaciones.yaml` belong to `ibarra.yaml`.
fn plan_de(archivo: &Path) -> Option<PathBuf> {
    let propio = observaciones::plan_de(archivo).unwrap_or_else(|| archivo.to_path_buf());
    seguimiento::plan_de(&propio).or_else(|| (propio != archivo).then_some(propio))
}

/// What `validar` checks for `nombrados`: each plan with the files beside it; an observations or
/// monitoring file named directly, or found in a folder without its plan, is checked with the
/// plan its name points to.
pub fn entradas(nombrados: &[PathBuf]) -> Result<Vec<Entrada>, Error> {
    let mut out: Vec<Entrada> = Vec::new();
    let mut agregar = |archivo: PathBuf| {
        let plan = plan_de(&archivo).unwrap_or_else(|| archivo.clone());
        let i = match out.iter().position(|e| e.plan == plan) {
            Some(i) => i,
            None => {
                out.push(Entrada::de(plan.clone()));
                out.len() - 1
            }
        };
        // A file named directly is read even when it is not a regular file (it then says what
        // it is), so it takes its place whether or not it was found beside the plan.
        let e = &mut out[i];
        let seg = seguimiento::archivo_de(&plan);
        if archivo == observaciones::archivo_de(&plan) {
            e.observaciones = Some(archivo);
        } else if archivo == seg {
            e.seguimiento = Some(archivo);
        } else if archivo == observaciones::archivo_de(&seg) {
            e.seguimiento.get_or_insert(seg);
            e.observaciones_seguimiento = Some(archivo);
        }
    };
    for nombrado in nombrados {
        if nombrado.is_dir() {
            let found = yaml_files(nombrado)?;
            if found.is_empty() {
                return Err(sin_planes(nombrado));
            }
            let (planes, junto): (Vec<PathBuf>, Vec<PathBuf>) =
                found.into_iter().partition(|p| es_plan(p));
            planes.into_iter().chain(junto).for_each(&mut agregar);
        } else if nombrado.exists() {
            agregar(nombrado.clone());
        } else {
            return Err(Error::NoExiste(nombrado.clone()));
        }
    }
    Ok(out)
}

/// The `*.yaml` files directly in `carpeta`, sorted. Entries that are not regular files (a named
/// pipe) are kept, so that reading them reports what they are; a folder is not a plan; a link
/// that leads out of `carpeta` is not followed: a scan reads only what is in the folder (a file
/// named on the command line is read wherever it is).
fn yaml_files(carpeta: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries =
        std::fs::read_dir(carpeta).map_err(|e| Error::CarpetaIlegible(carpeta.to_owned(), e))?;
    let dentro = carpeta.canonicalize().ok();
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !sale_de(e, dentro.as_deref()))
        .map(|e| e.path())
        .filter(|p| {
            !p.is_dir()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("yaml"))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Whether the folder entry is a link to something outside `carpeta` (canonical).
fn sale_de(entry: &std::fs::DirEntry, carpeta: Option<&Path>) -> bool {
    let enlace = entry.file_type().is_ok_and(|t| t.is_symlink());
    enlace
        && match (entry.path().canonicalize(), carpeta) {
            (Ok(real), Some(carpeta)) => !real.starts_with(carpeta),
            // A broken link is kept: reading it says that it leads nowhere.
            _ => false,
        }
}

fn sin_planes(carpeta: &Path) -> Error {
    Error::SinPlanes(carpeta.to_owned())
}

/// The outcome for one entry.
pub enum Resultado {
    /// A plan, with its observations and its monitoring file when it has them.
    Plan(Box<Validado>),
    /// Files beside a plan that does not exist.
    SinPlan {
        /// The plan their names point to.
        plan: PathBuf,
        /// Its observations.
        revision: Option<Box<Revision>>,
        /// Its monitoring file.
        seguimiento: Option<Box<Ejecucion>>,
    },
}

impl Resultado {
    /// Whether the plan or any file beside it has errors.
    pub fn tiene_errores(&self) -> bool {
        match self {
            Resultado::Plan(v) => v.tiene_errores(),
            Resultado::SinPlan {
                revision,
                seguimiento,
                ..
            } => {
                revision.as_ref().is_some_and(|r| r.tiene_errores())
                    || seguimiento.as_ref().is_some_and(|s| s.tiene_errores())
            }
        }
    }

    /// The observations checked with this entry.
    pub fn revision(&self) -> Option<&Revision> {
        match self {
            Resultado::Plan(v) => v.revision.as_ref(),
            Resultado::SinPlan { revision, .. } => revision.as_deref(),
        }
    }

    /// The monitoring file checked with this entry.
    pub fn seguimiento(&self) -> Option<&Ejecucion> {
        match self {
            Resultado::Plan(v) => v.seguimiento.as_ref(),
            Resultado::SinPlan { seguimiento, .. } => seguimiento.as_deref(),
        }
    }
}

/// Checks one entry.
pub fn comprobar(entrada: &Entrada, opciones: Opciones) -> Resultado {
    let con_obs = |s: Ejecucion| match &entrada.observaciones_seguimiento {
        Some(o) => s.con_observaciones(o),
        None => s,
    };
    let junto = entrada.observaciones.is_some() || entrada.seguimiento.is_some();
    if junto && !entrada.plan.is_file() {
        return Resultado::SinPlan {
            plan: entrada.plan.clone(),
            revision: entrada
                .observaciones
                .as_ref()
                .map(|o| Box::new(Revision::sin_plan(o, &entrada.plan))),
            seguimiento: entrada
                .seguimiento
                .as_ref()
                .map(|s| Box::new(con_obs(Ejecucion::sin_plan(s, &entrada.plan)))),
        };
    }
    let mut v = validar(&entrada.plan, opciones);
    if let Some(o) = &entrada.observaciones {
        v = v.con_observaciones(o);
    }
    if let Some(s) = &entrada.seguimiento {
        v.seguimiento = Some(con_obs(crate::rules::seguimiento::Ejecucion::new(
            s, &v.loaded, opciones,
        )));
    }
    Resultado::Plan(Box::new(v))
}
