//! The national reference (`docs/referencia-nacional.md`): `plans/nacional/<id>.yaml`.
//!
//! Every national fact a rule uses comes from here. The file embedded in the binary is the
//! PACTA 2019–2030 reference; a plan can name another one that sits in a `nacional/` folder next
//! to it, and that file on disk also overrides the embedded one of the same id.

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
    /// Populations the referral route distinguishes (`poblacion` of a route entry). Absent in
    /// references written before the route distinguished them: then nothing is checked by
    /// population.
    #[serde(default)]
    pub poblaciones_ruta: Catalogo<PoblacionRuta>,
    /// Bodies that may be responsible only for route entries of some populations.
    #[serde(default)]
    pub limites_poblacion: Catalogo<LimitePoblacion>,
    /// Glossary of the printed document.
    #[serde(default)]
    pub glosario: Vec<TerminoGlosario>,
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

/// A population the referral route distinguishes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoblacionRuta {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Who belongs to it.
    #[serde(default)]
    pub descripcion: Option<String>,
    /// Whether every mandatory stage must say who answers for it.
    #[serde(default)]
    pub requerida: bool,
    /// Populations this one stands for (`todas`).
    #[serde(default)]
    pub incluye: Vec<String>,
}
item!(PoblacionRuta);

impl Catalogo<PoblacionRuta> {
    /// Whether an entry for population `entrada` serves population `poblacion`.
    pub fn cubre(&self, entrada: &str, poblacion: &str) -> bool {
        entrada == poblacion
            || self
                .get(entrada)
                .is_some_and(|p| p.incluye.iter().any(|i| i == poblacion))
    }
}

/// A body whose competence is limited to some populations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitePoblacion {
    /// Actor type it applies to.
    #[serde(default)]
    pub tipo_actor: Option<String>,
    /// National institution it applies to.
    #[serde(default)]
    pub institucion: Option<String>,
    /// Route populations it may be responsible for.
    pub poblaciones: Vec<String>,
    /// Why, in Spanish, with its legal basis.
    pub motivo: String,
}

/// A term of the glossary.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminoGlosario {
    /// The term.
    pub termino: String,
    /// Its definition.
    pub definicion: String,
    /// Id of the source in `fuentes`; the toolkit's own definition when absent.
    #[serde(default)]
    pub fuente: Option<String>,
    /// Article or section of the source.
    #[serde(default)]
    pub articulo: Option<String>,
    /// Whether `definicion` quotes the source word for word; otherwise it is a paraphrase, whose
    /// literal fragments go between « ».
    #[serde(default)]
    pub cita_textual: bool,
}

/// A national institution, with its period of existence.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institucion {
    /// Id.
    pub id: String,
    /// Name.
    pub nombre: String,
    /// Acronym; empty when none is verified.
    #[serde(default)]
    pub siglas: String,
    /// No source fixes the expanded name: print the acronym alone.
    #[serde(default)]
    pub solo_siglas: bool,
    /// Created on.
    #[serde(default)]
    pub desde: Option<NaiveDate>,
    /// Ceased on.
    #[serde(default)]
    pub hasta: Option<NaiveDate>,
    /// Institution that took over its duties.
    #[serde(default)]
    pub sucesora: Option<String>,
    /// Ministry it is attached to (adscrita).
    #[serde(default)]
    pub adscrita_a: Option<String>,
    /// Sources.
    #[serde(default)]
    pub fuentes: Vec<String>,
    /// What changed, in Spanish.
    #[serde(default)]
    pub nota: Option<String>,
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
        assert_eq!(
            r.poblaciones_ruta.ids(),
            [
                "todas",
                "ninez_adolescencia",
                "adultos",
                "extranjeros",
                "en_el_exterior"
            ]
        );
    }

    #[test]
    fn the_24_hours_are_an_activation_deadline_for_victims_abroad() {
        let r = Referencia::pacta();
        let retorno = r.etapas_ruta.get("retorno_y_repatriacion").unwrap();
        assert!(!retorno.obligatoria);
        assert_eq!(retorno.plazo_max_horas, None);
        let activacion = retorno.plazo_activacion.as_ref().unwrap();
        assert_eq!(activacion.horas, 24);
        assert_eq!(activacion.poblacion.as_deref(), Some("en_el_exterior"));
        assert_eq!(activacion.fuentes, ["protocolo-interinstitucional"]);
        // Every mandatory stage has a response ceiling.
        for e in r.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
            assert!(e.plazo_max_horas.is_some(), "{}", e.id);
        }
    }

    #[test]
    fn institutions_of_2026() {
        let r = Referencia::pacta();
        let inst = |id: &str| r.instituciones.get(id).unwrap();
        // The Ministerio de Gobierno did not end in 2022.
        assert_eq!(inst("ministerio-gobierno").hasta, None);
        assert_eq!(
            inst("ministerio-interior").desde,
            NaiveDate::from_ymd_opt(2022, 3, 30)
        );
        let agosto_2025 = NaiveDate::from_ymd_opt(2025, 8, 15);
        for (old, new) in [
            ("ministerio-mujer-derechos-humanos", "ministerio-gobierno"),
            ("mies", "ministerio-desarrollo-humano"),
            ("mineduc", "ministerio-educacion-deporte-cultura"),
        ] {
            assert_eq!(inst(old).hasta, agosto_2025, "{old}");
            assert_eq!(inst(old).sucesora.as_deref(), Some(new), "{old}");
        }
        assert_eq!(
            inst("ecu-911").adscrita_a.as_deref(),
            Some("ministerio-interior")
        );
        assert_eq!(
            inst("secretaria-derechos-humanos").desde,
            NaiveDate::from_ymd_opt(2018, 11, 14)
        );
        assert!(inst("dinaf").solo_siglas && inst("dinaf").desde.is_none());
    }

    #[test]
    fn every_id_the_reference_cites_exists() {
        let r = Referencia::pacta();
        let fuentes: Vec<&str> = r.fuentes.iter().map(|f| f.id.as_str()).collect();
        let mut citadas: Vec<&String> = Vec::new();
        citadas.extend(&r.ejes.fuentes);
        citadas.extend(&r.enfoques.fuentes);
        citadas.extend(&r.fines_explotacion.fuentes);
        citadas.extend(&r.actores_cantonales_requeridos.fuentes);
        citadas.extend(&r.etapas_ruta.fuentes);
        citadas.extend(&r.instituciones.fuentes);
        citadas.extend(&r.poblaciones_ruta.fuentes);
        citadas.extend(&r.limites_poblacion.fuentes);
        for e in &r.ejes.valores {
            citadas.extend(&e.fuentes);
        }
        for e in &r.etapas_ruta.valores {
            citadas.extend(&e.fuentes);
            citadas.extend(e.plazo_activacion.iter().flat_map(|p| &p.fuentes));
        }
        for i in &r.instituciones.valores {
            citadas.extend(&i.fuentes);
        }
        citadas.extend(r.glosario.iter().filter_map(|t| t.fuente.as_ref()));
        for cited in citadas {
            assert!(fuentes.contains(&cited.as_str()), "fuente {cited}");
        }

        let etapas = r.etapas_ruta.ids();
        let poblaciones = r.poblaciones_ruta.ids();
        let tipos = r.tipos_actor.ids();
        let instituciones = r.instituciones.ids();
        for e in &r.etapas_ruta.valores {
            for d in &e.no_depende_de {
                assert!(etapas.contains(&d.as_str()), "{}: {d}", e.id);
            }
            if let Some(p) = e
                .plazo_activacion
                .as_ref()
                .and_then(|p| p.poblacion.as_ref())
            {
                assert!(poblaciones.contains(&p.as_str()), "{}: {p}", e.id);
            }
            let lideran = e.lideran.clone().unwrap_or_default();
            for t in &lideran.tipos_actor {
                assert!(tipos.contains(&t.as_str()), "{}: {t}", e.id);
            }
            for i in &lideran.instituciones {
                assert!(instituciones.contains(&i.as_str()), "{}: {i}", e.id);
            }
        }
        for p in &r.poblaciones_ruta.valores {
            for i in &p.incluye {
                assert!(poblaciones.contains(&i.as_str()), "{}: {i}", p.id);
            }
        }
        for l in &r.limites_poblacion.valores {
            assert!(l.tipo_actor.iter().all(|t| tipos.contains(&t.as_str())));
            assert!(
                l.institucion
                    .iter()
                    .all(|i| instituciones.contains(&i.as_str()))
            );
            assert!(
                l.poblaciones
                    .iter()
                    .all(|p| poblaciones.contains(&p.as_str()))
            );
        }
        for i in &r.instituciones.valores {
            for other in i.sucesora.iter().chain(&i.adscrita_a) {
                assert!(instituciones.contains(&other.as_str()), "{}: {other}", i.id);
            }
        }
    }

    #[test]
    fn the_glossary_quotes_the_coip_or_says_it_paraphrases() {
        let r = Referencia::pacta();
        let trata = r
            .glosario
            .iter()
            .find(|t| t.termino == "Trata de personas")
            .unwrap();
        assert!(trata.cita_textual);
        assert_eq!(
            (trata.fuente.as_deref(), trata.articulo.as_deref()),
            (Some("coip"), Some("art. 91"))
        );
        assert!(
            trata
                .definicion
                .starts_with("la captación, transportación, traslado")
        );
        // Each purpose of exploitation is in the glossary with the description of its catalogue,
        // as a paraphrase of art. 91.
        for fin in &r.fines_explotacion.valores {
            let t = r
                .glosario
                .iter()
                .find(|t| t.termino == fin.nombre)
                .unwrap_or_else(|| panic!("{} is not in the glossary", fin.nombre));
            assert_eq!(Some(&t.definicion), fin.descripcion.as_ref(), "{}", fin.id);
            assert_eq!(t.fuente.as_deref(), Some("coip"));
            assert!(!t.cita_textual);
        }
        let servil = r.fines_explotacion.get("matrimonio_servil").unwrap();
        assert!(servil.descripcion.as_ref().unwrap().contains(
            "«la unión de hecho precoz, arreglada, como indemnización o transacción, temporal o para fines de procreación»"
        ));
    }

    #[test]
    fn a_reference_written_before_the_route_distinguished_populations_still_reads() {
        let mut yaml: serde_yaml::Value = serde_yaml::from_str(PACTA_YAML).unwrap();
        let map = yaml.as_mapping_mut().unwrap();
        for key in ["poblaciones_ruta", "limites_poblacion", "glosario"] {
            map.remove(key);
        }
        let text = serde_yaml::to_string(&yaml).unwrap();
        let r = Referencia::parse(&text).unwrap();
        assert!(r.poblaciones_ruta.valores.is_empty() && r.glosario.is_empty());
    }

    #[test]
    fn todas_covers_every_population() {
        let p = &Referencia::pacta().poblaciones_ruta;
        assert!(p.cubre("todas", "extranjeros"));
        assert!(p.cubre("adultos", "adultos"));
        assert!(!p.cubre("adultos", "extranjeros"));
    }
}
