//! The Windows build, `cantonal.exe`, run under Wine 10 (`scripts/wine.sh`): officials download
//! that program, so it is run here, not only compiled, and what it writes is compared byte by
//! byte with what the Linux build of the same commit writes.
//!
//! The tests run when `CANTONAL_EXE_WINDOWS` names the Windows build (`.ci/run` builds it and
//! sets it; the helpers `examples/retener.rs` and `examples/doble_clic.rs`, built for Windows,
//! must be beside it, in `examples/`). Without it they say so
//! and return, except with `CI` set, where they fail: in CI the suite never passes by skipping.
//! Every run is as the Windows user «José Ñauta», so that the profile folder, Documents and the
//! temporary folder of every run have an accent, an eñe and a space.
//!
//! What only a real Windows can tell (SmartScreen, OneDrive, Acrobat's locks, antivirus) is
//! listed in docs/distribucion.md.

mod editor;
mod escritorio;
mod retenido;
mod salidas;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The Windows user of every run: `C:\users\José Ñauta`.
pub const USUARIO: &str = "José Ñauta";

/// `SOURCE_DATE_EPOCH` of both builds (2026-07-01): the same date on every document, and a
/// «today» after the approval dates of the example plans.
pub const FECHA: &str = "1782864000";

/// The Windows build under test.
pub struct Windows {
    /// `cantonal.exe`.
    pub exe: PathBuf,
    /// `retener.exe` (`examples/retener.rs`), which holds a file as another program would.
    pub retener: PathBuf,
    /// `doble_clic.exe` (`examples/doble_clic.rs`), which starts a program with a console of
    /// its own, as the Explorer does.
    pub doble_clic: PathBuf,
}

/// The Windows build named by `CANTONAL_EXE_WINDOWS`, or `None` (said) outside CI.
pub fn windows() -> Option<Windows> {
    let Some(exe) = std::env::var_os("CANTONAL_EXE_WINDOWS") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the Wine suite must run in CI: .ci/run builds cantonal.exe and sets CANTONAL_EXE_WINDOWS"
        );
        eprintln!(
            "CANTONAL_EXE_WINDOWS no está definida: se omite esta prueba bajo Wine (.ci/run la ejecuta)"
        );
        return None;
    };
    let exe = std::path::absolute(exe).unwrap();
    assert!(
        exe.is_file(),
        "CANTONAL_EXE_WINDOWS: {} does not exist",
        exe.display()
    );
    let ayudante = |nombre: &str| {
        let p = exe.parent().unwrap().join("examples").join(nombre);
        assert!(
            p.is_file(),
            "{} does not exist: cargo build --examples --target x86_64-pc-windows-gnu",
            p.display()
        );
        p
    };
    Some(Windows {
        retener: ayudante("retener.exe"),
        doble_clic: ayudante("doble_clic.exe"),
        exe,
    })
}

/// A host path as the Windows program names it (`/tmp/x` is `Z:\tmp\x`).
pub fn z(path: &Path) -> String {
    format!(r"Z:{}", path.to_str().unwrap().replace('/', r"\"))
}

/// `scripts/wine.sh`.
fn wine_sh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/wine.sh")
}

impl Windows {
    /// `programa` with `args` under Wine, as [`USUARIO`], in the folder `cwd` (a host folder or
    /// a Windows path such as `C:\users\…`), with the host folders `compartir` visible (as
    /// `Z:\…`, see [`z`]).
    pub fn programa(
        &self,
        programa: &Path,
        cwd: &str,
        compartir: &[&Path],
        args: &[&str],
    ) -> Command {
        let mut c = Command::new(wine_sh());
        c.arg("run")
            .arg("--cwd")
            .arg(cwd)
            .arg(programa)
            .args(args)
            .env("USER", USUARIO)
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", FECHA)
            .env_remove("CANTONAL_WINEDEBUG");
        let carpetas: Vec<&str> = compartir.iter().map(|p| p.to_str().unwrap()).collect();
        if !carpetas.is_empty() {
            c.env("CANTONAL_WINE_BIND", carpetas.join(":"));
        }
        c
    }

    /// `cantonal.exe` with `args` (see [`Windows::programa`]).
    pub fn cantonal(&self, cwd: &str, compartir: &[&Path], args: &[&str]) -> Command {
        self.programa(&self.exe, cwd, compartir, args)
    }

    /// Runs `cantonal.exe` with `args` in the repository root, the host folders `compartir`
    /// visible, and gives its output.
    pub fn ejecutar(&self, compartir: &[&Path], args: &[&str]) -> Output {
        self.cantonal(env!("CARGO_MANIFEST_DIR"), compartir, args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    /// Where a path of the user's drive C: is on the host (`scripts/wine.sh ruta`). The user's
    /// Wine prefix must exist: it is made by the first run.
    pub fn ruta(&self, windows: &str) -> PathBuf {
        // A run makes the prefix the first time.
        ok(&self.ejecutar(&[], &["--version"]));
        let o = Command::new(wine_sh())
            .args(["ruta", windows])
            .env("USER", USUARIO)
            .output()
            .unwrap();
        ok(&o);
        PathBuf::from(String::from_utf8(o.stdout).unwrap().trim_end_matches('\n'))
    }
}

/// The Linux build (`CARGO_BIN_EXE_cantonal`) with `args` in the repository root, with the same
/// environment as [`Windows::programa`] gives the Windows one.
pub fn linux(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", FECHA)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Checks that a run ended with 0, showing its output if not.
pub fn ok(o: &Output) -> &Output {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The standard output as text.
pub fn texto(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The standard error as text.
pub fn errores(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Every file under `carpeta` (by path relative to it, with `/`) with its bytes.
pub fn archivos(carpeta: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut todos = std::collections::BTreeMap::new();
    let mut pendientes = vec![carpeta.to_path_buf()];
    while let Some(d) = pendientes.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                pendientes.push(p);
            } else {
                let nombre = p
                    .strip_prefix(carpeta)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .replace('\\', "/");
                todos.insert(nombre, std::fs::read(&p).unwrap());
            }
        }
    }
    todos
}

/// Checks that two folders hold the same files with the same bytes, naming the first that
/// differs.
pub fn mismos_archivos(windows: &Path, linux: &Path) {
    let (w, l) = (archivos(windows), archivos(linux));
    assert_eq!(
        w.keys().collect::<Vec<_>>(),
        l.keys().collect::<Vec<_>>(),
        "the Windows and Linux builds wrote different files"
    );
    for (nombre, bytes) in &w {
        assert!(
            *bytes == l[nombre],
            "{nombre}: the Windows build wrote other bytes than the Linux build ({} and {} bytes)",
            bytes.len(),
            l[nombre].len()
        );
    }
}

/// How long a program started by a test may run: past it, it and every process of its run are
/// ended, so that a test that waits for output that never comes fails instead of hanging.
const LIMITE: std::time::Duration = std::time::Duration::from_secs(120);

/// A program started under Wine whose output is read line by line while it runs (the editor).
pub struct EnMarcha {
    /// The process (`scripts/wine.sh`, which becomes the Windows program).
    pub hijo: Child,
    /// Its standard output.
    pub salida: BufReader<std::process::ChildStdout>,
    /// The run's mount namespace (`scripts/wine.sh` gives each run its own): every process of
    /// the run is in it, also those that Wine starts in a session of their own (a program with
    /// a console of its own), which the process group does not reach.
    espacio: Option<std::path::PathBuf>,
    /// Dropped with this value: tells the watchdog of [`LIMITE`] that it is no longer needed.
    _vigilante: std::sync::mpsc::Sender<()>,
}

/// Ends with SIGKILL the process group `grupo` (a child not yet waited for, so that its
/// number is still its own) and every process in the mount namespace `espacio` (as
/// `/proc/PID/ns/mnt` names it).
fn acabar(grupo: Option<u32>, espacio: Option<&Path>) {
    if let Some(grupo) = grupo {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{grupo}")])
            .stderr(Stdio::null())
            .status();
    }
    let Some(espacio) = espacio else { return };
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let p = e.path();
        if p.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .parse::<u32>()
            .is_ok()
            && std::fs::read_link(p.join("ns/mnt")).is_ok_and(|n| n == espacio)
        {
            let _ = Command::new("kill")
                .args(["-KILL", p.file_name().unwrap().to_str().unwrap()])
                .stderr(Stdio::null())
                .status();
        }
    }
}

impl EnMarcha {
    /// Starts `c` with its output piped (the error too, kept in `stderr` of the child).
    pub fn iniciar(mut c: Command, entrada: Stdio) -> EnMarcha {
        use std::os::unix::process::CommandExt;
        let mut hijo = c
            // A group of its own, so that [`Drop`] can end every Windows process it started.
            .process_group(0)
            .stdin(entrada)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let salida = BufReader::new(hijo.stdout.take().unwrap());
        // The run's namespace, once `scripts/wine.sh` has entered it (a moment after the start).
        let propio = std::fs::read_link("/proc/self/ns/mnt").unwrap();
        let ns = PathBuf::from(format!("/proc/{}/ns/mnt", hijo.id()));
        let inicio = std::time::Instant::now();
        let espacio = loop {
            match std::fs::read_link(&ns) {
                Ok(n) if n != propio => break Some(n),
                Ok(_) if inicio.elapsed() < std::time::Duration::from_secs(30) => {
                    std::thread::sleep(std::time::Duration::from_millis(5))
                }
                _ => break None,
            }
        };
        let (vigilante, fin) = std::sync::mpsc::channel::<()>();
        let (grupo, en) = (hijo.id(), espacio.clone());
        std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = fin.recv_timeout(LIMITE) {
                eprintln!("el programa bajo Wine sigue después de {LIMITE:?}: se termina");
                acabar(Some(grupo), en.as_deref());
            }
        });
        EnMarcha {
            hijo,
            salida,
            espacio,
            _vigilante: vigilante,
        }
    }

    /// The next line of the output (without its end), or `None` at its end.
    pub fn linea(&mut self) -> Option<String> {
        let mut l = String::new();
        match self.salida.read_line(&mut l).unwrap() {
            0 => None,
            _ => Some(l.trim_end_matches(['\r', '\n']).to_owned()),
        }
    }

    /// Reads lines up to the editor's address (`http://127.0.0.1:PORT/?t=TOKEN`) and gives the
    /// port and the token, and the lines before it.
    pub fn direccion(&mut self) -> (u16, String, Vec<String>) {
        let mut antes = Vec::new();
        loop {
            let Some(l) = self.linea() else {
                let mut e = String::new();
                use std::io::Read;
                let _ = self.hijo.stderr.take().unwrap().read_to_string(&mut e);
                panic!("no address in the output: {antes:?}\nstderr:\n{e}");
            };
            if let Some(resto) = l.strip_prefix("http://127.0.0.1:") {
                let (puerto, token) = resto.split_once("/?t=").unwrap();
                return (puerto.parse().unwrap(), token.to_owned(), antes);
            }
            antes.push(l);
        }
    }

    /// Sends SIGINT (what Ctrl-C sends; Wine turns it into a console CTRL_C_EVENT) and waits for
    /// the end: exit code, rest of the output, standard error.
    pub fn ctrl_c(self) -> (Option<i32>, String, String) {
        let o = Command::new("kill")
            .args(["-INT", &self.hijo.id().to_string()])
            .status()
            .unwrap();
        assert!(o.success());
        self.terminar()
    }

    /// Waits for the end: exit code, rest of the output, standard error.
    pub fn terminar(mut self) -> (Option<i32>, String, String) {
        use std::io::Read;
        let mut resto = String::new();
        self.salida.read_to_string(&mut resto).unwrap();
        let mut e = String::new();
        if let Some(mut err) = self.hijo.stderr.take() {
            err.read_to_string(&mut e).unwrap();
        }
        let estado = self.hijo.wait().unwrap();
        (estado.code(), resto, e)
    }
}

impl Drop for EnMarcha {
    /// A test that failed half-way leaves no Windows program running: the whole run (the
    /// program, any program it started, as `retener.exe` starts `cantonal.exe`, and its
    /// wineserver) is ended.
    fn drop(&mut self) {
        let vivo = matches!(self.hijo.try_wait(), Ok(None));
        acabar(vivo.then(|| self.hijo.id()), self.espacio.as_deref());
        let _ = self.hijo.wait();
    }
}

/// Removes what is at `p`, a folder or a file (left by a test that failed).
pub fn quitar(p: &Path) {
    if p.is_dir() {
        std::fs::remove_dir_all(p).unwrap();
    } else if p.exists() {
        std::fs::remove_file(p).unwrap();
    }
}

/// Serializes the tests that use the user's Documents folder (the double-click start creates
/// `Planes cantonales` there only when it is missing).
pub static DOCUMENTOS: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Takes [`DOCUMENTOS`], even after another test failed holding it.
pub fn documentos() -> std::sync::MutexGuard<'static, ()> {
    DOCUMENTOS.lock().unwrap_or_else(|e| e.into_inner())
}
