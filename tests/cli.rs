//! The real `glocal` binary: serving, signals and exit codes.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
};

fn glocal() -> Command {
    Command::new(env!("CARGO_BIN_EXE_glocal"))
}

/// Starts `glocal serve` on a free port over `data`; returns it once it has
/// printed its ready line, with that line.
fn spawn_server(data: &Path) -> (Child, String) {
    let mut child = glocal()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line)
}

#[test]
fn serve_prints_its_address_and_exits_zero_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (mut child, line) = spawn_server(&data);
    assert!(line.starts_with("glocal serving on 127.0.0.1:"), "{line}");
    assert!(data.join("db").exists(), "the data directory is created");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(0), "graceful shutdown exits 0");
}

#[test]
fn bad_arguments_exit_two_with_one_clear_line() {
    let out = glocal()
        .args(["serve", "--listen", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--listen"), "{err}");

    // A data directory that is a file cannot be used.
    let file = tempfile::NamedTempFile::new().unwrap();
    let out = glocal()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: cannot create data directory"),
        "{err}"
    );
}

#[test]
fn a_second_server_on_the_same_data_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, _) = spawn_server(dir.path());
    let out = glocal()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is another glocal using it?"));
    first.kill().unwrap();
    first.wait().unwrap();
}
