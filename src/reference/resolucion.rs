//! Which national reference a plan names, and where it comes from: the file beside the plan in
//! a `nacional/` folder (which overrides the embedded one of the same id), the embedded PACTA
//! 2019–2030, or why neither can be used. Only a regular file of at most 8 MB inside the plan's
//! folder is ever read.

use std::path::Path;

use super::nacional::Referencia;

/// Where a plan's reference came from, or why it could not be found.
#[derive(Debug)]
pub enum Resolved {
    /// Embedded in the binary.
    Embedded(&'static Referencia),
    /// Read from `nacional/<id>.yaml` next to the plan.
    Disk(Box<Referencia>),
    /// A file exists but cannot be read.
    Invalid(String),
    /// No reference has that id.
    Unknown,
}

impl Resolved {
    /// The reference, when one was found.
    pub fn referencia(&self) -> Option<&Referencia> {
        match self {
            Resolved::Embedded(r) => Some(r),
            Resolved::Disk(r) => Some(r),
            Resolved::Invalid(_) | Resolved::Unknown => None,
        }
    }
}

/// Finds the reference `id` for a plan in `plan_dir`: `plan_dir/nacional/<id>.yaml` first, then
/// the embedded ones.
pub fn resolve(plan_dir: &Path, id: &str) -> Resolved {
    let valid_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if valid_id && !id.starts_with('.') {
        let file = plan_dir.join("nacional").join(format!("{id}.yaml"));
        if std::fs::symlink_metadata(&file).is_ok() {
            return match read_beside(plan_dir, &file) {
                Ok(text) => match Referencia::parse(&text) {
                    Ok(r) if r.id == id => Resolved::Disk(Box::new(r)),
                    Ok(r) => Resolved::Invalid(format!(
                        "{} declara `id: {}`, no `{id}`",
                        file.display(),
                        r.id
                    )),
                    Err(e) => Resolved::Invalid(format!(
                        "{}{}",
                        file.display(),
                        por_que_no_se_lee(&text, &e)
                    )),
                },
                Err(motivo) => Resolved::Invalid(motivo),
            };
        }
    }
    if id == Referencia::pacta().id {
        Resolved::Embedded(Referencia::pacta())
    } else {
        Resolved::Unknown
    }
}

/// Where and why a reference file is not a reference, in Spanish: ", línea 3, columna 5: falta
/// el campo `nombre` en `ejes.valores[0]`". serde_yaml's messages are English; only their
/// position, their path and serde's standard field and type errors are kept, translated.
fn por_que_no_se_lee(text: &str, e: &serde_yaml::Error) -> String {
    let donde = |e: &serde_yaml::Error| {
        e.location()
            .map(|l| format!(", línea {}, columna {}", l.line(), l.column()))
            .unwrap_or_default()
    };
    if let Err(sintaxis) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        return format!(
            "{}: no es YAML válido (revise la sangría, los dos puntos y las comillas)",
            donde(&sintaxis)
        );
    }
    let crudo = e.to_string();
    let sin_lugar = crudo.split(" at line ").next().unwrap_or_default();
    // serde_yaml names the node as `ejes.valores[0]: missing field ...`.
    let (ruta, mensaje) = match sin_lugar.split_once(": ") {
        Some((ruta, mensaje)) if !ruta.contains(' ') => (Some(ruta), mensaje),
        _ => (None, sin_lugar),
    };
    let campo = |prefijo: &str| {
        mensaje
            .strip_prefix(prefijo)
            .and_then(|resto| resto.split('`').next())
    };
    let que = if let Some(c) = campo("missing field `") {
        format!("falta el campo `{c}`")
    } else if let Some(c) = campo("unknown field `") {
        match mensaje.split_once("expected one of ") {
            Some((_, validos)) => {
                format!(
                    "el campo `{c}` no es de una referencia nacional (campos válidos: {validos})"
                )
            }
            None => format!("el campo `{c}` no es de una referencia nacional"),
        }
    } else if let Some(c) = campo("unknown variant `") {
        format!("`{c}` no es un valor permitido")
    } else if let Some(c) = campo("duplicate field `") {
        format!("el campo `{c}` está repetido")
    } else if mensaje.starts_with("invalid ") {
        "un valor no es del tipo que corresponde (por ejemplo, un texto donde va una lista)"
            .to_owned()
    } else {
        "no tiene la forma de una referencia nacional".to_owned()
    };
    let en = ruta.map(|r| format!(" en `{r}`")).unwrap_or_default();
    format!("{}: {que}{en}", donde(e))
}

/// The text of the reference `file` next to a plan in `plan_dir`: a regular file of at most
/// [`MAX_BYTES`](crate::lectura::MAX_BYTES) inside the plan's folder once links are followed,
/// so that a link to another file of the computer is refused instead of quoted in a message.
fn read_beside(plan_dir: &Path, file: &Path) -> Result<String, String> {
    use crate::lectura::{motivo, no_regular, read_limited};
    let fallo = |e: std::io::Error| format!("{}: {}", file.display(), motivo(&e));
    let carpeta = plan_dir
        .canonicalize()
        .or_else(|_| Path::new(".").canonicalize())
        .map_err(fallo)?;
    let real = file.canonicalize().map_err(fallo)?;
    if !real.starts_with(&carpeta) {
        return Err(format!(
            "{} es un enlace a un archivo fuera de la carpeta del plan; no se lee",
            file.display()
        ));
    }
    if let Some(que) = no_regular(&real) {
        return Err(format!("{} no se lee: es {que}", file.display()));
    }
    let bytes = read_limited(&real).map_err(fallo)?;
    String::from_utf8(bytes).map_err(|_| format!("{} no está en UTF-8", file.display()))
}
