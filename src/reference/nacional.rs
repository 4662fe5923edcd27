//! The national reference (DESIGN §4): `plans/nacional/<id>.yaml`.
//!
//! Every national fact a rule uses comes from here. The file embedded in the binary is the
//! PACTA 2019–2030 reference; a plan can name another one that sits in a `nacional/` folder next
//! to it, and that file on disk also overrides the embedded one of the same id.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::model::Periodo;

/// The embedded reference file.
pub const PACTA_YAML: &str = include_str!("../../plans/nacional/pacta-2019-2030.yaml");

/// A national reference.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referencia {
    /// Id that plans name in `plan_nacional`.
    pub id: String,
    /// Full name.
    pub nombre: String,
    /// Short name for headings.
    pub nombre_corto: String,
    /// Period in force.
    pub vigencia: Periodo,
    /// Sources cited by the rest of the file.
    pub fuentes: Vec<Fuente>,
    /// Axes.
    pub ejes: Catalogo<Eje>,
    /// Approaches.
    pub enfoques: Catalogo<Entrada>,
    /// Purposes of exploitation.
    pub fines_explotacion: Catalogo<Entrada>,
    /// Populations.
    pub poblaciones: Catalogo<Entrada>,
    /// Actor types.
    pub tipos_actor: Catalogo<Entrada>,
    /// Cantonal bodies every plan must name.
    pub actores_cantonales_requeridos: Requeridos,
    /// Stages of the referral route.
    pub etapas_ruta: Catalogo<Etapa>,
    /// National institutions.
    pub instituciones: Catalogo<Institucion>,
}

/// A source.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fuente {
    /// Id cited by `fuentes:` lists.
    pub id: String,
    /// Title.
    pub titulo: String,
    /// Author.
    #[serde(default)]
    pub autor: Option<String>,
    /// Date, as precise as known.
    #[serde(default)]
    pub fecha: Option<String>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
}

/// Whether something comes from a source or is the toolkit's own structuring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origen {
    /// The toolkit's own organisation of the material, not an official text.
    EstructuracionPropia,
}

/// A list of values with its provenance.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogo<T> {
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// Provenance.
    #[serde(default)]
    pub origen: Option<Origen>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
    /// The values.
    pub valores: Vec<T>,
}

/// Anything with an id and a name.
pub trait Item {
    /// Id.
    fn id(&self) -> &str;
    /// Name.
    fn nombre(&self) -> &str;
}

impl<T: Item> Catalogo<T> {
    /// The value with this id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.valores.iter().find(|v| v.id() == id)
    }

    /// All ids, in file order.
    pub fn ids(&self) -> Vec<&str> {
        self.valores.iter().map(Item::id).collect()
    }

    /// The name of `id`, or `id` itself when unknown.
    pub fn nombre<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map(Item::nombre).unwrap_or(id)
    }
}

macro_rules! item {
    ($t:ty) => {
        impl Item for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn nombre(&self) -> &str {
                &self.nombre
            }
        }
    };
}

/// A plain catalogue entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entrada {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Description.
    #[serde(default)]
    pub descripcion: Option<String>,
}
item!(Entrada);

/// An axis of the national plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eje {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Description.
    pub descripcion: String,
    /// Whether every plan must cover it.
    pub obligatorio: bool,
    /// Institutions one of which must lead or co-lead the axis's actions.
    #[serde(default)]
    pub responsables_requeridos: Vec<String>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// Provenance.
    #[serde(default)]
    pub origen: Option<Origen>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
}
item!(Eje);

/// A stage of the referral route.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Etapa {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// What happens in it.
    pub descripcion: String,
    /// Whether every plan must name a responsible actor for it.
    pub obligatoria: bool,
    /// National maximum response time.
    #[serde(default)]
    pub plazo_max_horas: Option<u32>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
}
item!(Etapa);

/// A national institution, with its period of existence.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institucion {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Acronym.
    pub siglas: String,
    /// Created on.
    #[serde(default)]
    pub desde: Option<NaiveDate>,
    /// Ceased on.
    #[serde(default)]
    pub hasta: Option<NaiveDate>,
    /// Institution that took over its duties.
    #[serde(default)]
    pub sucesora: Option<String>,
}
item!(Institucion);

/// Cantonal actor types every plan must name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requeridos {
    /// Actor types.
    pub tipos: Vec<String>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// Caveat.
    #[serde(default)]
    pub nota: Option<String>,
}

impl Referencia {
    /// The embedded PACTA 2019–2030 reference.
    pub fn pacta() -> &'static Referencia {
        static PACTA: std::sync::OnceLock<Referencia> = std::sync::OnceLock::new();
        PACTA.get_or_init(|| {
            Referencia::parse(PACTA_YAML).expect("the embedded national reference is valid")
        })
    }

    /// Parses a reference file.
    pub fn parse(text: &str) -> Result<Referencia, serde_yaml::Error> {
        serde_yaml::from_str(text)
    }

    /// Ids of the references embedded in the binary.
    pub fn embedded_ids() -> Vec<&'static str> {
        vec![Referencia::pacta().id.as_str()]
    }
}

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
                    Err(e) => Resolved::Invalid(format!("{}: {e}", file.display())),
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

/// The text of the reference `file` next to a plan in `plan_dir`: a regular file of at most
/// [`MAX_BYTES`](crate::plan::load::MAX_BYTES) inside the plan's folder once links are followed,
/// so that a link to another file of the computer is refused instead of quoted in a message.
fn read_beside(plan_dir: &Path, file: &Path) -> Result<String, String> {
    use crate::plan::load::{MAX_BYTES, motivo, no_regular, read_limited};
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
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "{} es demasiado grande (más de {} MB)",
            file.display(),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{} no está en UTF-8", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_reference_has_the_fixed_ids_of_the_design() {
        let r = Referencia::pacta();
        assert_eq!(
            r.ejes.ids(),
            ["prevencion", "proteccion", "investigacion", "gobernanza"]
        );
        assert_eq!(r.fines_explotacion.ids().len(), 8);
        assert_eq!(r.poblaciones.ids().len(), 8);
        assert_eq!(r.tipos_actor.ids().len(), 11);
        assert_eq!(r.etapas_ruta.ids().len(), 8);
        assert_eq!(r.enfoques.ids().len(), 7);
        let retorno = r.etapas_ruta.get("retorno_y_repatriacion").unwrap();
        assert!(!retorno.obligatoria);
        assert_eq!(retorno.plazo_max_horas, Some(24));
        let mdg = r.instituciones.get("ministerio-gobierno").unwrap();
        assert_eq!(mdg.sucesora.as_deref(), Some("ministerio-interior"));
        // Every cited source exists.
        let fuentes: Vec<&str> = r.fuentes.iter().map(|f| f.id.as_str()).collect();
        for cited in r
            .ejes
            .fuentes
            .iter()
            .chain(&r.etapas_ruta.fuentes)
            .chain(&r.fines_explotacion.fuentes)
        {
            assert!(fuentes.contains(&cited.as_str()), "{cited}");
        }
    }
}
