//! Shared by the bench examples (`load`, `bench_client`): gRPC calls with
//! pre-encoded requests and responses that are counted, not decoded, so
//! that the client spends as little CPU as it can on the cores it shares
//! with the server.

#![allow(dead_code)]

use std::time::Duration;

use bytes::{Buf, BufMut, Bytes};
use glocal::api::pb::glocal::v1 as pb;
use prost::Message;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::transport::{Channel, Endpoint};
use tonic::Status;

/// A codec that sends bytes as they are and reads a response as its length.
#[derive(Clone, Copy, Default)]
pub struct RawCodec;

impl Codec for RawCodec {
    type Encode = Bytes;
    type Decode = usize;
    type Encoder = RawCodec;
    type Decoder = RawCodec;
    fn encoder(&mut self) -> Self::Encoder {
        RawCodec
    }
    fn decoder(&mut self) -> Self::Decoder {
        RawCodec
    }
}

impl Encoder for RawCodec {
    type Item = Bytes;
    type Error = Status;
    fn encode(&mut self, item: Bytes, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawCodec {
    type Item = usize;
    type Error = Status;
    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<usize>, Status> {
        let n = src.remaining();
        src.advance(n);
        Ok(Some(n))
    }
}

/// One method to call: its path and how to make its n-th request.
pub struct Method {
    pub path: &'static str,
    make: Box<dyn Fn(u64) -> Bytes + Send + Sync>,
}

impl Method {
    /// The request body of call number `n` (unique per call for creates).
    pub fn request(&self, n: u64) -> Bytes {
        (self.make)(n)
    }
}

/// The methods the benches call. `arg` is the resource name (roadmap,
/// market, product) or, for `create-market`, the prefix of the new ids.
pub fn method(name: &str, arg: &str) -> Result<Method, String> {
    let fixed = |path: &'static str, body: Vec<u8>| {
        let body = Bytes::from(body);
        Method {
            path,
            make: Box::new(move |_| body.clone()),
        }
    };
    Ok(match name {
        "health" => fixed(
            "/grpc.health.v1.Health/Check",
            tonic_health::pb::HealthCheckRequest {
                service: String::new(),
            }
            .encode_to_vec(),
        ),
        "check-roadmap" => fixed(
            "/glocal.v1.PlanningService/CheckRoadmap",
            pb::CheckRoadmapRequest {
                name: arg.to_string(),
                ..Default::default()
            }
            .encode_to_vec(),
        ),
        "check-roadmap-basic" => fixed(
            "/glocal.v1.PlanningService/CheckRoadmap",
            pb::CheckRoadmapRequest {
                name: arg.to_string(),
                view: pb::CheckView::Basic as i32,
                ..Default::default()
            }
            .encode_to_vec(),
        ),
        "coverage-matrix" => fixed(
            "/glocal.v1.PlanningService/GetCoverageMatrix",
            pb::GetCoverageMatrixRequest {
                product: arg.to_string(),
                ..Default::default()
            }
            .encode_to_vec(),
        ),
        "get-market" => fixed(
            "/glocal.v1.MarketService/GetMarket",
            pb::GetMarketRequest {
                name: arg.to_string(),
            }
            .encode_to_vec(),
        ),
        "create-market" => {
            let prefix = arg.to_string();
            Method {
                path: "/glocal.v1.MarketService/CreateMarket",
                make: Box::new(move |n| Bytes::from(create_market(&format!("{prefix}-{n}")))),
            }
        }
        other => return Err(format!("unknown method {other}")),
    })
}

/// A CreateMarketRequest for a small valid market `markets/{id}`.
pub fn create_market(id: &str) -> Vec<u8> {
    pb::CreateMarketRequest {
        market_id: id.to_string(),
        market: Some(pb::Market {
            display_name: format!("Bench market {id}"),
            country: "FI".into(),
            currency: "EUR".into(),
            storefront_locales: vec!["fi-FI".into()],
            default_locale: "fi-FI".into(),
            ..Default::default()
        }),
    }
    .encode_to_vec()
}

/// One HTTP/2 connection to `url`.
pub async fn connect(url: &str) -> Result<Channel, Box<dyn std::error::Error>> {
    Ok(Endpoint::from_shared(url.to_string())?
        .tcp_nodelay(true)
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await?)
}

/// Calls `path` with `body` on `channel`; the response's size in bytes.
pub async fn call(channel: Channel, path: &'static str, body: Bytes) -> Result<usize, Status> {
    let mut grpc = tonic::client::Grpc::new(channel).max_decoding_message_size(usize::MAX);
    grpc.ready()
        .await
        .map_err(|e| Status::unavailable(e.to_string()))?;
    let response = grpc
        .unary(
            tonic::Request::new(body),
            http::uri::PathAndQuery::from_static(path),
            RawCodec,
        )
        .await?;
    Ok(response.into_inner())
}
