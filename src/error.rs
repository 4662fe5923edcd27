//! Why the library could not do what it was asked, in Spanish: the errors of the library's entry
//! points (files and folders named by the user, templates, writing outputs). Problems *in a plan*
//! are not errors of this kind: they are [`crate::diagnostics::Diagnostic`]s, located in the file.

use std::path::PathBuf;

use crate::diagnostics::visible;
use crate::lectura::motivo;

/// Something the library could not do.
#[derive(Debug)]
pub enum Error {
    /// A file or folder named by the user does not exist.
    NoExiste(PathBuf),
    /// A folder holds no plan files.
    SinPlanes(PathBuf),
    /// A folder could not be listed.
    CarpetaIlegible(PathBuf, std::io::Error),
    /// The templates folder named with `--plantillas` does not exist.
    SinPlantillas(PathBuf),
    /// A template file could not be read.
    PlantillaIlegible(PathBuf, std::io::Error),
    /// A template of the override folder is not read (a link out of the folder, not a regular
    /// file, too large, not UTF-8); the message says which and why.
    PlantillaRechazada(String),
    /// Rendering failed in the templates.
    Plantillas(Vec<TemplateError>),
    /// An output file could not be written.
    Escritura(PathBuf, std::io::Error),
    /// The output named is one of the command's inputs.
    SalidaEsEntrada {
        /// The output as named.
        salida: PathBuf,
        /// The input it is.
        entrada: PathBuf,
    },
    /// Two inputs of a batch would be written to the same output.
    SalidasRepetidas {
        /// The output.
        salida: PathBuf,
        /// The first input.
        primera: PathBuf,
        /// The second input.
        segunda: PathBuf,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NoExiste(p) => write!(f, "no existe el archivo o carpeta {}", nombre(p)),
            Error::SinPlanes(p) => {
                write!(f, "la carpeta {} no contiene planes (*.yaml)", nombre(p))
            }
            Error::CarpetaIlegible(p, e) => {
                write!(f, "no se pudo leer la carpeta {}: {}", nombre(p), motivo(e))
            }
            Error::SinPlantillas(p) => {
                write!(f, "la carpeta de plantillas {} no existe", nombre(p))
            }
            Error::PlantillaIlegible(p, e) => {
                write!(
                    f,
                    "no se pudo leer la plantilla {}: {}",
                    nombre(p),
                    motivo(e)
                )
            }
            Error::PlantillaRechazada(m) => write!(f, "{m}"),
            Error::Plantillas(errores) => {
                let lineas: Vec<String> = errores.iter().map(ToString::to_string).collect();
                write!(f, "{}", lineas.join("\n"))
            }
            Error::Escritura(p, e) => {
                write!(
                    f,
                    "no se pudo escribir {}: {}",
                    nombre(p),
                    motivo_escritura(e)
                )
            }
            Error::SalidaEsEntrada { salida, entrada } => write!(
                f,
                "la salida {} es el archivo de entrada {}: no se sobrescribe. Elija otro nombre con -o.",
                nombre(salida),
                nombre(entrada)
            ),
            Error::SalidasRepetidas {
                salida,
                primera,
                segunda,
            } => write!(
                f,
                "{} y {} se escribirían en el mismo archivo {}: no se generó nada. Genérelos en carpetas distintas o cambie el nombre de uno.",
                nombre(primera),
                nombre(segunda),
                nombre(salida)
            ),
        }
    }
}

impl std::error::Error for Error {}

/// A file name in a message, with control characters made visible.
fn nombre(path: &std::path::Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

/// A message of the library, in Spanish, carried inside an I/O error.
#[derive(Debug)]
struct Mensaje(String);

impl std::fmt::Display for Mensaje {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Mensaje {}

/// An I/O error that carries a Spanish message of the library, shown as it is.
pub fn propio(kind: std::io::ErrorKind, mensaje: impl Into<String>) -> std::io::Error {
    std::io::Error::new(kind, Mensaje(mensaje.into()))
}

/// Why a file could not be written, in Spanish: the library's own messages ([`propio`]) as they
/// are, the system's (in English) by their kind.
pub fn motivo_escritura(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if let Some(m) = e.get_ref().and_then(|i| i.downcast_ref::<Mensaje>()) {
        return m.0.clone();
    }
    match e.kind() {
        ErrorKind::NotFound => "la carpeta no existe".into(),
        ErrorKind::PermissionDenied => "no tiene permiso para escribir en esa carpeta".into(),
        ErrorKind::StorageFull => "el disco está lleno".into(),
        ErrorKind::ReadOnlyFilesystem => "el disco es de solo lectura".into(),
        _ => format!("error del sistema ({e})"),
    }
}

/// A template error, located in the template that caused it when its position is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Template (override path or embedded name); empty when the error concerns no template.
    pub archivo: String,
    /// 1-based line, when known.
    pub linea: Option<usize>,
    /// 1-based column, when known.
    pub columna: Option<usize>,
    /// The message.
    pub mensaje: String,
}

impl TemplateError {
    /// An error that concerns no particular position.
    pub fn mensaje(mensaje: impl Into<String>) -> Self {
        TemplateError {
            archivo: String::new(),
            linea: None,
            columna: None,
            mensaje: mensaje.into(),
        }
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.archivo.as_str(), self.linea, self.columna) {
            ("", ..) => write!(f, "{}", self.mensaje),
            (archivo, Some(l), Some(c)) => write!(f, "{archivo}:{l}:{c}: {}", self.mensaje),
            (archivo, ..) => write!(f, "{archivo}: {}", self.mensaje),
        }
    }
}
