//! Synthetic plans of realistic size (40 actions, 15 actors, 10 risks, the full route) for
//! benchmarks, load tests and fuzzing seeds, and monitoring files for them (every action
//! reported at each cut). They are valid: no rule reports anything on them. The text is generic
//! and says that the plan is synthetic.

use chrono::NaiveDate;

use crate::plan::model::Plan;
use crate::plan::seguimiento::{EstadoAccion, Reporte};
use crate::reference::dpa::CantonDpa;
use crate::reference::nacional::Referencia;
use crate::seguimiento::corte::{Contenido, agregar};

/// Size of a synthetic plan.
#[derive(Debug, Clone, Copy)]
pub struct Tamano {
    /// Actions.
    pub acciones: usize,
    /// Actors (at least the 6 the route and the axes need).
    pub actores: usize,
    /// Risks.
    pub riesgos: usize,
}

impl Default for Tamano {
    fn default() -> Self {
        Tamano {
            acciones: 40,
            actores: 15,
            riesgos: 10,
        }
    }
}

fn q(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

/// The YAML text of a synthetic plan for `canton`.
pub fn plan(canton: &CantonDpa, r: &Referencia, t: Tamano) -> String {
    let actores_n = t.actores.max(6);
    let mut out = format!(
        "# Plan SINTÉTICO generado para pruebas de rendimiento: no describe al cantón.\n\
         formato: 1\nplan_nacional: {}\n\
         canton: {{ codigo: \"{}\", nombre: {}, provincia: {} }}\n\
         periodo: {{ inicio: 2026-01-01, fin: 2029-12-31 }}\nestado: borrador\n\
         presentacion: |\n  Plan sintético del cantón {} para medir el rendimiento de *cantonal*.\n\n  - Generado automáticamente.\n  - Sin datos reales.\n\
         diagnostico:\n  contexto: Contexto sintético.\n  casos:\n",
        r.id,
        canton.codigo,
        q(&canton.nombre),
        q(&canton.provincia),
        canton.nombre
    );
    for (i, anio) in (2021..=2025).enumerate() {
        let casos = 3 + i * 2;
        out.push_str(&format!(
            "    - {{ anio: {anio}, casos: {casos}, fuente: Registro sintético, desglose: {{ sexo: {{ mujeres: {}, hombres: 1 }} }} }}\n",
            casos - 1
        ));
    }
    let fines = r.fines_explotacion.ids();
    let poblaciones = r.poblaciones.ids();
    out.push_str("riesgos:\n");
    for i in 0..t.riesgos {
        // The last risk is one of smuggling of migrants, which has no purpose of exploitation.
        if i + 1 == t.riesgos && t.riesgos > 1 {
            out.push_str(&format!(
                "  - id: R{n}\n    titulo: Riesgo sintético de tráfico ilícito de migrantes\n    tipo: trafico_migrantes\n    poblaciones: [{}, personas_en_movilidad]\n    probabilidad: media\n    impacto: medio\n",
                poblaciones[i % poblaciones.len()],
                n = i + 1,
            ));
            continue;
        }
        out.push_str(&format!(
            "  - id: R{n}\n    titulo: Riesgo sintético {n}\n    fines: [{}]\n    poblaciones: [{}, {}]\n    zonas: [Zona {n}]\n    probabilidad: {}\n    impacto: {}\n    descripcion: Descripción del riesgo {n}.\n",
            fines[i % fines.len()],
            poblaciones[i % poblaciones.len()],
            poblaciones[(i + 3) % poblaciones.len()],
            ["alta", "media", "baja"][i % 3],
            ["alto", "medio", "bajo"][(i / 3) % 3],
            n = i + 1,
        ));
    }
    // The first six actors are the ones the rules require: the three cantonal bodies, the
    // prosecutor's office (investigation axis, complaints), a health service and the foreign
    // ministry (return).
    let fijos = [
        (
            "gad",
            "GAD Municipal",
            "gad_municipal",
            Some("gad-municipal"),
        ),
        (
            "ccpd",
            "Consejo Cantonal de Protección de Derechos",
            "consejo_cantonal",
            Some("ccpd"),
        ),
        (
            "jcpd",
            "Junta Cantonal de Protección de Derechos",
            "junta_cantonal",
            Some("jcpd"),
        ),
        ("fge", "Fiscalía", "institucion_nacional", Some("fiscalia")),
        (
            "msp",
            "Servicio de salud",
            "institucion_nacional",
            Some("msp"),
        ),
        (
            "cancilleria",
            "Cancillería",
            "institucion_nacional",
            Some("cancilleria"),
        ),
    ];
    out.push_str("actores:\n");
    let mut ids = Vec::new();
    for i in 0..actores_n {
        let (id, nombre, tipo, inst) = match fijos.get(i) {
            Some((id, n, t, inst)) => (
                (*id).to_owned(),
                format!("{n} de {}", canton.nombre),
                *t,
                *inst,
            ),
            None => (
                format!("org{i}"),
                format!("Organización sintética {i}"),
                "sociedad_civil",
                None,
            ),
        };
        out.push_str(&format!(
            "  - id: {id}\n    nombre: {}\n    tipo: {tipo}\n{}    rol: Papel sintético.\n    contacto: {{ telefono: \"(02) 000-{i:04}\", correo: \"{id}@example.org\" }}\n",
            q(&nombre),
            inst.map(|x| format!("    institucion: {x}\n")).unwrap_or_default(),
        ));
        ids.push(id);
    }
    let ejes: Vec<&str> = r.ejes.valores.iter().map(|e| e.id.as_str()).collect();
    out.push_str("objetivo_general: Objetivo general sintético.\nobjetivos:\n");
    for (i, eje) in ejes.iter().enumerate() {
        out.push_str(&format!(
            "  - {{ id: O{n}, eje: {eje}, descripcion: Objetivo sintético del eje {eje}. }}\n",
            n = i + 1
        ));
    }
    out.push_str("acciones:\n");
    for i in 0..t.acciones {
        let objetivo = i % ejes.len();
        let responsable = &ids[i % ids.len()];
        // Investigation actions always have the prosecutor's office with them.
        let co = if ejes[objetivo] == "investigacion" && responsable != "fge" {
            "fge".to_owned()
        } else {
            ids[(i + 1) % ids.len()].clone()
        };
        let mes = 1 + (i % 12);
        // Each action is directed at a purpose and a population of the risk it names, and the
        // first action of each objective measures its outcome.
        let riesgo = i % t.riesgos.max(1);
        out.push_str(&format!(
            "  - id: A{n}\n    objetivo: O{o}\n    descripcion: Acción sintética número {n} del plan\n    riesgos: [R{r}]\n    fines: [{fin}]\n    poblaciones: [{poblacion}]\n    responsable: {responsable}\n    corresponsables: [{co}]\n    indicador: {{ nombre: Indicador {n},{tipo} unidad: unidades, linea_base: {b}, meta: {m}, medio_verificacion: Registros }}\n    plazo: {{ inicio: 2026-{mes:02}-01, fin: 2029-{mes:02}-28 }}\n    presupuesto: {{ monto: {monto}.00, fuente: {fuente} }}\n",
            n = i + 1,
            o = objetivo + 1,
            r = riesgo + 1,
            fin = fines[riesgo % fines.len()],
            poblacion = poblaciones[riesgo % poblaciones.len()],
            tipo = if i < ejes.len() { " tipo: resultado," } else { "" },
            b = i,
            m = i * 2 + 10,
            monto = 1000 + i * 250,
            fuente = ["GAD Municipal", "Fuente 2", "Fuente 3"][i % 3],
        ));
    }
    out.push_str("ruta_atencion:\n");
    for etapa in &r.etapas_ruta.valores {
        let responsable = match etapa.id.as_str() {
            "atencion_salud" | "intervencion_crisis" => "msp",
            "denuncia_y_proteccion_judicial" => "fge",
            "retorno_y_repatriacion" => "cancilleria",
            "seguimiento" => "ccpd",
            _ => "gad",
        };
        let plazo = etapa
            .plazo_max_horas
            .or(etapa.plazo_activacion.as_ref().map(|a| a.horas))
            .unwrap_or(48)
            .min(24);
        let evaluacion = if etapa.evaluacion_riesgo_previa {
            "    evaluacion_riesgo: Evaluación sintética del riesgo.\n"
        } else {
            ""
        };
        out.push_str(&format!(
            "  - etapa: {}\n    poblacion: todas\n    responsable: {responsable}\n    apoyo: [ccpd]\n    plazo_horas: {plazo}\n{evaluacion}    descripcion: Atención sintética.\n",
            etapa.id
        ));
    }
    // The route for smuggled migrants, with its mandatory stages.
    if let Some(t) = &r.trafico_migrantes {
        out.push_str("ruta_trafico:\n");
        for etapa in t.etapas_ruta.valores.iter().filter(|e| e.obligatoria) {
            let responsable = if etapa.id == "informacion_derechos" {
                "cancilleria"
            } else {
                "gad"
            };
            out.push_str(&format!(
                "  - {{ etapa: {}, responsable: {responsable}, plazo_horas: 24 }}\n",
                etapa.id
            ));
        }
    }
    out.push_str("seguimiento: { responsable: ccpd, frecuencia: trimestral }\n");
    out
}

/// Writes `n` synthetic plans into `dir` (one per canton of the catalogue, cycling), named
/// `<code>-<n>.yaml`.
pub fn write_all(dir: &std::path::Path, n: usize) -> std::io::Result<()> {
    let cantones = &crate::reference::dpa::Dpa::get().cantones;
    std::fs::create_dir_all(dir)?;
    for i in 0..n {
        let canton = &cantones[i % cantones.len()];
        let text = plan(canton, Referencia::pacta(), Tamano::default());
        std::fs::write(dir.join(format!("{}-{i:04}.yaml", canton.codigo)), text)?;
    }
    Ok(())
}

/// The quarterly cuts of 2026 up to the end of November: the cuts of the synthetic monitoring
/// files.
pub fn cortes_2026() -> [NaiveDate; 4] {
    [(3, 31), (6, 30), (9, 30), (11, 30)]
        .map(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d).expect("a date of 2026"))
}

/// The text of a monitoring file of `plan` (its file name `archivo_plan`) with a cut at each
/// date of `cortes` (in order): every action reported, not started before its start date and
/// then in progress, its indicator and executed amount growing towards its target and budget.
/// Written by the same code as `cantonal seguimiento`, the last cut's date being today.
pub fn seguimiento(plan: &Plan, archivo_plan: &str, cortes: &[NaiveDate]) -> String {
    let mut texto: Option<String> = None;
    let partes = cortes.len() as f64 + 1.0;
    for (k, fecha) in cortes.iter().enumerate() {
        let hecho = (k as f64 + 1.0) / partes;
        let acciones = plan
            .acciones
            .iter()
            .map(|a| {
                let empezo = a.plazo.inicio < *fecha;
                let i = &a.indicador;
                Reporte {
                    accion: a.id.clone(),
                    estado: if empezo {
                        EstadoAccion::EnCurso
                    } else {
                        EstadoAccion::NoIniciada
                    },
                    valor: match (empezo, i.linea_base, i.meta) {
                        (true, Some(b), Some(m)) => Some((b + (m - b) * hecho).round()),
                        _ => None,
                    },
                    ejecutado: match (empezo, &a.presupuesto) {
                        (true, Some(p)) => Some((p.monto * hecho * 0.9).round()),
                        _ => None,
                    },
                    evidencias: if empezo {
                        vec![format!("Informe sintético del corte {}", k + 1)]
                    } else {
                        Vec::new()
                    },
                    dificultades: None,
                }
            })
            .collect();
        let contenido = Contenido {
            fecha: *fecha,
            informa: Some("Unidad de Planificación (seguimiento sintético)".into()),
            ruta: None,
            acciones: Some(acciones),
        };
        let hoy = *cortes.last().expect("at least one cut");
        texto = Some(
            agregar(plan, archivo_plan, texto.as_deref(), &contenido, true, hoy)
                .expect("a synthetic cut of a synthetic plan"),
        );
    }
    texto.unwrap_or_default()
}

/// Writes, beside each plan of [`write_all`] in `dir`, its monitoring file with a cut at each
/// date of `cortes`.
pub fn write_seguimientos(dir: &std::path::Path, cortes: &[NaiveDate]) -> std::io::Result<()> {
    for entrada in std::fs::read_dir(dir)? {
        let ruta = entrada?.path();
        if ruta.extension().is_none_or(|e| e != "yaml")
            || crate::plan::seguimiento::es_archivo(&ruta)
        {
            continue;
        }
        let v = crate::validar(&ruta, crate::rules::Opciones::default());
        let Some(plan) = v.plan() else { continue };
        let nombre = ruta
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let texto = seguimiento(plan, &nombre, cortes);
        std::fs::write(crate::plan::seguimiento::archivo_de(&ruta), texto)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::dpa::Dpa;

    #[test]
    fn synthetic_plans_are_valid_and_of_the_requested_size() {
        for canton in Dpa::get().cantones.iter().step_by(37) {
            let text = plan(canton, Referencia::pacta(), Tamano::default());
            let v = crate::validar_texto(
                std::path::Path::new("s.yaml"),
                &text,
                crate::rules::Opciones { estricto: true },
            );
            assert!(
                v.diagnostics.is_empty(),
                "{}: {:#?}",
                canton.nombre,
                v.diagnostics
            );
            let p = v.loaded.datos.unwrap();
            assert_eq!(
                (p.acciones.len(), p.actores.len(), p.riesgos.len()),
                (40, 15, 10)
            );
            assert_eq!(p.ruta_atencion.len(), 8);
        }
    }

    #[test]
    fn synthetic_monitoring_files_report_every_action_at_each_cut_and_are_valid() {
        let canton = &Dpa::get().cantones[0];
        let text = plan(canton, Referencia::pacta(), Tamano::default());
        let ruta = std::path::Path::new("s.yaml");
        let v = crate::validar_texto(ruta, &text, crate::rules::Opciones { estricto: true });
        let cortes = cortes_2026();
        let seg = seguimiento(v.plan().unwrap(), "s.yaml", &cortes);
        let s = v.con_seguimiento_texto(
            std::path::Path::new("s.seguimiento.yaml"),
            &seg,
            crate::rules::Opciones { estricto: true },
        );
        let e = s.seguimiento.as_ref().unwrap();
        assert!(e.diagnostics.is_empty(), "{:#?}", e.diagnostics);
        let r = e.registro().unwrap();
        assert_eq!(r.cortes.len(), 4);
        assert!(r.cortes.iter().all(|c| c.acciones.len() == 40));
    }
}
