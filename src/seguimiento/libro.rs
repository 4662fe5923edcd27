//! The monitoring workbook: the responsible institutions report a cut in a spreadsheet, and
//! the filled workbook becomes a new cut of the plan's monitoring file.
//!
//! [`plantilla`] writes it (`cantonal plantilla-seguimiento PLAN --corte FECHA`): the sheet
//! «Datos del corte» (the plan's file, the date, who reports, the route's counts: a row each)
//! and the sheet «Acciones», one row per action of the plan with what to report in words (the
//! indicator, its target, the budget and the term, from the plan) and the columns to fill
//! (the state with a drop-down list, the value, the amount executed, the evidence, the
//! difficulties), each with its help from the catalogue of fields
//! ([`crate::plan::campos::SEGUIMIENTO`]). It is filled with the cut of that date when the
//! monitoring file has one, and otherwise with the previous cut's accumulated figures.
//! [`importar`] reads a filled one back with the workshop's cells ([`crate::taller::celdas`]):
//! a cell that cannot be read, a missing sheet or column is a diagnostic by sheet, row and
//! column (T002, T003), and the cut is added to the file ([`super::corte`]) and checked by the
//! M rules, whose diagnostics point back to the cell that holds the value.

use std::path::{Path, PathBuf};

use calamine::Data;
use chrono::NaiveDate;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, XlsxError};
use serde_json::{Value, json};

use super::corte::{Contenido, ErrorCorte, agregar, previo};
use crate::diagnostics::{Celda, Diagnostic, Severidad};
use crate::espanol::{fecha_larga, numero, usd};
use crate::plan::campos::{self, Campo, Tipo};
use crate::plan::model::Plan;
use crate::plan::seguimiento::{ConteosRuta, Registro, Reporte};
use crate::plan::spans::Seg;
use crate::reference::nacional::Referencia;
use crate::render::xlsx::{Libro as Escrito, Valor};
use crate::rules::Opciones;
use crate::taller::celdas::{escribir, leer};
use crate::taller::importar::{FALTA, diagnostico, en_celda, falta_hoja};
use crate::taller::libro::{Hoja, Libro};
use crate::taller::{Columna, FILAS_ENCABEZADO};

/// The sheet of the cut's own data.
pub const HOJA_CORTE: &str = "Datos del corte";
/// The sheet of the actions.
pub const HOJA_ACCIONES: &str = "Acciones";
/// The row of «Datos del corte» that names the plan's file.
const PLAN: &str = "Archivo del plan";
/// The columns of «Acciones» that come from the plan, and are not read back.
const DEL_PLAN: [&str; 3] = ["Qué se hará", "Responsable", "Qué informar"];
/// Rows of «Acciones» that carry the drop-down list of states.
const FILAS_CON_LISTA: u32 = 500;

/// A field of the catalogue of monitoring files at `clave` (`cortes.informa`).
fn campo(clave: &str) -> &'static Campo {
    let path: Vec<Seg> = clave.split('.').map(Seg::from).collect();
    campos::campo_en(campos::SEGUIMIENTO, &path)
        .unwrap_or_else(|| panic!("the catalogue of monitoring files has {clave}"))
}

/// The rows of «Datos del corte» read back: each a field of the cut.
fn filas_corte() -> Vec<Columna> {
    ["fecha_corte", "informa"]
        .into_iter()
        .map(|k| (k.to_owned(), campo(&format!("cortes.{k}"))))
        .chain(
            campo("cortes.ruta_atencion")
                .tipo
                .hijos()
                .iter()
                .map(|c| (format!("ruta_atencion.{}", c.clave), c)),
        )
        .map(|(clave, campo)| Columna { clave, campo })
        .collect()
}

/// The columns of «Acciones» read back: the action, then what the institution reports.
fn columnas_acciones() -> Vec<Columna> {
    campo("cortes.acciones")
        .tipo
        .hijos()
        .iter()
        .map(|c| Columna {
            clave: c.clave.to_owned(),
            campo: c,
        })
        .collect()
}

/// What to report of `a`, in words, for the row of the institution that answers for it.
fn que_informar(a: &crate::plan::model::Accion, fecha: NaiveDate) -> String {
    let i = &a.indicador;
    let unidad = i
        .unidad
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    let cifra = |v: Option<f64>| v.map_or_else(|| "sin indicar".to_owned(), numero);
    let presupuesto = a.presupuesto.as_ref().map_or_else(
        || "sin presupuesto".to_owned(),
        |p| format!("presupuesto {}", usd(p.monto)),
    );
    format!(
        "{}{unidad} alcanzados desde el inicio del plan hasta el {}: línea base {}, meta {}. Plazo del {} al {}; {presupuesto}.",
        i.nombre,
        fecha_larga(fecha),
        cifra(i.linea_base),
        cifra(i.meta),
        fecha_larga(a.plazo.inicio),
        fecha_larga(a.plazo.fin)
    )
}

/// The monitoring workbook of `plan` (its file name `archivo_plan`) for the cut of `fecha`,
/// filled from `registro` (the plan's monitoring file, when it exists).
pub fn plantilla(
    plan: &Plan,
    archivo_plan: &str,
    registro: Option<&Registro>,
    fecha: NaiveDate,
    r: &Referencia,
) -> Result<Vec<u8>, XlsxError> {
    let existente = registro.and_then(|g| g.cortes.iter().find(|c| c.fecha_corte == fecha));
    let mut libro = Escrito::new(fecha);
    let informa = existente.map_or_else(
        || plan.nombre_actor(&plan.seguimiento.responsable),
        |c| c.informa.clone(),
    );
    let ruta = existente
        .and_then(|c| c.ruta_atencion)
        .map(|r| serde_json::to_value(r).unwrap_or_default())
        .unwrap_or_else(|| json!({}));
    let valores = json!({
        "fecha_corte": fecha.to_string(),
        "informa": informa,
        "ruta_atencion": ruta,
    });
    let mut filas = vec![vec![
        PLAN.into(),
        archivo_plan.into(),
        "El archivo del plan que se sigue. No lo cambie: con él se encuentra el seguimiento al importar el libro.".into(),
    ]];
    for c in filas_corte() {
        let v = c.clave.split('.').try_fold(&valores, |v, k| v.get(k));
        filas.push(vec![
            c.titulo().into(),
            escribir(v, c.campo, r),
            c.ayuda().into(),
        ]);
    }
    let ws = libro.hoja(HOJA_CORTE, &["Campo", "Valor", "Explicación"], None, &filas)?;
    anchos(ws, &[0.0, 50.0, 60.0], &filas, 1)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);

    let columnas = columnas_acciones();
    let mut titulos: Vec<&str> = vec![columnas[0].titulo()];
    titulos.extend(DEL_PLAN);
    titulos.extend(columnas[1..].iter().map(Columna::titulo));
    let mut ayuda = vec![columnas[0].ayuda()];
    ayuda.extend(
        DEL_PLAN
            .iter()
            .map(|_| "Del plan: no lo cambie.".to_owned()),
    );
    ayuda.extend(columnas[1..].iter().map(Columna::ayuda));
    let filas: Vec<Vec<Valor>> = plan
        .acciones
        .iter()
        .map(|a| {
            let reporte = match existente {
                Some(c) => c
                    .reporte(&a.id)
                    .map(|r| serde_json::to_value(r).unwrap_or_default()),
                // The figures are accumulated: the previous cut's are where this one starts.
                None => previo(registro, &a.id, fecha)
                    .map(|(_, r)| json!({ "valor": r.valor, "ejecutado": r.ejecutado })),
            };
            let mut fila: Vec<Valor> = vec![a.id.as_str().into()];
            fila.push(a.descripcion.as_str().into());
            fila.push(plan.nombre_actor(&a.responsable).into());
            fila.push(que_informar(a, fecha).into());
            for c in &columnas[1..] {
                fila.push(escribir(
                    reporte.as_ref().and_then(|v| v.get(&c.clave)),
                    c.campo,
                    r,
                ));
            }
            fila
        })
        .collect();
    let ws = libro.hoja(HOJA_ACCIONES, &titulos, Some(&ayuda), &filas)?;
    // The texts of the plan and those to write wrap in wide columns; figures keep their fit.
    let mut ancho = vec![16.0, 40.0, 28.0, 45.0];
    ancho.extend(columnas[1..].iter().map(|c| match c.campo.tipo {
        Tipo::Texto | Tipo::Textos | Tipo::Parrafos => 40.0,
        _ => 16.0,
    }));
    let explicaciones: Vec<Valor> = ayuda.iter().map(|t| t.as_str().into()).collect();
    anchos(ws, &ancho, &[explicaciones], 1)?;
    anchos(ws, &ancho, &filas, FILAS_ENCABEZADO)?;
    // Printed, the sheet is as wide as a landscape page.
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let estado = titulos
        .iter()
        .position(|t| *t == campo("cortes.acciones.estado").etiqueta);
    if let (Some(col), Tipo::Opcion { valores }) = (estado, campo("cortes.acciones.estado").tipo) {
        let nombres: Vec<&str> = valores.iter().map(|v| v.nombre).collect();
        let lista = DataValidation::new()
            .allow_list_strings(&nombres)?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Valor fuera de la lista")?
            .set_error_message("«Estado»: elija un valor de la lista.")?;
        ws.add_data_validation(
            FILAS_ENCABEZADO,
            col as u16,
            FILAS_ENCABEZADO + FILAS_CON_LISTA,
            col as u16,
            &lista,
        )?;
    }
    libro.bytes()
}

/// Sets the width (in characters) of each column of `ancho` that is not 0, and makes each row
/// of `filas` (the first at `primera`) as tall as its longest text wrapped in those columns, so
/// that a spreadsheet or a printed page shows every line.
fn anchos(
    ws: &mut rust_xlsxwriter::Worksheet,
    ancho: &[f64],
    filas: &[Vec<Valor>],
    primera: u32,
) -> Result<(), XlsxError> {
    for (c, a) in ancho.iter().enumerate() {
        if *a > 0.0 {
            ws.set_column_width(c as u16, *a)?;
        }
    }
    for (i, fila) in filas.iter().enumerate() {
        let lineas = fila
            .iter()
            .zip(ancho)
            .filter(|(_, a)| **a > 0.0)
            .map(|(v, a)| match v {
                Valor::Texto(t) => t
                    .split('\n')
                    // A column holds about 1.1 characters of text per unit of width.
                    .map(|l| (l.chars().count() as f64 / (a * 1.1 - 1.0)).ceil().max(1.0))
                    .sum(),
                _ => 1.0,
            })
            .fold(1.0, f64::max);
        if lineas > 1.0 {
            ws.set_row_height(primera + i as u32, 15.0 * lineas)?;
        }
    }
    Ok(())
}

/// Whether an opened workbook is a monitoring workbook (rather than a workshop's).
pub fn es_de_seguimiento(libro: &Libro) -> bool {
    libro.hoja(HOJA_CORTE).is_some() && libro.hoja(crate::taller::HOJA_GENERALES).is_none()
}

/// What an import gives.
#[derive(Debug)]
pub struct CorteImportado {
    /// The monitoring file it goes to.
    pub archivo: PathBuf,
    /// Its text with the new cut, when the workbook could be read and the cut added.
    pub texto: Option<String>,
    /// Problems of the workbook and of the monitoring file, located by sheet, row and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the cut could not be added to the file, when it could not.
    pub error: Option<ErrorCorte>,
}

/// Where each value of the new cut came from: the row (1-based) of each field in «Datos del
/// corte», and of each action in «Acciones».
#[derive(Debug, Default)]
struct Filas {
    datos: Vec<(String, usize)>,
    acciones: Vec<(String, usize)>,
}

/// The title of a row of «Datos del corte» or of a column, in a cell.
fn titulo(v: Option<&Data>) -> String {
    v.map(|d| d.to_string().trim().to_owned())
        .unwrap_or_default()
}

/// Imports the monitoring workbook `wb` (the file `libro`) as a new cut of the monitoring file
/// `salida`, or of the one beside the plan the workbook names, found next to the workbook.
pub fn importar(wb: &Libro, libro: &Path, salida: Option<&Path>) -> CorteImportado {
    let mut diags = Vec::new();
    let r = Referencia::pacta();
    let corte = wb.hoja(HOJA_CORTE);
    let fila_de = |hoja: &Hoja, t: &str| {
        let (fin, _) = hoja.end().unwrap_or((0, 0));
        (0..=fin).find(|f| titulo(hoja.get_value((*f, 0))) == t)
    };
    let nombre_plan = corte
        .and_then(|h| fila_de(h, PLAN).and_then(|f| h.get_value((f, 1))))
        .map(|v| titulo(Some(v)))
        .filter(|t| !t.is_empty());
    let carpeta = libro.parent().unwrap_or(Path::new(""));
    let archivo = match (salida, &nombre_plan) {
        (Some(s), _) => s.to_path_buf(),
        (None, Some(p)) => crate::plan::seguimiento::archivo_de(&carpeta.join(p)),
        (None, None) => PathBuf::new(),
    };
    let sin = |diagnostics, error| CorteImportado {
        archivo: archivo.clone(),
        texto: None,
        diagnostics,
        error,
    };
    let Some(corte) = corte else {
        return sin(vec![falta_hoja(HOJA_CORTE)], None);
    };
    if archivo.as_os_str().is_empty() {
        diags.push(diagnostico(
            FALTA,
            Some(Celda {
                hoja: HOJA_CORTE.into(),
                fila: 0,
                columna: Some("Campo".into()),
            }),
            format!("falta la fila «{PLAN}» en la hoja {HOJA_CORTE}"),
            "Use el libro de `cantonal plantilla-seguimiento` sin borrar filas, o indique el archivo de seguimiento con -o.".into(),
        ));
        return sin(diags, None);
    }
    // The cut's own data.
    let mut datos = json!({});
    let mut filas = Filas::default();
    for c in filas_corte() {
        let Some(f) = fila_de(corte, c.titulo()) else {
            if c.campo.requerido == campos::Requerido::Si {
                diags.push(diagnostico(
                    FALTA,
                    Some(Celda {
                        hoja: HOJA_CORTE.into(),
                        fila: 0,
                        columna: Some("Campo".into()),
                    }),
                    format!("falta la fila «{}» en la hoja {HOJA_CORTE}", c.titulo()),
                    "Use el libro de `cantonal plantilla-seguimiento` sin borrar filas de esta hoja.".into(),
                ));
            }
            continue;
        };
        filas.datos.push((c.clave.clone(), f as usize + 1));
        let celda = corte.get_value((f, 1)).unwrap_or(&Data::Empty);
        match leer(celda, c.campo, r) {
            Ok(Some(v)) => crate::taller::plantilla::poner(&mut datos, &c.clave, v),
            Ok(None) => {}
            Err(esperado) => {
                let mut d = en_celda(HOJA_CORTE, f as usize + 1, 1, &c, esperado, celda);
                if let Some(x) = &mut d.celda {
                    x.columna = Some("Valor".into());
                }
                diags.push(d);
            }
        }
    }
    // The actions.
    let columnas = columnas_acciones();
    let mut reportes = Vec::new();
    match wb.hoja(HOJA_ACCIONES) {
        None => diags.push(falta_hoja(HOJA_ACCIONES)),
        Some(hoja) => {
            let (fin, ultima) = hoja.end().unwrap_or((0, 0));
            let donde: Vec<Option<u32>> = columnas
                .iter()
                .map(|c| {
                    let col = (0..=ultima).find(|i| titulo(hoja.get_value((0, *i))) == c.titulo());
                    if col.is_none() && c.campo.requerido == campos::Requerido::Si {
                        diags.push(diagnostico(
                            FALTA,
                            Some(Celda {
                                hoja: HOJA_ACCIONES.into(),
                                fila: 1,
                                columna: Some(c.titulo().into()),
                            }),
                            format!("falta la columna «{}» en la hoja {HOJA_ACCIONES}", c.titulo()),
                            "La primera fila de la hoja lleva los títulos de la plantilla; no los borre ni los cambie.".into(),
                        ));
                    }
                    col
                })
                .collect();
            for fila in FILAS_ENCABEZADO..=fin {
                let mut item = json!({});
                let mut vacia = true;
                for (c, col) in columnas.iter().zip(&donde) {
                    let Some(col) = col else { continue };
                    let celda = hoja.get_value((fila, *col)).unwrap_or(&Data::Empty);
                    match leer(celda, c.campo, r) {
                        Ok(None) => {}
                        Ok(Some(v)) => {
                            vacia = false;
                            crate::taller::plantilla::poner(&mut item, &c.clave, v);
                        }
                        Err(esperado) => {
                            vacia = false;
                            diags.push(en_celda(
                                HOJA_ACCIONES,
                                fila as usize + 1,
                                *col as usize,
                                c,
                                esperado,
                                celda,
                            ));
                        }
                    }
                }
                if vacia {
                    continue;
                }
                // A row of an action says what action it is and in what state it is.
                for (c, col) in columnas.iter().zip(&donde) {
                    if let (Some(col), campos::Requerido::Si, None) =
                        (col, c.campo.requerido, item.get(&c.clave))
                    {
                        diags.push(en_celda(
                            HOJA_ACCIONES,
                            fila as usize + 1,
                            *col as usize,
                            c,
                            "un valor (es obligatoria en cada fila)",
                            &Data::Empty,
                        ));
                    }
                }
                let id = item
                    .get("accion")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                filas.acciones.push((id, fila as usize + 1));
                reportes.push(item);
            }
        }
    }
    if diags.iter().any(|d| d.severidad == Severidad::Error) {
        return sin(diags, None);
    }
    agregar_al_seguimiento(&archivo, datos, reportes, filas, diags)
}

/// Adds the cut read from the workbook (`datos`, `reportes`) to the monitoring file `archivo`,
/// checks the file, and locates each diagnostic of the new cut at the cell it came from (the
/// rows of «Datos del corte» and of «Acciones» in `filas`).
fn agregar_al_seguimiento(
    archivo: &Path,
    datos: Value,
    reportes: Vec<Value>,
    filas: Filas,
    mut diags: Vec<Diagnostic>,
) -> CorteImportado {
    let falla = |diags, e: String| CorteImportado {
        archivo: archivo.to_path_buf(),
        texto: None,
        diagnostics: diags,
        error: Some(ErrorCorte::Ilegible(e)),
    };
    let Some(plan_archivo) = crate::plan::seguimiento::plan_de(archivo) else {
        return falla(
            diags,
            format!(
                "{} no se llama como un archivo de seguimiento (PLAN.seguimiento.yaml)",
                archivo.display()
            ),
        );
    };
    let v = crate::validar(&plan_archivo, Opciones::default());
    let Some(plan) = v.plan().filter(|_| !v.tiene_errores()) else {
        return falla(
            diags,
            format!(
                "el plan {} no existe o tiene errores; `cantonal validar` los muestra",
                plan_archivo.display()
            ),
        );
    };
    let fecha = datos
        .get("fecha_corte")
        .and_then(Value::as_str)
        .and_then(|f| f.parse().ok());
    let Some(fecha) = fecha else {
        return falla(
            diags,
            format!("falta la fecha de corte en la hoja {HOJA_CORTE}"),
        );
    };
    let acciones: Result<Vec<Reporte>, _> =
        reportes.into_iter().map(serde_json::from_value).collect();
    let ruta: Option<ConteosRuta> = datos
        .get("ruta_atencion")
        .filter(|r| r.as_object().is_some_and(|m| !m.is_empty()))
        .and_then(|r| serde_json::from_value(r.clone()).ok());
    let Ok(acciones) = acciones else {
        return falla(
            diags,
            format!(
                "cada fila de la hoja {HOJA_ACCIONES} necesita su acción y su estado; complételos y vuelva a importar"
            ),
        );
    };
    let contenido = Contenido {
        fecha,
        informa: datos
            .get("informa")
            .and_then(Value::as_str)
            .map(str::to_owned),
        ruta,
        acciones: Some(acciones),
    };
    let actual = std::fs::read_to_string(archivo).ok();
    let nombre = plan_archivo
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let texto = match agregar(
        plan,
        &nombre,
        actual.as_deref(),
        &contenido,
        true,
        crate::fechas::hoy(),
    ) {
        Ok(t) => t,
        Err(e) => {
            return CorteImportado {
                archivo: archivo.to_path_buf(),
                texto: None,
                diagnostics: diags,
                error: Some(e),
            };
        }
    };
    let revisado = v.con_seguimiento_texto(archivo, &texto, Opciones::default());
    let prefijo = format!("cortes.{fecha}.");
    for mut d in revisado
        .seguimiento
        .map(|s| s.diagnostics)
        .unwrap_or_default()
    {
        if let Some(resto) = d.ruta.strip_prefix(&prefijo) {
            d.celda = celda_de(resto, &filas);
        }
        diags.push(d);
    }
    CorteImportado {
        archivo: archivo.to_path_buf(),
        texto: Some(texto),
        diagnostics: diags,
        error: None,
    }
}

/// The cell of the workbook that holds what `resto` names inside the new cut
/// (`acciones.A3.valor`, `informa`).
fn celda_de(resto: &str, filas: &Filas) -> Option<Celda> {
    if let Some(accion) = resto.strip_prefix("acciones.") {
        let (id, campo) = accion.split_once('.').unwrap_or((accion, ""));
        let fila = filas.acciones.iter().find(|(x, _)| x == id)?.1;
        let columna = columnas_acciones()
            .into_iter()
            .find(|c| campo == c.clave || campo.starts_with(&format!("{}[", c.clave)))
            .map(|c| c.titulo().to_owned());
        return Some(Celda {
            hoja: HOJA_ACCIONES.into(),
            fila,
            columna,
        });
    }
    let fila = filas
        .datos
        .iter()
        .find(|(clave, _)| resto == clave || resto.starts_with(&format!("{clave}.")))?
        .1;
    Some(Celda {
        hoja: HOJA_CORTE.into(),
        fila,
        columna: Some("Valor".into()),
    })
}
