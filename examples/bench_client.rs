//! Single timed calls and helpers for `benches/run.sh`.
//!
//! Usage:
//!   bench_client call --server URL --method METHOD --arg NAME [--repeat N] [--invalidate]
//!       Times N calls one after the other (methods as in `load`:
//!       check-roadmap, check-roadmap-basic, coverage-matrix, get-market, health). With
//!       --invalidate, a write (CreateMarket of a throwaway market) comes
//!       before each call, so that CheckRoadmap's cache, which any write
//!       empties, cannot answer it: every call is cold. Prints
//!       `seconds=S bytes=N` per call, then `first_seconds=S best_seconds=S`.
//!   bench_client frame --method METHOD --arg NAME --out FILE
//!       Writes the request as one gRPC frame (flag byte 0, 4-byte
//!       big-endian length, protobuf), the body h2load sends with -d.
//!   bench_client serve-time --health URL -- COMMAND [ARGS...]
//!       Spawns COMMAND (a `glocal serve`), times its `glocal serving on`
//!       line and the first Health/Check answer SERVING at URL, then stops
//!       it with SIGTERM and waits for it. Prints
//!       `line_seconds=S serving_seconds=S exit=CODE`.

#[path = "bench_common/mod.rs"]
mod bench_common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// `--flag value` pairs up to `--`, and what follows `--`.
fn flags(args: &[String]) -> (std::collections::HashMap<String, String>, Vec<String>, bool) {
    let mut map = std::collections::HashMap::new();
    let mut invalidate = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--" => return (map, args[i + 1..].to_vec(), invalidate),
            "--invalidate" => invalidate = true,
            flag if flag.starts_with("--") && i + 1 < args.len() => {
                map.insert(
                    flag.trim_start_matches("--").to_string(),
                    args[i + 1].clone(),
                );
                i += 1;
            }
            other => panic!("unexpected argument {other}"),
        }
        i += 1;
    }
    (map, Vec::new(), invalidate)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        return Err("usage: bench_client call|frame|serve-time ...".into());
    };
    let (f, tail, invalidate) = flags(rest);
    let get = |k: &str| {
        f.get(k)
            .cloned()
            .ok_or_else(|| format!("--{k} is required"))
    };
    match command.as_str() {
        "call" => {
            let method = bench_common::method(&get("method")?, &get("arg")?)?;
            let repeat: usize = f.get("repeat").map_or(Ok(1), |r| r.parse())?;
            let channel = bench_common::connect(&get("server")?).await?;
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)?
                .as_micros();
            let (mut first, mut best) = (None, f64::INFINITY);
            for i in 0..repeat.max(1) {
                if invalidate {
                    let body =
                        bench_common::create_market(&format!("bench-invalidate-{stamp}-{i}"));
                    bench_common::call(
                        channel.clone(),
                        "/glocal.v1.MarketService/CreateMarket",
                        body.into(),
                    )
                    .await?;
                }
                let began = Instant::now();
                let bytes =
                    bench_common::call(channel.clone(), method.path, method.request(0)).await?;
                let seconds = began.elapsed().as_secs_f64();
                println!("seconds={seconds:.4} bytes={bytes}");
                first.get_or_insert(seconds);
                best = best.min(seconds);
            }
            println!(
                "first_seconds={:.4} best_seconds={best:.4}",
                first.unwrap_or(f64::NAN)
            );
        }
        "frame" => {
            let method = bench_common::method(&get("method")?, &get("arg")?)?;
            let body = method.request(0);
            let mut frame = Vec::with_capacity(body.len() + 5);
            frame.push(0u8);
            frame.extend_from_slice(&u32::try_from(body.len())?.to_be_bytes());
            frame.extend_from_slice(&body);
            std::fs::File::create(get("out")?)?.write_all(&frame)?;
        }
        "serve-time" => {
            let health = get("health")?;
            let (program, program_args) =
                tail.split_first().ok_or("serve-time needs -- COMMAND")?;
            let began = Instant::now();
            let mut child = Command::new(program)
                .args(program_args)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()?;
            let stdout = child.stdout.take().ok_or("no stdout")?;
            let (tx, rx) = std::sync::mpsc::channel();
            // Reads stdout to its end, so that the server never blocks on it.
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if line.starts_with("glocal serving on") {
                        let _ = tx.send(began.elapsed());
                    }
                }
            });
            let mut line = None;
            let mut serving = None;
            let deadline = began + Duration::from_secs(120);
            while (line.is_none() || serving.is_none()) && Instant::now() < deadline {
                if line.is_none() {
                    line = rx.try_recv().ok();
                }
                if serving.is_none() {
                    if let Ok(channel) = bench_common::connect(&health).await {
                        let mut client = HealthClient::new(channel);
                        if let Ok(r) = client
                            .check(HealthCheckRequest {
                                service: String::new(),
                            })
                            .await
                        {
                            if r.into_inner().status == ServingStatus::Serving as i32 {
                                serving = Some(began.elapsed());
                            }
                        }
                    }
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status()?;
            let status = child.wait()?;
            let secs = |d: Option<Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64());
            println!(
                "line_seconds={:.4} serving_seconds={:.4} exit={}",
                secs(line),
                secs(serving),
                status.code().unwrap_or(-1)
            );
            if line.is_none() || serving.is_none() {
                return Err("the server did not come up within 120 s".into());
            }
        }
        other => return Err(format!("unknown command {other}").into()),
    }
    Ok(())
}
