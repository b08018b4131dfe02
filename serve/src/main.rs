//! Serves the built web app on this machine: `yibao-serve [DIR]` (dist/ by default) on
//! http://127.0.0.1:$PORT/ (8080 by default), as a portal's web server should.
//!
//! - Each file is sent as the build wrote it compressed (`.br`, else `.gz`, beside it:
//!   scripts/precompress.mjs) with `Content-Encoding`, to a browser that accepts it:
//!   tower-http's `ServeDir` with its precompressed variants, not a hand-written server.
//! - A folder's `index.html` answers its address (`/jining/`, `/jining/resident/`).
//! - `Cache-Control: no-cache`: the files keep their names from build to build (the wasm
//!   included), so a browser may keep a copy but asks each time whether it is still
//!   current (`Last-Modified`, answered 304 when it is); a year's caching would keep old
//!   rules. The offline copy is the service worker's (sw.js), which says when a newer
//!   build is there.
//!
//! Only localhost: this is the developer's and the tester's server; a portal puts the same
//! folder behind its own (README, "Deploying").

use std::net::{Ipv4Addr, SocketAddr};

use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    if !std::path::Path::new(&dir).join("index.html").is_file() {
        eprintln!("yibao-serve: {dir}/index.html not found (build first: ./scripts/build-web.sh)");
        std::process::exit(1);
    }
    let port = match std::env::var("PORT") {
        Err(_) => 8080,
        Ok(p) => match p.parse::<u16>() {
            Ok(p) => p,
            Err(_) => {
                eprintln!("yibao-serve: PORT={p} is not a port number (0–65535)");
                std::process::exit(1);
            }
        },
    };
    let files = ServeDir::new(&dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .not_found_service(not_found.into_service());
    let app = Router::new()
        .fallback_service(files)
        .layer(middleware::map_response(utf8))
        .layer(middleware::from_fn(one_slash))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ));
    let listener =
        match tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("yibao-serve: cannot listen on 127.0.0.1:{port}: {e}");
                std::process::exit(1);
            }
        };
    let at = listener.local_addr().map_or(port, |a| a.port());
    println!("yibao is served at http://127.0.0.1:{at}/  (Ctrl-C to stop)");
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
    {
        eprintln!("yibao-serve: {e}");
        std::process::exit(1);
    }
}

/// A missing file: a page that says so, with the way home (the site's root).
async fn not_found() -> impl IntoResponse {
    (
        StatusCode::NOT_FOUND,
        Html(
            "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>找不到此页 · Not found</title><p>找不到此页。<a href=\"/\">回到医保计算器首页</a></p>\
             <p lang=\"en\">There is no such page. <a href=\"/\">Back to the calculator</a></p></html>",
        ),
    )
}

/// Text is sent as what it is, UTF-8 (the documents' texts in sources/ are Chinese; a
/// browser left to guess shows them garbled).
async fn utf8(mut response: Response) -> Response {
    let text = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|t| t.starts_with("text/") && !t.contains("charset"))
        .map(|t| format!("{t}; charset=utf-8"));
    if let Some(v) = text.and_then(|t| HeaderValue::from_str(&t).ok()) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    response
}

/// An address beginning `//` is refused: the folder redirect would send the browser to
/// another host (`//jining` → `//jining/`, which a browser reads as the host `jining`).
async fn one_slash(request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("//") {
        return not_found().await.into_response();
    }
    next.run(request).await
}
