//! The workshop template (`cantonal plantilla-taller`): the workbook of [`super::generales`] and
//! [`super::hojas`], empty or filled from a plan, with the values of the drop-down lists on the
//! sheet «Listas» (the Spanish names of the catalogues and of the fixed values) and data
//! validation for them and for the ids declared on other sheets.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Formula, XlsxError, column_number_to_name,
};
use serde_json::Value;

use super::celdas::escribir;
use super::{Columna, FILAS_ENCABEZADO, HOJA_GENERALES, HOJA_LISTAS, generales, hoja_de, hojas};
use crate::catalogos::valores;
use crate::plan::campos::{Catalogo, Tipo};
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;
use crate::render::xlsx::{Libro, Valor};

/// Rows of a list sheet that carry drop-down lists.
const FILAS_CON_LISTA: u32 = 500;

/// The drop-down lists of the sheet «Listas»: each one's heading (a catalogue's name or a
/// field's label) and its values.
fn listas(r: &Referencia) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Catalogo::TODOS
        .iter()
        .map(|c| {
            let nombres = valores(*c, r).into_iter().map(|o| o.nombre).collect();
            (titulo_de(*c), nombres)
        })
        .collect();
    for c in generales()
        .iter()
        .chain(hojas().iter().flat_map(|h| h.columnas.iter()))
    {
        if let Tipo::Opcion { valores } = c.campo.tipo
            && !out.iter().any(|(t, _)| t == c.titulo())
        {
            out.push((
                c.titulo().to_owned(),
                valores.iter().map(|v| v.nombre.to_owned()).collect(),
            ));
        }
    }
    out
}

/// The heading of a catalogue on the sheet «Listas»: «Ejes del plan nacional».
fn titulo_de(c: Catalogo) -> String {
    let nombre = c.nombre();
    let mut letras = nombre.chars();
    letras
        .next()
        .map(|p| p.to_uppercase().chain(letras).collect())
        .unwrap_or_default()
}

/// The template's workbook, with the general data `generales` (plan key → value, for a template
/// started from a canton) or filled from `plan`.
pub fn plantilla(
    r: &Referencia,
    plan: Option<&Plan>,
    iniciales: &[(&str, &str)],
) -> Result<Vec<u8>, XlsxError> {
    let datos = plan
        .map(|p| serde_json::to_value(p).expect("a plan serialises"))
        .unwrap_or_else(|| {
            let mut v = serde_json::json!({});
            for (clave, valor) in iniciales {
                poner(&mut v, clave, Value::String((*valor).to_owned()));
            }
            v
        });
    let listas = listas(r);
    let fecha = plan.map_or_else(crate::fechas::hoy, crate::documento::fecha_documento);
    let mut libro = Libro::new(fecha);

    let generales = generales();
    let filas: Vec<Vec<Valor>> = generales
        .iter()
        .map(|c| {
            vec![
                c.titulo().into(),
                escribir(obtener(&datos, &c.clave), c.campo, r),
                c.ayuda().into(),
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
    for (i, c) in generales.iter().enumerate() {
        if let Some(v) = validacion(c, &listas)? {
            ws.add_data_validation(i as u32 + 1, 1, i as u32 + 1, 1, &v)?;
        }
    }

    for h in hojas() {
        let items = obtener(&datos, &h.lista)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let filas: Vec<Vec<Valor>> = items
            .iter()
            .map(|item| {
                h.columnas
                    .iter()
                    .map(|c| escribir(obtener(item, &c.clave), c.campo, r))
                    .collect()
            })
            .collect();
        let titulos: Vec<&str> = h.columnas.iter().map(Columna::titulo).collect();
        let ayuda: Vec<String> = h.columnas.iter().map(Columna::ayuda).collect();
        let ws = libro.hoja(h.nombre, &titulos, Some(&ayuda), &filas)?;
        for (i, c) in h.columnas.iter().enumerate() {
            if let Some(v) = validacion(c, &listas)? {
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

    let largo = listas.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let filas: Vec<Vec<Valor>> = (0..largo)
        .map(|i| {
            listas
                .iter()
                .map(|(_, v)| v.get(i).map(String::as_str).into())
                .collect()
        })
        .collect();
    let titulos: Vec<&str> = listas.iter().map(|(t, _)| t.as_str()).collect();
    libro.hoja(HOJA_LISTAS, &titulos, None, &filas)?;
    libro.bytes()
}

/// The drop-down list of a column, if it has one: the names of a catalogue or of the fixed
/// values (on «Listas»), the ids of another sheet, or yes and no.
fn validacion(
    c: &Columna,
    listas: &[(String, Vec<String>)],
) -> Result<Option<DataValidation>, XlsxError> {
    let de_listas = |titulo: &str| {
        let i = listas.iter().position(|(t, _)| t == titulo).unwrap_or(0);
        let n = listas.get(i).map_or(0, |(_, v)| v.len()) + 1;
        let letra = column_number_to_name(i as u16);
        DataValidation::new().allow_list_formula(Formula::new(format!(
            "='{HOJA_LISTAS}'!${letra}$2:${letra}${n}"
        )))
    };
    let v = match c.campo.tipo {
        Tipo::Catalogo { catalogo } => de_listas(&titulo_de(catalogo)),
        Tipo::Opcion { .. } => de_listas(c.titulo()),
        Tipo::SiNo => DataValidation::new().allow_list_strings(&["Sí", "No"])?,
        Tipo::Referencia { lista } => {
            let Some(hoja) = hoja_de(lista) else {
                return Ok(None);
            };
            let fin = FILAS_ENCABEZADO + FILAS_CON_LISTA + 1;
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "='{hoja}'!$A${}:$A${fin}",
                FILAS_ENCABEZADO + 1
            )))
        }
        _ => return Ok(None),
    };
    Ok(Some(
        v.set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Valor fuera de la lista")?
            .set_error_message(format!("«{}»: elija un valor de la lista.", c.titulo()))?,
    ))
}

/// The value at a dotted key (`indicador.meta`).
pub(super) fn obtener<'a>(v: &'a Value, clave: &str) -> Option<&'a Value> {
    clave.split('.').try_fold(v, |v, k| v.get(k))
}

/// Sets the value at a dotted key, creating the objects on the way.
pub(crate) fn poner(v: &mut Value, clave: &str, valor: Value) {
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
