//! Compiles the protos under `proto/` with protox (no `protoc` needed) and
//! generates the tonic/prost code, plus the encoded descriptor set that the
//! server registers with gRPC reflection; and etcd's v3 client stubs, for
//! the etcd store.

use std::{env, fs, path::PathBuf};

use prost::Message;

/// Proto files of the glocal API, relative to `proto/`.
const API_FILES: &[&str] = &[
    "glocal/v1/markets.proto",
    "glocal/v1/products.proto",
    "glocal/v1/revisions.proto",
    "glocal/v1/planning.proto",
    "glocal/v1/admin.proto",
];

/// etcd's v3 API, for the etcd store's client (client stubs only, kept out
/// of the reflection set): etcd 3.4's own protos without their gogoproto and
/// HTTP-gateway options (see `proto/etcd/`).
const ETCD_FILES: &[&str] = &[
    "etcd/etcdserverpb/rpc.proto",
    "etcd/mvccpb/kv.proto",
    "etcd/authpb/auth.proto",
];

/// Files compiled only into the reflection descriptor set: the error details
/// the server attaches to statuses, so that grpcurl can decode them.
const REFLECTION_ONLY_FILES: &[&str] = &["google/rpc/error_details.proto"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);

    let all: Vec<&str> = API_FILES
        .iter()
        .chain(REFLECTION_ONLY_FILES)
        .copied()
        .collect();
    let reflection_set = protox::compile(&all, ["proto"])?;
    fs::write(
        out_dir.join("glocal_descriptor.bin"),
        reflection_set.encode_to_vec(),
    )?;

    let mut codegen_set = reflection_set;
    codegen_set
        .file
        .retain(|file| !REFLECTION_ONLY_FILES.contains(&file.name()));
    tonic_prost_build::configure()
        // Undecodable requests are INVALID_ARGUMENT (src/api/codec.rs).
        .codec_path("crate::api::codec::GlocalCodec")
        .build_client(true)
        .build_server(true)
        .compile_fds(codegen_set)?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(false)
        .compile_fds(protox::compile(ETCD_FILES, ["proto"])?)?;
    Ok(())
}
