//! The values a catalogue field of the plan can take (`plan::campos::Catalogo`) under a national
//! reference: the ids the file holds with the Spanish names people read. The editor's pickers,
//! the workshop workbook's drop-down lists and its import, the JSON Schema for text editors and
//! `docs/formato.md` all take them from here, so a value is named the same everywhere.
//!
//! It lives above `plan` and `reference` because it joins the two: the catalogue of fields knows
//! which catalogue a field uses, the reference holds its values.

use serde::Serialize;
use serde_json::{Value, json};

use crate::espanol::fecha_larga;
use crate::plan::campos::{self, Catalogo, Tipo};
use crate::reference::nacional::{Item, Referencia};
use crate::suggest::fold;

/// One value of a catalogue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opcion {
    /// As written in the plan file.
    pub id: String,
    /// As a person reads it.
    pub nombre: String,
    /// Whether it can still be chosen for a new plan (an institution that no longer exists
    /// cannot).
    pub vigente: bool,
    /// What to know before choosing it, when something is to be known (the body that succeeded
    /// an institution, whether a route stage is mandatory).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nota: Option<String>,
}

fn simples<T: Item>(valores: &[T]) -> Vec<Opcion> {
    valores
        .iter()
        .map(|v| Opcion {
            id: v.id().to_owned(),
            nombre: v.nombre().to_owned(),
            vigente: true,
            nota: None,
        })
        .collect()
}

/// The values of `catalogo` under `r`, in the reference's order; for the institutions, current
/// bodies first, then former ones with their successor.
pub fn valores(catalogo: Catalogo, r: &Referencia) -> Vec<Opcion> {
    match catalogo {
        Catalogo::PlanNacional => vec![Opcion {
            id: r.id.clone(),
            nombre: r.nombre.clone(),
            vigente: true,
            nota: None,
        }],
        Catalogo::Ejes => simples(&r.ejes.valores),
        Catalogo::Fines => simples(&r.fines_explotacion.valores),
        Catalogo::Poblaciones => simples(&r.poblaciones.valores),
        Catalogo::PoblacionesRuta => simples(&r.poblaciones_ruta.valores),
        Catalogo::TiposActor => simples(&r.tipos_actor.valores),
        Catalogo::Etapas => r
            .etapas_ruta
            .valores
            .iter()
            .map(|e| Opcion {
                id: e.id.clone(),
                nombre: e.nombre.clone(),
                vigente: true,
                nota: e
                    .obligatoria
                    .then(|| "Etapa obligatoria de la ruta.".to_owned()),
            })
            .collect(),
        Catalogo::EtapasTrafico => r
            .trafico_migrantes
            .iter()
            .flat_map(|t| &t.etapas_ruta.valores)
            .map(|e| Opcion {
                id: e.id.clone(),
                nombre: e.nombre.clone(),
                vigente: true,
                nota: e
                    .obligatoria
                    .then(|| "Etapa obligatoria de la ruta de tráfico.".to_owned()),
            })
            .collect(),
        Catalogo::Instituciones => {
            let mut out: Vec<Opcion> = r
                .instituciones
                .valores
                .iter()
                .map(|i| {
                    let nota =
                        i.hasta
                            .zip(i.que_paso(&r.instituciones))
                            .map(|(hasta, que_paso)| {
                                let mut nota = que_paso;
                                nota[..1].make_ascii_uppercase();
                                format!("{nota}; desde el {}.", fecha_larga(hasta))
                            });
                    Opcion {
                        id: i.id.clone(),
                        nombre: i.nombre.clone(),
                        vigente: i.hasta.is_none(),
                        nota,
                    }
                })
                .collect();
            out.sort_by_key(|o| !o.vigente);
            out
        }
    }
}

/// The id of the value `escrito` names in `catalogo`: its id, or its name written any way
/// (without accents, in capitals), as a workshop writes it in a cell.
pub fn buscar(catalogo: Catalogo, r: &Referencia, escrito: &str) -> Option<String> {
    let q = fold(escrito.trim());
    valores(catalogo, r)
        .into_iter()
        .find(|o| o.id == escrito.trim() || fold(&o.id) == q || fold(&o.nombre) == q)
        .map(|o| o.id)
}

/// The name of the value `id` of `catalogo`, or the id itself when the reference lacks it.
pub fn nombre(catalogo: Catalogo, r: &Referencia, id: &str) -> String {
    valores(catalogo, r)
        .into_iter()
        .find(|o| o.id == id)
        .map_or_else(|| id.to_owned(), |o| o.nombre)
}

/// The example of a field (written as a person writes it: `4.500,00`, «Sí», the name of a
/// value) as the plan file holds it (`4500.0`, `true`, the value's id), for the commented
/// examples of the starter plan and `docs/formato.md`. `None` when the field has no example.
pub fn ejemplo_en_archivo(c: &campos::Campo, r: &Referencia) -> Option<Value> {
    use crate::plan::montos::leer_escrito;
    let e = c.ejemplo;
    if e.is_empty() {
        return None;
    }
    Some(match c.tipo {
        Tipo::Entero => json!(e.parse::<i64>().ok()?),
        Tipo::Numero | Tipo::Monto => json!(leer_escrito(e)?),
        Tipo::SiNo => json!(fold(e) == "si"),
        Tipo::Opcion { valores } => json!(valores.iter().find(|v| v.nombre == e)?.id),
        Tipo::Catalogo { catalogo } => json!(buscar(catalogo, r, e)?),
        Tipo::Catalogos { catalogo } => json!([buscar(catalogo, r, e)?]),
        Tipo::Referencias { .. } | Tipo::Lugares | Tipo::Textos => json!([e]),
        Tipo::Grupo { .. } | Tipo::Lista { .. } | Tipo::Conteos { .. } => return None,
        Tipo::Texto | Tipo::Parrafos | Tipo::Fecha | Tipo::Referencia { .. } => json!(e),
    })
}

/// Every catalogue under `r`, by its key in the editor's API (`ejes`, `tipos_actor`…).
pub fn todos(r: &Referencia) -> Value {
    let mut out = serde_json::Map::new();
    for c in Catalogo::TODOS {
        let clave = serde_json::to_value(c).expect("a catalogue has a name");
        out.insert(
            clave.as_str().unwrap_or_default().to_owned(),
            json!(valores(c, r)),
        );
    }
    Value::Object(out)
}

/// The schema for text editors: the structure, with the values of every catalogue field of
/// `referencia` as an `enum`, so that the YAML language server offers completion for axes,
/// stages, purposes, institutions and so on.
pub fn editor_schema(referencia: &Referencia) -> Value {
    let mut schema = crate::plan::schema::plan().estructura().clone();
    poner_enums(&mut schema, "", campos::PLAN, referencia);
    schema
}

fn poner_enums(schema: &mut Value, puntero: &str, lista: &'static [campos::Campo], r: &Referencia) {
    for c in lista {
        let propiedad = format!("{puntero}/properties/{}", c.clave);
        let Some(nodo) = schema.pointer_mut(&propiedad) else {
            continue;
        };
        let ids = |cat| {
            json!(
                valores(cat, r)
                    .into_iter()
                    .map(|o| o.id)
                    .collect::<Vec<_>>()
            )
        };
        match c.tipo {
            Tipo::Catalogo { catalogo } => nodo["enum"] = ids(catalogo),
            Tipo::Catalogos { catalogo } => nodo["items"]["enum"] = ids(catalogo),
            _ => {}
        }
        let definicion = nodo
            .get("$ref")
            .or_else(|| nodo.get("items").and_then(|i| i.get("$ref")))
            .or_else(|| {
                nodo.get("anyOf")?
                    .as_array()?
                    .iter()
                    .find_map(|b| b.get("$ref"))
            })
            .and_then(Value::as_str)
            .map(|d| d.replacen('#', "", 1));
        if let Some(def) = definicion {
            poner_enums(schema, &def, c.tipo.hijos(), r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_found_by_its_id_or_by_its_name_written_any_way() {
        let r = Referencia::pacta();
        let laboral = valores(Catalogo::Fines, r)
            .into_iter()
            .find(|o| o.id == "explotacion_laboral")
            .unwrap();
        assert_eq!(
            buscar(Catalogo::Fines, r, "explotacion_laboral").as_deref(),
            Some("explotacion_laboral")
        );
        assert_eq!(
            buscar(Catalogo::Fines, r, &laboral.nombre.to_uppercase()).as_deref(),
            Some("explotacion_laboral")
        );
        assert_eq!(
            buscar(Catalogo::Fines, r, &fold(&laboral.nombre)).as_deref(),
            Some("explotacion_laboral")
        );
        assert_eq!(buscar(Catalogo::Fines, r, "otra cosa"), None);
        // Every example of the catalogue has a value in the file.
        for (ruta, c) in campos::todos() {
            if !c.ejemplo.is_empty() && !matches!(c.tipo, Tipo::Grupo { .. } | Tipo::Lista { .. }) {
                assert!(ejemplo_en_archivo(c, r).is_some(), "{ruta}: {}", c.ejemplo);
            }
        }
        // Current institutions first; a former one says what succeeded it.
        let inst = valores(Catalogo::Instituciones, r);
        let primera_anterior = inst.iter().position(|o| !o.vigente).unwrap();
        assert!(
            inst[primera_anterior..]
                .iter()
                .all(|o| !o.vigente && o.nota.is_some())
        );
    }
}
