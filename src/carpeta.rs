//! Which files a command works on: plan files named directly or found in folders (every `*.yaml`
//! directly inside, so `plans/nacional/` is not read as a plan), each with the review
//! observations file beside it (`docs/revision.md`). Shared by `validar`, `generar` and `informe`.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::plan::observaciones;
use crate::rules::Opciones;
use crate::rules::revision::Revision;
use crate::validacion::{Validado, validar};

/// The plan files named by `nombrados`: files as given, folders expanded to their `*.yaml` (sorted;
/// observations files are not plans).
pub fn plan_files(nombrados: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for nombrado in nombrados {
        if nombrado.is_dir() {
            let found: Vec<PathBuf> = yaml_files(nombrado)?
                .into_iter()
                .filter(|p| !observaciones::es_archivo(p))
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

/// One plan to check, with the observations file that reviews it, if any. The plan may be
/// missing when only its observations were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrada {
    /// The plan file.
    pub plan: PathBuf,
    /// Its observations file (`<plan>.observaciones.yaml`).
    pub observaciones: Option<PathBuf>,
}

/// What `validar` checks for `nombrados`: each plan with its observations file beside it; an
/// observations file named directly, or found in a folder without its plan, is checked as the
/// observations of the plan its name points to.
pub fn entradas(nombrados: &[PathBuf]) -> Result<Vec<Entrada>, Error> {
    let mut out: Vec<Entrada> = Vec::new();
    let mut agregar = |plan: PathBuf, obs: Option<PathBuf>| {
        let obs = obs.or_else(|| Some(observaciones::archivo_de(&plan)).filter(|o| o.is_file()));
        match out.iter_mut().find(|e| e.plan == plan) {
            Some(e) => e.observaciones = e.observaciones.take().or(obs),
            None => out.push(Entrada {
                plan,
                observaciones: obs,
            }),
        }
    };
    for nombrado in nombrados {
        if nombrado.is_dir() {
            let found = yaml_files(nombrado)?;
            if found.is_empty() {
                return Err(sin_planes(nombrado));
            }
            let (obs, planes): (Vec<PathBuf>, Vec<PathBuf>) = found
                .into_iter()
                .partition(|p| observaciones::es_archivo(p));
            for plan in planes {
                agregar(plan, None);
            }
            for o in obs {
                if let Some(plan) = observaciones::plan_de(&o) {
                    agregar(plan, Some(o));
                }
            }
        } else if nombrado.exists() {
            match observaciones::plan_de(nombrado) {
                Some(plan) => agregar(plan, Some(nombrado.clone())),
                None => agregar(nombrado.clone(), None),
            }
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
    /// A plan, with its observations when it has them.
    Plan(Box<Validado>),
    /// Observations whose plan does not exist.
    SinPlan(Box<Revision>),
}

impl Resultado {
    /// Whether the plan or its observations have errors.
    pub fn tiene_errores(&self) -> bool {
        match self {
            Resultado::Plan(v) => v.tiene_errores(),
            Resultado::SinPlan(r) => r.tiene_errores(),
        }
    }

    /// The observations checked with this entry.
    pub fn revision(&self) -> Option<&Revision> {
        match self {
            Resultado::Plan(v) => v.revision.as_ref(),
            Resultado::SinPlan(r) => Some(r),
        }
    }
}

/// Checks one entry.
pub fn comprobar(entrada: &Entrada, opciones: Opciones) -> Resultado {
    match &entrada.observaciones {
        Some(obs) if !entrada.plan.is_file() => {
            Resultado::SinPlan(Box::new(Revision::sin_plan(obs, &entrada.plan)))
        }
        Some(obs) => Resultado::Plan(Box::new(
            validar(&entrada.plan, opciones).con_observaciones(obs),
        )),
        None => Resultado::Plan(Box::new(validar(&entrada.plan, opciones))),
    }
}
