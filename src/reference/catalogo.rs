//! The building blocks of the national reference, shared by its parts: a catalogue of values
//! with its provenance, the items it holds, and a stage of a referral route (the trafficking
//! route and the route for smuggled migrants are both made of them). A module of its own so
//! that the reference (`nacional`) and its framing parts (`marco`) both build on it without
//! importing each other.

use serde::{Deserialize, Serialize};

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

impl<T> Default for Catalogo<T> {
    fn default() -> Self {
        Catalogo {
            fuentes: Vec::new(),
            origen: None,
            nota: None,
            valores: Vec::new(),
        }
    }
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

/// Implements [`Item`] for a type with `id` and `nombre` fields.
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
pub(crate) use item;

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
    /// Ceiling of a plan's `plazo_horas` for this stage: the time within which the responsible
    /// actor must respond once the stage is reached.
    #[serde(default)]
    pub plazo_max_horas: Option<u32>,
    /// Deadline to act on a case of some population, counted from when the case becomes known;
    /// an activation deadline, not the time to complete the stage.
    #[serde(default)]
    pub plazo_activacion: Option<PlazoActivacion>,
    /// Kinds of actor that may be responsible for the stage; any, when absent.
    #[serde(default)]
    pub lideran: Option<Lideran>,
    /// Stages that this one must never wait for (assistance is not conditional on them).
    #[serde(default)]
    pub no_depende_de: Vec<String>,
    /// Whether the plan must say how the risk is assessed before this stage takes place.
    #[serde(default)]
    pub evaluacion_riesgo_previa: bool,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
}
item!(Etapa);

/// Deadline to act on a case, counted from when it becomes known.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlazoActivacion {
    /// Hours.
    pub horas: u32,
    /// Route population it applies to (id of `poblaciones_ruta`); every one, when absent.
    #[serde(default)]
    pub poblacion: Option<String>,
    /// When the clock starts, as a Spanish phrase ("desde que se conoce el caso…").
    pub desde: String,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
}

/// Who may be responsible for a stage: an actor whose `tipo` is one of `tipos_actor`, or whose
/// `institucion` is one of `instituciones` (or is attached to one of them).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lideran {
    /// Actor types.
    #[serde(default)]
    pub tipos_actor: Vec<String>,
    /// National institutions.
    #[serde(default)]
    pub instituciones: Vec<String>,
}
