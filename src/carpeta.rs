//! Which files a command works on: plan files named directly or found in folders (every `*.yaml`
//! directly inside, so `plans/nacional/` is not read as a plan), each with the review
//! observations file beside it (DESIGN §2, §9). Shared by `validar`, `generar` and `informe`.

use std::path::{Path, PathBuf};

use crate::observaciones::{self, Revision};
use crate::rules::Opciones;
use crate::{Validado, validar};

/// The plan files named by `rutas`: files as given, folders expanded to their `*.yaml` (sorted;
/// observations files are not plans).
pub fn plan_files(rutas: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for ruta in rutas {
        if ruta.is_dir() {
            let found: Vec<PathBuf> = yaml_files(ruta)?
                .into_iter()
                .filter(|p| !observaciones::es_archivo(p))
                .collect();
            if found.is_empty() {
                return Err(sin_planes(ruta));
            }
            files.extend(found);
        } else if ruta.exists() {
            files.push(ruta.clone());
        } else {
            return Err(format!("no existe el archivo o carpeta {}", ruta.display()));
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

/// What `validar` checks for `rutas`: each plan with its observations file beside it; an
/// observations file named directly, or found in a folder without its plan, is checked as the
/// observations of the plan its name points to (DESIGN §2, §9).
pub fn entradas(rutas: &[PathBuf]) -> Result<Vec<Entrada>, String> {
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
    for ruta in rutas {
        if ruta.is_dir() {
            let found = yaml_files(ruta)?;
            if found.is_empty() {
                return Err(sin_planes(ruta));
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
        } else if ruta.exists() {
            match observaciones::plan_de(ruta) {
                Some(plan) => agregar(plan, Some(ruta.clone())),
                None => agregar(ruta.clone(), None),
            }
        } else {
            return Err(format!("no existe el archivo o carpeta {}", ruta.display()));
        }
    }
    Ok(out)
}

/// The `*.yaml` files directly in `carpeta`, sorted. Entries that are not regular files (a named
/// pipe) are kept, so that reading them reports what they are; a folder is not a plan; a link
/// that leads out of `carpeta` is not followed: a scan reads only what is in the folder (a file
/// named on the command line is read wherever it is).
fn yaml_files(carpeta: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(carpeta).map_err(|e| {
        format!(
            "no se pudo leer la carpeta {}: {}",
            carpeta.display(),
            crate::plan::load::motivo(&e)
        )
    })?;
    let dentro = carpeta.canonicalize().ok();
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !sale_de(e, dentro.as_deref()))
        .map(|e| e.path())
        .filter(|p| !p.is_dir() && p.extension().is_some_and(|e| e == "yaml"))
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

fn sin_planes(carpeta: &Path) -> String {
    format!(
        "la carpeta {} no contiene planes (*.yaml)",
        carpeta.display()
    )
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
