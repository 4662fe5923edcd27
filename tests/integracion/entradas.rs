//! Bad input never panics, hangs or exhausts memory: every case of `docs/robustez.md` gets a located
//! S001 (or another clear structural error) and a non-zero exit, and well-formed variants of the
//! base plan (BOM, CRLF) are read as the same plan.

use crate::common;

use crate::common::{base, diagnosticos, mutate, validar_json, write_plan};

/// Runs `validar` on `bytes` and returns the first diagnostic, checking exit code 1 and that it
/// is the only file-level problem reported.
fn first(bytes: &[u8]) -> serde_json::Value {
    let (_dir, path) = write_plan("plan.yaml", bytes);
    let (code, json) = validar_json(&path, &[]);
    assert_eq!(code, 1, "{json}");
    diagnosticos(&json)
        .into_iter()
        .next()
        .expect("a diagnostic")
}

/// Code, line, column, message and hint of a diagnostic.
fn diagnostico(d: &serde_json::Value) -> (&str, u64, u64, &str, &str) {
    (
        d["codigo"].as_str().unwrap(),
        d["linea"].as_u64().unwrap(),
        d["columna"].as_u64().unwrap(),
        d["mensaje"].as_str().unwrap(),
        d["ayuda"].as_str().unwrap(),
    )
}

fn pos(d: &serde_json::Value) -> (&str, u64, u64) {
    (
        d["codigo"].as_str().unwrap(),
        d["linea"].as_u64().unwrap(),
        d["columna"].as_u64().unwrap(),
    )
}

#[test]
fn tab_indentation_is_pointed_at() {
    let text = base().replace("    impacto: alto", "\timpacto: alto");
    let d = first(text.as_bytes());
    assert_eq!(pos(&d), ("S001", 16, 1));
    assert!(d["mensaje"].as_str().unwrap().contains("tabulación"));
}

#[test]
fn bom_and_crlf_are_read_as_the_same_plan() {
    let text = format!("\u{feff}{}", base().replace('\n', "\r\n"));
    let (_dir, path) = write_plan("plan.yaml", text);
    let (code, json) = validar_json(&path, &[]);
    assert_eq!((code, diagnosticos(&json).len()), (0, 0), "{json}");
    // Positions are still right with both: break a field on line 6.
    let text = format!(
        "\u{feff}{}",
        base()
            .replace("estado: borrador", "estado: borador")
            .replace('\n', "\r\n")
    );
    assert_eq!(pos(&first(text.as_bytes())), ("S005", 6, 9));
}

#[test]
fn latin1_file_is_named_as_such_at_its_first_accent() {
    let text = base();
    let mut bytes = Vec::new();
    for c in text.chars() {
        // Encode as Latin-1: every char of the base plan is below U+0100.
        bytes.push(u32::from(c) as u8);
    }
    let d = first(&bytes);
    // The first non-ASCII character is the "á" of "Plan mínimo" on line 1.
    assert_eq!(pos(&d), ("S001", 1, 9));
    assert!(d["mensaje"].as_str().unwrap().contains("Latin-1"), "{d}");
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let mut text = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    let mut prev = 'a';
    for name in "bcdefghijklmnopq".chars() {
        text.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    let d = first(text.as_bytes());
    assert_eq!(d["codigo"], "S001");
    assert!(d["mensaje"].as_str().unwrap().contains("anclas"), "{d}");
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("formato: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let d = first(text.as_bytes());
    assert_eq!(d["codigo"], "S001");
    assert!(d["mensaje"].as_str().unwrap().contains("anidado"), "{d}");
    assert_eq!(d["linea"], 1);
}

#[test]
fn huge_file_is_refused_without_reading_it_whole() {
    let mut text = base().into_bytes();
    text.resize(50 * 1024 * 1024, b'#');
    let d = first(&text);
    assert_eq!(pos(&d), ("S001", 1, 1));
    assert!(d["mensaje"].as_str().unwrap().contains("demasiado grande"));
}

#[test]
fn binary_garbage_is_refused_at_the_first_nul() {
    let mut bytes = b"formato: 1\nplan".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    let d = first(&bytes);
    assert_eq!(pos(&d), ("S001", 2, 5));
    assert!(d["mensaje"].as_str().unwrap().contains("no es de texto"));
}

#[test]
fn random_bytes_without_nul_still_get_a_position() {
    let bytes: Vec<u8> = (1..20000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8 | 1)
        .collect();
    let d = first(&bytes);
    assert_eq!(d["codigo"], "S001");
    assert!(d["linea"].as_u64().unwrap() >= 1 && d["columna"].as_u64().unwrap() >= 1);
}

#[test]
fn empty_file_scalar_root_and_several_documents() {
    let d = first(b"");
    assert_eq!(pos(&d), ("S003", 1, 1));
    assert!(d["mensaje"].as_str().unwrap().contains("vacío"));
    let d = first(b"solo un texto\n");
    assert_eq!(d["codigo"], "S003");
    // The second document is pointed at its `---`, after the 78 lines of the plan.
    let d = first(format!("{}---\nformato: 1\n", base()).as_bytes());
    assert_eq!(
        diagnostico(&d),
        (
            "S001",
            82,
            1,
            "el archivo contiene más de un documento YAML (separados por `---`)",
            "Un archivo contiene un solo plan: borre esta línea `---` y lo que le sigue, o sepárelo en otro archivo."
        )
    );
}

#[test]
fn a_folder_with_a_bad_file_still_checks_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), base()).unwrap();
    std::fs::write(dir.path().join("b.yaml"), b"\x00\x01").unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        base().replace("estado: borrador", "estado: x"),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.observaciones.yaml"), "no es un plan").unwrap();
    let (code, json) = validar_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let archivos = json["archivos"].as_array().unwrap();
    let names: Vec<&str> = archivos
        .iter()
        .map(|a| a["archivo"].as_str().unwrap())
        .collect();
    // The observations file is checked as the review of c.yaml, right after it.
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names[3].ends_with("c.observaciones.yaml"), "{names:?}");
    let errores: Vec<u64> = archivos
        .iter()
        .map(|a| a["errores"].as_u64().unwrap())
        .collect();
    assert_eq!(errores, [0, 1, 1, 1]);
    let d = &archivos[3]["diagnosticos"][0];
    assert_eq!(
        (
            d["codigo"].as_str(),
            d["linea"].as_u64(),
            d["columna"].as_u64()
        ),
        (Some("S003"), Some(1), Some(1))
    );
    assert!(
        d["mensaje"]
            .as_str()
            .unwrap()
            .contains("las observaciones deben ser un conjunto de campos"),
        "{d}"
    );
    assert_eq!(json["resumen"]["archivos"], 4);
    assert_eq!(json["resumen"]["errores"], 3);
}

#[test]
fn missing_path_cannot_run() {
    let out = common::cantonal(&["validar", "no-existe.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no existe"));
}

const GUARDAR_UTF8: &str = "Guárdelo con codificación UTF-8 (en el Bloc de notas: Archivo › Guardar como › Codificación: UTF-8).";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_files_with_their_byte_order_mark_are_read() {
    // As the Windows Notepad saves «Unicode» (little endian) and «Unicode big endian».
    for big_endian in [false, true] {
        let (_dir, path) = write_plan("plan.yaml", utf16(&base(), big_endian));
        let (code, json) = validar_json(&path, &[]);
        assert_eq!((code, diagnosticos(&json).len()), (0, 0), "{json}");
        let text = base().replace("estado: borrador", "estado: borador");
        assert_eq!(pos(&first(&utf16(&text, big_endian))), ("S005", 6, 9));
    }
    // Without the mark, the file is named as UTF-16 rather than as binary.
    let sin_marca = utf16(&base(), false).split_off(2);
    assert_eq!(
        diagnostico(&first(&sin_marca)),
        (
            "S001",
            1,
            1,
            "el archivo parece estar en UTF-16 sin marca de orden de bytes (BOM)",
            GUARDAR_UTF8
        )
    );
    // A lone surrogate is located after the text that precedes it.
    let mut roto = utf16("formato: 1\nplan", false);
    roto.extend([0x00, 0xD8, 0x41, 0x00]);
    assert_eq!(
        diagnostico(&first(&roto)),
        (
            "S001",
            2,
            5,
            "el archivo UTF-16 contiene un carácter mal formado",
            GUARDAR_UTF8
        )
    );
}

#[test]
fn binary_content_is_never_shown() {
    // A PDF: binary before its first zero byte. Nothing of it is shown, the problem is at 1:1.
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    let loaded = cantonal::plan::load::load_bytes::<cantonal::plan::model::Plan>(
        std::path::Path::new("plan.yaml"),
        &bytes,
    );
    assert_eq!(loaded.texto, "");
    let d = &loaded.diagnostics[0];
    assert_eq!(
        (d.codigo, d.linea, d.columna, d.mensaje.as_str()),
        (
            "S001",
            1,
            1,
            "el archivo no es de texto (contiene bytes nulos)"
        )
    );
    // Text before the zero byte is shown, up to it.
    let loaded = cantonal::plan::load::load_bytes::<cantonal::plan::model::Plan>(
        std::path::Path::new("plan.yaml"),
        b"formato: 1\nplan\x00\x01\x02",
    );
    assert_eq!(loaded.texto, "formato: 1\nplan");
}

#[test]
fn a_control_character_is_located_and_named() {
    let d = first(mutate("nombre: Ibarra,", "nombre: Iba\u{1}rra,").as_bytes());
    assert_eq!(
        diagnostico(&d),
        (
            "S001",
            4,
            38,
            "el archivo contiene un carácter de control invisible (U+0001)",
            "Borre ese carácter: no se ve en la mayoría de los editores y suele llegar al copiar y pegar desde otro programa."
        )
    );
    let d = first(mutate("nombre: Ibarra,", "nombre: Iba\u{9b}rra,").as_bytes());
    assert_eq!(
        (pos(&d), d["mensaje"].as_str().unwrap()),
        (
            ("S001", 4, 38),
            "el archivo contiene un carácter de control invisible (U+009B)"
        )
    );
}

#[test]
fn a_repeated_key_is_pointed_at_the_repetition() {
    let text = mutate(
        "    descripcion: Acogida temporal\n",
        "    descripcion: Acogida temporal\n    descripcion: Acogida\n",
    );
    assert_eq!(
        diagnostico(&first(text.as_bytes())),
        (
            "S001",
            52,
            5,
            "el campo `descripcion` está repetido en el mismo nivel",
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido."
        )
    );
}

#[test]
fn numbers_out_of_range_are_named_in_spanish() {
    let d = first(mutate("anio: 2024", "anio: 99999999999").as_bytes());
    assert_eq!(
        diagnostico(&d),
        (
            "S003",
            9,
            15,
            "`anio` es demasiado grande: `99999999999` (el máximo es 2147483647)",
            "Revise la cifra: probablemente tiene dígitos de más."
        )
    );
    let d = first(mutate("casos: 7", "casos: 99999999999999999999").as_bytes());
    assert_eq!(
        diagnostico(&d),
        (
            "S003",
            9,
            28,
            "el número `99999999999999999999` es demasiado grande",
            "Revise la cifra: ningún campo del plan admite un número de tantas cifras."
        )
    );
    let d = first(
        mutate(
            "responsable: fiscalia, plazo_horas: 24",
            "responsable: fiscalia, plazo_horas: -5",
        )
        .as_bytes(),
    );
    assert_eq!(
        diagnostico(&d),
        (
            "S003",
            74,
            84,
            "`plazo_horas` no puede ser negativo: `-5`",
            "Escriba un número entero desde 0, sin signo."
        )
    );
}

#[test]
fn whole_numbers_written_with_decimals_are_whole_numbers() {
    let text = mutate(
        "responsable: fiscalia, plazo_horas: 24",
        "responsable: fiscalia, plazo_horas: 24.0",
    )
    .replace("anio: 2024", "anio: 2024.0");
    let (_dir, path) = write_plan("plan.yaml", text);
    let (code, json) = validar_json(&path, &[]);
    assert_eq!((code, diagnosticos(&json).len()), (0, 0), "{json}");
}

#[test]
fn typographic_quotes_are_named_where_they_break_the_file() {
    let ayuda = "Use comillas rectas \" o quite las comillas (los procesadores de texto cambian \" por “ ”).";
    // In a block mapping and in a flow mapping, a value with `: ` between “ ”.
    let d = first(
        mutate(
            "descripcion: Talleres en colegios",
            "descripcion: “Objetivo: talleres en colegios”",
        )
        .as_bytes(),
    );
    assert_eq!(
        diagnostico(&d),
        (
            "S001",
            40,
            18,
            "el valor empieza con una comilla tipográfica (“), que YAML no reconoce como comilla",
            ayuda
        )
    );
    let d = first(
        mutate(
            "descripcion: Prevenir la captación.",
            "descripcion: «Objetivo: prevenir»",
        )
        .as_bytes(),
    );
    assert_eq!(
        diagnostico(&d),
        (
            "S001",
            33,
            45,
            "el valor empieza con una comilla tipográfica («), que YAML no reconoce como comilla",
            ayuda
        )
    );
    // A comma between “ ” inside `{ … }` cuts the text: the rest is read as a field.
    let d = first(
        mutate(
            "descripcion: Prevenir la captación.",
            "descripcion: “Prevenir, captar”",
        )
        .as_bytes(),
    );
    assert_eq!(
        diagnostico(&d),
        (
            "S002",
            33,
            56,
            "campo desconocido `captar”`",
            "Parece el resto de un texto entre comillas tipográficas (“ ”), que YAML no reconoce como comillas: use comillas rectas \" o quite las comillas."
        )
    );
}

/// All diagnostics of `text`, as (code, line, column, message, hint), checking exit code 1.
fn todos(text: &str) -> Vec<(String, u64, u64, String, String)> {
    let (_dir, path) = write_plan("plan.yaml", text);
    let (code, json) = validar_json(&path, &[]);
    assert_eq!(code, 1, "{json}");
    diagnosticos(&json)
        .iter()
        .map(|d| {
            let (c, l, col, m, a) = diagnostico(d);
            (c.to_owned(), l, col, m.to_owned(), a.to_owned())
        })
        .collect()
}

fn s007(col: u64, mensaje: &str, ayuda: &str) -> Vec<(String, u64, u64, String, String)> {
    vec![("S007".into(), 48, col, mensaje.into(), ayuda.into())]
}

const FORMA: &str =
    "Escriba los montos en dólares sin separador de miles y con punto decimal: `1500` o `1500.50`.";

#[test]
fn amounts_that_would_be_misread_are_errors_with_the_meant_value() {
    let monto = |m: &str| todos(&mutate("monto: 4500.00", &format!("monto: {m}")));
    // Read by YAML as 1.5 dollars, without any other sign.
    assert_eq!(
        monto("1.500"),
        s007(
            27,
            "el monto `1.500` usa el punto para separar los miles; en el plan, el punto separa los centavos",
            &format!("¿Quiso decir 1500? {FORMA}")
        )
    );
    // Inside `{ … }` the comma splits it: one S007, no stray field `50`.
    assert_eq!(
        monto("1.500,50"),
        s007(
            27,
            "el monto `1.500,50` usa el punto para separar los miles y la coma para los centavos",
            &format!("¿Quiso decir 1500.50? {FORMA}")
        )
    );
    assert_eq!(
        monto("1500,50"),
        s007(
            27,
            "el monto `1500,50` usa la coma para los centavos",
            &format!("¿Quiso decir 1500.50? {FORMA}")
        )
    );
    // On its own line, YAML reads `1.500,50` as a text: the same S007 rather than a type error.
    let text = mutate(
        "    presupuesto: { monto: 4500.00, fuente: GAD Municipal }",
        "    presupuesto:\n      monto: 1.500,50",
    );
    assert_eq!(
        todos(&text),
        vec![(
            "S007".into(),
            49,
            14,
            "el monto `1.500,50` usa el punto para separar los miles y la coma para los centavos"
                .into(),
            format!("¿Quiso decir 1500.50? {FORMA}")
        )]
    );
    assert_eq!(
        monto("1500.505"),
        s007(
            27,
            "el monto `1500.505` tiene más de dos decimales",
            "Un monto en dólares lleva como máximo dos decimales, los centavos: por ejemplo `1500.25`."
        )
    );
}

#[test]
fn amounts_out_of_range_never_reach_a_total() {
    let monto = |m: &str| todos(&mutate("monto: 4500.00", &format!("monto: {m}")));
    let demasiado = |m: &str| {
        s007(
            27,
            &format!("el monto `{m}` supera el máximo admitido (USD 1.000.000.000)"),
            "Revise la cifra: probablemente tiene dígitos de más.",
        )
    };
    assert_eq!(monto("1000000000.01"), demasiado("1000000000.01"));
    // Beyond 2^53, and beyond what any integer type holds (the parser itself refuses it).
    assert_eq!(monto("9007199254740993"), demasiado("9007199254740993"));
    assert_eq!(
        monto("92233720368547758070"),
        demasiado("92233720368547758070")
    );
    assert_eq!(
        monto("1e300"),
        s007(
            27,
            "el monto `1e300` está escrito con exponente",
            "Escriba la cifra completa, sin exponente, por ejemplo `1500` o `1500.50`; el máximo es USD 1.000.000.000."
        )
    );
    // A negative zero would print as -0.0 in the JSON output.
    assert_eq!(
        monto("-0.0"),
        s007(
            27,
            "el monto `-0.0` lleva signo menos",
            "Escriba `0` si la acción no tiene costo."
        )
    );
    // Negative amounts stay the semantic rule C004.
    assert!(monto("-4500").iter().any(|d| d.0 == "C004"));
    // The largest amount is accepted and totalled.
    let text = mutate("monto: 4500.00", "monto: 1000000000");
    let plan = cantonal::plan::load::load_bytes::<cantonal::plan::model::Plan>(
        std::path::Path::new("plan.yaml"),
        text.as_bytes(),
    );
    let json = common::json(
        plan.datos.as_ref().unwrap(),
        cantonal::reference::nacional::Referencia::pacta(),
        None,
    );
    assert!(json.contains("\"total\": 1000005700.0"), "{json}");
}

#[test]
fn texts_nested_too_deeply_are_refused_before_any_output() {
    let ayuda = "Un texto del plan usa pocos niveles: revise los `>`, `-`, `*` y `_` del comienzo de las líneas; si son parte del texto, escríbalos con `\\` delante (`\\>`).";
    // A hundred thousand `>`, twenty thousand emphasis markers, twelve thousand nested list
    // items: each made every output abort with a stack overflow.
    for md in [
        format!("{} x", ">".repeat(100_000)),
        format!("{}x{}", "*".repeat(20_000), "*".repeat(20_000)),
        format!("{}x", "- ".repeat(12_000)),
    ] {
        let text = mutate(
            "seguimiento: { responsable: ccpd, frecuencia: trimestral }",
            &format!(
                "seguimiento:\n  responsable: ccpd\n  frecuencia: trimestral\n  descripcion: |\n    {md}\n"
            ),
        );
        assert_eq!(
            todos(&text),
            vec![(
                "S008".into(),
                85,
                5,
                "el texto de `descripcion` anida más de 12 niveles de listas, citas o énfasis"
                    .into(),
                ayuda.into()
            )]
        );
    }
    // The same in a review observation.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), base()).unwrap();
    let obs = dir.path().join("plan.observaciones.yaml");
    std::fs::write(
        &obs,
        format!(
            "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - ruta: acciones.A1\n    texto: \"{}x\"\n",
            "- ".repeat(5_000)
        ),
    )
    .unwrap();
    let (code, json) = validar_json(&obs, &[]);
    assert_eq!(code, 1);
    let d = &json["archivos"][1]["diagnosticos"][0];
    assert_eq!(
        diagnostico(d),
        (
            "S008",
            5,
            12,
            "el texto de `texto` anida más de 12 niveles de listas, citas o énfasis",
            ayuda
        )
    );
}
