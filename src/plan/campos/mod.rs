//! The catalogue of the plan's fields: the one description of the format from which every front
//! door is built.
//!
//! For every field of a plan it says the key, the Spanish label and help an official reads, what
//! kind of value it holds (a text, an amount, a date, a choice among fixed values, values of a
//! national catalogue, a reference to an actor, objective or risk, a group of fields, a list of
//! items), whether it is required and when, and a plain example; for every list, what one item
//! is called and what identifies it. The editor's forms (`editor/`), the workshop workbook
//! (`taller/`), the starter plan (`nuevo.rs`) and `docs/formato.md` are built from it; the
//! serde model (`model.rs`) and its JSON Schema (`schema.rs`) are held to it by a test
//! (`tests/integracion/campos.rs`), which walks both and fails when a field is missing on either
//! side or their kinds, required flags or fixed values disagree.
//!
//! Adding a field to the plan is a line here and a field in `model.rs`. The fields of a plan's
//! monitoring file ([`SEGUIMIENTO`], in [`seguimiento`]) are described with the same types, for
//! the same front doors, and held to their model (`plan/seguimiento/`) by the same test.

mod diagnostico;
mod estrategia;
mod generales;
mod ruta;
pub mod seguimiento;

pub use seguimiento::SEGUIMIENTO;

use serde::Serialize;
use serde_json::Value;

use super::spans::Seg;

/// A field of the plan.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Campo {
    /// Its key in the file.
    pub clave: &'static str,
    /// What a form calls it.
    pub etiqueta: &'static str,
    /// What to write, for the person who fills it (no file syntax, no codes).
    pub ayuda: &'static str,
    /// What it holds.
    pub tipo: Tipo,
    /// Whether it must be filled, and when.
    pub requerido: Requerido,
    /// A plain example of a value, as a person writes it ("" when none helps).
    pub ejemplo: &'static str,
}

/// What a field holds.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "tipo", rename_all = "snake_case")]
pub enum Tipo {
    /// A text of one line.
    Texto,
    /// A text of paragraphs, lists, *italics* and **bold** (Markdown in the file).
    Parrafos,
    /// A whole number.
    Entero,
    /// A number, perhaps with decimals.
    Numero,
    /// An amount in US dollars, written as people write it (`1.500,50`).
    Monto,
    /// A date.
    Fecha,
    /// Yes or no.
    SiNo,
    /// One of the fixed values of the format.
    Opcion {
        /// The values, with the names a form shows.
        valores: &'static [Valor],
    },
    /// One value of a national catalogue.
    Catalogo {
        /// Which catalogue.
        catalogo: Catalogo,
    },
    /// Several values of a national catalogue.
    Catalogos {
        /// Which catalogue.
        catalogo: Catalogo,
    },
    /// The id of an item of one of the plan's lists.
    Referencia {
        /// The list (`actores`, `objetivos`, `riesgos`).
        lista: &'static str,
    },
    /// The ids of items of one of the plan's lists.
    Referencias {
        /// The list.
        lista: &'static str,
    },
    /// Several short free texts (places).
    Lugares,
    /// Several free texts of a sentence or two (the evidence of a monitoring report).
    Textos,
    /// A count for each value of a national catalogue.
    Conteos {
        /// Which catalogue.
        catalogo: Catalogo,
    },
    /// A group of fields.
    Grupo {
        /// Its fields.
        campos: &'static [Campo],
    },
    /// A list of items.
    Lista {
        /// What an item is.
        lista: &'static Lista,
    },
}

/// A fixed value of the format, with the name a form shows.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Valor {
    /// As written in the file.
    pub id: &'static str,
    /// As a person reads it.
    pub nombre: &'static str,
}

/// The national catalogues a field takes its values from (the values themselves are in the
/// national reference, `plans/nacional/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Catalogo {
    /// The national references a plan can align with.
    PlanNacional,
    /// The national plan's axes.
    Ejes,
    /// The purposes of exploitation (COIP art. 91).
    Fines,
    /// The populations exposed.
    Poblaciones,
    /// The populations the referral route distinguishes.
    PoblacionesRuta,
    /// The kinds of actor.
    TiposActor,
    /// The national institutions.
    Instituciones,
    /// The stages of the referral route.
    Etapas,
    /// The stages of the route for smuggled migrants.
    EtapasTrafico,
}

/// Whether a field must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requerido {
    /// Always, once the group or item that holds it exists.
    Si,
    /// Once the plan is approved (`estado: aprobado`).
    SiAprobado,
    /// Not required by the format, but the checks ask for it where the help says.
    Recomendado,
    /// Optional.
    No,
}

impl Requerido {
    /// How a form and the comments of the starter plan say it.
    pub fn texto(self) -> &'static str {
        match self {
            Requerido::Si => "Obligatorio",
            Requerido::SiAprobado => "Obligatorio cuando el plan está aprobado",
            Requerido::Recomendado => "Recomendado",
            Requerido::No => "Opcional",
        }
    }
}

/// A list of items of the plan.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Lista {
    /// One item, in words: "acción".
    pub singular: &'static str,
    /// Several: "acciones".
    pub plural: &'static str,
    /// The sheet of the workbook that holds it (the workshop's, or the monitoring template's);
    /// empty for a list no workbook holds.
    pub hoja: &'static str,
    /// What identifies an item, in diagnostics, the editor, a save and the workbook.
    pub identidad: Identidad,
    /// The start of the ids of new items (`A` → `A1`, `A2`…), when items have ids.
    pub prefijo: &'static str,
    /// The fields of an item whose values name it in a list's header, in order.
    pub resumen: &'static [&'static str],
    /// The fields of an item.
    pub campos: &'static [Campo],
}

/// What identifies an item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Identidad {
    /// Its `id`.
    Id,
    /// Its stage and its population (a route entry; without population, for all victims).
    EtapaPoblacion,
    /// Its position (items without an identity of their own).
    Posicion,
    /// Its value of this field: a cut of a monitoring file by its date (`fecha_corte`), the
    /// report of an action in a cut by its action (`accion`).
    Campo(&'static str),
}

/// The population of a route entry that names none.
pub const TODAS: &str = "todas";

impl Identidad {
    /// What identifies `item` (a route entry: `denuncia/adultos`, `denuncia/todas`), or `None`
    /// when it has nothing that identifies it.
    pub fn de(self, item: &Value) -> Option<String> {
        let texto = |k: &str| {
            item.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        };
        match self {
            Identidad::Id => texto("id").map(str::to_owned),
            Identidad::EtapaPoblacion => Some(format!(
                "{}/{}",
                texto("etapa")?,
                texto("poblacion").unwrap_or(TODAS)
            )),
            Identidad::Posicion => None,
            Identidad::Campo(campo) => texto(campo).map(str::to_owned),
        }
    }
}

/// A section of the editor (and of `docs/formato.md`): the top-level fields it shows, or the
/// part of every item of a list it shows (the budget of each action).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Seccion {
    /// Its id.
    pub id: &'static str,
    /// Its title.
    pub titulo: &'static str,
    /// What it is for, in one sentence.
    pub ayuda: &'static str,
    /// The top-level keys it shows, in order.
    pub claves: &'static [&'static str],
    /// A view over the items of a list: (list key, field of each item).
    pub vista: Option<(&'static str, &'static str)>,
}

/// The fields of a plan, in the order of the format.
pub static PLAN: &[Campo] = &[
    generales::FORMATO,
    generales::PLAN_NACIONAL,
    generales::CANTON,
    generales::PERIODO,
    generales::ESTADO,
    generales::EJEMPLO,
    generales::APROBACION,
    generales::ELABORACION,
    generales::PRESENTACION,
    generales::INTRODUCCION,
    diagnostico::DIAGNOSTICO,
    diagnostico::RIESGOS,
    estrategia::ACTORES,
    estrategia::OBJETIVO_GENERAL,
    estrategia::OBJETIVOS,
    estrategia::ACCIONES,
    ruta::RUTA_ATENCION,
    ruta::RUTA_TRAFICO,
    ruta::SEGUIMIENTO,
    estrategia::PDOT,
    generales::SIGLAS,
];

/// The editor's sections, in order.
pub static SECCIONES: &[Seccion] = &[
    Seccion {
        id: "general",
        titulo: "Datos generales",
        ayuda: "El cantón, el período del plan, quién lo elaboró y sus textos de presentación.",
        claves: &[
            "canton",
            "periodo",
            "plan_nacional",
            "ejemplo",
            "elaboracion",
            "presentacion",
            "introduccion",
            "siglas",
        ],
        vista: None,
    },
    Seccion {
        id: "diagnostico",
        titulo: "Diagnóstico",
        ayuda: "La situación de la trata en el cantón y los casos registrados.",
        claves: &["diagnostico"],
        vista: None,
    },
    Seccion {
        id: "riesgos",
        titulo: "Riesgos",
        ayuda: "Los riesgos de trata del cantón: a quién afectan, dónde y con qué fin.",
        claves: &["riesgos"],
        vista: None,
    },
    Seccion {
        id: "actores",
        titulo: "Actores",
        ayuda: "Las instituciones y organizaciones que participan en el plan, con sus datos de contacto.",
        claves: &["actores"],
        vista: None,
    },
    Seccion {
        id: "objetivos",
        titulo: "Objetivos",
        ayuda: "Qué busca el plan en cada eje del plan nacional y cómo se alinea con el PDOT.",
        claves: &["objetivo_general", "objetivos", "pdot"],
        vista: None,
    },
    Seccion {
        id: "acciones",
        titulo: "Acciones",
        ayuda: "Qué se hará, quién responde, cómo se medirá y en qué plazo.",
        claves: &["acciones"],
        vista: None,
    },
    Seccion {
        id: "ruta_atencion",
        titulo: "Ruta de atención",
        ayuda: "Quién atiende a una víctima de trata, y a una persona objeto de tráfico de migrantes, en cada etapa de su ruta, y en qué plazo.",
        claves: &["ruta_atencion", "ruta_trafico"],
        vista: None,
    },
    Seccion {
        id: "presupuesto",
        titulo: "Presupuesto",
        ayuda: "El presupuesto de cada acción, su fuente y si ya está asignado.",
        claves: &[],
        vista: Some(("acciones", "presupuesto")),
    },
    Seccion {
        id: "seguimiento",
        titulo: "Seguimiento",
        ayuda: "Quién da seguimiento al plan, cada cuánto, a quién informa y cómo rinde cuentas.",
        claves: &["seguimiento"],
        vista: None,
    },
    Seccion {
        id: "aprobacion",
        titulo: "Aprobación",
        ayuda: "El estado del documento y el acto con el que el Concejo lo aprobó.",
        claves: &["estado", "aprobacion"],
        vista: None,
    },
];

/// A file the editor edits with forms: its fields and the sections that show them. The page
/// asks for every form once (`GET /api/formato`) and uses the one of the file it opens.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Forma {
    /// Its id: `plan` or `seguimiento`.
    pub id: &'static str,
    /// How the page names the file in a sentence: «el plan».
    pub nombre: &'static str,
    /// How it names what the file prints: «el documento».
    pub documento: &'static str,
    /// Its fields.
    pub campos: &'static [Campo],
    /// Its sections, in order.
    pub secciones: &'static [Seccion],
}

/// The form of a plan.
pub static FORMA_PLAN: Forma = Forma {
    id: "plan",
    nombre: "el plan",
    documento: "el documento",
    campos: PLAN,
    secciones: SECCIONES,
};

/// The form of a plan's monitoring file.
pub static FORMA_SEGUIMIENTO: Forma = Forma {
    id: "seguimiento",
    nombre: "el seguimiento",
    documento: "el informe de avance",
    campos: SEGUIMIENTO,
    secciones: seguimiento::SECCIONES,
};

/// The field at `path` (keys and list indices, as in the file), if the format has one.
pub fn campo(path: &[Seg]) -> Option<&'static Campo> {
    campo_en(PLAN, path)
}

/// The field at `path` of the file whose fields are `raiz` ([`PLAN`], [`SEGUIMIENTO`]).
pub fn campo_en(raiz: &'static [Campo], path: &[Seg]) -> Option<&'static Campo> {
    let mut campos = raiz;
    let mut actual: Option<&'static Campo> = None;
    for seg in path {
        match seg {
            Seg::Key(k) => {
                let c = campos.iter().find(|c| c.clave == k)?;
                actual = Some(c);
                campos = c.tipo.hijos();
            }
            Seg::Index(_) => match actual?.tipo {
                Tipo::Lista { lista } => campos = lista.campos,
                Tipo::Catalogos { .. }
                | Tipo::Referencias { .. }
                | Tipo::Lugares
                | Tipo::Textos => return actual,
                _ => return None,
            },
        }
    }
    actual
}

/// The list at the top-level key or dotted path `clave` (`acciones`, `diagnostico.casos`) of a
/// plan or of a monitoring file (`cortes`, `cortes.acciones`): the lists of the two files have
/// different top-level keys, so one name never means two lists.
pub fn lista(clave: &str) -> Option<&'static Lista> {
    let path: Vec<Seg> = clave.split('.').map(Seg::from).collect();
    [PLAN, SEGUIMIENTO]
        .into_iter()
        .find_map(|raiz| match campo_en(raiz, &path)?.tipo {
            Tipo::Lista { lista } => Some(lista),
            _ => None,
        })
}

impl Tipo {
    /// The fields inside a group, or of the items of a list.
    pub fn hijos(&self) -> &'static [Campo] {
        match self {
            Tipo::Grupo { campos } => campos,
            Tipo::Lista { lista } => lista.campos,
            _ => &[],
        }
    }

    /// Whether the value is a single scalar in the file (a text, a number, a date, a choice).
    pub fn es_escalar(&self) -> bool {
        !matches!(
            self,
            Tipo::Catalogos { .. }
                | Tipo::Referencias { .. }
                | Tipo::Lugares
                | Tipo::Textos
                | Tipo::Conteos { .. }
                | Tipo::Grupo { .. }
                | Tipo::Lista { .. }
        )
    }

    /// What a person writes, in a few words (for `docs/formato.md` and the workbook).
    pub fn en_palabras(&self) -> String {
        match self {
            Tipo::Texto => "texto".into(),
            Tipo::Parrafos => "texto de párrafos".into(),
            Tipo::Entero => "número entero".into(),
            Tipo::Numero => "número".into(),
            Tipo::Monto => "monto en dólares".into(),
            Tipo::Fecha => "fecha".into(),
            Tipo::SiNo => "sí o no".into(),
            Tipo::Opcion { valores } => format!(
                "uno de: {}",
                valores
                    .iter()
                    .map(|v| v.nombre.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Tipo::Catalogo { catalogo } => format!("uno de los {}", catalogo.nombre()),
            Tipo::Catalogos { catalogo } => format!("varios de los {}", catalogo.nombre()),
            Tipo::Referencia { lista } => {
                let (uno, los) = genero(plural_de(lista));
                format!("{uno} de {los} {}", plural_de(lista))
            }
            Tipo::Referencias { lista } => {
                let (_, los) = genero(plural_de(lista));
                let varios = if los == "las" { "varias" } else { "varios" };
                format!("{varios} de {los} {}", plural_de(lista))
            }
            Tipo::Lugares => "lista de lugares".into(),
            Tipo::Textos => "lista de textos".into(),
            Tipo::Conteos { catalogo } => {
                format!("casos por cada uno de los {}", catalogo.nombre())
            }
            Tipo::Grupo { .. } => "grupo de campos".into(),
            Tipo::Lista { lista } => format!("lista de {}", lista.plural),
        }
    }
}

/// «una de las acciones», «uno de los actores»: the article of the items of a list, from its
/// plural (the lists of the catalogue are objectives, actors, risks and actions).
fn genero(plural: &str) -> (&'static str, &'static str) {
    if plural.ends_with("ones") || plural.ends_with("as") {
        ("una", "las")
    } else {
        ("uno", "los")
    }
}

fn plural_de(lista: &str) -> &'static str {
    self::lista(lista).map_or("elementos", |l| l.plural)
}

impl Catalogo {
    /// The catalogue's name in a sentence ("uno de los ejes del plan nacional").
    pub fn nombre(self) -> &'static str {
        match self {
            Catalogo::PlanNacional => "planes nacionales",
            Catalogo::Ejes => "ejes del plan nacional",
            Catalogo::Fines => "fines de explotación",
            Catalogo::Poblaciones => "grupos de población",
            Catalogo::PoblacionesRuta => "grupos de víctimas de la ruta",
            Catalogo::TiposActor => "tipos de actor",
            Catalogo::Instituciones => "instituciones nacionales",
            Catalogo::Etapas => "etapas de la ruta",
            Catalogo::EtapasTrafico => "etapas de la ruta de tráfico de migrantes",
        }
    }

    /// Every catalogue, in the order the workbook's sheet of lists shows them.
    pub const TODOS: [Catalogo; 9] = [
        Catalogo::PlanNacional,
        Catalogo::Ejes,
        Catalogo::Fines,
        Catalogo::Poblaciones,
        Catalogo::TiposActor,
        Catalogo::Instituciones,
        Catalogo::Etapas,
        Catalogo::PoblacionesRuta,
        Catalogo::EtapasTrafico,
    ];
}

/// Every field with its path from the plan (keys; `[]` after a list's key for its items), in
/// the order of the format: what tests, the workbook and the docs walk.
pub fn todos() -> Vec<(String, &'static Campo)> {
    todos_en(PLAN)
}

/// Every field of the file whose fields are `raiz` ([`PLAN`], [`SEGUIMIENTO`]), as [`todos`].
pub fn todos_en(raiz: &'static [Campo]) -> Vec<(String, &'static Campo)> {
    fn recorrer(campos: &'static [Campo], base: &str, out: &mut Vec<(String, &'static Campo)>) {
        for c in campos {
            let ruta = if base.is_empty() {
                c.clave.to_owned()
            } else {
                format!("{base}.{}", c.clave)
            };
            out.push((ruta.clone(), c));
            match c.tipo {
                Tipo::Grupo { campos } => recorrer(campos, &ruta, out),
                Tipo::Lista { lista } => recorrer(lista.campos, &format!("{ruta}[]"), out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    recorrer(raiz, "", &mut out);
    out
}

/// Shorthand for the field definitions: `campo(clave, etiqueta, tipo, requerido, ayuda, ejemplo)`.
const fn c(
    clave: &'static str,
    etiqueta: &'static str,
    tipo: Tipo,
    requerido: Requerido,
    ayuda: &'static str,
    ejemplo: &'static str,
) -> Campo {
    Campo {
        clave,
        etiqueta,
        ayuda,
        tipo,
        requerido,
        ejemplo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path;

    #[test]
    fn fields_are_found_by_their_path_in_the_file() {
        let (meta, fin, falta) = (
            path!["acciones", 3, "indicador", "meta"],
            path!["riesgos", 0, "fines", 1],
            path!["acciones", 0, "no_existe"],
        );
        assert_eq!(campo(&meta).unwrap().etiqueta, "Meta");
        assert_eq!(campo(&fin).unwrap().clave, "fines");
        assert!(campo(&falta).is_none());
        assert_eq!(lista("diagnostico.casos").unwrap().singular, "año");
        assert_eq!(
            lista("ruta_atencion").unwrap().identidad,
            Identidad::EtapaPoblacion
        );
    }

    #[test]
    fn a_route_entry_is_its_stage_and_its_population() {
        let e = serde_json::json!({"etapa": "denuncia", "poblacion": "adultos"});
        assert_eq!(
            Identidad::EtapaPoblacion.de(&e).as_deref(),
            Some("denuncia/adultos")
        );
        let e = serde_json::json!({"etapa": "denuncia"});
        assert_eq!(
            Identidad::EtapaPoblacion.de(&e).as_deref(),
            Some("denuncia/todas")
        );
        assert_eq!(Identidad::Id.de(&serde_json::json!({"id": ""})), None);
    }
}
