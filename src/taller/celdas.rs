//! A plan value as a cell of the workshop workbook and back, by the kind of its field: values of
//! catalogues and fixed values by their Spanish names (the ids are accepted too, as earlier
//! templates wrote them), several values separated by semicolons, amounts and numbers as people
//! write them (`1.500,00`), yes or no as «Sí» and «No», dates as dates.

use calamine::Data;
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::catalogos::{buscar, nombre};
use crate::plan::campos::{Campo, Tipo};
use crate::plan::montos::leer_escrito;
use crate::reference::nacional::Referencia;
use crate::render::xlsx::Valor;
use crate::suggest::fold;

/// A plan value as the cell of a column of field `c`.
pub fn escribir(v: Option<&Value>, c: &Campo, r: &Referencia) -> Valor {
    let texto = |v: &Value| {
        v.as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| v.to_string())
    };
    let textos = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|l| l.iter().map(texto).collect())
            .unwrap_or_default()
    };
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Valor::Vacio;
    };
    match c.tipo {
        Tipo::Fecha => v
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .map_or_else(|| Valor::Texto(texto(v)), Valor::Fecha),
        Tipo::Monto => v
            .as_f64()
            .map_or_else(|| Valor::Texto(texto(v)), Valor::Usd),
        Tipo::Entero | Tipo::Numero => v
            .as_f64()
            .map_or_else(|| Valor::Texto(texto(v)), Valor::Numero),
        Tipo::SiNo => Valor::Texto(match v.as_bool() {
            Some(true) => "Sí".into(),
            Some(false) => "No".into(),
            None => texto(v),
        }),
        Tipo::Opcion { valores } => {
            let id = texto(v);
            Valor::Texto(
                valores
                    .iter()
                    .find(|x| x.id == id)
                    .map_or(id, |x| x.nombre.to_owned()),
            )
        }
        Tipo::Catalogo { catalogo } => Valor::Texto(nombre(catalogo, r, &texto(v))),
        Tipo::Catalogos { catalogo } => Valor::Texto(
            textos(v)
                .iter()
                .map(|id| nombre(catalogo, r, id))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Tipo::Referencias { .. } | Tipo::Lugares | Tipo::Textos => {
            Valor::Texto(textos(v).join("; "))
        }
        Tipo::Conteos { catalogo } => {
            let pares: Vec<String> = v
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, n)| format!("{}: {n}", nombre(catalogo, r, k)))
                        .collect()
                })
                .unwrap_or_default();
            if pares.is_empty() {
                Valor::Vacio
            } else {
                Valor::Texto(pares.join("; "))
            }
        }
        Tipo::Texto
        | Tipo::Parrafos
        | Tipo::Referencia { .. }
        | Tipo::Grupo { .. }
        | Tipo::Lista { .. } => Valor::Texto(texto(v)),
    }
}

/// The text of a cell, `None` when it is empty.
fn texto(celda: &Data) -> Option<String> {
    match celda {
        Data::Empty => None,
        Data::String(s) if s.trim().is_empty() => None,
        Data::String(s) => Some(s.clone()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(format!("{}", *f as i64)),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| d.date().to_string())
            .or_else(|| Some(d.as_f64().to_string())),
        other => Some(other.to_string()),
    }
}

/// Several values of one cell: separated by semicolons (names may hold commas), or by commas
/// when the cell has no semicolon (as earlier templates wrote ids).
fn varios(t: &str) -> Vec<&str> {
    let sep: &[char] = if t.contains(';') { &[';'] } else { &[',', ';'] };
    t.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A cell of a column of field `c` as a plan value: `Ok(None)` when empty, `Err(what was
/// expected)` when it cannot be read. A name that no catalogue value has is kept as written:
/// the plan's checks then say so at the cell, with the closest value.
pub fn leer(celda: &Data, c: &Campo, r: &Referencia) -> Result<Option<Value>, &'static str> {
    let Some(t) = texto(celda) else {
        return Ok(None);
    };
    let numero = || match celda {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => leer_escrito(&t),
    };
    Ok(Some(match c.tipo {
        Tipo::Texto | Tipo::Parrafos | Tipo::Referencia { .. } => Value::String(t),
        Tipo::Referencias { .. } | Tipo::Lugares | Tipo::Textos => json!(varios(&t)),
        Tipo::Catalogo { catalogo } => json!(buscar(catalogo, r, &t).unwrap_or(t)),
        Tipo::Catalogos { catalogo } => json!(
            varios(&t)
                .into_iter()
                .map(|x| buscar(catalogo, r, x).unwrap_or_else(|| x.to_owned()))
                .collect::<Vec<_>>()
        ),
        Tipo::Opcion { valores } => {
            let q = fold(t.trim());
            json!(
                valores
                    .iter()
                    .find(|v| fold(v.id) == q || fold(v.nombre) == q)
                    .map_or(t.trim(), |v| v.id)
            )
        }
        Tipo::Fecha => {
            let fecha = match celda {
                Data::DateTime(d) => d.as_datetime().map(|d| d.date()),
                Data::DateTimeIso(s) => {
                    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
                }
                // A date a program wrote as its serial number, without the cell's date format.
                Data::Float(f) if f.fract() == 0.0 && (1.0..=2_958_465.0).contains(f) => {
                    NaiveDate::from_ymd_opt(1899, 12, 30)
                        .and_then(|d| d.checked_add_days(chrono::Days::new(*f as u64)))
                }
                _ => ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
                    .iter()
                    .find_map(|f| NaiveDate::parse_from_str(t.trim(), f).ok()),
            };
            json!(fecha.ok_or("una fecha (AAAA-MM-DD)")?.to_string())
        }
        Tipo::Monto => json!(numero().ok_or("un monto en dólares, como 1.500,00")?),
        Tipo::Numero => json!(numero().ok_or("un número")?),
        Tipo::Entero => {
            let n = numero().filter(|n| n.fract() == 0.0 && n.abs() < 1e15);
            json!(n.ok_or("un número entero")? as i64)
        }
        Tipo::SiNo => match fold(t.trim()).as_str() {
            "si" | "true" | "verdadero" => Value::Bool(true),
            "no" | "false" | "falso" => Value::Bool(false),
            _ => return Err("sí o no"),
        },
        Tipo::Conteos { catalogo } => {
            let mut m = Map::new();
            for par in t.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let (k, v) = par
                    .rsplit_once(':')
                    .ok_or("pares «fin: número» separados por punto y coma")?;
                let n: i64 = v
                    .trim()
                    .parse()
                    .map_err(|_| "pares «fin: número» separados por punto y coma")?;
                let id = buscar(catalogo, r, k.trim()).unwrap_or_else(|| k.trim().to_owned());
                m.insert(id, json!(n));
            }
            Value::Object(m)
        }
        Tipo::Grupo { .. } | Tipo::Lista { .. } => return Ok(None),
    }))
}
