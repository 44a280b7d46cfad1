//! The caller's language: a gRPC call that sends `accept-language` metadata
//! gets its errors' `google.rpc.LocalizedMessage` in the best language glocal
//! has for it ([`crate::l10n`]). The language lives in a task-local for the
//! duration of the call, so that the one mapping of errors to
//! `tonic::Status` can read it without every handler passing it along.

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
};

use tower::Service;

use crate::l10n::Texts;

tokio::task_local! {
    static CALLER_TEXTS: Option<Texts>;
}

/// The language the current call asked for with `accept-language`; `None`
/// when it sent none (or none glocal can read), or outside a call.
pub fn caller_texts() -> Option<Texts> {
    CALLER_TEXTS.try_with(|t| *t).ok().flatten()
}

/// Runs `future` as a call that asked for `texts`.
pub async fn with_caller_texts<F: Future>(texts: Option<Texts>, future: F) -> F::Output {
    CALLER_TEXTS.scope(texts, future).await
}

/// Tower middleware that reads `accept-language` and runs the call with it.
#[derive(Debug, Clone)]
pub struct CallerLanguage<S> {
    inner: S,
}

impl<S> CallerLanguage<S> {
    /// Wraps `inner`.
    pub fn new(inner: S) -> Self {
        CallerLanguage { inner }
    }
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for CallerLanguage<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        // Several values (or one with commas) are one list, in order.
        let values: Vec<&str> = request
            .headers()
            .get_all(http::header::ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let texts = Texts::from_accept_language(&values.join(","));
        let future = self.inner.call(request);
        Box::pin(with_caller_texts(texts, future))
    }
}
