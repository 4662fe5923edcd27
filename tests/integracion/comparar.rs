//! `cantonal comparar`: items matched by id, exact change entries field by field, renamed ids as
//! removal plus addition, coverage and budget change.

use crate::common::{base, cantonal, write_plan};

fn draft() -> String {
    base()
        .replace("linea_base: 1, meta: 12", "linea_base: 1, meta: 16")
        .replace(
            "  - id: R2\n    titulo: Mendicidad infantil\n    fines: [mendicidad]\n    poblaciones: [ninas_ninos]\n    probabilidad: baja\n    impacto: medio\n",
            "",
        )
        .replace("    riesgos: [R2]\n", "")
        .replace("  - id: A4\n", "  - id: A4b\n")
        .replace("monto: 4500.00", "monto: 6000.00")
        .replace("{ etapa: atencion_salud, poblacion: todas, responsable: msp, plazo_horas: 12 }", "{ etapa: atencion_salud, poblacion: todas, responsable: msp, plazo_horas: 12, descripcion: Hospital de Ibarra }")
}

#[test]
fn changes_are_listed_item_by_item_and_field_by_field() {
    let (_d1, old) = write_plan("anterior.yaml", base());
    let (_d2, new) = write_plan("nuevo.yaml", draft());
    let o = cantonal(&[
        "comparar",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--formato",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let cambios: Vec<(String, String)> = v["cambios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["tipo"].as_str().unwrap().to_owned(),
                c["ruta"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("eliminado", "riesgos.R2"),
        ("modificado", "acciones.A1.presupuesto.monto"),
        ("modificado", "acciones.A2.riesgos"),
        ("eliminado", "acciones.A4"),
        ("agregado", "acciones.A4b"),
        ("agregado", "ruta_atencion.atencion_salud.descripcion"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(cambios, expected);
    let monto = &v["cambios"][1];
    assert_eq!(
        (monto["antes"].as_f64(), monto["despues"].as_f64()),
        (Some(4500.0), Some(6000.0))
    );
    let total = v["presupuesto"].as_array().unwrap().last().unwrap();
    assert_eq!(
        (
            total["nombre"].as_str(),
            total["antes"].as_f64(),
            total["despues"].as_f64()
        ),
        (Some("Total"), Some(10200.0), Some(11700.0))
    );
    let ejes: Vec<(f64, f64)> = v["acciones_por_eje"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["antes"].as_f64().unwrap(), c["despues"].as_f64().unwrap()))
        .collect();
    assert_eq!(ejes, [(1.0, 1.0); 4]);
}

#[test]
fn text_output_shows_old_and_new_values() {
    let (_d1, old) = write_plan("anterior.yaml", base());
    let (_d2, new) = write_plan("nuevo.yaml", draft());
    let o = cantonal(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    let t = String::from_utf8(o.stdout).unwrap();
    // Values in words: items by id and what they are, amounts in USD, references by name.
    assert!(
        t.starts_with(
            "- riesgos.R2: R2 — Mendicidad infantil (eliminado)
~ acciones.A1.presupuesto.monto: USD 4.500,00 → USD 6.000,00
~ acciones.A2.riesgos: R2 → (ninguno)
- acciones.A4: A4 — Mesa cantonal (eliminado)
+ acciones.A4b: A4b — Mesa cantonal (agregado)
+ ruta_atencion.atencion_salud.descripcion: "
        ),
        "{t}"
    );
    assert!(
        t.contains("  Total: USD 10.200,00 → USD 11.700,00 *"),
        "{t}"
    );
    assert!(
        t.contains("  Retorno y repatriación: sin responsable → sin responsable\n"),
        "{t}"
    );
    assert!(!t.contains("1 = sí"), "{t}");
    // Identical drafts.
    let o = cantonal(&["comparar", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .starts_with("Sin cambios en el contenido del plan.\n")
    );
}

#[test]
fn example_against_a_modified_copy_in_markdown() {
    let ibarra = std::fs::read_to_string("plans/ibarra.yaml").unwrap();
    let (_d, copia) = write_plan("ibarra.yaml", ibarra.replace("meta: 1200", "meta: 1500"));
    let o = cantonal(&[
        "comparar",
        "plans/ibarra.yaml",
        copia.to_str().unwrap(),
        "--formato",
        "md",
    ]);
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(
        t.contains("| modificado | `acciones.A1.indicador.meta` | 1.200 | 1.500 |"),
        "{t}"
    );
    // Every section of the text output, and no raw JSON.
    for s in [
        "## Acciones por eje",
        "## Etapas de la ruta de atención",
        "## Presupuesto",
    ] {
        assert!(t.contains(s), "{s}: {t}");
    }
    assert!(!t.contains("\\{\""), "{t}");
}

#[test]
fn values_are_names_and_two_cantons_get_a_warning() {
    let (_d1, old) = write_plan("anterior.yaml", base());
    let cambiado = base()
        .replace("    responsable: ccpd\n", "    responsable: gad\n")
        .replace("fuente: GAD Municipal }", "fuente: OIM }");
    let (_d2, new) = write_plan("nuevo.yaml", cambiado);
    let o = cantonal(&[
        "comparar",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--formato",
        "md",
    ]);
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(
        t.contains("| modificado | `acciones.A4.responsable` | CCPD de Ibarra (ccpd) | GAD Municipal de Ibarra (gad) |"),
        "{t}"
    );
    assert!(
        t.contains("| modificado | `acciones.A1.presupuesto.fuente` | GAD Municipal | OIM |"),
        "{t}"
    );
    assert!(String::from_utf8(o.stderr).unwrap().is_empty());
    // Two different cantons: compared, with a warning (stderr, or `aviso` in JSON).
    let (_d3, otro) = write_plan(
        "otro.yaml",
        base().replace(
            "canton: { codigo: \"1001\", nombre: Ibarra, provincia: Imbabura }",
            "canton: { codigo: \"1004\", nombre: Otavalo, provincia: Imbabura }",
        ),
    );
    let o = cantonal(&["comparar", old.to_str().unwrap(), otro.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "aviso: los borradores son de cantones distintos (Ibarra, 1001, y Otavalo, 1004): compare dos versiones del plan de un mismo cantón\n"
    );
    let o = cantonal(&[
        "comparar",
        old.to_str().unwrap(),
        otro.to_str().unwrap(),
        "--formato",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["aviso"].as_str().unwrap().contains("cantones distintos"));
}
