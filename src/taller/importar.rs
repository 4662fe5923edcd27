//! Import of a filled workshop workbook (`cantonal importar`): the sheets of [`super::hojas`]
//! and [`super::generales`], opened within limits ([`super::libro`]), into the text of a plan
//! file commented from the catalogue of fields, then checked like any plan.
//!
//! A cell that cannot be read (a date column with text, a number column with words), a missing
//! sheet or a missing column is a diagnostic located by sheet, row and column, and no plan is
//! written. The plan's own problems (an unknown actor, a pending text) come from the same checks
//! as `cantonal validar` and are located back at the cell that holds the value, through the
//! plan's id paths.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use serde_json::{Map, Value, json};

use super::anteriores::titulos;
use super::celdas::leer;
use super::libro::{Hoja, Libro};
use super::plantilla::{obtener, poner};
use super::{Columna, FILAS_ENCABEZADO, HOJA_GENERALES, generales, hojas};
use crate::diagnostics::{Celda, Diagnostic, Region, Severidad};
use crate::plan::campos::{self, Requerido, Tipo};
use crate::plan::ruta::resolver;
use crate::plan::schema::SCHEMA_PATH;
use crate::plan::spans::Seg;
use crate::reference::nacional::Referencia;
use crate::rules::taller::{T001, T002, T003};
use crate::rules::{Opciones, Regla};

/// A workbook that cannot be read at all.
pub(crate) const ILEGIBLE: &Regla = &T001;
/// A missing sheet, column or row of the template.
pub(crate) const FALTA: &Regla = &T002;
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
type Origenes = BTreeMap<String, (&'static str, Vec<usize>)>;

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
    let r = Referencia::pacta();
    let mut datos = json!({});
    let mut filas_generales: BTreeMap<String, usize> = BTreeMap::new();
    match wb.hoja(HOJA_GENERALES) {
        Some(rango) => leer_generales(rango, r, &mut datos, &mut filas_generales, &mut diags),
        None => diags.push(falta_hoja(HOJA_GENERALES)),
    }
    let mut origenes: Origenes = BTreeMap::new();
    for h in hojas() {
        let requerida = obligatoria(campos::PLAN, &h.lista);
        let Some(rango) = wb.hoja(h.nombre) else {
            if requerida {
                diags.push(falta_hoja(h.nombre));
            }
            continue;
        };
        let item = campos::lista(&h.lista).map_or(&[][..], |l| l.campos);
        let columnas = encabezados(rango, h.nombre, item, &h.columnas, &mut diags);
        let mut items = Vec::new();
        let mut filas = Vec::new();
        let (fin, _) = rango.end().unwrap_or((0, 0));
        for fila in FILAS_ENCABEZADO..=fin {
            let mut item = json!({});
            let mut vacia = true;
            for (c, col) in h.columnas.iter().zip(&columnas) {
                let Some(col) = col else { continue };
                let celda = rango.get_value((fila, *col)).unwrap_or(&Data::Empty);
                match leer(celda, c.campo, r) {
                    Ok(None) => {}
                    Ok(Some(v)) => {
                        vacia = false;
                        poner(&mut item, &c.clave, v);
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
            poner(&mut datos, &h.lista, Value::Array(items));
        }
        origenes.insert(h.lista.clone(), (h.nombre, filas));
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

/// Whether the field at the dotted key `clave` of `campos` must be written whenever its item
/// exists: it and every group around it are required (a workbook without the row or column of
/// such a field cannot give a plan; one without an optional field's was made before it existed).
fn obligatoria(campos: &'static [campos::Campo], clave: &str) -> bool {
    let mut actuales = campos;
    for k in clave.split('.') {
        let Some(c) = actuales.iter().find(|c| c.clave == k) else {
            return false;
        };
        if c.requerido != Requerido::Si {
            return false;
        }
        actuales = c.tipo.hijos();
    }
    true
}

/// Whether a cell's text is the title of column `c` of sheet `hoja`: its label, or the title an
/// earlier template gave it.
fn es_titulo(texto: &str, hoja: &str, c: &Columna) -> bool {
    let t = texto.trim();
    t == c.titulo() || titulos(hoja, &c.clave).any(|x| x == t)
}

/// Reads the sheet of general data: label in column A, value in column B.
fn leer_generales(
    rango: &Hoja,
    r: &Referencia,
    datos: &mut Value,
    filas: &mut BTreeMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) {
    let (fin, _) = rango.end().unwrap_or((0, 0));
    for c in generales() {
        let fila = (0..=fin).find(|f| {
            rango
                .get_value((*f, 0))
                .is_some_and(|v| es_titulo(&v.to_string(), HOJA_GENERALES, &c))
        });
        let Some(fila) = fila else {
            if obligatoria(campos::PLAN, &c.clave) {
                diags.push(diagnostico(
                    FALTA,
                    Some(Celda {
                        hoja: HOJA_GENERALES.into(),
                        fila: 0,
                        columna: Some("Campo".into()),
                    }),
                    format!("falta la fila «{}» en la hoja {HOJA_GENERALES}", c.titulo()),
                    "use la plantilla de `cantonal plantilla-taller` sin borrar filas de esta hoja; escriba el dato en la columna Valor.".into(),
                ));
            }
            continue;
        };
        filas.insert(c.clave.clone(), fila as usize + 1);
        let celda = rango.get_value((fila, 1)).unwrap_or(&Data::Empty);
        match leer(celda, c.campo, r) {
            Ok(Some(v)) => poner(datos, &c.clave, v),
            Ok(None) => {}
            Err(esperado) => {
                let mut d = en_celda(HOJA_GENERALES, fila as usize + 1, 1, &c, esperado, celda);
                if let Some(celda) = &mut d.celda {
                    celda.columna = Some("Valor".into());
                }
                diags.push(d);
            }
        }
    }
}

/// The column index of each column of a sheet, found by its heading in the first row; a
/// missing column of a required field is a problem, a missing optional one is read as empty
/// (a workbook made before the field existed).
fn encabezados(
    rango: &Hoja,
    hoja: &'static str,
    campos_item: &'static [campos::Campo],
    columnas: &[Columna],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Option<u32>> {
    let (_, ultima) = rango.end().unwrap_or((0, 0));
    columnas
        .iter()
        .map(|c| {
            let col = (0..=ultima).find(|i| {
                rango
                    .get_value((0, *i))
                    .is_some_and(|v| es_titulo(&v.to_string(), hoja, c))
            });
            if col.is_none() && obligatoria(campos_item, &c.clave) {
                diags.push(diagnostico(
                    FALTA,
                    Some(Celda {
                        hoja: hoja.into(),
                        fila: 1,
                        columna: Some(c.titulo().into()),
                    }),
                    format!("falta la columna «{}» en la hoja {hoja}", c.titulo()),
                    "la primera fila de cada hoja lleva los títulos de la plantilla; no los borre ni los cambie.".into(),
                ));
            }
            col
        })
        .collect()
}

/// A diagnostic of the rule `regla` about the workbook, at `celda` when it is known.
pub(crate) fn diagnostico(
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

/// T002 for a sheet of the template that the workbook lacks.
pub(crate) fn falta_hoja(hoja: &str) -> Diagnostic {
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

/// T003 for the cell (`hoja`, 1-based `fila`, 0-based `col`) of column `c` whose value is not
/// `esperado`.
pub(crate) fn en_celda(
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
            columna: Some(c.titulo().into()),
        }),
        format!("la celda debería tener {esperado} y tiene «{valor}»"),
        format!(
            "{} Corrija la celda y vuelva a importar el libro.",
            c.ayuda()
        ),
    );
    d.columna = col + 1;
    d
}

/// The cell that holds the value at the id path `ruta`.
fn ubicar(
    datos: &Value,
    ruta: &str,
    origenes: &Origenes,
    generales_filas: &BTreeMap<String, usize>,
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
        let columnas = hojas()
            .into_iter()
            .find(|h| h.nombre == *hoja)
            .map(|h| h.columnas)
            .unwrap_or_default();
        return Some(Celda {
            hoja: (*hoja).into(),
            fila: *filas.get(*i)?,
            columna: columna(&columnas, &resto),
        });
    }
    let clave = claves.join(".");
    let generales = generales();
    let c = generales
        .iter()
        .find(|c| c.clave == clave)
        .or_else(|| {
            generales
                .iter()
                .find(|c| c.clave.starts_with(&format!("{clave}.")))
        })
        .or_else(|| generales.iter().find(|c| clave.starts_with(&c.clave)))?;
    Some(Celda {
        hoja: HOJA_GENERALES.into(),
        fila: *generales_filas.get(&c.clave)?,
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
        .map(|c| c.titulo().to_owned())
}

/// The plan's keys in the order of the format, `formato: 1` first.
fn ordenado(datos: Value) -> Value {
    let mut datos = match datos {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let mut out = Map::new();
    out.insert("formato".into(), json!(1));
    for c in campos::PLAN.iter().skip(1) {
        if let Some(v) = datos.remove(c.clave) {
            out.insert(c.clave.into(), v);
        }
    }
    out.extend(datos);
    Value::Object(out)
}

/// The plan file's text: each top-level key with the comment of the catalogue of fields (and,
/// for a list, the sheet it came from).
fn yaml(datos: &Value, libro: &Path) -> String {
    let nombre = libro.file_name().map_or_else(String::new, |n| {
        crate::plan::yaml_edit::en_comentario(&n.to_string_lossy())
    });
    let mut out = format!(
        "# yaml-language-server: $schema={SCHEMA_PATH}\n#\n# Plan importado por `cantonal importar` del libro «{nombre}».\n# Revíselo con `cantonal validar`. Las líneas que empiezan con # son comentarios.\n"
    );
    if let Value::Object(m) = datos {
        for (k, v) in m {
            let comentario =
                campos::PLAN
                    .iter()
                    .find(|c| c.clave == k)
                    .map_or_else(String::new, |c| {
                        let hoja = match c.tipo {
                            Tipo::Lista { lista } => format!(" (hoja {})", lista.hoja),
                            _ => String::new(),
                        };
                        format!("{}{hoja}. {} {}.", c.etiqueta, c.ayuda, c.requerido.texto())
                    });
            let mut una = Map::new();
            una.insert(k.clone(), v.clone());
            let texto = serde_yaml::to_string(&Value::Object(una)).unwrap_or_default();
            out.push_str(&format!("\n# {comentario}\n{texto}"));
        }
    }
    out
}
