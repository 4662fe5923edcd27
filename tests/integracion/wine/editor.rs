//! The editor of the Windows build on 127.0.0.1, driven over HTTP from outside Wine as a
//! browser would: its page, a save of a plan written by Notepad (CRLF and a BOM, which stay), the
//! download of the edited plan (the same bytes as the Linux build's `generar`), and Ctrl-C, which
//! stops it cleanly. Only the stable calls of the editor's API are used: the page `/?t=`, its
//! CSRF meta tag, `GET /api/plan`, `POST /api/guardar`, `POST /api/descargar`, through the
//! client of `tests/integracion/cliente.rs`.

use serde_json::json;

use super::{EnMarcha, FECHA, linux, ok, windows, z};
use crate::cliente::{Cliente, crudo};

/// The page of the editor at `puerto` with `token`, and the client it gives (its CSRF secret).
pub fn cliente(puerto: u16, token: &str) -> Cliente {
    assert_eq!(token.len(), 32, "{token}");
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");
    let pagina = crudo(
        puerto,
        &format!(
            "GET /?t={token} HTTP/1.1\r\nHost: 127.0.0.1:{puerto}\r\nConnection: close\r\n\r\n"
        ),
        b"",
    );
    assert_eq!(pagina.status, 200);
    assert!(
        pagina
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    Cliente::conectar(puerto, token)
}

#[test]
fn the_editor_under_wine_saves_keeping_crlf_downloads_and_stops_on_ctrl_c() {
    let Some(w) = windows() else { return };
    let dir = tempfile::tempdir().unwrap();
    let carpeta = dir.path().join("Planes de José Ñauta");
    std::fs::create_dir_all(&carpeta).unwrap();
    let original = format!(
        "\u{feff}{}",
        std::fs::read_to_string("plans/ibarra.yaml")
            .unwrap()
            .replace('\n', "\r\n")
    );
    let archivo = carpeta.join("ibarra.yaml");
    std::fs::write(&archivo, &original).unwrap();
    let mut editor = EnMarcha::iniciar(
        w.cantonal(
            dir.path().to_str().unwrap(),
            &[],
            &["editar", "--no-abrir", &z(&carpeta)],
        ),
        std::process::Stdio::null(),
    );
    let (puerto, token, antes) = editor.direccion();
    assert!(antes.is_empty(), "the address is the first line: {antes:?}");
    let c = cliente(puerto, &token);

    let plan = c.plan("ibarra.yaml");
    let version = plan["version"].clone();
    let mut valor = plan["valor"].clone();
    assert_eq!(valor["acciones"][2]["indicador"]["meta"], 80);
    valor["acciones"][2]["indicador"]["meta"] = json!(95);
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": version, "valor": valor}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let guardado = std::fs::read_to_string(&archivo).unwrap();
    assert!(guardado.starts_with('\u{feff}'), "the BOM stays");
    let cambiadas: Vec<(&str, &str)> = original
        .split_inclusive('\n')
        .zip(guardado.split_inclusive('\n'))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(original.lines().count(), guardado.lines().count());
    assert_eq!(cambiadas, [("      meta: 80\r\n", "      meta: 95\r\n")]);
    let restos: Vec<_> = std::fs::read_dir(&carpeta).unwrap().collect();
    assert_eq!(restos.len(), 1, "no temporary file is left");

    // The download of the edited plan is what `generar` of the Linux build writes from the file
    // just saved.
    let referencia = dir.path().join("linux");
    std::fs::create_dir_all(&referencia).unwrap();
    let nueva = r.json()["version"].clone();
    for formato in ["pdf", "docx"] {
        let r = c.post(
            "/api/descargar",
            &json!({"archivo": "ibarra.yaml", "version": nueva, "valor": valor, "formato": formato}),
        );
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        assert!(
            r.header("content-disposition")
                .unwrap()
                .contains(&format!("ibarra.{formato}"))
        );
        let salida = referencia.join(format!("ibarra.{formato}"));
        ok(&linux(&[
            "generar",
            "--formato",
            formato,
            archivo.to_str().unwrap(),
            "-o",
            salida.to_str().unwrap(),
        ]));
        assert!(
            r.body == std::fs::read(&salida).unwrap(),
            "{formato}: the download differs from the Linux build's generar (SOURCE_DATE_EPOCH={FECHA})"
        );
    }

    let (codigo, resto, errores) = editor.ctrl_c();
    assert_eq!(codigo, Some(0), "{resto}\n{errores}");
    assert!(resto.contains("Editor terminado."), "{resto}");
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", puerto)).is_err(),
        "the port is closed"
    );
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), guardado);
}
