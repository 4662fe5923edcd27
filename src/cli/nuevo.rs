//! `cantonal nuevo --canton CODE|NAME`: a starter plan for a canton, with every field explained
//! in Spanish, that an official who has never seen YAML can fill in. `validar` on the fresh file
//! lists exactly what is still to be written, each at its line.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::Fallo;
use crate::escritura::write_atomic;
use crate::plan::schema::editor_schema;
use crate::reference::dpa::{CantonDpa, Dpa};
use crate::reference::nacional::Referencia;
use crate::rules::pendientes::PENDIENTE;
use crate::suggest::fold;

pub use crate::plan::schema::SCHEMA_PATH;

/// Arguments of `nuevo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Código DPA del INEC (por ejemplo 1004) o nombre del cantón (por ejemplo Otavalo).
    #[arg(long)]
    pub canton: String,
    /// Archivo a crear (por omisión, `<cantón>.yaml` en la carpeta actual).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
}

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

pub(super) fn run(args: Args, quiet: bool) -> Result<(), Fallo> {
    let canton = buscar_canton(&args.canton).map_err(Fallo::NoSePudo)?;
    let salida = args
        .salida
        .unwrap_or_else(|| PathBuf::from(format!("{}.yaml", slug(&canton.nombre))));
    if salida.exists() {
        return Err(Fallo::NoSePudo(format!(
            "{} ya existe; no se sobrescribe. Elija otro nombre con -o.",
            salida.display()
        )));
    }
    let referencia = Referencia::pacta();
    let hoy = chrono::Local::now().date_naive();
    let texto = plan_inicial(canton, referencia, hoy);
    write_atomic(&salida, texto.as_bytes())
        .map_err(|e| Fallo::NoSePudo(format!("no se pudo escribir {}: {e}", salida.display())))?;
    let carpeta = salida
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let esquema = carpeta.join(SCHEMA_PATH);
    if !esquema.exists() {
        let json = serde_json::to_string_pretty(&editor_schema(referencia)).expect("schema") + "\n";
        let written = std::fs::create_dir_all(esquema.parent().unwrap_or(carpeta))
            .and_then(|_| write_atomic(&esquema, json.as_bytes()));
        if let Err(e) = written {
            eprintln!(
                "aviso: no se pudo escribir el esquema {}: {e}",
                esquema.display()
            );
        }
    }
    if !quiet {
        println!(
            "{}: plan inicial de {} ({}). Complete los textos «{PENDIENTE}» y revise con `cantonal validar {}`.",
            salida.display(),
            canton.nombre,
            canton.provincia,
            salida.display()
        );
    }
    Ok(())
}

/// The period a new plan starts with: this year and the next two, within the national plan.
fn periodo_inicial(hoy: NaiveDate, referencia: &Referencia) -> (NaiveDate, NaiveDate) {
    let inicio = NaiveDate::from_ymd_opt(hoy.year(), 1, 1).unwrap_or(hoy);
    let fin = NaiveDate::from_ymd_opt(hoy.year() + 2, 12, 31).unwrap_or(hoy);
    (
        inicio.max(referencia.vigencia.inicio),
        fin.min(referencia.vigencia.fin),
    )
}

/// The text of the starter plan.
pub fn plan_inicial(canton: &CantonDpa, r: &Referencia, hoy: NaiveDate) -> String {
    let s = slug(&canton.nombre);
    let (inicio, fin) = periodo_inicial(hoy, r);
    let p = PENDIENTE;
    let mut out = format!(
        "# yaml-language-server: $schema={SCHEMA_PATH}
#
# Plan cantonal contra la trata de personas de {nombre} ({provincia}).
# Plan inicial creado por `cantonal nuevo`. Reemplace cada «{p}» y revise el plan con:
#     cantonal validar {s}.yaml
# Cada campo lleva un comentario que dice qué es y si es obligatorio u opcional.
# Las líneas que empiezan con # son comentarios: el programa no las lee.

# Versión del formato. Obligatorio. No la cambie.
formato: 1
# Referencia nacional con la que se alinea el plan. Obligatorio.
plan_nacional: {referencia}
# Cantón, según el catálogo DPA del INEC. Obligatorio. Ya está completo.
canton: {{ codigo: \"{codigo}\", nombre: {nombre_yaml}, provincia: {provincia_yaml} }}
# Período del plan, fechas AAAA-MM-DD. Obligatorio. Debe quedar dentro de {nacional} ({vi} a {vf}).
periodo: {{ inicio: {inicio}, fin: {fin} }}
# Estado del documento. Obligatorio: borrador, en_revision o aprobado.
# Cuando el Concejo lo apruebe, escriba `aprobado` y agregue la sección `aprobacion`:
#   aprobacion: {{ instrumento: ordenanza, numero: \"...\", fecha: AAAA-MM-DD, organo: Concejo Municipal de {nombre} }}
estado: borrador

# Quién elaboró el plan. Opcional.
elaboracion:
  fecha: {hoy}
  equipo:
    - {{ nombre: \"{p}: nombre\", cargo: \"{p}: cargo\", institucion: Consejo Cantonal de Protección de Derechos de {nombre} }}

# Presentación del plan (texto libre; admite *cursiva*, **negrita** y listas). Opcional.
presentacion: |
  {p}: presentación del plan cantonal de {nombre}.

# Diagnóstico de la situación de la trata en el cantón. Opcional.
diagnostico:
  # Contexto del cantón (texto libre). Opcional.
  contexto: |
    {p}: describa el contexto del cantón.
  # Casos registrados por año. Opcional. Ejemplo:
  #   - {{ anio: 2025, casos: 3, fuente: Fiscalía Provincial }}
  casos: []

# Riesgos de trata en el cantón. Opcional, pero el plan debe responder a ellos. Ejemplo:
#   - id: R1                                  # identificador único, obligatorio
#     titulo: Captación por redes sociales    # obligatorio
#     fines: [explotacion_sexual]             # obligatorio: {fines}
#     poblaciones: [adolescentes]             # obligatorio: {poblaciones}
#     zonas: [Terminal terrestre]             # opcional
#     probabilidad: alta                      # obligatorio: alta, media o baja
#     impacto: alto                           # obligatorio: alto, medio o bajo
riesgos: []

# Instituciones y organizaciones del plan. Obligatorio. Ya están los tres organismos que todo
# plan debe tener; agregue los demás (Fiscalía, Policía, MIES, salud, educación...).
# Campos: id (obligatorio, único), nombre (obligatorio), tipo (obligatorio: {tipos}),
# institucion (opcional: id de la institución nacional), rol (opcional), contacto (opcional,
# pero necesario para quien responde en la ruta de atención: telefono, correo, direccion).
actores:
  - id: gad-{s}
    nombre: GAD Municipal de {nombre}
    tipo: gad_municipal
    institucion: gad-municipal
    contacto: {{ telefono: \"{p}\", correo: \"{p}\" }}
  - id: ccpd-{s}
    nombre: Consejo Cantonal de Protección de Derechos de {nombre}
    tipo: consejo_cantonal
    institucion: ccpd
    contacto: {{ telefono: \"{p}\", correo: \"{p}\" }}
  - id: jcpd-{s}
    nombre: Junta Cantonal de Protección de Derechos de {nombre}
    tipo: junta_cantonal
    institucion: jcpd
    contacto: {{ telefono: \"{p}\", correo: \"{p}\" }}

# Objetivo general del plan (texto libre). Opcional.
objetivo_general: \"{p}: objetivo general del plan.\"

# Objetivos específicos: al menos uno por cada eje del plan nacional. Obligatorio.
# Campos: id (obligatorio, único), eje (obligatorio), descripcion (obligatorio).
objetivos:
",
        nombre = canton.nombre,
        nombre_yaml = yaml_str(&canton.nombre),
        provincia = canton.provincia,
        provincia_yaml = yaml_str(&canton.provincia),
        codigo = canton.codigo,
        referencia = r.id,
        nacional = r.nombre_corto,
        vi = r.vigencia.inicio,
        vf = r.vigencia.fin,
        fines = r.fines_explotacion.ids().join(", "),
        poblaciones = r.poblaciones.ids().join(", "),
        tipos = r.tipos_actor.ids().join(", "),
    );
    for (i, eje) in r.ejes.valores.iter().filter(|e| e.obligatorio).enumerate() {
        out.push_str(&format!(
            "  - {{ id: O{n}, eje: {id}, descripcion: \"{p}: objetivo del eje {nombre}\" }}\n",
            n = i + 1,
            id = eje.id,
            nombre = eje.nombre.to_lowercase(),
        ));
    }
    out.push_str(&format!(
        "
# Acciones del plan: cada objetivo necesita al menos una. Obligatorio. Ejemplo:
#   - id: A1                                  # identificador único, obligatorio
#     objetivo: O1                            # id del objetivo, obligatorio
#     descripcion: Talleres en colegios       # obligatorio
#     riesgos: [R1]                           # opcional: ids de los riesgos que atiende
#     responsable: gad-{s}                    # obligatorio: id de un actor
#     corresponsables: [ccpd-{s}]             # opcional: ids de actores
#     indicador:                              # obligatorio
#       nombre: Estudiantes capacitados       #   obligatorio
#       unidad: estudiantes                   #   opcional, pero recomendado
#       linea_base: 0                         #   opcional, pero recomendado
#       meta: 1200                            #   opcional, pero recomendado
#       medio_verificacion: Registros         #   opcional, pero recomendado
#     plazo: {{ inicio: {inicio}, fin: {fin} }}   # obligatorio, dentro del período
#     presupuesto: {{ monto: 4500.00, fuente: GAD Municipal }}   # opcional, en dólares
acciones: []

# Ruta de atención a víctimas: quién responde en cada etapa. Obligatorio.
# Escriba en `responsable` el id del actor que atiende a la víctima en esa etapa; sin él, una
# víctima no tiene a quién acudir. `apoyo` (opcional): ids de otros actores. `plazo_horas`
# (opcional): plazo máximo de respuesta. `descripcion` (opcional): qué se hace.
ruta_atencion:
"
    ));
    for etapa in r.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
        out.push_str(&format!(
            "  # {nombre}: {desc}\n  - etapa: {id}\n    responsable:\n    apoyo: []\n",
            nombre = etapa.nombre,
            desc = etapa.descripcion,
            id = etapa.id,
        ));
    }
    out.push_str(&format!(
        "
# Seguimiento del plan. Obligatorio.
# responsable: id del actor (obligatorio); frecuencia: mensual, trimestral, semestral o anual.
seguimiento:
  responsable: ccpd-{s}
  frecuencia: trimestral
  descripcion: \"{p}: cómo se dará seguimiento al plan.\"
"
    ));
    out
}

/// A YAML scalar for a name (quoted when it could be misread).
fn yaml_str(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '.')
        && !s.is_empty()
    {
        s.to_owned()
    } else {
        serde_json::to_string(s).expect("string")
    }
}
