//! `cantonal editar` as a process: it prints its address first (so a script or the double-click
//! start can read it), answers there, and stops cleanly on Ctrl-C.

use crate::cliente::{carpeta_con_ejemplos, crudo};
use crate::common;

use std::io::{BufRead, BufReader, Read};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn the_command_prints_its_address_first_and_stops_on_ctrl_c() {
    let dir = carpeta_con_ejemplos();
    let mut hijo = Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(["editar", "--no-abrir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut salida = BufReader::new(hijo.stdout.take().unwrap());
    let mut primera = String::new();
    salida.read_line(&mut primera).unwrap();
    let url = primera.trim();
    let resto = url.strip_prefix("http://127.0.0.1:").unwrap();
    let (puerto, token) = resto.split_once("/?t=").unwrap();
    let puerto: u16 = puerto.parse().unwrap();
    assert_eq!(token.len(), 32);
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
    let r = crudo(
        puerto,
        &format!(
            "GET /?t={token} HTTP/1.1\r\nHost: 127.0.0.1:{puerto}\r\nConnection: close\r\n\r\n"
        ),
        b"",
    );
    assert_eq!(r.status, 200);
    // Bound to 127.0.0.1 only.
    let fuera = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|u| u.connect("192.0.2.1:9").map(|_| u))
        .and_then(|u| u.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_loopback());
    if let Some(ip) = fuera {
        assert!(TcpStream::connect_timeout(&(ip, puerto).into(), Duration::from_secs(1)).is_err());
    }
    Command::new("kill")
        .args(["-INT", &hijo.id().to_string()])
        .status()
        .unwrap();
    let inicio = Instant::now();
    let estado = loop {
        if let Some(s) = hijo.try_wait().unwrap() {
            break s;
        }
        assert!(
            inicio.elapsed() < Duration::from_secs(10),
            "editar did not stop on Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(estado.code(), Some(0));
    let mut resto = String::new();
    salida.read_to_string(&mut resto).unwrap();
    assert!(resto.contains("Editor terminado."), "{resto}");
    // No folder: refused with a Spanish message.
    let o = common::cantonal(&["editar", "--no-abrir", "no-existe-esta-carpeta"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no existe la carpeta"));
}
