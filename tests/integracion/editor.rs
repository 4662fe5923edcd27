//! The editor's server over real HTTP: every endpoint, the refusals of its security checks
//! (token, Host, CSRF, methods, paths out of the folder), saving that changes only the edited
//! lines, concurrent saves and a save racing an external edit. The command as a process (its
//! first line, Ctrl-C) is in `editor_comando.rs`.

use crate::cliente::{Cliente, avisos, carpeta_con_ejemplos, crudo, servidor};
use crate::common;

use serde_json::{Value, json};

#[test]
fn every_request_needs_the_token_and_the_local_host() {
    let dir = carpeta_con_ejemplos();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let p = c.port;
    // No token, a wrong token, a token in the query of an API call: refused.
    for req in [
        format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nConnection: close\r\n\r\n"),
        format!("GET /?t=0000 HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nConnection: close\r\n\r\n"),
        format!(
            "GET /api/planes HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nX-Cantonal-Clave: x{}\r\nConnection: close\r\n\r\n",
            &c.token[1..]
        ),
        format!(
            "GET /api/planes?t={} HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nConnection: close\r\n\r\n",
            c.token
        ),
        format!(
            "GET /recursos/editor.js HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nConnection: close\r\n\r\n"
        ),
        format!(
            "GET /recursos/x{}/main.js HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nConnection: close\r\n\r\n",
            &c.token[1..]
        ),
    ] {
        let r = crudo(p, &req, b"");
        assert_eq!(r.status, 403, "{req}");
        assert!(
            r.json()["mensaje"]
                .as_str()
                .unwrap()
                .contains("clave de acceso")
        );
    }
    // DNS rebinding: another Host, or the right name on another port, is refused even with the
    // token.
    for host in [
        "cantonal.example".to_owned(),
        format!("evil.example:{p}"),
        format!("127.0.0.1:{}", p.wrapping_add(1)),
        String::new(),
    ] {
        let r = crudo(
            p,
            &format!(
                "GET /api/planes HTTP/1.1\r\nHost: {host}\r\nX-Cantonal-Clave: {}\r\nConnection: close\r\n\r\n",
                c.token
            ),
            b"",
        );
        assert_eq!(r.status, 421, "{host}");
    }
    let r = crudo(
        p,
        &format!(
            "GET /api/planes HTTP/1.1\r\nHost: localhost:{p}\r\nX-Cantonal-Clave: {}\r\nConnection: close\r\n\r\n",
            c.token
        ),
        b"",
    );
    assert_eq!(r.status, 200);
    // The page, its script and styles: embedded, with a CSP that forbids other hosts, and no
    // CORS header anywhere.
    let t = &c.token;
    for (path, tipo) in [
        ("/".to_owned(), "text/html"),
        (format!("/recursos/{t}/main.js"), "text/javascript"),
        (format!("/recursos/{t}/formulario.js"), "text/javascript"),
        (format!("/recursos/{t}/editor.css"), "text/css"),
        ("/api/planes".to_owned(), "application/json"),
        ("/api/formato".to_owned(), "application/json"),
    ] {
        let r = c.get(&path);
        assert_eq!(r.status, 200, "{path}");
        assert!(r.header("content-type").unwrap().starts_with(tipo));
        let csp = r.header("content-security-policy").unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"));
        assert!(!csp.contains("http"), "{csp}");
        assert!(
            r.headers
                .iter()
                .all(|(k, _)| !k.to_ascii_lowercase().starts_with("access-control")),
            "{path}"
        );
    }
    assert_eq!(c.get(&format!("/recursos/{t}/otro.js")).status, 404);
    assert_eq!(
        c.get(&format!("/recursos/{t}/%2e%2e%2fCargo.toml")).status,
        404
    );
    assert_eq!(c.get("/no-existe").status, 404);
    s.detener();
}

#[test]
fn changes_need_post_the_csrf_secret_and_the_same_origin() {
    let dir = carpeta_con_ejemplos();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let p = c.port;
    let plan = c.plan("ibarra.yaml");
    let body = serde_json::to_vec(
        &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": plan["valor"]}),
    )
    .unwrap();
    let antes = std::fs::read(dir.path().join("ibarra.yaml")).unwrap();
    let cabeceras = |extra: &str| {
        format!(
            "POST /api/guardar HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nX-Cantonal-Clave: {}\r\n{extra}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            c.token,
            body.len()
        )
    };
    for extra in [
        String::new(),
        "X-Cantonal-CSRF: 1234\r\n".to_owned(),
        format!(
            "X-Cantonal-CSRF: {}\r\nOrigin: http://evil.example\r\n",
            c.csrf
        ),
        format!(
            "X-Cantonal-CSRF: {}\r\nSec-Fetch-Site: cross-site\r\n",
            c.csrf
        ),
    ] {
        let r = crudo(p, &cabeceras(&extra), &body);
        assert_eq!(r.status, 403, "{extra}");
        assert!(
            r.json()["mensaje"]
                .as_str()
                .unwrap()
                .contains("solo la página del editor")
        );
    }
    let r = crudo(
        p,
        &format!(
            "PUT /api/guardar HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nX-Cantonal-Clave: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            c.token
        ),
        b"",
    );
    assert_eq!(r.status, 405);
    // A GET cannot change anything.
    assert_eq!(c.get("/api/guardar").status, 405);
    assert_eq!(
        std::fs::read(dir.path().join("ibarra.yaml")).unwrap(),
        antes
    );
    let r = crudo(
        p,
        &cabeceras(&format!("X-Cantonal-CSRF: {}\r\n", c.csrf)),
        &body,
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    s.detener();
}

#[test]
fn only_yaml_files_inside_the_folder_are_reachable() {
    let fuera = tempfile::tempdir().unwrap();
    std::fs::copy("plans/ibarra.yaml", fuera.path().join("secreto.yaml")).unwrap();
    let dir = carpeta_con_ejemplos();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy("plans/ibarra.yaml", dir.path().join("sub/copia.yaml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        fuera.path().join("secreto.yaml"),
        dir.path().join("enlace.yaml"),
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(fuera.path(), dir.path().join("afuera")).unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let secreto = fuera.path().join("secreto.yaml");
    let absoluto = secreto.to_str().unwrap();
    for archivo in [
        "../secreto.yaml".to_owned(),
        "..%2Fsecreto.yaml".to_owned(),
        "sub%2F..%2F..%2Fsecreto.yaml".to_owned(),
        "%2e%2e/secreto.yaml".to_owned(),
        "sub%5C..%5C..%5Csecreto.yaml".to_owned(),
        absoluto.to_owned(),
        "./ibarra.yaml".to_owned(),
        "enlace.yaml".to_owned(),
        "afuera/secreto.yaml".to_owned(),
        "ibarra.yaml%00.yaml".to_owned(),
        "%252e%252e%252fsecreto.yaml".to_owned(),
        "Cargo.toml".to_owned(),
    ] {
        let r = c.get(&format!("/api/plan?archivo={archivo}"));
        assert_eq!(
            r.status,
            403,
            "{archivo}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert!(
            r.json()["mensaje"]
                .as_str()
                .unwrap()
                .contains("archivo no permitido")
        );
        let r = c.post(
            "/api/observaciones",
            &json!({"archivo": archivo.replace("%2F", "/"), "accion": "agregar", "revisor": "x", "ruta": "presentacion", "texto": "x"}),
        );
        assert!(r.status == 403, "{archivo}: {}", r.status);
    }
    assert_eq!(c.get("/api/plan?archivo=no-existe.yaml").status, 404);
    // A file in a subfolder of the opened folder is inside.
    assert_eq!(c.get("/api/plan?archivo=sub/copia.yaml").status, 200);
    s.detener();
}

#[test]
fn a_plan_comes_with_the_same_diagnostics_as_validar() {
    let dir = carpeta_con_ejemplos();
    let roto = dir.path().join("roto.yaml");
    std::fs::write(
        &roto,
        common::mutate("responsable: fiscalia\n", "responsable: nadie\n"),
    )
    .unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let planes = c.get("/api/planes").json();
    let lista = planes["planes"].as_array().unwrap();
    let nombres: Vec<&str> = lista
        .iter()
        .map(|p| p["archivo"].as_str().unwrap())
        .collect();
    assert_eq!(nombres, ["ibarra.yaml", "otavalo.yaml", "roto.yaml"]);
    assert_eq!(lista[0]["canton"], "Ibarra");
    assert_eq!(lista[0]["estado"], "Aprobado");
    let plan = c.plan("roto.yaml");
    let (_, esperado) = common::validar_json(&roto, &[]);
    let quitar_archivo = |ds: Vec<Value>| -> Vec<Value> {
        ds.into_iter()
            .map(|mut d| {
                d.as_object_mut().unwrap().remove("archivo");
                d
            })
            .collect()
    };
    let de_validar = quitar_archivo(common::diagnosticos(&esperado));
    let del_editor = avisos(&plan);
    assert!(!de_validar.is_empty());
    assert_eq!(
        del_editor
            .iter()
            .map(|d| (&d["codigo"], &d["ruta"]))
            .collect::<Vec<_>>(),
        de_validar
            .iter()
            .map(|d| (&d["codigo"], &d["ruta"]))
            .collect::<Vec<_>>(),
    );
    // The editor words them for the form: no code between backquotes, the place named as the
    // form names it, the code and id path only in the adviser's details line.
    for d in &del_editor {
        let mensaje = d["mensaje"].as_str().unwrap();
        assert!(!mensaje.contains('`'), "{mensaje}");
        assert!(!d["lugar"].as_str().unwrap().is_empty());
        assert!(
            d["detalle"]
                .as_str()
                .unwrap()
                .starts_with(d["codigo"].as_str().unwrap())
        );
    }
    lista
        .iter()
        .find(|p| p["archivo"] == "roto.yaml")
        .map(|p| assert!(p["resumen"]["errores"].as_u64().unwrap() >= 1))
        .unwrap();
    // The catalogues of the pickers carry Spanish names.
    let etapas = plan["catalogos"]["etapas"].as_array().unwrap();
    assert!(etapas.iter().any(|e| e["id"] == "identificacion"
        && e["nombre"].as_str().unwrap().starts_with("Identificaci")));
    s.detener();
}

#[test]
fn validation_follows_the_edits_and_saving_changes_only_the_edited_line() {
    let dir = carpeta_con_ejemplos();
    let archivo = dir.path().join("ibarra.yaml");
    let original = std::fs::read_to_string(&archivo).unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let plan = c.plan("ibarra.yaml");
    assert!(avisos(&plan).iter().all(|d| d["severidad"] != "error"));
    let version = plan["version"].clone();
    let mut valor = plan["valor"].clone();
    let responsable = valor["acciones"][2]["responsable"].clone();
    // An action whose responsible is not declared: the diagnostic of `validar` appears …
    valor["acciones"][2]["responsable"] = json!("nadie");
    let r = c.post(
        "/api/validar",
        &json!({"archivo": "ibarra.yaml", "version": version, "valor": valor}),
    );
    assert_eq!(r.status, 200);
    let diags = avisos(&r.json());
    let d = diags
        .iter()
        .find(|d| d["ruta"] == "acciones.A3.responsable")
        .unwrap();
    assert_eq!(d["severidad"], "error");
    // … and goes when it is fixed.
    valor["acciones"][2]["responsable"] = responsable;
    valor["acciones"][2]["indicador"]["meta"] = json!(95);
    let r = c.post(
        "/api/validar",
        &json!({"archivo": "ibarra.yaml", "version": version, "valor": valor}),
    );
    assert!(
        avisos(&r.json())
            .iter()
            .all(|d| d["ruta"] != "acciones.A3.responsable")
    );
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": version, "valor": valor}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let guardado = std::fs::read_to_string(&archivo).unwrap();
    let cambiadas = common::lineas_cambiadas(&original, &guardado);
    assert_eq!(cambiadas, [("      meta: 80", "      meta: 95")]);
    // The new version is what the next save starts from; saving the same data changes nothing.
    let nueva = r.json()["version"].clone();
    assert_ne!(nueva, version);
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": nueva, "valor": valor}),
    );
    assert_eq!(r.status, 200);
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), guardado);
    s.detener();
}

#[test]
fn a_save_never_overwrites_a_file_changed_on_disk() {
    let dir = carpeta_con_ejemplos();
    let archivo = dir.path().join("ibarra.yaml");
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let plan = c.plan("ibarra.yaml");
    let mut valor = plan["valor"].clone();
    valor["objetivo_general"] = json!("Un objetivo editado en el navegador.\n");
    // Someone edits the file in a text editor meanwhile.
    let externo = std::fs::read_to_string(&archivo)
        .unwrap()
        .replace("meta: 1200", "meta: 1300");
    std::fs::write(&archivo, &externo).unwrap();
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": valor}),
    );
    assert_eq!(r.status, 409);
    let j = r.json();
    assert_eq!(j["conflicto"], true);
    assert!(
        j["mensaje"]
            .as_str()
            .unwrap()
            .contains("cambió en el disco")
    );
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), externo);
    // Reloading gives the external edit; saving from it keeps both.
    let plan = c.plan("ibarra.yaml");
    assert_eq!(plan["valor"]["acciones"][0]["indicador"]["meta"], 1300);
    let mut valor = plan["valor"].clone();
    valor["objetivo_general"] = json!("Un objetivo editado en el navegador.\n");
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": valor}),
    );
    assert_eq!(r.status, 200);
    let texto = std::fs::read_to_string(&archivo).unwrap();
    assert!(
        texto.contains("meta: 1300")
            && texto.contains("objetivo_general: |\n  Un objetivo editado en el navegador.\n"),
        "{texto}"
    );
    s.detener();
}

#[test]
fn concurrent_saves_from_one_version_write_once() {
    let dir = carpeta_con_ejemplos();
    let archivo = dir.path().join("ibarra.yaml");
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let plan = c.plan("ibarra.yaml");
    let hilos: Vec<_> = (0..6)
        .map(|i| {
            let (port, token, csrf) = (c.port, c.token.clone(), c.csrf.clone());
            let mut valor = plan["valor"].clone();
            valor["acciones"][0]["indicador"]["meta"] = json!(2000 + i);
            let version = plan["version"].clone();
            std::thread::spawn(move || {
                let c = Cliente { port, token, csrf };
                let r = c.post(
                    "/api/guardar",
                    &json!({"archivo": "ibarra.yaml", "version": version, "valor": valor}),
                );
                (r.status, i)
            })
        })
        .collect();
    let resultados: Vec<(u16, i32)> = hilos.into_iter().map(|h| h.join().unwrap()).collect();
    let ganadores: Vec<i32> = resultados
        .iter()
        .filter(|(s, _)| *s == 200)
        .map(|(_, i)| *i)
        .collect();
    assert_eq!(ganadores.len(), 1, "{resultados:?}");
    assert!(resultados.iter().all(|(s, _)| *s == 200 || *s == 409));
    let texto = std::fs::read_to_string(&archivo).unwrap();
    assert!(texto.contains(&format!("meta: {}\n", 2000 + ganadores[0])));
    cantonal::validar(&archivo, Default::default())
        .diagnostics
        .iter()
        .for_each(|d| {
            assert_ne!(
                d.severidad,
                cantonal::diagnostics::Severidad::Error,
                "{d:?}"
            )
        });
    s.detener();
}

#[test]
fn a_new_plan_from_the_canton_picker() {
    let dir = tempfile::tempdir().unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    assert!(
        c.get("/api/planes").json()["planes"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let r = c.get("/api/cantones?q=sucua").json();
    assert_eq!(r["canton"]["nombre"], "Sucúa");
    let r = c.get("/api/cantones?q=Bolivar").json();
    assert!(
        r["mensaje"]
            .as_str()
            .unwrap()
            .contains("hay varios cantones"),
        "{r}"
    );
    let r = c.post("/api/nuevo", &json!({"canton": "Sucúa"}));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["archivo"], "sucua.yaml");
    let r = c.post("/api/nuevo", &json!({"canton": "1406"}));
    assert_eq!(r.status, 409);
    let plan = c.plan("sucua.yaml");
    assert_eq!(plan["valor"]["canton"]["nombre"], "Sucúa");
    assert!(avisos(&plan).iter().any(|d| d["codigo"] == "C009"));
    assert_eq!(plan["pendiente"], "POR COMPLETAR");
    s.detener();
}

#[test]
fn previews_downloads_and_refusals_of_plans_with_errors() {
    let dir = carpeta_con_ejemplos();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let plan = c.plan("ibarra.yaml");
    let pedido =
        json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": plan["valor"]});
    let r = c.post("/api/vista", &pedido).json();
    let paginas = r["paginas"].as_array().unwrap().clone();
    assert!(paginas.len() > 5);
    assert!(paginas[0]["svg"].as_str().unwrap().starts_with("<svg"));
    assert!(paginas.iter().any(|p| {
        p["texto"]
            .as_str()
            .unwrap()
            .contains("Talleres sobre captación en línea")
    }));
    // Pages the page already has come back without their content.
    let tengo: Vec<Value> = paginas.iter().map(|p| p["hash"].clone()).collect();
    let mut valor = plan["valor"].clone();
    valor["acciones"][11]["descripcion"] = json!("Difusión renovada de la ruta de atención");
    let r = c.post("/api/vista", &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": valor, "tengo": tengo})).json();
    let nuevas = r["paginas"].as_array().unwrap();
    assert_eq!(nuevas.len(), paginas.len());
    // Only the pages that show the edit are laid out anew, and pages near them (the table that
    // holds the action starts before it; the text that follows may move): what names the whole plan data in a page's header (or any
    // `context` block) would make Typst see every page as new.
    let con_svg: Vec<&Value> = nuevas.iter().filter(|p| p.get("svg").is_some()).collect();
    let muestra = |i: usize| {
        nuevas[i]["texto"]
            .as_str()
            .is_some_and(|t| t.contains("Difusión renovada"))
            || paginas[i]["texto"]
                .as_str()
                .is_some_and(|t| t.contains("Difusión de la ruta"))
    };
    let ajenas: Vec<String> = (0..nuevas.len())
        .filter(|&i| {
            nuevas[i].get("svg").is_some()
                && !(i.saturating_sub(2)..(i + 3).min(nuevas.len())).any(muestra)
        })
        .map(|i| {
            format!(
                "{}: {}",
                i + 1,
                nuevas[i]["texto"]
                    .as_str()
                    .unwrap_or("")
                    .chars()
                    .take(200)
                    .collect::<String>()
            )
        })
        .collect();
    assert!(
        !con_svg.is_empty() && ajenas.is_empty(),
        "{} of {} pages are new ({:?}), these without the edit: {ajenas:?}",
        con_svg.len(),
        paginas.len(),
        (0..nuevas.len())
            .filter(|&i| nuevas[i].get("svg").is_some())
            .map(|i| (i + 1, muestra(i)))
            .collect::<Vec<_>>()
    );
    assert!(
        con_svg
            .iter()
            .any(|p| p["texto"].as_str().unwrap().contains("Difusión renovada"))
    );
    for (formato, inicio) in [
        ("pdf", &b"%PDF"[..]),
        ("docx", b"PK\x03\x04"),
        ("xlsx", b"PK\x03\x04"),
        ("html", b"<!DOCTYPE html"),
        ("md", b"# "),
    ] {
        let mut p = pedido.clone();
        p["formato"] = json!(formato);
        let r = c.post("/api/descargar", &p);
        assert_eq!(r.status, 200, "{formato}");
        assert!(
            r.body.starts_with(inicio),
            "{formato}: {}",
            String::from_utf8_lossy(&r.body[..20])
        );
        assert!(
            r.header("content-disposition")
                .unwrap()
                .contains(&format!("filename=\"ibarra.{formato}\""))
        );
    }
    let mut p = pedido.clone();
    p["formato"] = json!("json");
    assert_eq!(c.post("/api/descargar", &p).status, 400);
    let mut roto = plan["valor"].clone();
    roto["acciones"][0]["responsable"] = json!("nadie");
    let r = c
        .post(
            "/api/vista",
            &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": roto}),
        )
        .json();
    // A plan with errors still has a preview: a draft of what is filled, marked as such.
    assert_eq!(r["borrador"], true, "{r}");
    assert!(!r["paginas"].as_array().unwrap().is_empty());
    let r = c.post("/api/descargar", &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": roto, "formato": "pdf"}));
    assert_eq!(r.status, 422);
    // A version the server never gave is refused.
    let r = c.post(
        "/api/validar",
        &json!({"archivo": "ibarra.yaml", "version": "x", "valor": roto}),
    );
    assert_eq!(r.status, 409);
    s.detener();
}

#[test]
fn the_adviser_adds_and_resolves_observations_even_on_missing_items() {
    let dir = carpeta_con_ejemplos();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let r = c.get("/api/observaciones?archivo=ibarra.yaml").json();
    assert_eq!(r["existe"], false);
    let r = c.post("/api/observaciones", &json!({"archivo": "ibarra.yaml", "accion": "agregar", "ruta": "acciones.A3.indicador.meta", "texto": "¿Meta alcanzable?"}));
    assert_eq!(
        r.status, 422,
        "the first observation needs the adviser's name"
    );
    let r = c.post("/api/observaciones", &json!({"archivo": "ibarra.yaml", "accion": "agregar", "revisor": "Asesoría técnica, OIM Ecuador", "ruta": "acciones.A3.indicador.meta", "texto": "¿Meta alcanzable?"}));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let r = c.post("/api/observaciones", &json!({"archivo": "ibarra.yaml", "accion": "agregar", "ruta": "ruta_atencion.identificacion", "texto": "Falta el teléfono de guardia, con: coma y \"comillas\"."}));
    assert_eq!(r.status, 200);
    let r = c.post(
        "/api/observaciones",
        &json!({"archivo": "ibarra.yaml", "accion": "resolver", "indice": 0}),
    );
    let j = r.json();
    assert_eq!(j["observaciones"][0]["estado"], "resuelta");
    assert_eq!(
        j["observaciones"][1]["texto"],
        "Falta el teléfono de guardia, con: coma y \"comillas\"."
    );
    let obs = dir.path().join("ibarra.observaciones.yaml");
    let texto = std::fs::read_to_string(&obs).unwrap();
    let hoy = chrono::Local::now().date_naive().to_string();
    assert!(texto.contains(&format!("fecha: {hoy}")), "{texto}");
    assert!(
        texto.contains("revisor: Asesoría técnica, OIM Ecuador\n"),
        "{texto}"
    );
    // The observed field's value is noted when observing and when resolving: the goal stayed at
    // 80, which the review copy shows and O004 reports.
    assert!(
        texto.contains("valor_inicial: '80'") || texto.contains("valor_inicial: \"80\""),
        "{texto}"
    );
    assert!(
        texto.contains("valor_al_resolver: '80'") || texto.contains("valor_al_resolver: \"80\""),
        "{texto}"
    );
    // The file is a valid observations file for `validar`.
    let v = cantonal::validar(&dir.path().join("ibarra.yaml"), Default::default())
        .con_observaciones(&obs);
    assert!(!v.tiene_errores(), "{:?}", v.revision);
    // On an existing file (Otavalo's), the comments and other observations stay.
    let antes = std::fs::read_to_string(dir.path().join("otavalo.observaciones.yaml")).unwrap();
    let r = c.post("/api/observaciones", &json!({"archivo": "otavalo.yaml", "accion": "agregar", "ruta": "presentacion", "texto": "Nueva."}));
    assert_eq!(r.status, 200);
    let despues = std::fs::read_to_string(dir.path().join("otavalo.observaciones.yaml")).unwrap();
    let comentarios = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
    };
    assert_eq!(comentarios(&antes), comentarios(&despues));
    assert!(despues.len() > antes.len());
    s.detener();
}
