//! The real `glocal` binary and its servers: `--server` as `host:port` and
//! from `GLOCAL_SERVER`, `serve --listen HOST:PORT`, `check --roadmap ID
//! --product P`, and the error line when the address is not a glocal server.

mod common;

use std::{
    io::{Read, Write},
    net::TcpListener,
    process::{Command, Output},
};

use common::{free_address, glocal, serve_binary, serve_binary_on, stderr, stdout};

const PLAN: &str = "tests/fixtures/check/plan/plan.toml";

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run glocal")
}

/// Exit 2, nothing on stdout, and exactly `expected` on stderr (one line).
fn assert_error_line(out: &Output, expected: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    assert_eq!(stdout(out), "");
    assert_eq!(stderr(out), format!("{expected}\n"));
}

/// Imports the plan and pushes its locales to the server at `address`
/// (`host:port`, without http://).
fn import_and_push(address: &str) {
    let out = run(glocal().args(["import", PLAN, "--server", address]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(glocal().args([
        "push",
        "--server",
        address,
        "--product",
        "lamp",
        "tests/fixtures/check/plan/locales",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn serve_listens_on_a_host_name() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_binary_on("localhost:0", &dir.path().join("data"));
    let port = server.address.rsplit_once(':').unwrap().1;
    assert!(
        server.address == format!("127.0.0.1:{port}") || server.address == format!("[::1]:{port}"),
        "{}",
        server.address
    );
    assert_ne!(port, "0");
    // And it serves: an import over localhost:PORT, without http://.
    let out = run(glocal().args(["import", PLAN, "--server", &format!("localhost:{port}")]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A name that does not resolve is a usage error naming --listen.
    let out = run(glocal().args(["serve", "--listen", "no-such-host.invalid:1"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--listen"), "{}", stderr(&out));
}

#[test]
fn server_flags_take_host_port_and_check_reads_glocal_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_binary(&dir.path().join("data"));
    let url = server.url.clone();
    // import, push and check take host:port.
    import_and_push(&server.address);
    let check = |extra: &[&str], env: Option<&str>| {
        let mut cmd = glocal();
        cmd.arg("check").args(extra);
        if let Some(env) = env {
            cmd.env("GLOCAL_SERVER", env);
        }
        run(&mut cmd)
    };
    let roadmap = [
        "--roadmap",
        "products/lamp/roadmaps/v1",
        "--as-of",
        "2030-01-01",
    ];
    let roadmap_line = |out: &Output| {
        stdout(out)
            .lines()
            .find(|l| l.starts_with("roadmap "))
            .unwrap_or_default()
            .to_string()
    };
    let expected = "roadmap products/lamp/roadmaps/v1 as of 2030-01-01: AT_RISK";

    let by_flag = check(
        &[&["--server", &server.address][..], &roadmap].concat(),
        None,
    );
    assert_eq!(by_flag.status.code(), Some(0), "{}", stderr(&by_flag));
    assert_eq!(roadmap_line(&by_flag), expected);

    // GLOCAL_SERVER chooses server mode, as host:port or as a URL.
    for env in [server.address.as_str(), url.as_str()] {
        let by_env = check(&roadmap, Some(env));
        assert_eq!(by_env.status.code(), Some(0), "{}", stderr(&by_env));
        assert_eq!(stdout(&by_env), stdout(&by_flag));
    }
    // It does not compete with the plan and lint flags...
    let plan = check(
        &["--plan", PLAN, "--roadmap", "v1", "--as-of", "2030-01-01"],
        Some(&url),
    );
    assert_eq!(plan.status.code(), Some(0), "{}", stderr(&plan));
    assert_eq!(roadmap_line(&plan), expected);
    // ...but a --server on the command line does.
    assert_error_line(
        &check(&["--plan", PLAN, "--server", &url], Some(&url)),
        "error: --plan and --server choose different modes; use one of --source/--l10n, --plan or --server",
    );
    // A bad GLOCAL_SERVER is reported as such.
    let bad = check(&roadmap, Some("ftp://h:1"));
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("ftp://h:1: expected a URL such as http://127.0.0.1:50051"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn check_takes_a_roadmap_id_with_its_product() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_binary(&dir.path().join("data"));
    import_and_push(&server.address);
    let check = |extra: &[&str]| {
        run(glocal()
            .args([
                "check",
                "--server",
                &server.address,
                "--as-of",
                "2030-01-01",
            ])
            .args(extra))
    };
    let full = check(&["--roadmap", "products/lamp/roadmaps/v1"]);
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));
    for product in ["lamp", "products/lamp"] {
        let by_id = check(&["--roadmap", "v1", "--product", product]);
        assert_eq!(by_id.status.code(), Some(0), "{}", stderr(&by_id));
        assert_eq!(stdout(&by_id), stdout(&full));
    }
    // --product that agrees with a full name is fine.
    let both = check(&[
        "--roadmap",
        "products/lamp/roadmaps/v1",
        "--product",
        "lamp",
    ]);
    assert_eq!(stdout(&both), stdout(&full));

    assert_error_line(
        &check(&["--roadmap", "v1"]),
        "error: --roadmap v1 is a roadmap id: give its product with --product PRODUCT, or the full name products/PRODUCT/roadmaps/v1",
    );
    assert_error_line(
        &check(&["--roadmap", "products/lamp/roadmaps/v1", "--product", "kettle"]),
        "error: --roadmap products/lamp/roadmaps/v1 is not a roadmap of --product products/kettle; give one of the two, or make them agree",
    );
    let bad_product = check(&["--roadmap", "v1", "--product", "Lamp"]);
    assert_eq!(bad_product.status.code(), Some(2));
    assert!(
        stderr(&bad_product).starts_with("error: --product Lamp: "),
        "{}",
        stderr(&bad_product)
    );
    let bad_id = check(&["--roadmap", "V1", "--product", "lamp"]);
    assert_eq!(bad_id.status.code(), Some(2));
    assert!(
        stderr(&bad_id).starts_with("error: --roadmap V1: "),
        "{}",
        stderr(&bad_id)
    );
    // --product is for server mode.
    assert_error_line(
        &run(glocal().args(["check", "--plan", PLAN, "--product", "lamp"])),
        "error: --product applies to server mode only",
    );
}

/// An HTTP/1 server that answers every connection with 400 Bad Request.
fn http1_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 1024];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    address
}

#[test]
fn unreachable_servers_say_why() {
    let roadmap = ["--roadmap", "products/lamp/roadmaps/v1"];
    // Nothing listens.
    let address = free_address();
    assert_error_line(
        &run(glocal().args(["check", "--server", &address]).args(roadmap)),
        &format!(
            "error: cannot reach the glocal server at http://{address}: nothing listens there (connection refused); start one with `glocal serve --listen {address}`"
        ),
    );
    // Import and push say the same.
    let out = run(glocal().args(["import", PLAN, "--server", &address]));
    assert_eq!(
        stderr(&out),
        format!(
            "error: cannot reach the glocal server at http://{address}: nothing listens there (connection refused); start one with `glocal serve --listen {address}`\n"
        )
    );

    // An HTTP/1 server.
    let address = http1_server();
    let out = run(glocal().args(["check", "--server", &address]).args(roadmap));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let prefix = format!(
        "error: cannot reach the glocal server at http://{address}: something answers there, but it is not a gRPC server ("
    );
    assert!(err.starts_with(&prefix), "{err}");
    assert!(
        err.ends_with("); check the address, or start glocal on a free port with `glocal serve --listen HOST:PORT`\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    // In French.
    let out = run(glocal()
        .args(["check", "--server", &free_address(), "--lang", "fr"])
        .args(roadmap));
    assert!(
        stderr(&out).starts_with("erreur : impossible de joindre le serveur glocal à http://"),
        "{}",
        stderr(&out)
    );
}

/// A gRPC server with only the health service: not glocal.
#[tokio::test]
async fn a_grpc_server_without_glocals_services_is_not_glocal() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (_reporter, health) = tonic_health::server::health_reporter();
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(health)
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let server = address.clone();
    let out = tokio::task::spawn_blocking(move || {
        run(glocal().args([
            "check",
            "--server",
            &server,
            "--roadmap",
            "products/lamp/roadmaps/v1",
        ]))
    })
    .await
    .unwrap();
    assert_error_line(
        &out,
        &format!(
            "error: cannot reach the glocal server at http://{address}: a gRPC server answers there, but it has none of glocal's services (UNIMPLEMENTED); check the address, or start glocal on a free port with `glocal serve --listen HOST:PORT`"
        ),
    );
}
