//! Excel output (XLSX), for advisers who filter, sort and pivot: a plan's workbook (actions with
//! the matrix columns, actors, risks, referral route, budget by axis and by source) and the
//! consolidated report's workbook (cantons × axes, route coverage, budget, purposes, open
//! observations, execution at the latest cut of each monitoring file; one row per plan).
//!
//! Written with `rust_xlsxwriter`. Every sheet has a frozen, filterable header row and column
//! widths fitted to their content; amounts are numbers with a USD format and dates are dates, so
//! they sum and sort. Plan text is data: every text cell is a string cell, and a text that starts
//! like a formula (`=`, `+`, `-`, `@`) also gets the quote prefix, so that neither opening nor
//! editing the cell ever evaluates it. [`Libro`] is shared with the workshop template
//! (`cantonal plantilla-taller`) and the monitoring template (`cantonal
//! plantilla-seguimiento`); a plan's progress report has its workbook in [`avance`].

mod avance;

use std::time::Instant;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Formato, Opciones, Pieza, Producto, TemplateError};
use crate::documento::Documento;
use crate::documento::informe::Informe;
use crate::plan::model::Plan;

/// The XLSX format.
pub struct Xlsx;

impl Formato for Xlsx {
    fn nombre(&self) -> &'static str {
        "xlsx"
    }
    fn descripcion(&self) -> &'static str {
        "Libro de Excel (XLSX): una hoja por parte del plan o del informe, con filtros."
    }
    fn extension(&self) -> &'static str {
        "xlsx"
    }
    fn tipo_mime(&self) -> &'static str {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
    fn admite_informe(&self) -> bool {
        true
    }
    fn render(&self, pieza: Pieza, _: &Opciones) -> Result<Producto, Vec<TemplateError>> {
        let start = Instant::now();
        let libro = match pieza {
            Pieza::Plan { plan, documento } => libro_plan(plan, documento),
            Pieza::Avance { registro, avance } => avance::libro(registro, avance),
            Pieza::Informe { informe, fecha } => libro_informe(informe, fecha),
        };
        let bytes = libro.and_then(Libro::bytes).map_err(|e| {
            vec![TemplateError::mensaje(format!(
                "no se pudo escribir el libro de Excel: {e}"
            ))]
        })?;
        Ok(Producto {
            bytes,
            paginas: None,
            compilacion: None,
            total: start.elapsed(),
        })
    }
}

/// A value of a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Valor {
    /// Text, always stored as text.
    Texto(String),
    /// A number.
    Numero(f64),
    /// An amount in US dollars.
    Usd(f64),
    /// A date.
    Fecha(NaiveDate),
    /// Nothing.
    Vacio,
}

impl From<&str> for Valor {
    fn from(t: &str) -> Valor {
        Valor::Texto(t.to_owned())
    }
}

impl From<String> for Valor {
    fn from(t: String) -> Valor {
        Valor::Texto(t)
    }
}

impl<T: Into<Valor>> From<Option<T>> for Valor {
    fn from(v: Option<T>) -> Valor {
        v.map_or(Valor::Vacio, Into::into)
    }
}

/// Number formats of a workbook.
struct Formatos {
    encabezado: Format,
    ayuda: Format,
    texto: Format,
    formula_como_texto: Format,
    numero: Format,
    usd: Format,
    fecha: Format,
}

/// A workbook being written, with its formats.
pub struct Libro {
    libro: Workbook,
    formatos: Formatos,
}

/// Whether a spreadsheet could read `t` as a formula or a command when it is typed or edited.
pub fn parece_formula(t: &str) -> bool {
    t.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

impl Libro {
    /// An empty workbook dated `fecha` (its properties say so, rather than the time it was
    /// written: the same plan gives the same file).
    pub fn new(fecha: chrono::NaiveDate) -> Libro {
        let base = Format::new().set_align(FormatAlign::Top);
        let mut libro = Workbook::new();
        libro.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&fecha));
        Libro {
            libro,
            formatos: Formatos {
                encabezado: Format::new()
                    .set_bold()
                    .set_font_color("FFFFFF")
                    .set_background_color("1F4E79")
                    .set_text_wrap()
                    .set_align(FormatAlign::Top),
                ayuda: Format::new()
                    .set_italic()
                    .set_font_color("595959")
                    .set_background_color("DDEBF7")
                    .set_text_wrap()
                    .set_align(FormatAlign::Top),
                texto: base.clone().set_text_wrap(),
                formula_como_texto: base.clone().set_text_wrap().set_quote_prefix(),
                numero: base.clone(),
                usd: base.clone().set_num_format("\"USD\" #,##0.00"),
                fecha: base.set_num_format("yyyy-mm-dd"),
            },
        }
    }

    /// Adds a sheet named `nombre` with a header row (and, when `ayuda` is given, a second
    /// header row that explains each column), frozen and filterable, and the rows.
    pub fn hoja(
        &mut self,
        nombre: &str,
        columnas: &[&str],
        ayuda: Option<&[String]>,
        filas: &[Vec<Valor>],
    ) -> Result<&mut Worksheet, XlsxError> {
        let f = &self.formatos;
        let ws = self.libro.add_worksheet();
        ws.set_name(nombre)?;
        for (c, t) in columnas.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *t, &f.encabezado)?;
        }
        let mut primera: u32 = 1;
        if let Some(ayuda) = ayuda {
            for (c, t) in ayuda.iter().enumerate() {
                ws.write_string_with_format(1, c as u16, t, &f.ayuda)?;
            }
            primera = 2;
        }
        for (i, fila) in filas.iter().enumerate() {
            let r = primera + i as u32;
            for (c, v) in fila.iter().enumerate() {
                escribir(ws, f, r, c as u16, v)?;
            }
        }
        ws.set_freeze_panes(primera, 0)?;
        let ultima = (primera + filas.len() as u32)
            .saturating_sub(1)
            .max(primera - 1);
        ws.autofilter(
            primera - 1,
            0,
            ultima,
            columnas.len().saturating_sub(1) as u16,
        )?;
        ws.set_autofit_max_width(420);
        ws.autofit();
        if ayuda.is_some() {
            // The explanations wrap; their row is as tall as four lines.
            ws.set_row_height(1, 60)?;
        }
        Ok(ws)
    }

    /// The bytes of the XLSX file, the same on every system (see [`igual_en_todo_sistema`]).
    pub fn bytes(mut self) -> Result<Vec<u8>, XlsxError> {
        igual_en_todo_sistema(&self.libro.save_to_buffer()?)
    }
}

/// The archive `xlsx` with every entry saying it was made on Unix. `rust_xlsxwriter` lets the
/// `zip` crate name the system that writes the file, so the Windows build wrote the same workbook
/// as another file («made by DOS») than the Linux build; the Word output was fixed the same way
/// (vendor/docx-rs/PARCHE.md). Each part is written again with the options `rust_xlsxwriter`
/// gives it: its own compression (images are stored), the zip format's first date, permissions
/// 0600 (read back from an entry «made by DOS», permissions are those of DOS attributes, so
/// they are set here, not copied).
fn igual_en_todo_sistema(xlsx: &[u8]) -> Result<Vec<u8>, XlsxError> {
    use std::io::{Cursor, Read, Write};
    let mut origen = zip::ZipArchive::new(Cursor::new(xlsx))?;
    let mut copia = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(xlsx.len())));
    let mut contenido = Vec::new();
    for i in 0..origen.len() {
        let mut parte = origen.by_index(i)?;
        let opciones = zip::write::SimpleFileOptions::default()
            .system(zip::System::Unix)
            .compression_method(parte.compression())
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o600);
        contenido.clear();
        parte.read_to_end(&mut contenido)?;
        copia.start_file(parte.name()?, opciones)?;
        copia.write_all(&contenido)?;
    }
    Ok(copia.finish()?.into_inner())
}

fn escribir(ws: &mut Worksheet, f: &Formatos, r: u32, c: u16, v: &Valor) -> Result<(), XlsxError> {
    match v {
        Valor::Texto(t) if t.is_empty() => {}
        Valor::Texto(t) if parece_formula(t) => {
            ws.write_string_with_format(r, c, t, &f.formula_como_texto)?;
        }
        Valor::Texto(t) => {
            ws.write_string_with_format(r, c, t, &f.texto)?;
        }
        Valor::Numero(n) => {
            ws.write_number_with_format(r, c, *n, &f.numero)?;
        }
        Valor::Usd(n) => {
            ws.write_number_with_format(r, c, *n, &f.usd)?;
        }
        Valor::Fecha(d) => {
            ws.write_date_with_format(r, c, d, &f.fecha)?;
        }
        Valor::Vacio => {}
    }
    Ok(())
}

fn lista(v: &[String]) -> Valor {
    Valor::Texto(v.join(", "))
}

/// A plan's workbook.
fn libro_plan(plan: &Plan, d: &Documento) -> Result<Libro, XlsxError> {
    let mut libro = Libro::new(d.fecha);
    let acciones: Vec<Vec<Valor>> = d
        .acciones
        .iter()
        .map(|a| {
            let p = plan.acciones.iter().find(|x| x.id == a.id);
            let ind = p.map(|x| &x.indicador);
            vec![
                a.id.as_str().into(),
                a.eje_nombre.as_str().into(),
                a.objetivo.as_str().into(),
                a.descripcion.as_str().into(),
                lista(&a.riesgos),
                a.responsable.as_str().into(),
                lista(&a.corresponsables),
                a.indicador.as_str().into(),
                a.unidad.as_str().into(),
                ind.and_then(|i| i.linea_base)
                    .map_or(Valor::Vacio, Valor::Numero),
                ind.and_then(|i| i.meta).map_or(Valor::Vacio, Valor::Numero),
                a.medio_verificacion.as_str().into(),
                p.map_or(Valor::Vacio, |x| Valor::Fecha(x.plazo.inicio)),
                p.map_or(Valor::Vacio, |x| Valor::Fecha(x.plazo.fin)),
                p.and_then(|x| x.presupuesto.as_ref())
                    .map_or(Valor::Vacio, |m| Valor::Usd(m.monto)),
                a.fuente.as_str().into(),
            ]
        })
        .collect();
    libro.hoja(
        "Acciones",
        &[
            "Id",
            "Eje",
            "Objetivo",
            "Acción",
            "Riesgos",
            "Responsable",
            "Corresponsables",
            "Indicador",
            "Unidad",
            "Línea base",
            "Meta",
            "Medio de verificación",
            "Inicio",
            "Fin",
            "Presupuesto (USD)",
            "Fuente",
        ],
        None,
        &acciones,
    )?;
    let actores: Vec<Vec<Valor>> = d
        .actores
        .iter()
        .map(|a| {
            vec![
                a.id.as_str().into(),
                a.nombre.as_str().into(),
                a.tipo.as_str().into(),
                a.institucion.clone().into(),
                a.telefono.clone().into(),
                a.correo.clone().into(),
                a.direccion.clone().into(),
                lista(&a.lidera),
                lista(&a.acompana),
                lista(&a.etapas),
            ]
        })
        .collect();
    libro.hoja(
        "Actores",
        &[
            "Id",
            "Nombre",
            "Tipo",
            "Institución",
            "Teléfono",
            "Correo",
            "Dirección",
            "Lidera",
            "Acompaña",
            "Etapas de la ruta",
        ],
        None,
        &actores,
    )?;
    let riesgos: Vec<Vec<Valor>> = d
        .riesgos
        .iter()
        .map(|r| {
            vec![
                r.id.as_str().into(),
                r.titulo.as_str().into(),
                lista(&r.fines),
                lista(&r.poblaciones),
                Valor::Texto(r.zonas.join("; ")),
                r.probabilidad.into(),
                r.impacto.into(),
                Valor::Numero(f64::from(r.nivel)),
                lista(&r.acciones),
            ]
        })
        .collect();
    libro.hoja(
        "Riesgos",
        &[
            "Id",
            "Riesgo",
            "Fines de explotación",
            "Poblaciones",
            "Zonas",
            "Probabilidad",
            "Impacto",
            "Nivel (1-9)",
            "Acciones",
        ],
        None,
        &riesgos,
    )?;
    let ruta: Vec<Vec<Valor>> = d
        .ruta_atencion
        .iter()
        .map(|e| {
            let horas = plan
                .ruta_atencion
                .iter()
                .find(|x| x.etapa == e.id)
                .and_then(|x| x.plazo_horas);
            vec![
                Valor::Numero(e.numero as f64),
                e.nombre.as_str().into(),
                (if e.obligatoria { "Sí" } else { "No" }).into(),
                e.responsable.clone().into(),
                e.telefono.clone().into(),
                e.correo.clone().into(),
                lista(&e.apoyo),
                horas.map_or(Valor::Vacio, |h| Valor::Numero(f64::from(h))),
                e.plazo_max.clone().into(),
            ]
        })
        .collect();
    libro.hoja(
        "Ruta de atención",
        &[
            "N.º",
            "Etapa",
            "Obligatoria",
            "Responsable",
            "Teléfono",
            "Correo",
            "Apoyo",
            "Plazo (horas)",
            "Máximo nacional",
        ],
        None,
        &ruta,
    )?;
    let mut presupuesto: Vec<Vec<Valor>> = Vec::new();
    for (grupo, montos) in [
        ("Eje", &d.presupuesto.por_eje),
        ("Fuente", &d.presupuesto.por_fuente),
    ] {
        for m in montos {
            presupuesto.push(vec![
                grupo.into(),
                m.nombre.as_str().into(),
                Valor::Usd(m.monto),
                Valor::Numero(m.fraccion),
            ]);
        }
    }
    presupuesto.push(vec![
        "Total".into(),
        "Total".into(),
        Valor::Usd(d.presupuesto.total),
        Valor::Numero(1.0),
    ]);
    libro.hoja(
        "Presupuesto",
        &["Agrupación", "Nombre", "Monto (USD)", "Fracción del total"],
        None,
        &presupuesto,
    )?;
    Ok(libro)
}

/// The consolidated report's workbook: one row per plan in every sheet.
fn libro_informe(inf: &Informe, fecha: chrono::NaiveDate) -> Result<Libro, XlsxError> {
    let mut libro = Libro::new(fecha);
    let plan = |f: &crate::documento::informe::FilaPlan| -> Vec<Valor> {
        vec![
            f.etiqueta.as_str().into(),
            f.archivo.as_str().into(),
            f.provincia.clone().into(),
        ]
    };
    let base = ["Cantón", "Archivo", "Provincia"];
    let con = |extra: Vec<String>| -> Vec<String> {
        base.iter().map(|s| (*s).to_owned()).chain(extra).collect()
    };

    let cols = con(vec![
        "Código DPA".into(),
        "Estado".into(),
        "Errores".into(),
        "Advertencias".into(),
        "Sugerencias".into(),
        "Acciones".into(),
        "Etapas obligatorias cubiertas".into(),
        "Etapas obligatorias".into(),
        "Brechas".into(),
        "Presupuesto (USD)".into(),
        "Observaciones abiertas".into(),
        "Fines sin acción".into(),
    ]);
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .map(|f| {
            let mut v = plan(f);
            v.extend([
                f.codigo.clone().into(),
                f.estado_texto.as_str().into(),
                Valor::Numero(f.errores as f64),
                Valor::Numero(f.advertencias as f64),
                Valor::Numero(f.sugerencias as f64),
                Valor::Numero(f.acciones as f64),
                Valor::Numero(f.etapas_cubiertas as f64),
                Valor::Numero(f.etapas_obligatorias as f64),
                Valor::Numero(f.brechas as f64),
                Valor::Usd(f.presupuesto),
                f.observaciones_abiertas
                    .map_or(Valor::Vacio, |n| Valor::Numero(n as f64)),
                Valor::Texto(f.fines_sin_accion.join(", ")),
            ]);
            v
        })
        .collect();
    libro.hoja("Planes", &as_str(&cols), None, &filas)?;

    let cols = con(inf
        .ejes
        .iter()
        .map(|e| format!("{} (acciones)", e.nombre))
        .collect());
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .map(|f| {
            let mut v = plan(f);
            v.extend(f.por_eje.iter().map(|c| Valor::Numero(c.acciones as f64)));
            v
        })
        .collect();
    libro.hoja("Ejes", &as_str(&cols), None, &filas)?;

    let cols = con(inf.etapas.iter().map(|e| e.nombre.clone()).collect());
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .map(|f| {
            let mut v = plan(f);
            v.extend(f.por_etapa.iter().map(|c| {
                Valor::from(match (c.cubierta, c.brecha) {
                    (true, _) => "Sí",
                    (false, true) => "No (brecha)",
                    (false, false) => "No",
                })
            }));
            v
        })
        .collect();
    libro.hoja("Ruta de atención", &as_str(&cols), None, &filas)?;

    let mut cols = con(inf
        .ejes
        .iter()
        .map(|e| format!("{} (USD)", e.nombre))
        .collect());
    cols.push("Total (USD)".into());
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .map(|f| {
            let mut v = plan(f);
            v.extend(f.por_eje.iter().map(|c| Valor::Usd(c.monto)));
            v.push(Valor::Usd(f.presupuesto));
            v
        })
        .collect();
    libro.hoja("Presupuesto", &as_str(&cols), None, &filas)?;

    let mut cols = con(inf
        .fines
        .iter()
        .map(|x| format!("{} (acciones)", x.nombre))
        .collect());
    cols.push("Fines de sus riesgos sin acción".into());
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .map(|f| {
            let mut v = plan(f);
            v.extend(f.por_fin.iter().map(|c| Valor::Numero(c.acciones as f64)));
            v.push(Valor::Texto(f.fines_sin_accion.join(", ")));
            v
        })
        .collect();
    libro.hoja("Fines", &as_str(&cols), None, &filas)?;

    let cols = con(vec!["Estado".into(), "Observaciones abiertas".into()]);
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .map(|f| {
            let mut v = plan(f);
            v.push(f.estado_texto.as_str().into());
            v.push(
                f.observaciones_abiertas
                    .map_or(Valor::from("sin archivo de observaciones"), |n| {
                        Valor::Numero(n as f64)
                    }),
            );
            v
        })
        .collect();
    libro.hoja("Observaciones", &as_str(&cols), None, &filas)?;

    let cols = con(vec![
        "Último corte".into(),
        "Acciones".into(),
        "Acciones a tiempo".into(),
        "Semáforo".into(),
        "Presupuesto (USD)".into(),
        "Ejecutado (USD)".into(),
        "Acciones atrasadas".into(),
    ]);
    let filas: Vec<Vec<Valor>> = inf
        .planes
        .iter()
        .filter_map(|f| Some((f, f.seguimiento.as_ref()?)))
        .map(|(f, s)| {
            let mut v = plan(f);
            if s.legible {
                v.extend([
                    s.ultimo_corte.clone().into(),
                    Valor::Numero(s.acciones as f64),
                    Valor::Numero(s.a_tiempo as f64),
                    s.semaforo.into(),
                    Valor::Usd(s.presupuesto),
                    Valor::Usd(s.ejecutado),
                    Valor::Texto(s.atrasadas.join(", ")),
                ]);
            } else {
                v.push(format!("no se pudo leer ({} errores)", s.errores).into());
            }
            v
        })
        .collect();
    libro.hoja("Seguimiento", &as_str(&cols), None, &filas)?;
    Ok(libro)
}

fn as_str(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_a_workbook_says_unix_with_its_own_content_and_compression() {
        let mut libro = Libro::new(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        libro
            .hoja("Acciones", &["Acción"], None, &[vec!["Talleres".into()]])
            .unwrap();
        let antes = libro.libro.save_to_buffer().unwrap();
        let despues = igual_en_todo_sistema(&antes).unwrap();
        let abrir = |b: &[u8]| zip::ZipArchive::new(std::io::Cursor::new(b.to_vec())).unwrap();
        let (mut a, mut d) = (abrir(&antes), abrir(&despues));
        assert_eq!(a.len(), d.len());
        for i in 0..a.len() {
            let (mut pa, mut pd) = (a.by_index(i).unwrap(), d.by_index(i).unwrap());
            assert_eq!(pd.system(), zip::System::Unix);
            assert_eq!(pa.name().unwrap(), pd.name().unwrap());
            assert_eq!(pa.compression(), pd.compression());
            assert_eq!(pd.unix_mode(), Some(0o100600));
            assert_eq!(pa.last_modified(), pd.last_modified());
            let leer = |p: &mut zip::read::ZipFile<'_, _>| {
                let mut v = Vec::new();
                std::io::Read::read_to_end(p, &mut v).unwrap();
                v
            };
            assert_eq!(leer(&mut pa), leer(&mut pd));
        }
        assert_eq!(igual_en_todo_sistema(&despues).unwrap(), despues);
    }
}
