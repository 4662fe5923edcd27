//! Tests of the embedded national reference: its ids, deadlines, institutions and glossary.
use super::*;

#[test]
fn embedded_reference_has_the_fixed_ids_of_the_design() {
    let r = Referencia::pacta();
    assert_eq!(
        r.ejes.ids(),
        ["prevencion", "proteccion", "investigacion", "gobernanza"]
    );
    assert_eq!(r.fines_explotacion.ids().len(), 8);
    assert_eq!(r.poblaciones.ids().len(), 8);
    assert_eq!(r.tipos_actor.ids().len(), 11);
    assert_eq!(r.etapas_ruta.ids().len(), 8);
    assert_eq!(r.enfoques.ids().len(), 7);
    assert_eq!(
        r.poblaciones_ruta.ids(),
        [
            "todas",
            "ninez_adolescencia",
            "adultos",
            "extranjeros",
            "en_el_exterior",
            "mujeres_adultas"
        ]
    );
    // Adult women add to another entry: they are no required population and `todas` does not
    // stand for them.
    let mujeres = r.poblaciones_ruta.get("mujeres_adultas").unwrap();
    assert!(mujeres.complementaria && !mujeres.requerida);
    let trafico = r.trafico_migrantes.as_ref().unwrap();
    assert_eq!(
        trafico.etapas_ruta.ids(),
        [
            "deteccion",
            "asistencia_humanitaria",
            "informacion_derechos",
            "proteccion_internacional",
            "asistencia_consular",
            "situacion_migratoria",
            "denuncia"
        ]
    );
}

#[test]
fn the_24_hours_are_an_activation_deadline_for_victims_abroad() {
    let r = Referencia::pacta();
    let retorno = r.etapas_ruta.get("retorno_y_repatriacion").unwrap();
    assert!(!retorno.obligatoria);
    assert_eq!(retorno.plazo_max_horas, None);
    let activacion = retorno.plazo_activacion.as_ref().unwrap();
    assert_eq!(activacion.horas, 24);
    assert_eq!(activacion.poblacion.as_deref(), Some("en_el_exterior"));
    assert_eq!(activacion.fuentes, ["protocolo-interinstitucional"]);
    // Every mandatory stage has a response ceiling.
    for e in r.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
        assert!(e.plazo_max_horas.is_some(), "{}", e.id);
    }
}

#[test]
fn institutions_of_2026() {
    let r = Referencia::pacta();
    let inst = |id: &str| r.instituciones.get(id).unwrap();
    // The Ministerio de Gobierno did not end in 2022.
    assert_eq!(inst("ministerio-gobierno").hasta, None);
    assert_eq!(
        inst("ministerio-interior").desde,
        NaiveDate::from_ymd_opt(2022, 3, 30)
    );
    let agosto_2025 = NaiveDate::from_ymd_opt(2025, 8, 15);
    for (old, new) in [
        ("ministerio-mujer-derechos-humanos", "ministerio-gobierno"),
        ("mies", "ministerio-desarrollo-humano"),
        ("mineduc", "ministerio-educacion-deporte-cultura"),
    ] {
        assert_eq!(inst(old).hasta, agosto_2025, "{old}");
        assert_eq!(inst(old).sucesora.as_deref(), Some(new), "{old}");
    }
    assert_eq!(
        inst("ecu-911").adscrita_a.as_deref(),
        Some("ministerio-interior")
    );
    assert_eq!(
        inst("secretaria-derechos-humanos").desde,
        NaiveDate::from_ymd_opt(2018, 11, 14)
    );
    // Full names where a source fixes them; DINAF's is attributed to the only source that gives it.
    assert_eq!(
        inst("ecu-911").nombre,
        "Servicio Integrado de Seguridad ECU 911"
    );
    assert!(inst("dinaf").segun.as_deref().unwrap().contains("EFE"));
    assert!(!r.instituciones.valores.iter().any(|i| i.solo_siglas));
    // The August 2025 changes are mergers with their decree, and what is not verified says so.
    let mies = inst("mies").que_paso(&r.instituciones).unwrap();
    assert!(
        mies.starts_with("se fusionó en el Ministerio de Desarrollo Humano (decreto ejecutivo de agosto de 2025, cuyo número no se ha verificado"),
        "{mies}"
    );
    let educacion = inst("mineduc").que_paso(&r.instituciones).unwrap();
    assert!(
        educacion.contains("Decreto Ejecutivo N.º 100") && educacion.contains("según la prensa")
    );
    assert_eq!(inst("fiscalia").que_paso(&r.instituciones), None);
}

#[test]
fn every_id_the_reference_cites_exists() {
    let r = Referencia::pacta();
    let fuentes: Vec<&str> = r.fuentes.iter().map(|f| f.id.as_str()).collect();
    let mut citadas: Vec<&String> = Vec::new();
    citadas.extend(&r.ejes.fuentes);
    citadas.extend(&r.enfoques.fuentes);
    citadas.extend(&r.fines_explotacion.fuentes);
    citadas.extend(&r.actores_cantonales_requeridos.fuentes);
    citadas.extend(&r.etapas_ruta.fuentes);
    citadas.extend(&r.instituciones.fuentes);
    citadas.extend(&r.poblaciones_ruta.fuentes);
    citadas.extend(&r.limites_poblacion.fuentes);
    for e in &r.ejes.valores {
        citadas.extend(&e.fuentes);
    }
    for e in &r.etapas_ruta.valores {
        citadas.extend(&e.fuentes);
        citadas.extend(e.plazo_activacion.iter().flat_map(|p| &p.fuentes));
    }
    for i in &r.instituciones.valores {
        citadas.extend(&i.fuentes);
    }
    citadas.extend(r.glosario.iter().filter_map(|t| t.fuente.as_ref()));
    for n in &r.normas {
        citadas.extend(&n.fuentes);
    }
    citadas.extend(r.principios.iter().flat_map(|p| &p.fuentes));
    citadas.extend(r.pasos_fronterizos.fuentes.iter());
    for p in &r.poblaciones_ruta.valores {
        citadas.extend(&p.fuentes);
    }
    if let Some(t) = &r.trafico_migrantes {
        citadas.extend(&t.fuentes);
        citadas.extend(&t.etapas_ruta.fuentes);
    }
    for cited in citadas {
        assert!(fuentes.contains(&cited.as_str()), "fuente {cited}");
    }

    let etapas = r.etapas_ruta.ids();
    let poblaciones = r.poblaciones_ruta.ids();
    let tipos = r.tipos_actor.ids();
    let instituciones = r.instituciones.ids();
    for e in &r.etapas_ruta.valores {
        for d in &e.no_depende_de {
            assert!(etapas.contains(&d.as_str()), "{}: {d}", e.id);
        }
        if let Some(p) = e
            .plazo_activacion
            .as_ref()
            .and_then(|p| p.poblacion.as_ref())
        {
            assert!(poblaciones.contains(&p.as_str()), "{}: {p}", e.id);
        }
        let lideran = e.lideran.clone().unwrap_or_default();
        for t in &lideran.tipos_actor {
            assert!(tipos.contains(&t.as_str()), "{}: {t}", e.id);
        }
        for i in &lideran.instituciones {
            assert!(instituciones.contains(&i.as_str()), "{}: {i}", e.id);
        }
    }
    for p in &r.poblaciones_ruta.valores {
        for i in &p.incluye {
            assert!(poblaciones.contains(&i.as_str()), "{}: {i}", p.id);
        }
    }
    for l in &r.limites_poblacion.valores {
        assert!(l.tipo_actor.iter().all(|t| tipos.contains(&t.as_str())));
        assert!(
            l.institucion
                .iter()
                .all(|i| instituciones.contains(&i.as_str()))
        );
        assert!(
            l.poblaciones
                .iter()
                .all(|p| poblaciones.contains(&p.as_str()))
        );
    }
    for i in &r.instituciones.valores {
        for other in i.sucesora.iter().chain(&i.adscrita_a) {
            assert!(instituciones.contains(&other.as_str()), "{}: {other}", i.id);
        }
    }
}

#[test]
fn the_glossary_quotes_treaties_and_paraphrases_the_coip() {
    let r = Referencia::pacta();
    let termino = |t: &str| r.glosario.iter().find(|x| x.termino == t).unwrap();
    // Trafficking is quoted from the Palermo Protocol; the COIP's article 91, reformed after its
    // 2014 text, only by paraphrase.
    let trata = termino("Trata de personas");
    assert!(trata.cita_textual);
    assert_eq!(
        (trata.norma.as_deref(), trata.articulo.as_deref()),
        (Some("palermo-trata"), Some("art. 3 lit. a"))
    );
    assert!(trata.definicion.starts_with("la captación, el transporte"));
    let nota = trata.nota.as_deref().unwrap();
    assert!(nota.starts_with("Según el artículo 91 del COIP") && nota.contains("paráfrasis"));
    // The reform is attributed to the reports that mention it, not stated as certain.
    assert!(
        nota.contains("Según los informes del Departamento de Estado"),
        "{nota}"
    );
    for t in ["Víctima", "Explotación", "Tráfico ilícito de migrantes"] {
        assert!(termino(t).fuente.is_some(), "{t} has a source");
    }
    // Every norm a term cites is in the legal framework.
    for t in &r.glosario {
        if let Some(n) = &t.norma {
            assert!(r.normas.iter().any(|x| &x.id == n), "{}: {n}", t.termino);
        }
    }
    // Each purpose of exploitation is in the glossary with the description of its catalogue,
    // as a paraphrase of art. 91.
    for fin in &r.fines_explotacion.valores {
        let t = r
            .glosario
            .iter()
            .find(|t| t.termino == fin.nombre)
            .unwrap_or_else(|| panic!("{} is not in the glossary", fin.nombre));
        assert_eq!(Some(&t.definicion), fin.descripcion.as_ref(), "{}", fin.id);
        assert_eq!(t.norma.as_deref(), Some("coip"));
        assert!(!t.cita_textual);
    }
    let servil = r.fines_explotacion.get("matrimonio_servil").unwrap();
    assert!(servil.descripcion.as_ref().unwrap().contains(
        "«la unión de hecho precoz, arreglada, como indemnización o transacción, temporal o para fines de procreación»"
    ));
}

#[test]
fn a_reference_written_before_the_route_distinguished_populations_still_reads() {
    let mut yaml: serde_yaml::Value = serde_yaml::from_str(PACTA_YAML).unwrap();
    let map = yaml.as_mapping_mut().unwrap();
    for key in [
        "poblaciones_ruta",
        "limites_poblacion",
        "glosario",
        "siglas",
        "normas",
        "principios",
        "trafico_migrantes",
        "pasos_fronterizos",
        "presupuesto",
    ] {
        map.remove(key);
    }
    let text = serde_yaml::to_string(&yaml).unwrap();
    let r = Referencia::parse(&text).unwrap();
    assert!(r.poblaciones_ruta.valores.is_empty() && r.glosario.is_empty());
}

#[test]
fn todas_covers_every_population() {
    let p = &Referencia::pacta().poblaciones_ruta;
    assert!(p.cubre("todas", "extranjeros"));
    assert!(p.cubre("adultos", "adultos"));
    assert!(!p.cubre("adultos", "extranjeros"));
}
