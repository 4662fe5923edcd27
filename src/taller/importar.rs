//! Import of a filled workshop workbook (`cantonal importar`): the sheets of [`super::HOJAS`] read
//! with `calamine` (XLSX, and ODS) into the text of a plan file, commented like the one of
//! `cantonal nuevo`, then checked like any plan.
//!
//! A cell that cannot be read (a date column with text, a number column with words), a missing
//! sheet or a missing column is a diagnostic located by sheet, row and column, and no plan is
//! written. The plan's own problems (an unknown actor, a pending text) come from the same checks
//! as `cantonal validar` and are located back at the cell that holds the value, through the
//! plan's id paths.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::libro::{Hoja, Libro};
use super::plantilla::{obtener, poner};
use super::{Columna, FILAS_ENCABEZADO, GENERALES, HOJA_GENERALES, HOJAS, Tipo};
use crate::diagnostics::{Celda, Diagnostic, Severidad};
use crate::plan::ruta::resolver;
use crate::plan::schema::SCHEMA_PATH;
use crate::plan::spans::{Region, Seg};
use crate::rules::taller::{T001, T002, T003};
use crate::rules::{Opciones, Regla};

/// A workbook that cannot be read at all.
const ILEGIBLE: &Regla = &T001;
/// A missing sheet, column or row of the template.
const FALTA: &Regla = &T002;
/// A cell whose value is not of its column's kind.
const CELDA: &Regla = &T003;

/// What an import gives.
#[derive(Debug)]
pub struct Importado {
    /// The plan file's text, when every cell could be read.
    pub texto: Option<String>,
    /// Problems of the workbook and of the plan, located by sheet, row and column.
    pub diagnostics: Vec<Diagnostic>,
    /// The canton, when read.
    pub canton: Option<String>,
}

/// Where each item of the plan came from: list key → sheet and 1-based row of each item.
type Origenes = BTreeMap<&'static str, (&'static str, Vec<usize>)>;

/// Imports the workbook `libro`; `plan` is the plan file it will be written to (for the checks).
pub fn importar(libro: &Path, plan: &Path) -> Importado {
    let mut diags = Vec::new();
    let wb = match Libro::abrir(libro) {
        Ok(wb) => wb,
        Err(motivo) => {
            diags.push(diagnostico(
                ILEGIBLE,
                None,
                format!(
                    "no se pudo leer el libro {}: {motivo}",
                    crate::diagnostics::visible(&libro.display().to_string())
                ),
                "guarde el libro como .xlsx (Excel) u .ods (LibreOffice) y vuelva a importarlo; `cantonal plantilla-taller` crea uno vacío.".into(),
            ));
            return Importado {
                texto: None,
                diagnostics: diags,
                canton: None,
            };
        }
    };
    let mut datos = json!({});
    let mut filas_generales: BTreeMap<&'static str, usize> = BTreeMap::new();
    match wb.hoja(HOJA_GENERALES) {
        Some(rango) => generales(rango, &mut datos, &mut filas_generales, &mut diags),
        None => diags.push(falta_hoja(HOJA_GENERALES)),
    }
    let mut origenes: Origenes = BTreeMap::new();
    for h in HOJAS {
        let Some(rango) = wb.hoja(h.nombre) else {
            diags.push(falta_hoja(h.nombre));
            continue;
        };
        let Some(columnas) = encabezados(rango, h.nombre, h.columnas, &mut diags) else {
            continue;
        };
        let mut items = Vec::new();
        let mut filas = Vec::new();
        let (fin, _) = rango.end().unwrap_or((0, 0));
        for fila in FILAS_ENCABEZADO..=fin {
            let mut item = json!({});
            let mut vacia = true;
            for (c, col) in h.columnas.iter().zip(&columnas) {
                let celda = rango.get_value((fila, *col)).unwrap_or(&Data::Empty);
                match leer(celda, c.tipo) {
                    Ok(None) => {}
                    Ok(Some(v)) => {
                        vacia = false;
                        poner(&mut item, c.clave, v);
                    }
                    Err(esperado) => {
                        vacia = false;
                        diags.push(en_celda(
                            h.nombre,
                            fila as usize + 1,
                            *col as usize,
                            c,
                            esperado,
                            celda,
                        ));
                    }
                }
            }
            if !vacia {
                items.push(item);
                filas.push(fila as usize + 1);
            }
        }
        if !items.is_empty() || !h.lista.contains('.') {
            poner(&mut datos, h.lista, Value::Array(items));
        }
        origenes.insert(h.lista, (h.nombre, filas));
    }
    let canton = obtener(&datos, "canton.nombre")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if diags.iter().any(|d| d.severidad == Severidad::Error) {
        return Importado {
            texto: None,
            diagnostics: diags,
            canton,
        };
    }
    let datos = ordenado(datos);
    let texto = yaml(&datos, libro);
    let validado = crate::validar_texto(plan, &texto, Opciones::default());
    for mut d in validado.diagnostics {
        d.celda = ubicar(&datos, &d.ruta, &origenes, &filas_generales);
        diags.push(d);
    }
    Importado {
        texto: Some(texto),
        diagnostics: diags,
        canton,
    }
}

/// Reads the sheet of general data: label in column A, value in column B.
fn generales(
    rango: &Hoja,
    datos: &mut Value,
    filas: &mut BTreeMap<&'static str, usize>,
    diags: &mut Vec<Diagnostic>,
) {
    let (fin, _) = rango.end().unwrap_or((0, 0));
    for c in GENERALES {
        let fila = (0..=fin).find(|f| {
            rango
                .get_value((*f, 0))
                .is_some_and(|v| v.to_string().trim() == c.titulo)
        });
        let Some(fila) = fila else {
            diags.push(diagnostico(
                FALTA,
                Some(Celda {
                    hoja: HOJA_GENERALES.into(),
                    fila: 0,
                    columna: Some("Campo".into()),
                }),
                format!("falta la fila «{}» en la hoja {HOJA_GENERALES}", c.titulo),
                "use la plantilla de `cantonal plantilla-taller` sin borrar filas de esta hoja; escriba el dato en la columna Valor.".into(),
            ));
            continue;
        };
        filas.insert(c.clave, fila as usize + 1);
        let celda = rango.get_value((fila, 1)).unwrap_or(&Data::Empty);
        match leer(celda, c.tipo) {
            Ok(Some(v)) => poner(datos, c.clave, v),
            Ok(None) => {}
            Err(esperado) => {
                let mut d = en_celda(HOJA_GENERALES, fila as usize + 1, 1, c, esperado, celda);
                if let Some(celda) = &mut d.celda {
                    celda.columna = Some("Valor".into());
                }
                diags.push(d);
            }
        }
    }
}

/// The column index of each column of a sheet, found by its heading in the first row.
fn encabezados(
    rango: &Hoja,
    hoja: &str,
    columnas: &[Columna],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<u32>> {
    let (_, ultima) = rango.end().unwrap_or((0, 0));
    let mut out = Vec::new();
    for c in columnas {
        let col = (0..=ultima).find(|i| {
            rango
                .get_value((0, *i))
                .is_some_and(|v| v.to_string().trim() == c.titulo)
        });
        match col {
            Some(col) => out.push(col),
            None => diags.push(diagnostico(
                FALTA,
                Some(Celda {
                    hoja: hoja.into(),
                    fila: 1,
                    columna: Some(c.titulo.into()),
                }),
                format!("falta la columna «{}» en la hoja {hoja}", c.titulo),
                "la primera fila de cada hoja lleva los títulos de la plantilla; no los borre ni los cambie.".into(),
            )),
        }
    }
    (out.len() == columnas.len()).then_some(out)
}

/// A cell as a plan value: `Ok(None)` when empty, `Err(what was expected)` when unreadable.
fn leer(celda: &Data, tipo: Tipo) -> Result<Option<Value>, &'static str> {
    let texto = |c: &Data| -> Option<String> {
        match c {
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
    };
    let Some(t) = texto(celda) else {
        return Ok(None);
    };
    match tipo {
        Tipo::Texto => Ok(Some(Value::String(t))),
        Tipo::Ids | Tipo::Lugares => {
            let separadores: &[char] = if tipo == Tipo::Ids {
                &[',', ';']
            } else {
                &[';']
            };
            Ok(Some(Value::Array(
                t.split(separadores)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_owned()))
                    .collect(),
            )))
        }
        Tipo::Fecha => {
            let fecha = match celda {
                Data::DateTime(d) => d.as_datetime().map(|d| d.date()),
                Data::DateTimeIso(s) => {
                    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
                }
                _ => ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
                    .iter()
                    .find_map(|f| NaiveDate::parse_from_str(t.trim(), f).ok()),
            };
            fecha
                .map(|d| Some(Value::String(d.to_string())))
                .ok_or("una fecha (AAAA-MM-DD)")
        }
        Tipo::Numero => {
            let n = match celda {
                Data::Float(f) => Some(*f),
                Data::Int(i) => Some(*i as f64),
                _ => t.trim().replace(',', ".").parse::<f64>().ok(),
            };
            n.filter(|n| n.is_finite())
                .and_then(serde_json::Number::from_f64)
                .map(|n| Some(Value::Number(n)))
                .ok_or("un número")
        }
        Tipo::Conteos => t
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once(':')?;
                Some((k.trim().to_owned(), json!(v.trim().parse::<i64>().ok()?)))
            })
            .collect::<Option<serde_json::Map<_, _>>>()
            .map(|m| Some(Value::Object(m)))
            .ok_or("pares `fin: número` separados por punto y coma"),
        Tipo::SiNo => match t.trim().to_lowercase().as_str() {
            "sí" | "si" | "true" | "verdadero" => Ok(Some(Value::Bool(true))),
            "no" | "false" | "falso" => Ok(Some(Value::Bool(false))),
            _ => Err("sí o no"),
        },
        Tipo::Entero => {
            let n = match celda {
                Data::Float(f) if f.fract() == 0.0 => Some(*f as i64),
                Data::Int(i) => Some(*i),
                _ => t.trim().parse::<i64>().ok(),
            };
            n.map(|n| Some(json!(n))).ok_or("un número entero")
        }
    }
}

fn diagnostico(
    regla: &'static Regla,
    celda: Option<Celda>,
    mensaje: String,
    ayuda: String,
) -> Diagnostic {
    let fila = celda.as_ref().map_or(1, |c| c.fila.max(1));
    let mut d = Diagnostic::new(
        regla.codigo,
        regla.severidad,
        Region::point(fila, 1),
        String::new(),
        mensaje,
        ayuda,
    );
    d.celda = celda;
    d
}

fn falta_hoja(hoja: &str) -> Diagnostic {
    diagnostico(
        FALTA,
        Some(Celda {
            hoja: hoja.into(),
            fila: 0,
            columna: None,
        }),
        format!("el libro no tiene la hoja «{hoja}»"),
        "importe un libro hecho con `cantonal plantilla-taller`: tiene todas las hojas, aunque alguna quede vacía.".into(),
    )
}

fn en_celda(
    hoja: &str,
    fila: usize,
    col: usize,
    c: &Columna,
    esperado: &str,
    valor: &Data,
) -> Diagnostic {
    let mut d = diagnostico(
        CELDA,
        Some(Celda {
            hoja: hoja.into(),
            fila,
            columna: Some(c.titulo.into()),
        }),
        format!("la celda debería tener {esperado} y tiene «{valor}»"),
        format!("{} Corrija la celda y vuelva a importar el libro.", c.ayuda),
    );
    d.columna = col + 1;
    d
}

/// The cell that holds the value at the id path `ruta`.
fn ubicar(
    datos: &Value,
    ruta: &str,
    origenes: &Origenes,
    generales: &BTreeMap<&'static str, usize>,
) -> Option<Celda> {
    let segs = resolver(datos, ruta)?;
    let claves: Vec<&str> = segs.iter().map_while(Seg::clave).collect();
    let lista = claves.join(".");
    if let (Some((hoja, filas)), Some(Seg::Index(i))) =
        (origenes.get(lista.as_str()), segs.get(claves.len()))
    {
        let resto: Vec<&str> = segs[claves.len() + 1..]
            .iter()
            .filter_map(Seg::clave)
            .collect();
        let resto = resto.join(".");
        let columnas = HOJAS
            .iter()
            .find(|h| h.nombre == *hoja)
            .map_or(&[][..], |h| h.columnas);
        return Some(Celda {
            hoja: (*hoja).into(),
            fila: *filas.get(*i)?,
            columna: columna(columnas, &resto),
        });
    }
    let clave = claves.join(".");
    let c = GENERALES
        .iter()
        .find(|c| c.clave == clave)
        .or_else(|| {
            GENERALES
                .iter()
                .find(|c| c.clave.starts_with(&format!("{clave}.")))
        })
        .or_else(|| GENERALES.iter().find(|c| clave.starts_with(c.clave)))?;
    Some(Celda {
        hoja: HOJA_GENERALES.into(),
        fila: *generales.get(c.clave)?,
        columna: Some("Valor".into()),
    })
}

/// The heading of the column holding `resto` (`indicador.meta`), or of the first one inside it.
fn columna(columnas: &[Columna], resto: &str) -> Option<String> {
    if resto.is_empty() {
        return None;
    }
    columnas
        .iter()
        .find(|c| c.clave == resto || resto.starts_with(&format!("{}.", c.clave)))
        .or_else(|| {
            columnas
                .iter()
                .find(|c| c.clave.starts_with(&format!("{resto}.")))
        })
        .map(|c| c.titulo.to_owned())
}

/// The top-level keys of a plan, in the order of the format.
const CLAVES: &[(&str, &str)] = &[
    ("formato", "Versión del formato. Obligatorio. No la cambie."),
    (
        "plan_nacional",
        "Referencia nacional con la que se alinea el plan. Obligatorio.",
    ),
    (
        "canton",
        "Cantón, según el catálogo DPA del INEC. Obligatorio.",
    ),
    (
        "periodo",
        "Período del plan, fechas AAAA-MM-DD. Obligatorio.",
    ),
    (
        "estado",
        "Estado del documento. Obligatorio: borrador, en_revision o aprobado.",
    ),
    (
        "aprobacion",
        "Acto de aprobación del Concejo. Obligatorio cuando el estado es aprobado.",
    ),
    ("elaboracion", "Quién elaboró el plan y cuándo. Opcional."),
    (
        "presentacion",
        "Presentación del plan (texto libre). Opcional.",
    ),
    (
        "diagnostico",
        "Diagnóstico: contexto del cantón y casos por año. Opcional.",
    ),
    (
        "riesgos",
        "Riesgos de trata en el cantón (hoja Riesgos). Opcional.",
    ),
    (
        "actores",
        "Instituciones y organizaciones del plan (hoja Actores). Obligatorio.",
    ),
    ("objetivo_general", "Objetivo general del plan. Opcional."),
    (
        "objetivos",
        "Objetivos específicos, al menos uno por eje (hoja Objetivos). Obligatorio.",
    ),
    (
        "acciones",
        "Acciones del plan (hoja Acciones). Obligatorio.",
    ),
    (
        "ruta_atencion",
        "Ruta de atención a víctimas: quién responde en cada etapa (hoja Ruta de atención). Obligatorio.",
    ),
    (
        "seguimiento",
        "Cómo se dará seguimiento al plan. Obligatorio.",
    ),
];

/// The plan's keys in the order of the format, `formato: 1` first.
fn ordenado(datos: Value) -> Value {
    let mut datos = match datos {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let mut out = Map::new();
    out.insert("formato".into(), json!(1));
    for (k, _) in CLAVES.iter().skip(1) {
        if let Some(v) = datos.remove(*k) {
            out.insert((*k).into(), v);
        }
    }
    out.extend(datos);
    Value::Object(out)
}

/// The plan file's text: each top-level key with the comment that says what it is.
fn yaml(datos: &Value, libro: &Path) -> String {
    let nombre = libro.file_name().map_or_else(String::new, |n| {
        crate::plan::yaml_edit::en_comentario(&n.to_string_lossy())
    });
    let mut out = format!(
        "# yaml-language-server: $schema={SCHEMA_PATH}\n#\n# Plan importado por `cantonal importar` del libro «{nombre}».\n# Revíselo con `cantonal validar`. Las líneas que empiezan con # son comentarios.\n"
    );
    if let Value::Object(m) = datos {
        for (k, v) in m {
            let comentario = CLAVES.iter().find(|(c, _)| c == k).map_or("", |(_, t)| t);
            let mut una = Map::new();
            una.insert(k.clone(), v.clone());
            let texto = serde_yaml::to_string(&Value::Object(una)).unwrap_or_default();
            out.push_str(&format!("\n# {comentario}\n{texto}"));
        }
    }
    out
}
