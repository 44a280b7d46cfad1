//! The gRPC codec of glocal's services: prost's, except that a request that
//! does not decode (bytes that are not the message, a string field that is
//! not UTF-8) is INVALID_ARGUMENT with ErrorInfo reason
//! `UNDECODABLE_REQUEST`, not prost's INTERNAL: the fault is the caller's,
//! and INTERNAL would send an operator looking for a server bug. (gRPC's
//! `statuscodes.md` lists INTERNAL for "error parsing request proto", which
//! is what generated servers do by default; Google's APIs answer
//! INVALID_ARGUMENT for a malformed request, and so does glocal.)
//!
//! `build.rs` generates the services and clients with this codec, so the
//! clients use it too: a response that does not decode is then reported as
//! INVALID_ARGUMENT by the client, which only a server of another version
//! would cause.

use std::marker::PhantomData;

use prost::Message;
use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic::Status;
use tonic_prost::{ProstDecoder, ProstEncoder};

use super::error::ApiError;

/// prost's codec with undecodable input as INVALID_ARGUMENT.
#[derive(Debug, Clone)]
pub struct GlocalCodec<T, U> {
    _pd: PhantomData<(T, U)>,
}

impl<T, U> Default for GlocalCodec<T, U> {
    fn default() -> Self {
        GlocalCodec { _pd: PhantomData }
    }
}

impl<T, U> Codec for GlocalCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = StrictDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstEncoder::default()
    }

    fn decoder(&mut self) -> Self::Decoder {
        StrictDecoder {
            inner: ProstDecoder::default(),
        }
    }
}

/// prost's decoder, with its errors as INVALID_ARGUMENT.
#[derive(Debug, Clone)]
pub struct StrictDecoder<U> {
    inner: ProstDecoder<U>,
}

impl<U: Message + Default> Decoder for StrictDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        self.inner.decode(buf).map_err(|status| {
            Status::from(ApiError::Undecodable {
                detail: status.message().to_string(),
            })
        })
    }

    fn buffer_settings(&self) -> BufferSettings {
        self.inner.buffer_settings()
    }
}
