//! The rule catalogue as users see it: `reglas`, `explicar`, and `docs/reglas.md`, which is
//! generated from the registry and must not go stale.

use crate::common;

use crate::common::cantonal;

#[test]
fn docs_reglas_md_is_up_to_date() {
    common::al_dia("docs/reglas.md", &cantonal::generados::reglas_markdown());
}

#[test]
fn explicar_prints_the_whole_explanation() {
    let out = cantonal(&["explicar", "a002"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("A002: Etapa obligatoria de la ruta sin responsable\nSeveridad: error\n")
    );
    for header in ["Qué comprueba", "Por qué importa", "Incorrecto", "Correcto"] {
        assert!(text.contains(header), "{header}");
    }
    assert!(text.contains("una víctima sin nadie a quien llamar"));
}

#[test]
fn explicar_explains_the_workbook_codes_of_importar_for_both_workbooks() {
    for (codigo, titulo, frase) in [
        (
            "T001",
            "El libro del taller o de seguimiento no se puede leer",
            ".xlsx guardado por Excel o LibreOffice",
        ),
        (
            "T002",
            "Falta una hoja, una columna o una fila de la plantilla del libro",
            "`cantonal plantilla-seguimiento`",
        ),
        (
            "T003",
            "Una celda del libro no es del tipo de su columna",
            "hoja Acciones, fila 3, columna Inicio: 2026-03-01",
        ),
    ] {
        let out = cantonal(&["explicar", &codigo.to_lowercase()]);
        assert_eq!(out.status.code(), Some(0), "{codigo}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with(&format!("{codigo}: {titulo}\nSeveridad: error\n")),
            "{text}"
        );
        for header in ["Qué comprueba", "Por qué importa", "Incorrecto", "Correcto"] {
            assert!(text.contains(header), "{codigo} {header}");
        }
        assert!(text.contains(frase), "{codigo}: {text}");
    }
    // docs/reglas.md shows their examples as text, not as YAML.
    let md = cantonal::generados::reglas_markdown();
    let t003 = &md[md.find("## T003").unwrap()..];
    assert!(t003.contains("```text\nhoja Acciones, fila 3, columna Inicio: marzo\n```"));
}

#[test]
fn explicar_unknown_code_suggests_and_cannot_run() {
    let out = cantonal(&["explain", "A02"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no existe la regla `A02`"), "{err}");
}

#[test]
fn reglas_lists_every_code_once_in_order() {
    let out = cantonal(&["reglas"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.len() == 4 && w.chars().skip(1).all(|c| c.is_ascii_digit()))
        .collect();
    let registry: Vec<&str> = cantonal::rules::REGLAS.iter().map(|r| r.codigo).collect();
    assert_eq!(codes, registry);
    assert!(text.contains("C006  advertencia* Indicador incompleto"));
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut codes: Vec<&str> = cantonal::rules::REGLAS.iter().map(|r| r.codigo).collect();
    let n = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), n);
    for r in cantonal::rules::REGLAS {
        let e = &r.explicacion;
        assert!(!r.titulo.is_empty() && !e.que.is_empty() && !e.por_que.is_empty());
        assert_ne!(e.incorrecto, e.correcto, "{}", r.codigo);
    }
}

#[test]
fn example_plans_validate_without_problems() {
    let out = cantonal(&["validar", "--estricto", "--formato", "json", "plans/"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let archivos = json["archivos"].as_array().unwrap();
    let vistos: Vec<(&str, &str)> = archivos
        .iter()
        .map(|a| {
            (
                a["archivo"].as_str().unwrap(),
                a["canton"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        vistos,
        [
            // Each example plan whose period has begun has an illustrative monitoring file,
            // checked with its plan (Colta's begins in 2027).
            ("plans/colta.yaml", "Colta"),
            ("plans/cotacachi.yaml", "Cotacachi"),
            ("plans/cotacachi.seguimiento.yaml", "Cotacachi"),
            ("plans/guamote.yaml", "Guamote"),
            ("plans/guamote.seguimiento.yaml", "Guamote"),
            ("plans/ibarra.yaml", "Ibarra"),
            ("plans/ibarra.seguimiento.yaml", "Ibarra"),
            ("plans/lago-agrio.yaml", "Lago Agrio"),
            ("plans/lago-agrio.seguimiento.yaml", "Lago Agrio"),
            ("plans/otavalo.yaml", "Otavalo"),
            // The illustrative review of Otavalo is checked as the observations of its plan.
            ("plans/otavalo.observaciones.yaml", "Otavalo"),
            ("plans/otavalo.seguimiento.yaml", "Otavalo"),
            ("plans/santo-domingo.yaml", "Santo Domingo"),
            ("plans/santo-domingo.seguimiento.yaml", "Santo Domingo"),
        ]
    );
    assert_eq!(archivos[10]["observaciones_abiertas"], 4);
    assert!(archivos[9].get("observaciones_abiertas").is_none());
    assert_eq!(json["resumen"]["observaciones_abiertas"], 4);
    assert_eq!(json["resumen"]["errores"], 0);
    assert_eq!(json["resumen"]["advertencias"], 0);
}

#[test]
fn human_summary_of_the_examples() {
    let out = cantonal(&["validar", "plans/ibarra.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "plans/ibarra.yaml (Ibarra): sin problemas\n\
         plans/ibarra.seguimiento.yaml (seguimiento: 3 cortes, el último del 30 de septiembre de 2026): sin problemas\n\n\
         Resumen: 2 archivos; 0 errores, 0 advertencias, 0 sugerencias\n"
    );
}
