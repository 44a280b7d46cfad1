//! The real `glocal` binary: serving, signals and exit codes.

mod common;

use std::process::Command;

use common::{glocal, serve_binary, stderr};

#[test]
fn serve_prints_its_address_and_exits_zero_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut server = serve_binary(&data);
    let line = &server.ready_line;
    assert!(line.starts_with("glocal serving on 127.0.0.1:"), "{line}");
    assert!(data.join("db").exists(), "the data directory is created");
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.child.wait().unwrap();
    assert_eq!(exit.code(), Some(0), "graceful shutdown exits 0");
}

#[test]
fn bad_arguments_exit_two_with_one_clear_line() {
    let out = glocal()
        .args(["serve", "--listen", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("--listen"), "{err}");

    // A data directory that is a file cannot be used.
    let file = tempfile::NamedTempFile::new().unwrap();
    let out = glocal()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: cannot create data directory"),
        "{err}"
    );
}

#[test]
fn a_second_server_on_the_same_data_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = serve_binary(dir.path());
    let out = glocal()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is another glocal using it?"));
    first.child.kill().unwrap();
    first.child.wait().unwrap();
}

#[test]
fn pseudo_transforms_text_only_and_writes_a_folder_copy() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("app.ftl");
    std::fs::write(
        &source,
        "# Cart\ncart = { $count ->\n    [one] One item\n   *[other] { $count } items\n}\n    .title = Cart\n",
    )
    .unwrap();
    let out = common::glocal()
        .arg("pseudo")
        .arg(&source)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert_eq!(
        common::stdout(&out),
        "# Cart\ncart =\n    { $count ->\n        [one] Oƞee iŧeeḿ\n       *[other] { $count } iŧeeḿş\n    }\n    .title = Ƈaařŧ\n"
    );
    let copy = dir.path().join("pseudo");
    let out = common::glocal()
        .args(["pseudo", "--transform", "bidi"])
        .arg(dir.path())
        .arg("--out")
        .arg(&copy)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(common::stdout(&out).starts_with("wrote 1 bidi file to "));
    let bidi = std::fs::read_to_string(copy.join("app.ftl")).unwrap();
    assert!(bidi.contains("[one] Ouǝ ıʇǝɯ"), "{bidi}");
    // A folder without --out is an error.
    let out = common::glocal()
        .arg("pseudo")
        .arg(dir.path())
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("a folder needs --out DIR"));
}
