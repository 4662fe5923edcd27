//! The consolidated report over a folder of plans (`docs/informe.md`): what an adviser who follows
//! many cantons needs side by side — each plan's status, which national axes have actions (and
//! which mandatory ones have none), which referral stages have someone responsible, the budget by
//! axis, the actions per purpose of exploitation, the open review observations, and the
//! execution of each plan that has a monitoring file ([`seguimiento`]).
//!
//! [`Informe`] is plain data ([`crate::documento::informe`]) built here from the checked plans;
//! it is printed as text tables ([`texto`]) or by any output format that admits it (JSON for
//! dashboards, PDF and HTML with charts; see [`crate::render`]). A plan with errors is never left
//! out: it appears with its counts, and its figures when it could be read at all.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::carpeta::{Resultado, comprobar, entradas};
use crate::diagnostics::Conteo;
use crate::documento::Documento;
use crate::documento::informe::{
    CeldaEje, CeldaEtapa, CeldaFin, Columna, Etiquetas, FilaPlan, Informe, Provincia, TotalEje,
    TotalFin, Totales,
};
use crate::documento::portada::estado;
use crate::espanol::{palabra, plural, usd};
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;
use crate::rules::Opciones;

mod seguimiento;
pub mod texto;

fn primera_palabra(nombre: &str) -> String {
    nombre
        .split_whitespace()
        .next()
        .unwrap_or(nombre)
        .to_owned()
}

/// The columns of the report, from one national reference.
struct Columnas {
    ejes: Vec<Columna>,
    etapas: Vec<Columna>,
    fines: Vec<Columna>,
}

impl Columnas {
    fn de(r: &Referencia) -> Columnas {
        let ejes = r
            .ejes
            .valores
            .iter()
            .map(|e| Columna {
                id: e.id.clone(),
                nombre: e.nombre.clone(),
                corto: primera_palabra(&e.nombre),
                obligatorio: e.obligatorio,
            })
            .collect();
        let etapas = r
            .etapas_ruta
            .valores
            .iter()
            .enumerate()
            .map(|(i, e)| Columna {
                id: e.id.clone(),
                nombre: e.nombre.clone(),
                corto: (i + 1).to_string(),
                obligatorio: e.obligatoria,
            })
            .collect();
        let fines = r
            .fines_explotacion
            .valores
            .iter()
            .enumerate()
            .map(|(i, f)| Columna {
                id: f.id.clone(),
                nombre: f.nombre.clone(),
                corto: format!("F{}", i + 1),
                obligatorio: false,
            })
            .collect();
        Columnas {
            ejes,
            etapas,
            fines,
        }
    }
}

impl Informe {
    /// The report from its rows (one per plan, in file order), with columns from `r`, dated
    /// `fecha`.
    fn de_filas(
        origen: &str,
        r: &Referencia,
        columnas: Columnas,
        mut planes: Vec<FilaPlan>,
        fecha: NaiveDate,
    ) -> Informe {
        let Columnas {
            ejes,
            etapas,
            fines,
        } = columnas;
        // Two drafts of the same canton in one folder: tell the rows apart by file name.
        let mut por_canton: rustc_hash::FxHashMap<String, usize> = Default::default();
        for p in &planes {
            *por_canton.entry(p.canton.clone()).or_default() += 1;
        }
        for p in &mut planes {
            if por_canton.get(&p.canton).is_some_and(|n| *n > 1) {
                let archivo = std::path::Path::new(&p.archivo)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                p.etiqueta = format!("{} ({archivo})", p.canton);
            }
        }
        let max_plan = planes.iter().map(|p| p.presupuesto).fold(0.0_f64, f64::max);
        for p in &mut planes {
            for c in &mut p.por_eje {
                c.fraccion = if max_plan > 0.0 {
                    c.monto / max_plan
                } else {
                    0.0
                };
            }
        }
        let generales = totales(&planes.iter().collect::<Vec<_>>(), &ejes, &etapas, &fines);
        // One row per province however the plans write it («IMBABURA», «Bolivar»: the province
        // rule accepts any case and accents), named as the canton catalogue names it; in Spanish
        // alphabetical order (accents and case aside), the unread plans last.
        let dpa = crate::reference::dpa::Dpa::get();
        let mut por_provincia: std::collections::BTreeMap<
            (bool, String),
            (String, Vec<&FilaPlan>),
        > = Default::default();
        for p in &planes {
            let nombre = p
                .codigo
                .as_deref()
                .and_then(|c| dpa.by_code(c))
                .map(|c| c.provincia.as_str())
                .or(p.provincia.as_deref());
            let clave = (
                nombre.is_none(),
                crate::suggest::fold(nombre.unwrap_or_default()),
            );
            por_provincia
                .entry(clave)
                .or_insert_with(|| (nombre.unwrap_or(SIN_PROVINCIA).to_owned(), Vec::new()))
                .1
                .push(p);
        }
        let provincias = por_provincia
            .into_iter()
            .map(|(_, (nombre, planes))| Provincia {
                nombre,
                totales: totales(&planes, &ejes, &etapas, &fines),
            })
            .collect();
        Informe {
            version: 1,
            origen: origen.to_owned(),
            fecha: crate::espanol::fecha_larga(fecha),
            referencia: r.nombre.clone(),
            referencia_corta: r.nombre_corto.clone(),
            ejes,
            etapas,
            fines,
            planes,
            totales: generales,
            provincias,
        }
    }
}

/// The report over the plans named by `nombrados` (files or folders), checked with `opciones`.
///
/// Plans stream through: each is loaded, checked and reduced to its row, and dropped before the
/// report is made, so memory does not grow with the plans beyond the rows the report prints. The
/// columns come from the reference of the first plan that can be read (the embedded PACTA when it
/// names none that can be found), so the plans up to that one are checked first, in order.
pub fn informe(
    nombrados: &[PathBuf],
    opciones: Opciones,
    fecha: NaiveDate,
) -> Result<Informe, crate::Error> {
    use rayon::prelude::*;
    let entradas = entradas(nombrados)?;
    let mut primeros = Vec::new();
    let mut referencia = None;
    for e in &entradas {
        let res = comprobar(e, opciones);
        let legible = match &res {
            Resultado::Plan(v) if v.plan().is_some() => Some(v.referencia().cloned()),
            _ => None,
        };
        primeros.push(res);
        if let Some(r) = legible {
            referencia = r;
            break;
        }
    }
    let r = referencia.as_ref().unwrap_or(Referencia::pacta());
    let columnas = Columnas::de(r);
    let mut filas: Vec<FilaPlan> = primeros
        .iter()
        .map(|res| fila(res, &columnas, fecha))
        .collect();
    drop(primeros);
    filas.par_extend(
        entradas[filas.len()..]
            .par_iter()
            .map(|e| fila(&comprobar(e, opciones), &columnas, fecha)),
    );
    // The report names the folders and files as the user named them, by their last component:
    // no path of the machine it was made on.
    let origen = nombrados
        .iter()
        .map(|r| nombre_visible(r))
        .collect::<Vec<_>>()
        .join(", ");
    let mut informe = Informe::de_filas(&origen, r, columnas, filas, fecha);
    for fila in &mut informe.planes {
        let archivo = std::path::Path::new(&fila.archivo);
        fila.archivo = nombrados
            .iter()
            .filter(|n| n.is_dir())
            .find_map(|n| archivo.strip_prefix(n).ok())
            .map(|r| r.display().to_string())
            .unwrap_or_else(|| nombre_visible(archivo));
    }
    Ok(informe)
}

/// The last component of a path as the user wrote it; the current folder's own name for `.`.
fn nombre_visible(path: &std::path::Path) -> String {
    let path = if path.as_os_str().is_empty() || path == std::path::Path::new(".") {
        std::env::current_dir().unwrap_or_default()
    } else {
        path.to_path_buf()
    };
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The row of one checked plan.
fn fila(res: &Resultado, columnas: &Columnas, fecha: NaiveDate) -> FilaPlan {
    let Columnas {
        ejes,
        etapas,
        fines,
    } = columnas;
    let revision = res.revision();
    let mut conteo = Conteo::default();
    if let Some(r) = revision {
        conteo.sumar(Conteo::de(&r.diagnostics));
    }
    let abiertas = revision
        .filter(|r| r.loaded.datos.is_some())
        .map(|r| r.abiertas());
    let (archivo, validado) = match res {
        Resultado::Plan(v) => {
            conteo.sumar(Conteo::de(&v.diagnostics));
            (v.loaded.archivo.clone(), Some(v))
        }
        Resultado::SinPlan { plan, .. } => (plan.clone(), None),
    };
    let plan = validado.and_then(|v| v.plan());
    let referencia = validado.and_then(|v| v.referencia());
    let nombre_archivo = archivo
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let canton = validado.and_then(|v| v.canton()).unwrap_or(nombre_archivo);
    let mut fila = FilaPlan {
        archivo: archivo.display().to_string(),
        etiqueta: canton.clone(),
        canton,
        codigo: plan.map(|p| p.canton.codigo.clone()),
        provincia: plan.map(|p| p.canton.provincia.clone()),
        estado: plan.map(|p| estado(p.estado).0),
        estado_texto: match (plan, validado) {
            (Some(p), _) => estado(p.estado).1.to_owned(),
            (None, Some(_)) => "No se pudo leer".to_owned(),
            (None, None) => "No existe el plan".to_owned(),
        },
        errores: conteo.errores,
        advertencias: conteo.advertencias,
        sugerencias: conteo.sugerencias,
        legible: false,
        observaciones_abiertas: abiertas,
        acciones: 0,
        por_eje: ejes
            .iter()
            .map(|_| CeldaEje {
                acciones: 0,
                monto: 0.0,
                monto_texto: usd(0.0),
                fraccion: 0.0,
                brecha: false,
            })
            .collect(),
        por_etapa: etapas
            .iter()
            .map(|_| CeldaEtapa {
                cubierta: false,
                brecha: false,
            })
            .collect(),
        etapas_cubiertas: 0,
        etapas_obligatorias: etapas.iter().filter(|e| e.obligatorio).count(),
        brechas: 0,
        otras_brechas: Vec::new(),
        presupuesto: 0.0,
        presupuesto_texto: usd(0.0),
        por_fin: fines
            .iter()
            .map(|_| CeldaFin {
                acciones: 0,
                brecha: false,
            })
            .collect(),
        fines_sin_accion: Vec::new(),
        seguimiento: seguimiento::fila(res.seguimiento(), plan),
    };
    if let (Some(plan), Some(r)) = (plan, referencia) {
        cifras(&mut fila, plan, r, ejes, etapas, fines, fecha);
    }
    fila
}

/// The figures of a plan that could be read: from its printable document, so that the report
/// counts exactly what the plan's own alignment chapter shows.
fn cifras(
    fila: &mut FilaPlan,
    plan: &Plan,
    r: &Referencia,
    ejes: &[Columna],
    etapas: &[Columna],
    fines: &[Columna],
    fecha: NaiveDate,
) {
    let doc = Documento::new(plan, r, fecha);
    // The gaps are those `validar --estricto` reports, counted by the same function.
    let brechas = crate::rules::brechas::de(plan, r);
    fila.legible = true;
    fila.acciones = plan.acciones.len();
    for (col, celda) in ejes.iter().zip(&mut fila.por_eje) {
        if let Some(e) = doc.ejes.iter().find(|e| e.id == col.id) {
            celda.acciones = e.num_acciones;
            celda.monto = e.monto;
            celda.monto_texto = e.monto_texto.clone();
        }
        // A mandatory axis without actions, or whose actions have no budget, is not covered.
        celda.brecha = brechas.eje(&col.id);
    }
    for (col, celda) in etapas.iter().zip(&mut fila.por_etapa) {
        // A mandatory stage is covered when every required population has someone responsible.
        celda.brecha = brechas.etapa(&col.id);
        celda.cubierta = !celda.brecha
            && doc
                .ruta_atencion
                .iter()
                .any(|e| e.id == col.id && e.responsable.is_some());
    }
    fila.etapas_cubiertas = etapas
        .iter()
        .zip(&fila.por_etapa)
        .filter(|(col, c)| col.obligatorio && c.cubierta)
        .count();
    fila.brechas = brechas.total();
    if brechas.sin_cifras {
        fila.otras_brechas
            .push("sin cifras de casos en el diagnóstico".to_owned());
    }
    if brechas.mayoria_sin_presupuesto {
        fila.otras_brechas
            .push("la mayoría de las acciones sin presupuesto".to_owned());
    }
    fila.presupuesto = doc.presupuesto.total;
    fila.presupuesto_texto = doc.presupuesto.total_texto.clone();
    for (i, col) in fines.iter().enumerate() {
        let riesgos: Vec<&str> = plan
            .riesgos
            .iter()
            .filter(|x| x.fines.contains(&col.id))
            .map(|x| x.id.as_str())
            .collect();
        let celda = &mut fila.por_fin[i];
        celda.acciones = plan
            .acciones
            .iter()
            .filter(|a| a.riesgos.iter().any(|x| riesgos.contains(&x.as_str())))
            .count();
        celda.brecha = !riesgos.is_empty() && celda.acciones == 0;
        if celda.brecha {
            fila.fines_sin_accion.push(col.nombre.clone());
        }
    }
}

/// Where the plans that could not be read as far as their canton are counted, by province.
const SIN_PROVINCIA: &str = "Sin provincia (plan ilegible)";

/// The totals over `planes` (the whole folder, or one province).
fn totales(
    planes: &[&FilaPlan],
    ejes: &[Columna],
    etapas: &[Columna],
    fines: &[Columna],
) -> Totales {
    let legibles: Vec<&FilaPlan> = planes.iter().copied().filter(|p| p.legible).collect();
    let presupuesto: f64 = legibles.iter().map(|p| p.presupuesto).sum();
    let por_eje = (0..ejes.len())
        .map(|i| {
            let monto: f64 = legibles.iter().map(|p| p.por_eje[i].monto).sum();
            TotalEje {
                acciones: legibles.iter().map(|p| p.por_eje[i].acciones).sum(),
                monto,
                monto_texto: usd(monto),
                fraccion: if presupuesto > 0.0 {
                    monto / presupuesto
                } else {
                    0.0
                },
                planes_sin_acciones: legibles
                    .iter()
                    .filter(|p| p.por_eje[i].acciones == 0)
                    .count(),
                planes_con_brecha: legibles.iter().filter(|p| p.por_eje[i].brecha).count(),
            }
        })
        .collect();
    let fin_acciones: Vec<usize> = (0..fines.len())
        .map(|i| legibles.iter().map(|p| p.por_fin[i].acciones).sum())
        .collect();
    let max_fin = fin_acciones.iter().copied().max().unwrap_or(0);
    let por_fin = fin_acciones
        .iter()
        .enumerate()
        .map(|(i, &acciones)| {
            let planes_con_riesgo = legibles
                .iter()
                .filter(|p| p.por_fin[i].acciones > 0 || p.por_fin[i].brecha)
                .count();
            TotalFin {
                acciones,
                planes_con_riesgo,
                planes_con_brecha: legibles.iter().filter(|p| p.por_fin[i].brecha).count(),
                fraccion: if max_fin > 0 {
                    acciones as f64 / max_fin as f64
                } else {
                    0.0
                },
                texto: format!(
                    "{} en {}",
                    plural(acciones, "acción", "acciones"),
                    plural(planes_con_riesgo, "plan", "planes")
                ),
            }
        })
        .collect();
    let con_errores = planes.iter().filter(|p| p.errores > 0).count();
    let observaciones_abiertas = planes.iter().filter_map(|p| p.observaciones_abiertas).sum();
    let acciones = legibles.iter().map(|p| p.acciones).sum();
    Totales {
        planes: planes.len(),
        con_errores,
        ilegibles: planes.iter().filter(|p| !p.legible).count(),
        con_brechas: legibles.iter().filter(|p| p.brechas > 0).count(),
        errores: planes.iter().map(|p| p.errores).sum(),
        advertencias: planes.iter().map(|p| p.advertencias).sum(),
        observaciones_abiertas,
        acciones,
        por_eje,
        por_etapa: (0..etapas.len())
            .map(|i| legibles.iter().filter(|p| p.por_etapa[i].cubierta).count())
            .collect(),
        brechas_etapa: (0..etapas.len())
            .map(|i| legibles.iter().filter(|p| p.por_etapa[i].brecha).count())
            .collect(),
        por_fin,
        presupuesto,
        presupuesto_texto: usd(presupuesto),
        planes_texto: plural(planes.len(), "plan", "planes"),
        con_errores_texto: plural(con_errores, "plan tiene errores", "planes tienen errores"),
        seguimiento: seguimiento::totales(planes),
        etiquetas: Etiquetas {
            planes: palabra(planes.len(), "plan", "planes"),
            acciones: palabra(acciones, "acción", "acciones"),
            observaciones_abiertas: palabra(
                observaciones_abiertas,
                "observación abierta",
                "observaciones abiertas",
            ),
        },
    }
}
