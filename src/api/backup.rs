//! `glocal.v1.AdminService`: backups. `ExportSnapshot` takes a consistent
//! [`Snapshot`](crate::store::Snapshot) of the store (commits pause while it
//! is copied in memory, not while it is sent) and streams its file, in
//! chunks, to `glocal backup`. It needs the `admin` role (see
//! [`super::auth::required_role`]): a snapshot holds every resource, every
//! revision and its principal.

use std::pin::Pin;

use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use super::crud::SharedStore;
use super::pb::glocal::v1::{self as pb, admin_service_server::AdminService};
use super::ApiError;

/// Largest chunk of a snapshot in one message.
pub const SNAPSHOT_CHUNK_BYTES: usize = 1024 * 1024;

/// The AdminService implementation.
pub struct AdminApi {
    store: SharedStore,
}

impl AdminApi {
    /// A service over `store`.
    pub fn new(store: SharedStore) -> Self {
        AdminApi { store }
    }
}

/// The stream of a snapshot's chunks.
type ChunkStream = Pin<Box<dyn Stream<Item = Result<pb::ExportSnapshotResponse, Status>> + Send>>;

#[tonic::async_trait]
impl AdminService for AdminApi {
    type ExportSnapshotStream = ChunkStream;

    async fn export_snapshot(
        &self,
        _request: Request<pb::ExportSnapshotRequest>,
    ) -> Result<Response<ChunkStream>, Status> {
        let snapshot = self
            .store
            .snapshot()
            .await
            .map_err(|e| Status::from(ApiError::from_store("snapshot", e)))?;
        // Encoding hashes every byte: off the async workers.
        let file = tokio::task::spawn_blocking(move || snapshot.encode())
            .await
            .map_err(|e| Status::from(ApiError::Internal(format!("encoding the snapshot: {e}"))))?;
        let total_bytes = i64::try_from(file.len()).unwrap_or(i64::MAX);
        tracing::info!(bytes = total_bytes, "streaming a snapshot");
        // Chunks are copied out as they are sent, not all at once.
        let chunks = (0..file.len().div_ceil(SNAPSHOT_CHUNK_BYTES)).map(move |i| {
            let start = i * SNAPSHOT_CHUNK_BYTES;
            let end = (start + SNAPSHOT_CHUNK_BYTES).min(file.len());
            Ok(pb::ExportSnapshotResponse {
                chunk: file[start..end].to_vec(),
                total_bytes,
            })
        });
        Ok(Response::new(Box::pin(tokio_stream::iter(chunks))))
    }
}
