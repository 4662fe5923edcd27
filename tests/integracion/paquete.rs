//! The downloads' archives (`scripts/archivar.py`, used by `scripts/paquete.sh`): two builds of
//! the same files give the same bytes whatever the files' dates and the order the disk lists
//! them in, the zip has its files at the top and the .tar.gz in one folder, with fixed
//! permissions. `.ci/run` installs python3.

use std::path::Path;
use std::process::Command;

/// A staged package: a program, a text and a subfolder.
fn etapa(dir: &Path, fecha: std::time::SystemTime) {
    std::fs::create_dir_all(dir.join("ejemplos/esquema")).unwrap();
    for (nombre, texto) in [
        ("LEEME.txt", "Léame\r\n"),
        ("cantonal.exe", "MZ programa"),
        ("ejemplos/otavalo.yaml", "formato: 1\n"),
        ("ejemplos/esquema/plan-cantonal.schema.json", "{}\n"),
    ] {
        let path = dir.join(nombre);
        std::fs::write(&path, texto).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(fecha)
            .unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let programa = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(dir.join("cantonal.exe"), programa).unwrap();
    }
}

fn archivar(carpeta: &Path, salida: &Path) -> Vec<u8> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/archivar.py");
    let o = Command::new("python3")
        .arg(script)
        .arg(carpeta)
        .arg(salida)
        .arg("--raiz")
        .arg("cantonal-1.0-linux-x86_64")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .expect("python3");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read(salida).unwrap()
}

/// Names, modes and dates of the entries, in archive order, read back by Python's readers.
fn listar(archivo: &Path) -> String {
    let programa = "import sys, tarfile, zipfile\n\
        a = sys.argv[1]\n\
        if a.endswith('.zip'):\n\
        \x20   for i in zipfile.ZipFile(a).infolist(): print(i.filename, oct(i.external_attr >> 16), i.date_time)\n\
        else:\n\
        \x20   for i in tarfile.open(a).getmembers(): print(i.name, oct(i.mode), i.mtime, i.uname or '-')\n";
    let o = Command::new("python3")
        .args(["-c", programa])
        .arg(archivo)
        .output()
        .expect("python3");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn two_builds_of_the_same_files_give_the_same_archives() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let hace_un_anio = std::time::SystemTime::now() - std::time::Duration::from_secs(31_536_000);
    etapa(&a, hace_un_anio);
    etapa(&b, std::time::SystemTime::now());
    for ext in ["zip", "tar.gz"] {
        let uno = archivar(&a, &dir.path().join(format!("uno.{ext}")));
        let otro = archivar(&b, &dir.path().join(format!("otro.{ext}")));
        assert!(uno == otro, "{ext}: the bytes differ");
    }
}

#[test]
fn the_zip_has_its_files_at_the_top_in_name_order_with_fixed_dates_and_modes() {
    let dir = tempfile::tempdir().unwrap();
    etapa(&dir.path().join("etapa"), std::time::SystemTime::now());
    let zip = dir.path().join("cantonal.zip");
    archivar(&dir.path().join("etapa"), &zip);
    assert_eq!(
        listar(&zip),
        "LEEME.txt 0o100644 (2026, 1, 1, 0, 0, 0)\n\
         cantonal.exe 0o100755 (2026, 1, 1, 0, 0, 0)\n\
         ejemplos/ 0o40755 (2026, 1, 1, 0, 0, 0)\n\
         ejemplos/esquema/ 0o40755 (2026, 1, 1, 0, 0, 0)\n\
         ejemplos/esquema/plan-cantonal.schema.json 0o100644 (2026, 1, 1, 0, 0, 0)\n\
         ejemplos/otavalo.yaml 0o100644 (2026, 1, 1, 0, 0, 0)\n"
    );
}

#[test]
fn the_tar_gz_has_one_folder_named_after_the_package() {
    let dir = tempfile::tempdir().unwrap();
    etapa(&dir.path().join("etapa"), std::time::SystemTime::now());
    let tar = dir.path().join("cantonal.tar.gz");
    let bytes = archivar(&dir.path().join("etapa"), &tar);
    assert_eq!(&bytes[4..8], &1767225600u32.to_le_bytes(), "gzip date");
    assert_eq!(
        listar(&tar),
        "cantonal-1.0-linux-x86_64 0o755 1767225600 -\n\
         cantonal-1.0-linux-x86_64/LEEME.txt 0o644 1767225600 -\n\
         cantonal-1.0-linux-x86_64/cantonal.exe 0o755 1767225600 -\n\
         cantonal-1.0-linux-x86_64/ejemplos 0o755 1767225600 -\n\
         cantonal-1.0-linux-x86_64/ejemplos/esquema 0o755 1767225600 -\n\
         cantonal-1.0-linux-x86_64/ejemplos/esquema/plan-cantonal.schema.json 0o644 1767225600 -\n\
         cantonal-1.0-linux-x86_64/ejemplos/otavalo.yaml 0o644 1767225600 -\n"
    );
}
