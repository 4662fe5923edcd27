//! Templates: embedded in the binary, each overridable one file at a time from a folder
//! (`--plantillas DIR`), as mdBook does with its theme. A template name is a plain file name;
//! anything that would reach outside the override folder is refused, links included.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::lectura::no_regular;

/// Templates shipped in the binary, by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("plan.typ", include_str!("../../templates/plan.typ")),
    ("estilos.typ", include_str!("../../templates/estilos.typ")),
    (
        "plan.html.hbs",
        include_str!("../../templates/plan.html.hbs"),
    ),
    ("plan.md.hbs", include_str!("../../templates/plan.md.hbs")),
    ("informe.typ", include_str!("../../templates/informe.typ")),
    (
        "informe.html.hbs",
        include_str!("../../templates/informe.html.hbs"),
    ),
    ("avance.typ", include_str!("../../templates/avance.typ")),
    (
        "avance.html.hbs",
        include_str!("../../templates/avance.html.hbs"),
    ),
    (
        "avance.md.hbs",
        include_str!("../../templates/avance.md.hbs"),
    ),
];

/// Where templates come from.
#[derive(Debug, Clone, Default)]
pub struct Plantillas {
    /// Override folder, if any.
    pub dir: Option<PathBuf>,
}

/// A template's text and where it came from, for error messages.
#[derive(Debug, Clone)]
pub struct Plantilla {
    /// The text.
    pub texto: String,
    /// "plantilla incorporada plan.typ" or the override file's path.
    pub origen: String,
}

impl Plantillas {
    /// Templates from `dir` over the embedded ones.
    pub fn new(dir: Option<PathBuf>) -> Result<Self, Error> {
        if let Some(d) = &dir
            && !d.is_dir()
        {
            return Err(Error::SinPlantillas(d.clone()));
        }
        Ok(Plantillas { dir })
    }

    /// The template `name` (a plain file name such as `plan.typ`), or `None` when it exists
    /// neither in the override folder nor in the binary. A file of the override folder is read
    /// only when it is a regular file of at most [`MAX_BYTES`] that stays inside the folder once
    /// links are followed: a link to `/etc/passwd` is refused, not served.
    pub fn get(&self, name: &str) -> Result<Option<Plantilla>, Error> {
        if !is_plain_name(name) {
            return Ok(None);
        }
        if let Some(dir) = &self.dir {
            let path = dir.join(name);
            if std::fs::symlink_metadata(&path).is_ok() {
                return leer(dir, &path)
                    .map(|texto| {
                        Some(Plantilla {
                            texto,
                            origen: path.display().to_string(),
                        })
                    })
                    .map_err(Error::PlantillaRechazada);
            }
        }
        Ok(EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, t)| Plantilla {
                texto: (*t).to_owned(),
                origen: format!("plantilla incorporada {n}"),
            }))
    }
}

/// Largest template file read from the override folder. The templates shipped weigh a few tens
/// of kilobytes.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Reads the override `path` of the folder `dir`, or says why it is refused.
fn leer(dir: &Path, path: &Path) -> Result<String, String> {
    use std::io::Read;
    let no_se_pudo = |e: std::io::Error| {
        format!(
            "no se pudo leer la plantilla {}: {}",
            path.display(),
            crate::lectura::motivo(&e)
        )
    };
    let real = path.canonicalize().map_err(no_se_pudo)?;
    let carpeta = dir.canonicalize().map_err(no_se_pudo)?;
    if !real.starts_with(&carpeta) {
        return Err(format!(
            "la plantilla {} es un enlace a un archivo fuera de la carpeta de plantillas ({}); no se lee",
            path.display(),
            real.display()
        ));
    }
    if let Some(que) = no_regular(&real) {
        return Err(format!(
            "la plantilla {} no se lee: es {que}, no un archivo",
            path.display()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&real)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(no_se_pudo)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "la plantilla {} es demasiado grande (más de {} MB)",
            path.display(),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| format!("la plantilla {} no está en UTF-8", path.display()))
}

/// A file name without folders, parent references or a leading dot.
fn is_plain_name(name: &str) -> bool {
    let p = Path::new(name);
    !name.is_empty()
        && !name.starts_with('.')
        && p.components().count() == 1
        && matches!(p.components().next(), Some(std::path::Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_folder() {
        let t = Plantillas::default();
        for bad in ["../plan.typ", "/etc/passwd", "a/b.typ", ".oculto", ""] {
            assert!(t.get(bad).unwrap().is_none(), "{bad}");
        }
        assert!(t.get("plan.typ").unwrap().is_some());
    }
}
