//! A typed plan from a plan that still has problems, for the editor's draft preview: from the
//! first minute an official sees what is filled so far, laid out as it will be printed, rather
//! than nothing until the last error is gone.
//!
//! The plan's value is walked with the catalogue of fields: what the format does not know is left
//! out, what is missing or of the wrong kind takes the neutral value of its kind (an empty text,
//! zero, the period's first day, the first of the fixed values, an empty list), so that the value
//! always reads as a [`Plan`]. Nothing here is ever saved or validated: it only feeds the preview,
//! which says it is a draft.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::campos::{self, Campo, Requerido, Tipo};
use super::model::Plan;

/// The plan `valor` reads as, repaired where it must be; `None` only when even that fails.
pub fn plan_borrador(valor: &Value) -> Option<Plan> {
    let fecha = valor
        .pointer("/periodo/inicio")
        .and_then(Value::as_str)
        .filter(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
        .unwrap_or("2026-01-01")
        .to_owned();
    let mut reparado = reparar_mapa(valor, campos::PLAN, &fecha);
    reparado.insert("formato".into(), json!(1));
    serde_json::from_value(Value::Object(reparado)).ok()
}

fn reparar_mapa(valor: &Value, campos: &'static [Campo], fecha: &str) -> Map<String, Value> {
    let mut out = Map::new();
    for c in campos {
        match valor.get(c.clave).filter(|v| !v.is_null()) {
            Some(v) => {
                if let Some(r) = reparar(v, c, fecha) {
                    out.insert(c.clave.into(), r);
                } else if c.requerido == Requerido::Si {
                    out.insert(c.clave.into(), neutro(c, fecha));
                }
            }
            None if c.requerido == Requerido::Si => {
                out.insert(c.clave.into(), neutro(c, fecha));
            }
            None => {}
        }
    }
    out
}

/// The value `v` of field `c`, repaired; `None` when it is not of the field's kind at all.
fn reparar(v: &Value, c: &Campo, fecha: &str) -> Option<Value> {
    let texto = v
        .as_str()
        .map(str::to_owned)
        .or_else(|| (v.is_number() || v.is_boolean()).then(|| v.to_string()));
    let textos = |v: &Value| -> Option<Value> {
        Some(json!(
            v.as_array()?
                .iter()
                .filter_map(|x| x
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| x.is_number().then(|| x.to_string())))
                .collect::<Vec<_>>()
        ))
    };
    match c.tipo {
        Tipo::Texto | Tipo::Parrafos | Tipo::Catalogo { .. } | Tipo::Referencia { .. } => {
            texto.map(Value::String)
        }
        Tipo::Entero => v.as_i64().map(|n| json!(n)),
        Tipo::Numero | Tipo::Monto => v.as_f64().map(|n| json!(n)),
        Tipo::SiNo => v.as_bool().map(Value::Bool),
        Tipo::Fecha => v
            .as_str()
            .filter(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
            .map(|s| json!(s))
            .or_else(|| Some(json!(fecha))),
        Tipo::Opcion { valores } => Some(json!(
            v.as_str()
                .filter(|s| valores.iter().any(|x| x.id == *s))
                .unwrap_or(valores.first()?.id)
        )),
        Tipo::Catalogos { .. } | Tipo::Referencias { .. } | Tipo::Lugares | Tipo::Textos => {
            textos(v)
        }
        Tipo::Conteos { .. } => Some(Value::Object(
            v.as_object()?
                .iter()
                .filter_map(|(k, n)| Some((k.clone(), json!(n.as_i64()?))))
                .collect(),
        )),
        Tipo::Grupo { campos } => v
            .is_object()
            .then(|| Value::Object(reparar_mapa(v, campos, fecha))),
        Tipo::Lista { lista } => Some(json!(
            v.as_array()?
                .iter()
                .filter(|i| i.is_object())
                .map(|i| Value::Object(reparar_mapa(i, lista.campos, fecha)))
                .collect::<Vec<_>>()
        )),
    }
}

/// The neutral value of a field's kind.
fn neutro(c: &Campo, fecha: &str) -> Value {
    match c.tipo {
        Tipo::Texto | Tipo::Parrafos | Tipo::Catalogo { .. } | Tipo::Referencia { .. } => json!(""),
        Tipo::Entero => json!(0),
        Tipo::Numero | Tipo::Monto => json!(0.0),
        Tipo::SiNo => json!(false),
        Tipo::Fecha => json!(fecha),
        Tipo::Opcion { valores } => json!(valores.first().map_or("", |v| v.id)),
        Tipo::Catalogos { .. }
        | Tipo::Referencias { .. }
        | Tipo::Lugares
        | Tipo::Textos
        | Tipo::Lista { .. } => {
            json!([])
        }
        Tipo::Conteos { .. } => json!({}),
        Tipo::Grupo { campos } => Value::Object(reparar_mapa(&json!({}), campos, fecha)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_with_missing_and_wrong_fields_still_reads() {
        let v = json!({
            "formato": 1,
            "canton": {"nombre": "Sucúa", "codigo": 1406},
            "periodo": {"inicio": "2027-01-01", "fin": "no es fecha"},
            "estado": "otro",
            "acciones": [{"id": "A1", "indicador": {"meta": "mucho"}, "plazo": {}}, "suelto"],
            "desconocido": true
        });
        let p = plan_borrador(&v).expect("a draft plan");
        assert_eq!(p.canton.nombre, "Sucúa");
        assert_eq!(p.canton.codigo, "1406");
        assert_eq!(p.periodo.fin.to_string(), "2027-01-01");
        assert_eq!(p.acciones.len(), 1);
        assert_eq!(p.acciones[0].indicador.meta, None);
        assert!(plan_borrador(&json!("no es un plan")).is_some());
    }
}
