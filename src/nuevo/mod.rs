//! Starting a plan: a canton found by name or INEC code (accent-insensitive, ambiguous names
//! listed), and the starter plan for it, with every field explained in Spanish by the catalogue
//! of fields ([`escritor`]), in block style so that an official who has never seen YAML can
//! replace each placeholder with any sentence. `cantonal nuevo` writes it; the editor offers the
//! same.

pub(crate) mod escritor;

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use crate::plan::campos::{self, Campo};
use crate::plan::schema::SCHEMA_PATH;
use crate::reference::dpa::{CantonDpa, Dpa};
use crate::reference::nacional::Referencia;
use crate::rules::pendientes::PENDIENTE;
use crate::suggest::fold;
use escritor::{Escritor, Valor};

/// Finds the canton named by `query`: a DPA code, or a name compared without case or accents.
pub fn buscar_canton(query: &str) -> Result<&'static CantonDpa, String> {
    let dpa = Dpa::get();
    let q = query.trim();
    if !q.is_empty() && q.chars().all(|c| c.is_ascii_digit()) {
        let code = format!("{q:0>4}");
        return dpa.by_code(&code).ok_or_else(|| {
            format!("el código `{q}` no corresponde a ningún cantón del catálogo DPA del INEC")
        });
    }
    match dpa.by_name(q).as_slice() {
        [one] => Ok(one),
        [] => {
            let cercanos: Vec<String> = dpa
                .closest(q, 5)
                .iter()
                .map(|c| format!("{} ({}, {})", c.nombre, c.codigo, c.provincia))
                .collect();
            Err(format!(
                "no hay un cantón llamado «{q}». Los más parecidos: {}",
                cercanos.join("; ")
            ))
        }
        varios => Err(format!(
            "hay varios cantones llamados «{q}»: {}. Use el código.",
            varios
                .iter()
                .map(|c| format!("{} de {} (código {})", c.nombre, c.provincia, c.codigo))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
}

/// A file-name-friendly form of a canton name: "Santo Domingo" → "santo-domingo".
pub fn slug(nombre: &str) -> String {
    fold(nombre)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Months between drafting a plan and the start of its period: its review and its approval by
/// the Concejo come first.
const MESES_HASTA_APROBAR: u32 = 3;

/// The period a new plan starts with: from the next 1 January when it is at least three months
/// away (a plan is drafted, reviewed and approved before it can start), else from the first day
/// of the first month that is; to 31 December of the second year after the start; within the
/// national plan. Never a period that has already started (C026) or whose start comes before the
/// plan can be approved (C025).
fn periodo_inicial(hoy: NaiveDate, referencia: &Referencia) -> (NaiveDate, NaiveDate) {
    let enero = NaiveDate::from_ymd_opt(hoy.year() + 1, 1, 1).unwrap_or(hoy);
    let listo = hoy
        .checked_add_months(chrono::Months::new(MESES_HASTA_APROBAR))
        .unwrap_or(hoy);
    let inicio = if enero >= listo {
        enero
    } else {
        // The first day of the month after `listo`, unless `listo` is itself a first day.
        let primero = listo.with_day(1).unwrap_or(listo);
        if primero == listo {
            primero
        } else {
            primero
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(listo)
        }
    };
    let fin = NaiveDate::from_ymd_opt(inicio.year() + 2, 12, 31).unwrap_or(inicio);
    (
        inicio.max(referencia.vigencia.inicio),
        fin.min(referencia.vigencia.fin),
    )
}

/// The body that approves a canton's plan: the Concejo Metropolitano in a Distrito Metropolitano
/// (Quito), the Concejo Municipal elsewhere ([`crate::reference::dpa::concejo`]).
pub fn concejo(canton: &CantonDpa) -> String {
    crate::reference::dpa::concejo(&canton.codigo, &canton.nombre).nombre
}

/// The fields of a group or list of the catalogue, by its key path (`acciones`,
/// `canton`…).
fn de(clave: &str) -> &'static [Campo] {
    let path: Vec<_> = clave
        .split('.')
        .map(crate::plan::spans::Seg::from)
        .collect();
    campos::campo(&path).map_or(&[], |c| c.tipo.hijos())
}

/// The list of the catalogue at `clave`.
fn lista(clave: &str) -> &'static campos::Lista {
    campos::lista(clave).unwrap_or_else(|| panic!("the catalogue has the list {clave}"))
}

/// The text of the starter plan. It is written in block style, one field per line, each with
/// the comment of the catalogue of fields (what it is, what to write, whether it is required),
/// and every text the official writes is a block (`>-` or `|` at the end of the field's line,
/// the text indented below): there, commas, colons, quotes and `#` need no quoting, so
/// replacing a placeholder with any sentence cannot break the file.
pub fn plan_inicial(canton: &CantonDpa, r: &Referencia, hoy: NaiveDate) -> String {
    let s = slug(&canton.nombre);
    let (inicio, fin) = periodo_inicial(hoy, r);
    let p = PENDIENTE;
    let mut e = Escritor {
        canton: (canton.nombre.clone(), canton.provincia.clone(), s.clone()),
        ..Escritor::default()
    };
    e.out.push_str(&format!(
        "# yaml-language-server: $schema={SCHEMA_PATH}
#
# Plan cantonal contra la trata de personas de {nombre} ({provincia}).
# Plan inicial creado por `cantonal nuevo`. Reemplace cada «{p}» y revise el plan con:
#     cantonal validar {s}.yaml
# o ábralo en el editor del navegador: cantonal editar
# Cada campo lleva un comentario que dice qué es, qué escribir y si es obligatorio.
# Las líneas que empiezan con # son comentarios: el programa no las lee.
#
# Los textos van debajo de su campo, con más sangría, después de `>-` (un texto de una línea)
# o de `|` (un texto con párrafos o listas). Ahí puede escribir comas, dos puntos, comillas y #
# sin comillas alrededor: solo mantenga la sangría.

",
        nombre = canton.nombre,
        provincia = canton.provincia,
    ));
    let plan = campos::PLAN;
    e.campo(
        plan,
        "formato",
        0,
        false,
        "No la cambie.",
        Valor::Yaml("1".into()),
    );
    e.campo(
        plan,
        "plan_nacional",
        0,
        false,
        "",
        Valor::Yaml(r.id.clone()),
    );
    e.campo(plan, "canton", 0, false, "Ya está completo.", Valor::Abre);
    let c = de("canton");
    e.campo(
        c,
        "codigo",
        2,
        false,
        "",
        Valor::Yaml(format!("\"{}\"", canton.codigo)),
    );
    e.campo(
        c,
        "nombre",
        2,
        false,
        "",
        Valor::Yaml(yaml_str(&canton.nombre)),
    );
    e.campo(
        c,
        "provincia",
        2,
        false,
        "",
        Valor::Yaml(yaml_str(&canton.provincia)),
    );
    let dentro = format!(
        "Debe quedar dentro de {} ({} a {}).",
        r.nombre_corto, r.vigencia.inicio, r.vigencia.fin
    );
    e.campo(plan, "periodo", 0, false, &dentro, Valor::Abre);
    let c = de("periodo");
    e.campo(c, "inicio", 2, false, "", Valor::Yaml(inicio.to_string()));
    e.campo(c, "fin", 2, false, "", Valor::Yaml(fin.to_string()));
    e.campo(plan, "estado", 0, false, "Cuando el Concejo lo apruebe, escriba `aprobado` y agregue la sección `aprobacion`, como en el ejemplo de abajo.", Valor::Yaml("borrador".into()));
    e.comentario(
        0,
        "Ejemplo del acto de aprobación (quite los # para usarlo):",
    );
    e.comentario(0, "aprobacion:");
    // Its fields but the signatories (the last, a list of their own), dated before the period
    // starts: the
    // second debate a month before, the first two weeks earlier, the sanction three days later.
    let aprobacion = de("aprobacion");
    let aprobacion = &aprobacion[..aprobacion.len() - 1];
    let aprobada = inicio
        .checked_sub_months(chrono::Months::new(1))
        .unwrap_or(inicio)
        .max(hoy);
    let dia = |d: NaiveDate| json!(d.to_string());
    e.ejemplo(
        aprobacion,
        0,
        false,
        r,
        &[
            ("organo", json!(concejo(canton))),
            ("fecha", dia(aprobada)),
            ("primer_debate", dia(aprobada - chrono::Days::new(14))),
            ("sancion", dia(aprobada + chrono::Days::new(3))),
        ],
    );
    e.blanco();
    e.campo(plan, "elaboracion", 0, false, "", Valor::Abre);
    let c = de("elaboracion");
    e.campo(c, "fecha", 2, false, "", Valor::Yaml(hoy.to_string()));
    e.campo(
        c,
        "equipo",
        2,
        false,
        "Agregue una entrada `- nombre:` por persona.",
        Valor::Abre,
    );
    let c = de("elaboracion.equipo");
    e.campo(
        c,
        "nombre",
        6,
        true,
        "",
        Valor::Linea(&format!("{p}: nombre")),
    );
    e.campo(
        c,
        "cargo",
        6,
        false,
        "",
        Valor::Linea(&format!("{p}: cargo")),
    );
    let ccpd = format!(
        "Consejo Cantonal de Protección de Derechos de {}",
        canton.nombre
    );
    e.campo(c, "institucion", 6, false, "", Valor::Linea(&ccpd));
    e.blanco();
    e.campo(
        plan,
        "presentacion",
        0,
        false,
        "",
        Valor::Parrafos(&format!(
            "{p}: presentación del plan cantonal de {}.",
            canton.nombre
        )),
    );
    e.blanco();
    e.campo(plan, "diagnostico", 0, false, "", Valor::Abre);
    let c = de("diagnostico");
    e.campo(
        c,
        "contexto",
        2,
        false,
        "",
        Valor::Parrafos(&format!("{p}: describa el contexto del cantón.")),
    );
    e.campo(
        c,
        "casos",
        2,
        false,
        "Ejemplo de un año (quite los # para usarlo):",
        Valor::Yaml("[]".into()),
    );
    e.ejemplo(lista("diagnostico.casos").campos, 2, true, r, &[]);
    e.blanco();
    e.campo(
        plan,
        "riesgos",
        0,
        false,
        "Ejemplo de un riesgo (quite los # para usarlo):",
        Valor::Yaml("[]".into()),
    );
    e.ejemplo(lista("riesgos").campos, 0, true, r, &[]);
    e.blanco();
    e.campo(plan, "actores", 0, false, "Ya están los tres organismos que todo plan debe tener; agregue los demás (Fiscalía, Policía, salud, educación…) con los mismos campos.", Valor::Abre);
    actores(&mut e, canton, &s);
    e.blanco();
    e.campo(
        plan,
        "objetivo_general",
        0,
        false,
        "",
        Valor::Parrafos(&format!("{p}: objetivo general del plan.")),
    );
    e.blanco();
    e.campo(plan, "objetivos", 0, false, "", Valor::Abre);
    let c = de("objetivos");
    for (i, eje) in r.ejes.valores.iter().filter(|e| e.obligatorio).enumerate() {
        e.comentario(2, &format!("Eje «{}».", eje.nombre));
        e.campo(c, "id", 4, true, "", Valor::Yaml(format!("O{}", i + 1)));
        e.campo(c, "eje", 4, false, "", Valor::Yaml(eje.id.clone()));
        e.campo(
            c,
            "descripcion",
            4,
            false,
            "",
            Valor::Linea(&format!(
                "{p}: objetivo del eje {}",
                eje.nombre.to_lowercase()
            )),
        );
    }
    e.blanco();
    e.campo(
        plan,
        "acciones",
        0,
        false,
        "Cada objetivo necesita al menos una. Ejemplo de una acción (quite los # para usarlo):",
        Valor::Yaml("[]".into()),
    );
    e.ejemplo(
        lista("acciones").campos,
        0,
        true,
        r,
        &[
            ("plazo.inicio", json!(inicio.to_string())),
            (
                "plazo.fin",
                json!(
                    inicio
                        .with_month(11)
                        .and_then(|d| d.with_day(30))
                        .unwrap_or(fin)
                        .to_string()
                ),
            ),
        ],
    );
    e.blanco();
    e.campo(
        plan,
        "ruta_atencion",
        0,
        false,
        "Ya está una entrada por cada etapa obligatoria.",
        Valor::Abre,
    );
    ruta(&mut e, r);
    e.blanco();
    e.campo(plan, "seguimiento", 0, false, "", Valor::Abre);
    let c = de("seguimiento");
    e.campo(
        c,
        "responsable",
        2,
        false,
        "",
        Valor::Yaml(format!("ccpd-{s}")),
    );
    e.campo(
        c,
        "frecuencia",
        2,
        false,
        "",
        Valor::Yaml("trimestral".into()),
    );
    e.campo(
        c,
        "descripcion",
        2,
        false,
        "",
        Valor::Parrafos(&format!("{p}: cómo se dará seguimiento al plan.")),
    );
    e.out
}

/// The three cantonal bodies every plan must name, with their fields explained.
fn actores(e: &mut Escritor, canton: &CantonDpa, s: &str) {
    let p = PENDIENTE;
    let organismos = [
        (
            format!("gad-{s}"),
            format!("GAD Municipal de {}", canton.nombre),
            "gad_municipal",
            "gad-municipal",
        ),
        (
            format!("ccpd-{s}"),
            format!(
                "Consejo Cantonal de Protección de Derechos de {}",
                canton.nombre
            ),
            "consejo_cantonal",
            "ccpd",
        ),
        (
            format!("jcpd-{s}"),
            format!(
                "Junta Cantonal de Protección de Derechos de {}",
                canton.nombre
            ),
            "junta_cantonal",
            "jcpd",
        ),
    ];
    let c = de("actores");
    let contacto = de("actores.contacto");
    for (id, nombre, tipo, institucion) in organismos {
        e.campo(c, "id", 4, true, "", Valor::Yaml(id));
        e.campo(c, "nombre", 4, false, "", Valor::Linea(&nombre));
        e.campo(c, "tipo", 4, false, "", Valor::Yaml(tipo.into()));
        e.campo(
            c,
            "institucion",
            4,
            false,
            "",
            Valor::Yaml(institucion.into()),
        );
        e.campo(c, "contacto", 4, false, "", Valor::Abre);
        e.campo(contacto, "telefono", 6, false, "", Valor::Linea(p));
        e.campo(contacto, "correo", 6, false, "", Valor::Linea(p));
    }
}

/// An entry for each mandatory stage of the route, with its deadline and, before a return, the
/// risk assessment.
fn ruta(e: &mut Escritor, r: &Referencia) {
    let c = de("ruta_atencion");
    for etapa in r.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
        e.comentario(2, &format!("{}: {}", etapa.nombre, etapa.descripcion));
        e.campo(c, "etapa", 4, true, "", Valor::Yaml(etapa.id.clone()));
        e.campo(c, "poblacion", 4, false, "", Valor::Yaml("todas".into()));
        e.campo(c, "responsable", 4, false, "", Valor::Nada);
        e.campo(c, "apoyo", 4, false, "", Valor::Yaml("[]".into()));
        let (horas, nota) = match etapa.plazo_max_horas {
            Some(h) => (h, "Escriba el plazo que el cantón se compromete a cumplir."),
            None => (
                24,
                "Escriba el plazo que el cantón se compromete a cumplir.",
            ),
        };
        e.campo(
            c,
            "plazo_horas",
            4,
            false,
            nota,
            Valor::Yaml(horas.to_string()),
        );
        if etapa.evaluacion_riesgo_previa {
            e.campo(
                c,
                "evaluacion_riesgo",
                4,
                false,
                "",
                Valor::Parrafos(&format!("{PENDIENTE}: quién evalúa el riesgo y cómo.")),
            );
        }
    }
}

/// A YAML scalar for a name (quoted when it could be misread).
fn yaml_str(s: &str) -> String {
    crate::plan::yaml_edit::yaml_texto(s)
}
