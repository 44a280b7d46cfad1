//! A bare tonic server with only `grpc.health.v1.Health` (tonic-health), the
//! floor `benches/run.sh server` compares glocal's Health/Check throughput
//! with: same tonic, same tokio runtime (multi-threaded, one worker per core),
//! none of glocal's layers (request log, auth, in-flight limit, deadlines) or
//! services.
//!
//! Usage: cargo run --release --example bare_health -- [--listen 127.0.0.1:0]
//!
//! Prints `bare health serving on ADDR` on stdout once it accepts
//! connections; stops on SIGINT or SIGTERM.

use tonic_health::ServingStatus;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut listen = "127.0.0.1:0".to_string();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => listen = args.next().ok_or("--listen ADDR")?,
            _ => return Err(format!("unexpected argument {arg}").into()),
        }
    }
    let (reporter, health) = tonic_health::server::health_reporter();
    reporter
        .set_service_status("", ServingStatus::Serving)
        .await;
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    let addr = listener.local_addr()?;
    // TCP_NODELAY, as glocal's listener sets it.
    let incoming = tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
    println!("bare health serving on {addr}");
    let shutdown = async {
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap();
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    };
    tonic::transport::Server::builder()
        .add_service(health)
        .serve_with_incoming_shutdown(incoming, shutdown)
        .await?;
    Ok(())
}
