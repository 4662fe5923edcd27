//! Starting a plan: a canton found by name or INEC code (accent-insensitive, ambiguous names
//! listed), and the starter plan for it, with every field explained in Spanish, in block style so
//! that an official who has never seen YAML can replace each placeholder with any sentence.
//! `cantonal nuevo` writes it; an editor can offer the same.

use chrono::{Datelike, NaiveDate};

use crate::plan::schema::SCHEMA_PATH;
use crate::reference::dpa::{CantonDpa, Dpa};
use crate::reference::nacional::Referencia;
use crate::rules::pendientes::PENDIENTE;
use crate::suggest::fold;

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

/// The period a new plan starts with: this year and the next two, within the national plan.
fn periodo_inicial(hoy: NaiveDate, referencia: &Referencia) -> (NaiveDate, NaiveDate) {
    let inicio = NaiveDate::from_ymd_opt(hoy.year(), 1, 1).unwrap_or(hoy);
    let fin = NaiveDate::from_ymd_opt(hoy.year() + 2, 12, 31).unwrap_or(hoy);
    (
        inicio.max(referencia.vigencia.inicio),
        fin.min(referencia.vigencia.fin),
    )
}

/// The text of the starter plan. It is written in block style, one field per line, each with
/// its comment, and every text the official writes is a block (`>-` or `|` at the end of the
/// field's line, the text indented below): there, commas, colons, quotes and `#` need no quoting,
/// so replacing a placeholder with any sentence cannot break the file.
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
#
# Los textos van debajo de su campo, con más sangría, después de `>-` (un texto de una línea)
# o de `|` (un texto con párrafos o listas). Ahí puede escribir comas, dos puntos, comillas y #
# sin comillas alrededor: solo mantenga la sangría.

# Versión del formato. Obligatorio. No la cambie.
formato: 1
# Referencia nacional con la que se alinea el plan. Obligatorio.
plan_nacional: {referencia}
# Cantón, según el catálogo DPA del INEC. Obligatorio. Ya está completo.
canton:
  # Código DPA del INEC, cuatro dígitos entre comillas. Obligatorio.
  codigo: \"{codigo}\"
  # Nombre del cantón. Obligatorio.
  nombre: {nombre_yaml}
  # Provincia. Obligatorio.
  provincia: {provincia_yaml}
# Período del plan. Obligatorio. Debe quedar dentro de {nacional} ({vi} a {vf}).
periodo:
  # Fecha de inicio, AAAA-MM-DD. Obligatorio.
  inicio: {inicio}
  # Fecha de fin, AAAA-MM-DD. Obligatorio.
  fin: {fin}
# Estado del documento. Obligatorio: borrador, en_revision o aprobado.
# Cuando el Concejo lo apruebe, escriba `aprobado` y agregue la sección `aprobacion`:
#   aprobacion:
#     instrumento: ordenanza          # ordenanza o resolucion
#     numero: \"...\"                   # número del instrumento
#     fecha: AAAA-MM-DD               # fecha de aprobación
#     organo: >-
#       Concejo Municipal de {nombre}
estado: borrador

# Quién elaboró el plan. Opcional.
elaboracion:
  # Fecha de elaboración, AAAA-MM-DD. Obligatorio en esta sección.
  fecha: {hoy}
  # Personas que elaboraron el plan. Opcional. Agregue una entrada `- nombre:` por persona.
  equipo:
    # Nombre de la persona. Obligatorio.
    - nombre: >-
        {p}: nombre
      # Cargo. Opcional.
      cargo: >-
        {p}: cargo
      # Institución. Opcional.
      institucion: >-
        Consejo Cantonal de Protección de Derechos de {nombre}

# Presentación del plan (texto libre; admite *cursiva*, **negrita** y listas). Opcional.
presentacion: |
  {p}: presentación del plan cantonal de {nombre}.

# Diagnóstico de la situación de la trata en el cantón. Opcional.
diagnostico:
  # Contexto del cantón (texto libre). Opcional.
  contexto: |
    {p}: describa el contexto del cantón.
  # Casos registrados por año. Opcional. Ejemplo:
  #   - anio: 2025                # año, obligatorio
  #     casos: 3                  # número de casos, obligatorio
  #     fuente: >-                # de dónde sale el dato, obligatorio
  #       Fiscalía Provincial
  casos: []

# Riesgos de trata en el cantón. Opcional, pero el plan debe responder a ellos. Ejemplo:
#   - id: R1                                  # identificador único, obligatorio
#     titulo: >-                              # obligatorio
#       Captación por redes sociales
#     fines: [explotacion_sexual]             # obligatorio: {fines}
#     poblaciones: [adolescentes]             # obligatorio: {poblaciones}
#     zonas: [Terminal terrestre]             # opcional
#     probabilidad: alta                      # obligatorio: alta, media o baja
#     impacto: alto                           # obligatorio: alto, medio o bajo
#     descripcion: |                          # opcional
#       Cómo ocurre, dónde y a quién afecta.
riesgos: []

# Instituciones y organizaciones del plan. Obligatorio. Ya están los tres organismos que todo
# plan debe tener; agregue los demás (Fiscalía, Policía, MIES, salud, educación...) con los
# mismos campos. `tipo` es uno de: {tipos}.
actores:
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
    for (id, nombre, tipo, institucion) in organismos {
        out.push_str(&format!(
            "  # Identificador único del actor, sin espacios. Obligatorio.
  - id: {id}
    # Nombre completo. Obligatorio.
    nombre: >-
      {nombre}
    # Tipo de actor. Obligatorio.
    tipo: {tipo}
    # Institución nacional a la que pertenece (id de la referencia nacional). Opcional.
    institucion: {institucion}
    # Papel del actor en el plan (texto libre). Opcional. Ejemplo:
    #   rol: |
    #     Coordina la mesa cantonal contra la trata.
    # Datos de contacto. Opcional, pero necesario si el actor responde en la ruta de atención.
    contacto:
      # Teléfono. Opcional.
      telefono: >-
        {p}
      # Correo electrónico. Opcional.
      correo: >-
        {p}
      # Dirección. Opcional. Ejemplo:
      #   direccion: >-
      #     Calle Bolívar 7-20, Municipio
"
        ));
    }
    out.push_str(&format!(
        "
# Objetivo general del plan (texto libre). Opcional.
objetivo_general: |
  {p}: objetivo general del plan.

# Objetivos específicos: al menos uno por cada eje del plan nacional. Obligatorio.
objetivos:
"
    ));
    for (i, eje) in r.ejes.valores.iter().filter(|e| e.obligatorio).enumerate() {
        out.push_str(&format!(
            "  # Eje «{nombre}».
  # Identificador único del objetivo. Obligatorio.
  - id: O{n}
    # Eje del plan nacional. Obligatorio.
    eje: {id}
    # Qué se quiere lograr en este eje. Obligatorio.
    descripcion: >-
      {p}: objetivo del eje {minusculas}
",
            n = i + 1,
            id = eje.id,
            nombre = eje.nombre,
            minusculas = eje.nombre.to_lowercase(),
        ));
    }
    out.push_str(&format!(
        "
# Acciones del plan: cada objetivo necesita al menos una. Obligatorio. Ejemplo:
#   - id: A1                                  # identificador único, obligatorio
#     objetivo: O1                            # id del objetivo, obligatorio
#     descripcion: >-                         # qué se hará, obligatorio
#       Talleres en colegios
#     riesgos: [R1]                           # opcional: ids de los riesgos que atiende
#     responsable: gad-{s}                    # obligatorio: id de un actor
#     corresponsables: [ccpd-{s}]             # opcional: ids de actores
#     indicador:                              # obligatorio
#       nombre: >-                            #   obligatorio
#         Estudiantes capacitados
#       unidad: estudiantes                   #   opcional, pero recomendado
#       linea_base: 0                         #   opcional, pero recomendado
#       meta: 1200                            #   opcional, pero recomendado
#       medio_verificacion: >-                #   opcional, pero recomendado
#         Registros de asistencia
#     plazo:                                  # obligatorio, dentro del período
#       inicio: {inicio}
#       fin: {fin}
#     presupuesto:                            # opcional
#       monto: 4500                           #   en dólares, sin separador de miles: 4500.50
#       fuente: >-
#         GAD Municipal
acciones: []

# Ruta de atención a víctimas: quién responde en cada etapa. Obligatorio.
# Escriba en `responsable` el id del actor que atiende a la víctima en esa etapa; sin él, una
# víctima no tiene a quién acudir. Cada etapa admite además, opcionales:
#     plazo_horas: 24                         # plazo máximo de respuesta, en horas
#     descripcion: |                          # qué se hace en esta etapa (texto libre)
#       La Junta Cantonal dicta medidas de protección.
ruta_atencion:
"
    ));
    for etapa in r.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
        let plazo = etapa.plazo_max_horas.map_or_else(
            || "    # Plazo de respuesta en horas. Obligatorio en una etapa obligatoria.\n    plazo_horas: 24\n".to_owned(),
            |h| format!("    # Plazo de respuesta en horas: el máximo según la referencia es {h}; escriba el plazo real. Obligatorio.\n    plazo_horas: {h}\n"),
        );
        let evaluacion = if etapa.evaluacion_riesgo_previa {
            format!(
                "    # Cómo se evalúa el riesgo antes de que la víctima vuelva a su familia o comunidad. Obligatorio.\n    evaluacion_riesgo: |\n      {PENDIENTE}: quién evalúa el riesgo y cómo.\n"
            )
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  # {nombre}: {desc}
  - etapa: {id}
    # A quién atiende esta entrada: todas, ninez_adolescencia, adultos, extranjeros o
    # en_el_exterior. Con `todas`, un mismo responsable atiende a todas las víctimas; si no, escriba
    # una entrada por población.
    poblacion: todas
    # Id del actor que atiende a la víctima en esta etapa. Obligatorio.
    responsable:
    # Ids de otros actores que apoyan. Opcional.
    apoyo: []
{plazo}{evaluacion}",
            nombre = etapa.nombre,
            desc = etapa.descripcion,
            id = etapa.id,
        ));
    }
    out.push_str(&format!(
        "
# Seguimiento del plan. Obligatorio.
seguimiento:
  # Id del actor responsable del seguimiento. Obligatorio.
  responsable: ccpd-{s}
  # Frecuencia: mensual, trimestral, semestral o anual. Obligatorio.
  frecuencia: trimestral
  # Cómo se dará seguimiento al plan (texto libre). Opcional.
  descripcion: |
    {p}: cómo se dará seguimiento al plan.
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
