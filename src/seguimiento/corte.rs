//! A new cut in a plan's monitoring file (`cantonal seguimiento PLAN --corte FECHA`): one entry
//! per action of the plan, with its indicator, target, term and budget (and what the previous
//! cut said of it) in comments, written in block style with the starter plan's writer
//! ([`crate::nuevo::escritor`]). The file is created when missing, with the actions as approved
//! (`plan_aprobado`); in an existing file the cut is added after the last one and nothing else
//! changes: the text of the other cuts is kept byte for byte, which is checked before anything is
//! written.
//!
//! What the official must say in every cut is left empty: each action's `estado` (the file
//! reads once it is written). The values of the indicator and the executed amounts are
//! accumulated, so the previous cut's are written as the starting point; who reports is taken
//! from the plan (the actor responsible for its monitoring).

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use crate::espanol::{fecha_larga, numero, usd};
use crate::nuevo::escritor::{Escritor, Valor, explicacion};
use crate::plan::campos::{self, Campo, Tipo};
use crate::plan::load::load_bytes;
use crate::plan::model::{Accion, Estado, Plan};
use crate::plan::seguimiento::{ConteosRuta, EstadoAccion, FechaImposible, Registro, Reporte};
use crate::plan::spans::Seg;
use crate::plan::yaml_edit::{en_comentario, iguales, yaml_texto};

/// Where editors find the schema of monitoring files, relative to the file.
pub const SCHEMA_PATH: &str = "esquema/seguimiento.schema.json";

/// Why a cut could not be added, in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCorte {
    /// The plan is not approved (and `--borrador` was not given).
    NoAprobado(String),
    /// The date cannot be a cut's.
    Fecha(String),
    /// The file already has a cut of that date.
    Existe(String),
    /// The existing file has problems to fix first: where and what.
    Ilegible(String),
}

impl std::fmt::Display for ErrorCorte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorCorte::NoAprobado(m)
            | ErrorCorte::Fecha(m)
            | ErrorCorte::Existe(m)
            | ErrorCorte::Ilegible(m) => f.write_str(m),
        }
    }
}

/// What a new cut says: only its date, for a cut the official fills in the file (each action's
/// state empty, its value and executed amount carried from the previous cut), or everything a
/// filled monitoring workbook says ([`super::libro`]).
#[derive(Debug, Clone)]
pub struct Contenido {
    /// Its date.
    pub fecha: NaiveDate,
    /// Who reports; the plan's monitoring responsible when `None`.
    pub informa: Option<String>,
    /// The route's counts.
    pub ruta: Option<ConteosRuta>,
    /// What it says of each action, when known.
    pub acciones: Option<Vec<Reporte>>,
}

impl Contenido {
    /// A cut to fill, dated `fecha`.
    pub fn por_llenar(fecha: NaiveDate) -> Contenido {
        Contenido {
            fecha,
            informa: None,
            ruta: None,
            acciones: None,
        }
    }
}

/// The fields of one list of the catalogue of monitoring files.
fn de(clave: &str) -> &'static [Campo] {
    let path: Vec<Seg> = clave.split('.').map(Seg::from).collect();
    campos::campo_en(campos::SEGUIMIENTO, &path).map_or(&[], |c| c.tipo.hijos())
}

/// Whether `plan` can be followed: it is approved, or `borrador` allows practising with a plan
/// that is not. The same refusal for a cut written in the file and for a workbook.
pub fn seguible(plan: &Plan, borrador: bool) -> Result<(), ErrorCorte> {
    if plan.estado == Estado::Aprobado || borrador {
        return Ok(());
    }
    Err(ErrorCorte::NoAprobado(format!(
        "el plan no está aprobado (estado: {}): el seguimiento mide lo que aprobó el Concejo. Para practicar con un borrador, agregue --borrador",
        crate::documento::portada::estado(plan.estado).1
    )))
}

/// The monitoring file of `plan` (its file name `archivo_plan`) with the new cut `nuevo`:
/// `actual` is the file's text, or `None` to create it. `borrador` allows following a plan that
/// is not approved; `hoy` is today.
pub fn agregar(
    plan: &Plan,
    archivo_plan: &str,
    actual: Option<&str>,
    nuevo: &Contenido,
    borrador: bool,
    hoy: NaiveDate,
) -> Result<String, ErrorCorte> {
    let fecha = nuevo.fecha;
    seguible(plan, borrador)?;
    match FechaImposible::de(fecha, &plan.periodo, hoy) {
        Some(FechaImposible::Futura) => {
            return Err(ErrorCorte::Fecha(format!(
                "el {} todavía no llega (hoy es {}): un corte informa de lo hecho hasta su fecha",
                fecha_larga(fecha),
                fecha_larga(hoy)
            )));
        }
        Some(_) => {
            return Err(ErrorCorte::Fecha(format!(
                "el {} está fuera del período del plan (del {} al {})",
                fecha_larga(fecha),
                fecha_larga(plan.periodo.inicio),
                fecha_larga(plan.periodo.fin)
            )));
        }
        None => {}
    }
    let Some(original) = actual else {
        let mut e = Escritor::default();
        encabezado(&mut e, plan, archivo_plan);
        plan_aprobado(&mut e, plan);
        e.valor("cortes", 0, false, Valor::Abre);
        corte(&mut e, plan, None, nuevo);
        return Ok(e.out);
    };
    // The file's own line ends and byte-order mark stay: the cut is added to its text with `\n`,
    // and written back as the file writes its lines.
    let bom = original.starts_with('\u{feff}');
    let crlf = original.contains("\r\n") && !original.replace("\r\n", "").contains('\n');
    let normal = original
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n");
    let texto = normal.as_str();
    let cargado = load_bytes::<Registro>(std::path::Path::new(archivo_plan), texto.as_bytes());
    let Some(registro) = &cargado.datos else {
        let d = cargado.diagnostics.first();
        let donde = d.map_or_else(String::new, |d| {
            format!(" (línea {}, columna {})", d.linea, d.columna)
        });
        let que = d.map_or_else(|| "no se pudo leer".to_owned(), |d| d.mensaje.clone());
        return Err(ErrorCorte::Ilegible(format!(
            "el archivo de seguimiento tiene problemas que corregir antes de agregar otro corte{donde}: {que}. `cantonal validar` los muestra todos"
        )));
    };
    if registro.cortes.iter().any(|c| c.fecha_corte == fecha) {
        return Err(ErrorCorte::Existe(format!(
            "el seguimiento ya tiene un corte del {}; nunca se cambia un corte escrito: corríjalo a mano o elija otra fecha",
            fecha_larga(fecha)
        )));
    }
    let mut e = Escritor::default();
    corte(&mut e, plan, Some(registro), nuevo);
    let mut nuevo = insertar(texto, &cargado, &e.out)?;
    if registro.plan_aprobado.is_none() {
        let mut a = Escritor::default();
        plan_aprobado(&mut a, plan);
        nuevo = antes_de_cortes(&nuevo, &a.out)?;
    }
    // Nothing written before changes: every cut reads as it did, and the new one follows.
    let despues = load_bytes::<Registro>(std::path::Path::new(archivo_plan), nuevo.as_bytes());
    let antes = cargado.valor.get("cortes").and_then(Value::as_array);
    let ahora = despues.valor.get("cortes").and_then(Value::as_array);
    let conservado = match (antes, ahora) {
        (Some(a), Some(n)) => {
            n.len() == a.len() + 1
                && a.iter().zip(n).all(|(x, y)| iguales(x, y))
                && n.last().and_then(|c| c.get("fecha_corte"))
                    == Some(&Value::from(fecha.to_string()))
        }
        _ => false,
    };
    if !conservado {
        return Err(ErrorCorte::Ilegible(
            "no se pudo agregar el corte sin cambiar el resto del archivo (la lista `cortes` debe estar escrita un corte debajo del otro, con guiones); no se escribió nada".into(),
        ));
    }
    if crlf {
        nuevo = nuevo.replace('\n', "\r\n");
    }
    if bom {
        nuevo.insert(0, '\u{feff}');
    }
    Ok(nuevo)
}

/// Writes the schema of monitoring files where a new monitoring file at `salida` names it
/// ([`SCHEMA_PATH`], which editors with YAML support read), unless it is there already.
pub fn escribir_esquema(salida: &Path) -> Result<(), crate::Error> {
    let carpeta = salida
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let esquema = carpeta.join(SCHEMA_PATH);
    if esquema.exists() {
        return Ok(());
    }
    let dir = esquema.parent().unwrap_or(carpeta);
    std::fs::create_dir_all(dir).map_err(|e| crate::Error::Escritura(dir.to_owned(), e))?;
    crate::escritura::write_atomic(&esquema, crate::generados::esquema_seguimiento().as_bytes())
}

/// The first lines of a new monitoring file.
fn encabezado(e: &mut Escritor, plan: &Plan, archivo_plan: &str) {
    let nombre = en_comentario(archivo_plan);
    e.out.push_str(&format!(
        "# yaml-language-server: $schema={SCHEMA_PATH}\n#\n# Seguimiento del plan cantonal contra la trata de personas de {} ({nombre}).\n# Creado por `cantonal seguimiento`. Cada corte dice cómo iba cada acción del plan a su fecha;\n# agregue el próximo con `cantonal seguimiento {nombre} --corte AAAA-MM-DD` y revise el archivo con\n#     cantonal validar {nombre}\n# Las líneas que empiezan con # son comentarios: el programa no las lee.\n\n",
        en_comentario(&plan.canton.nombre)
    ));
    e.campo(
        campos::SEGUIMIENTO,
        "formato",
        0,
        false,
        "No la cambie.",
        Valor::Yaml("1".into()),
    );
    e.blanco();
}

/// The plan's actions as they are now: what the monitoring measures.
fn plan_aprobado(e: &mut Escritor, plan: &Plan) {
    e.campo(
        campos::SEGUIMIENTO,
        "plan_aprobado",
        0,
        false,
        "",
        Valor::Abre,
    );
    if let Some(a) = &plan.aprobacion {
        e.valor("fecha", 2, false, Valor::Yaml(a.fecha.to_string()));
    }
    e.valor("acciones", 2, false, Valor::Abre);
    for a in &plan.acciones {
        let mut campos = vec![
            format!("accion: {}", yaml_texto(&a.id)),
            format!("inicio: {}", a.plazo.inicio),
            format!("fin: {}", a.plazo.fin),
        ];
        let cifra = |v: f64| v.to_string();
        if let Some(v) = a.indicador.linea_base {
            campos.push(format!("linea_base: {}", cifra(v)));
        }
        if let Some(v) = a.indicador.meta {
            campos.push(format!("meta: {}", cifra(v)));
        }
        if let Some(p) = &a.presupuesto {
            campos.push(format!("monto: {:.2}", p.monto));
        }
        e.out
            .push_str(&format!("    - {{ {} }}\n", campos.join(", ")));
    }
    e.blanco();
}

/// The previous report of the action `id` before `fecha` in `registro`, with its cut's date.
pub fn previo<'a>(
    registro: Option<&'a Registro>,
    id: &str,
    fecha: NaiveDate,
) -> Option<(NaiveDate, &'a Reporte)> {
    registro.and_then(|r| {
        r.cronologico()
            .into_iter()
            .rev()
            .filter(|c| c.fecha_corte < fecha)
            .find_map(|c| c.reporte(id).map(|x| (c.fecha_corte, x)))
    })
}

/// The new cut, as an item of `cortes` (indented two spaces), after the cuts of `registro`.
fn corte(e: &mut Escritor, plan: &Plan, registro: Option<&Registro>, nuevo: &Contenido) {
    let fecha = nuevo.fecha;
    let c = de("cortes");
    e.comentario(
        2,
        &format!(
            "Corte del {}, creado por `cantonal seguimiento`.",
            fecha_larga(fecha)
        ),
    );
    e.campo(
        c,
        "fecha_corte",
        4,
        true,
        "",
        Valor::Yaml(fecha.to_string()),
    );
    let (informa, nota) = match &nuevo.informa {
        Some(i) => (i.clone(), ""),
        None => (
            plan.nombre_actor(&plan.seguimiento.responsable),
            "Según el plan, es quien da seguimiento al plan.",
        ),
    };
    e.campo(c, "informa", 4, false, nota, Valor::Linea(&informa));
    e.campo(c, "ruta_atencion", 4, false, "", Valor::Abre);
    let ruta = nuevo.ruta.unwrap_or_default();
    for (r, v) in de("cortes.ruta_atencion").iter().zip([
        ruta.casos_identificados,
        ruta.casos_atendidos,
        ruta.casos_derivados,
    ]) {
        e.valor(
            r.clave,
            6,
            false,
            v.map_or(Valor::Nada, |n| Valor::Yaml(n.to_string())),
        );
    }
    e.campo(
        c,
        "acciones",
        4,
        false,
        "Cada acción lleva los campos que siguen; el estado se escribe en cada corte, y el valor y el ejecutado vienen del corte anterior: actualícelos.",
        Valor::Abre,
    );
    for f in de("cortes.acciones").iter().skip(1) {
        let mut texto = format!("{}: {}", f.clave, explicacion(f));
        if let Tipo::Opcion { valores } = f.tipo {
            let ids: Vec<&str> = valores.iter().map(|v| v.id).collect();
            texto.push_str(&format!(" Uno de: {}.", ids.join(", ")));
        }
        if matches!(f.tipo, Tipo::Textos) {
            texto.push_str(" Una línea `- documento` debajo por cada una.");
        }
        e.comentario(6, &texto);
    }
    let reportes: Vec<Reporte> = match &nuevo.acciones {
        Some(rs) => rs.clone(),
        None => plan
            .acciones
            .iter()
            .map(|a| {
                let anterior = previo(registro, &a.id, fecha).map(|(_, r)| r);
                Reporte {
                    accion: a.id.clone(),
                    estado: EstadoAccion::NoIniciada,
                    valor: anterior.and_then(|r| r.valor),
                    ejecutado: anterior.and_then(|r| r.ejecutado),
                    evidencias: Vec::new(),
                    dificultades: None,
                }
            })
            .collect(),
    };
    for r in &reportes {
        let Some(a) = plan.acciones.iter().find(|a| a.id == r.accion) else {
            reporte(e, r, nuevo.acciones.is_some());
            continue;
        };
        let previo = previo(registro, &a.id, fecha);
        e.comentario(6, &format!("{} — {}", a.id, a.descripcion));
        for linea in resena(a) {
            e.comentario(6, &linea);
        }
        let cifra = |v: Option<f64>| v.map_or_else(|| "sin indicar".to_owned(), numero);
        if let Some((f, r)) = previo {
            e.comentario(
                6,
                &format!(
                    "Corte del {}: {}; valor {}; ejecutado {}.",
                    fecha_larga(f),
                    r.estado.nombre().to_lowercase(),
                    cifra(r.valor),
                    r.ejecutado.map_or_else(|| "sin indicar".to_owned(), usd)
                ),
            );
        }
        reporte(e, r, nuevo.acciones.is_some());
    }
}

/// What a cut's entry of the action `a` measures against, in two sentences: its indicator with
/// baseline and target, and its term and budget. In the comments of a new cut, and beside the
/// action in the editor's form.
pub fn resena(a: &Accion) -> [String; 2] {
    let ind = &a.indicador;
    let cifra = |v: Option<f64>| v.map_or_else(|| "sin indicar".to_owned(), numero);
    let unidad = ind
        .unidad
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    let presupuesto = a.presupuesto.as_ref().map_or_else(
        || "sin presupuesto".to_owned(),
        |p| match &p.fuente {
            Some(f) => format!("presupuesto {} ({f})", usd(p.monto)),
            None => format!("presupuesto {}", usd(p.monto)),
        },
    );
    [
        format!(
            "Indicador: {}{unidad}; línea base {}, meta {}.",
            ind.nombre,
            cifra(ind.linea_base),
            cifra(ind.meta)
        ),
        format!(
            "Plazo: del {} al {}; {presupuesto}.",
            fecha_larga(a.plazo.inicio),
            fecha_larga(a.plazo.fin)
        ),
    ]
}

/// The entry of the report `r` in the list of a cut; `con_estado` writes its state (a cut to
/// fill leaves it empty).
fn reporte(e: &mut Escritor, r: &Reporte, con_estado: bool) {
    e.valor("accion", 8, true, Valor::Yaml(yaml_texto(&r.accion)));
    e.valor(
        "estado",
        8,
        false,
        if con_estado {
            Valor::Yaml(r.estado.id().to_owned())
        } else {
            Valor::Nada
        },
    );
    e.valor(
        "valor",
        8,
        false,
        r.valor.map_or(Valor::Nada, |v| Valor::Yaml(v.to_string())),
    );
    e.valor(
        "ejecutado",
        8,
        false,
        r.ejecutado
            .map_or(Valor::Nada, |v| Valor::Yaml(format!("{v:.2}"))),
    );
    if r.evidencias.is_empty() {
        e.valor("evidencias", 8, false, Valor::Yaml("[]".into()));
    } else {
        e.valor("evidencias", 8, false, Valor::Abre);
        for x in &r.evidencias {
            e.out.push_str(&format!("          - {}\n", yaml_texto(x)));
        }
    }
    match r.dificultades.as_deref() {
        Some(d) if d.contains('\n') => e.valor("dificultades", 8, false, Valor::Parrafos(d)),
        Some(d) => e.valor("dificultades", 8, false, Valor::Linea(d)),
        None => e.valor("dificultades", 8, false, Valor::Nada),
    }
}

/// `texto` with `cut` added after the last cut of its list `cortes`, located in `cargado`.
fn insertar(
    texto: &str,
    cargado: &crate::plan::load::Loaded<Registro>,
    cut: &str,
) -> Result<String, ErrorCorte> {
    let forma = || {
        ErrorCorte::Ilegible(
            "la lista `cortes` no está escrita un corte debajo del otro, con guiones; escríbala así para agregar un corte".into(),
        )
    };
    let nodo = cargado
        .spans()
        .get(&[Seg::Key("cortes".into())])
        .copied()
        .ok_or_else(forma)?;
    let lineas: Vec<&str> = texto.split_inclusive('\n').collect();
    let inicio = nodo.value.start;
    let primera = lineas.get(inicio.line - 1).ok_or_else(forma)?;
    let en_bloque = primera
        .chars()
        .nth(inicio.col - 1)
        .is_some_and(|c| c == '-');
    let mut out = String::with_capacity(texto.len() + cut.len() + 1);
    if en_bloque {
        if inicio.col != 3 {
            return Err(forma());
        }
        // After the line where the last cut ends (the region ends at the start of the next line
        // when the sequence is followed by more of the file).
        let fin = nodo.value.end;
        let despues = if fin.col == 1 { fin.line - 1 } else { fin.line };
        let despues = despues.min(lineas.len());
        for l in &lineas[..despues] {
            out.push_str(l);
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(cut);
        for l in &lineas[despues..] {
            out.push_str(l);
        }
        return Ok(out);
    }
    // `cortes: []`: the empty list becomes the new cut.
    let valor: String = primera.chars().skip(inicio.col - 1).collect::<String>();
    if nodo.value.start.line != nodo.value.end.line || !valor.trim_start().starts_with("[]") {
        return Err(forma());
    }
    let byte = primera
        .char_indices()
        .nth(inicio.col - 1)
        .map_or(primera.len(), |(b, _)| b);
    for l in &lineas[..inicio.line - 1] {
        out.push_str(l);
    }
    out.push_str(primera[..byte].trim_end());
    out.push('\n');
    out.push_str(cut);
    for l in &lineas[inicio.line..] {
        out.push_str(l);
    }
    Ok(out)
}

/// `texto` with `bloque` (the approved plan) inserted just before the line of the key `cortes`.
fn antes_de_cortes(texto: &str, bloque: &str) -> Result<String, ErrorCorte> {
    let mut out = String::with_capacity(texto.len() + bloque.len());
    let mut puesto = false;
    for l in texto.split_inclusive('\n') {
        if !puesto && l.starts_with("cortes:") {
            out.push_str(bloque);
            puesto = true;
        }
        out.push_str(l);
    }
    if puesto {
        Ok(out)
    } else {
        Err(ErrorCorte::Ilegible(
            "no se encontró la línea `cortes:` al comienzo de una línea; no se escribió nada"
                .into(),
        ))
    }
}
