//! Mistakes on the command line are answered in Spanish, naming the argument and, for a value
//! outside its list, the values accepted; the command cannot run (exit code 2).

use crate::common::cantonal;

fn error_de(args: &[&str]) -> String {
    let out = cantonal(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn missing_required_arguments_are_named_with_the_usage() {
    assert_eq!(
        error_de(&["validar"]),
        "error: falta el argumento obligatorio `<ARCHIVO_O_CARPETA>...`\n\
         ayuda: Escríbalo como muestra el uso:\n\
         Uso: cantonal validar <ARCHIVO_O_CARPETA>...\n"
    );
    assert_eq!(
        error_de(&["nuevo"]),
        "error: falta el argumento obligatorio `--canton <CANTON>`\n\
         ayuda: Escríbalo como muestra el uso:\n\
         Uso: cantonal nuevo --canton <CANTON>\n"
    );
}

#[test]
fn invalid_values_list_the_valid_ones() {
    assert_eq!(
        error_de(&["validar", "--formato", "xml", "plans/ibarra.yaml"]),
        "error: `xml` no es un valor válido para `--formato`\n\
         ayuda: Valores posibles: `texto`, `json`.\n"
    );
    assert_eq!(
        error_de(&["validar", "--formato", "jsn", "plans/ibarra.yaml"]),
        "error: `jsn` no es un valor válido para `--formato`\n\
         ayuda: ¿Quiso decir `json`? Valores posibles: `texto`, `json`.\n"
    );
    assert_eq!(
        error_de(&["validar", "plans/ibarra.yaml", "--formato"]),
        "error: falta el valor de `--formato`\n\
         ayuda: Valores posibles: `texto`, `json`.\n"
    );
    assert_eq!(
        error_de(&["validar", "--color", "rojo", "plans/ibarra.yaml"]),
        "error: `rojo` no es un valor válido para `--color`\n\
         ayuda: Valores posibles: `auto`, `siempre`, `nunca`.\n"
    );
}

#[test]
fn unknown_options_commands_and_extra_arguments() {
    assert_eq!(
        error_de(&["validar", "--formto", "json", "plans/ibarra.yaml"]),
        "error: opción desconocida `--formto`\n\
         ayuda: ¿Quiso decir `--formato`?\n\
         Uso: cantonal validar --formato <FORMATO> <ARCHIVO_O_CARPETA>...\n"
    );
    let err = error_de(&["valdar", "plans/ibarra.yaml"]);
    assert!(
        err.starts_with(
            "error: comando desconocido `valdar`\nayuda: ¿Quiso decir `validar`? Comandos: `nuevo`, `validar`,"
        ),
        "{err}"
    );
    assert_eq!(
        error_de(&["comparar", "a.yaml", "b.yaml", "c.yaml"]),
        "error: sobra el argumento `c.yaml`\n\
         ayuda: Compruebe cuántos archivos o valores espera el comando; un nombre con espacios va entre comillas.\n\
         Uso: cantonal comparar [OPCIONES] <ANTERIOR> <NUEVO>\n"
    );
    assert_eq!(
        error_de(&["validar", "--estricto=si", "plans/ibarra.yaml"]),
        "error: `--estricto` no lleva valor (se escribió `si`)\n\
         ayuda: Escriba solo `--estricto`.\n\
         Uso: cantonal validar --estricto <ARCHIVO_O_CARPETA>...\n"
    );
    assert!(error_de(&[]).starts_with("error: falta el comando\nayuda: Comandos: `nuevo`,"));
}

#[test]
fn no_english_from_the_argument_parser() {
    for args in [
        &["validar"][..],
        &["validar", "--formato", "xml", "x.yaml"],
        &["validar", "--foo", "x.yaml"],
        &["frobnicar"],
        &["comparar", "a.yaml"],
        &["completions", "nada"],
        &["validar", "--estricto=si", "x.yaml"],
        &["nuevo", "--canton"],
    ] {
        let err = error_de(args);
        for english in [
            "the following",
            "unexpected",
            "invalid value",
            "found",
            "Usage",
            "OPTIONS",
            "required",
        ] {
            assert!(!err.contains(english), "{args:?}: {err}");
        }
    }
}
