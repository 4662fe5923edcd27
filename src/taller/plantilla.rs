//! The workshop template (`cantonal plantilla-taller`): the workbook of [`super::HOJAS`], empty or
//! filled from a plan, with the catalogues on the sheet "Listas" and drop-down lists (data
//! validation) for catalogue values and for the ids declared on other sheets.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Formula, XlsxError, column_number_to_name,
};
use serde_json::Value;

use super::{
    Columna, FILAS_ENCABEZADO, GENERALES, HOJA_GENERALES, HOJA_LISTAS, HOJAS, Opciones, Tipo,
    catalogos,
};
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;
use crate::render::xlsx::{Libro, Valor};

/// Rows of a list sheet that carry drop-down lists.
const FILAS_CON_LISTA: u32 = 500;

/// The template's workbook, with the general data `generales` (plan key → value, for a template
/// started from a canton) or filled from `plan`.
pub fn plantilla(
    r: &Referencia,
    plan: Option<&Plan>,
    generales: &[(&str, &str)],
) -> Result<Vec<u8>, XlsxError> {
    let datos = plan
        .map(|p| serde_json::to_value(p).expect("a plan serialises"))
        .unwrap_or_else(|| {
            let mut v = serde_json::json!({});
            for (clave, valor) in generales {
                poner(&mut v, clave, Value::String((*valor).to_owned()));
            }
            v
        });
    let catalogos = catalogos(r);
    let fecha = plan.map_or_else(crate::fechas::hoy, crate::documento::fecha_documento);
    let mut libro = Libro::new(fecha);

    let filas: Vec<Vec<Valor>> = GENERALES
        .iter()
        .map(|c| {
            vec![
                c.titulo.into(),
                valor(obtener(&datos, c.clave), c.tipo),
                c.ayuda.into(),
            ]
        })
        .collect();
    let ws = libro.hoja(
        HOJA_GENERALES,
        &["Campo", "Valor", "Explicación"],
        None,
        &filas,
    )?;
    ws.set_column_width(1, 60)?;
    for (i, c) in GENERALES.iter().enumerate() {
        if let Some(v) = validacion(c, &catalogos)? {
            ws.add_data_validation(i as u32 + 1, 1, i as u32 + 1, 1, &v)?;
        }
    }

    for h in HOJAS {
        let items = obtener(&datos, h.lista)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let filas: Vec<Vec<Valor>> = items
            .iter()
            .map(|item| {
                h.columnas
                    .iter()
                    .map(|c| valor(obtener(item, c.clave), c.tipo))
                    .collect()
            })
            .collect();
        let titulos: Vec<&str> = h.columnas.iter().map(|c| c.titulo).collect();
        let ayuda: Vec<String> = h.columnas.iter().map(|c| c.ayuda.to_owned()).collect();
        let ws = libro.hoja(h.nombre, &titulos, Some(&ayuda), &filas)?;
        for (i, c) in h.columnas.iter().enumerate() {
            if let Some(v) = validacion(c, &catalogos)? {
                let col = i as u16;
                ws.add_data_validation(
                    FILAS_ENCABEZADO,
                    col,
                    FILAS_ENCABEZADO + FILAS_CON_LISTA,
                    col,
                    &v,
                )?;
            }
        }
    }

    let largo = catalogos.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let filas: Vec<Vec<Valor>> = (0..largo)
        .map(|i| {
            catalogos
                .iter()
                .map(|(_, v)| v.get(i).map(String::as_str).into())
                .collect()
        })
        .collect();
    let titulos: Vec<&str> = catalogos.iter().map(|(t, _)| *t).collect();
    libro.hoja(HOJA_LISTAS, &titulos, None, &filas)?;
    libro.bytes()
}

/// The drop-down list of a column, if it has one.
fn validacion(
    c: &Columna,
    catalogos: &[(&str, Vec<String>)],
) -> Result<Option<DataValidation>, XlsxError> {
    let v = match c.opciones {
        Opciones::Ninguna => return Ok(None),
        Opciones::Fijas(valores) => DataValidation::new().allow_list_strings(valores)?,
        Opciones::Ids(hoja) => {
            let fin = FILAS_ENCABEZADO + FILAS_CON_LISTA + 1;
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "='{hoja}'!$A${}:$A${fin}",
                FILAS_ENCABEZADO + 1
            )))
        }
        Opciones::Catalogo(titulo) => {
            let i = catalogos
                .iter()
                .position(|(t, _)| *t == titulo)
                .unwrap_or(0);
            let n = catalogos.get(i).map_or(0, |(_, v)| v.len()) + 1;
            let letra = column_number_to_name(i as u16);
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "='{HOJA_LISTAS}'!${letra}$2:${letra}${n}"
            )))
        }
    };
    Ok(Some(
        v.set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Valor fuera de la lista")?
            .set_error_message(format!(
                "«{}»: elija un valor de la lista. {}",
                c.titulo, c.ayuda
            ))?,
    ))
}

/// The value at a dotted key (`indicador.meta`).
pub(super) fn obtener<'a>(v: &'a Value, clave: &str) -> Option<&'a Value> {
    clave.split('.').try_fold(v, |v, k| v.get(k))
}

/// Sets the value at a dotted key, creating the objects on the way.
pub(super) fn poner(v: &mut Value, clave: &str, valor: Value) {
    let mut node = v;
    let partes: Vec<&str> = clave.split('.').collect();
    for (i, k) in partes.iter().enumerate() {
        if !node.is_object() {
            *node = Value::Object(serde_json::Map::new());
        }
        let map = node.as_object_mut().expect("an object");
        if i + 1 == partes.len() {
            map.insert((*k).to_owned(), valor);
            return;
        }
        node = map
            .entry((*k).to_owned())
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
    }
}

/// A plan value as a cell.
fn valor(v: Option<&Value>, tipo: Tipo) -> Valor {
    match (v, tipo) {
        (None | Some(Value::Null), _) => Valor::Vacio,
        (Some(Value::String(s)), Tipo::Fecha) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_or_else(|_| Valor::Texto(s.clone()), Valor::Fecha),
        (Some(Value::Bool(b)), _) => Valor::Texto(if *b { "sí" } else { "no" }.to_owned()),
        (Some(Value::Object(m)), Tipo::Conteos) if m.is_empty() => Valor::Vacio,
        (Some(Value::Object(m)), Tipo::Conteos) => Valor::Texto(
            m.iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (Some(Value::Number(n)), _) => n.as_f64().map_or(Valor::Vacio, Valor::Numero),
        (Some(Value::Array(items)), t) => Valor::Texto(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(if t == Tipo::Lugares { "; " } else { ", " }),
        ),
        (Some(Value::String(s)), _) => Valor::Texto(s.clone()),
        (Some(other), _) => Valor::Texto(other.to_string()),
    }
}
