//! A small synchronous WebDriver client for the browser tests: chromedriver over plain
//! HTTP/1.1 on the loopback, headless Chromium with a fresh profile and no background
//! networking (a closed network otherwise makes it hang).

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long chromedriver may take to start listening.
const DRIVER_START: Duration = Duration::from_secs(30);

/// How long one command may take before the test fails instead of hanging.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// How long a download may take to land in the download folder.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(20);

/// The W3C key codes of the keys the tests press.
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";

/// A browser driven through chromedriver; both end when it is dropped.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
    /// Where the browser saves what a page downloads.
    downloads: tempfile::TempDir,
}

/// The first of `names` found on the `PATH`.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |n| dir.join(n))).find(|p| p.is_file())
}

impl Browser {
    /// Starts headless Chromium, or says why it cannot: `Err` when no Chromium or
    /// chromedriver is installed (the caller decides whether that fails the test).
    pub fn start() -> Result<Browser, String> {
        let chrome = on_path(&["chromium", "chromium-browser", "google-chrome"]).ok_or("no chromium on the PATH")?;
        let driver = on_path(&["chromedriver"]).ok_or("no chromedriver on the PATH")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver.display()))?;
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let downloads = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut browser = Browser { driver: child, port, session: String::new(), _profile: profile, downloads };
        browser.wait_ready()?;
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            &format!("--user-data-dir={}", browser._profile.path().display()),
        ];
        let folder = browser.downloads.path().to_string_lossy().into_owned();
        let prefs = json!({
            "download.default_directory": folder,
            "download.prompt_for_download": false,
            "download.directory_upgrade": true,
        });
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chrome, "args": args, "prefs": prefs}
        }}});
        let created = browser.call("POST", "/session", Some(caps))?;
        browser.session = created["sessionId"].as_str().ok_or("no session id")?.to_string();
        // headless Chromium saves downloads only where DevTools allows it
        let allow = json!({"cmd": "Page.setDownloadBehavior", "params": {"behavior": "allow", "downloadPath": folder}});
        browser.call("POST", &format!("/session/{}/goog/cdp/execute", browser.session), Some(allow))?;
        Ok(browser)
    }

    fn wait_ready(&self) -> Result<(), String> {
        let start = Instant::now();
        while start.elapsed() < DRIVER_START {
            if self.call("GET", "/status", None).is_ok_and(|v| v["ready"] == true) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("chromedriver did not start".into())
    }

    /// One WebDriver command: its `value`, or the error it answered.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(COMMAND_TIMEOUT)).map_err(|e| e.to_string())?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.port,
            body.len()
        );
        stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body.as_bytes())).map_err(|e| e.to_string())?;
        let raw = read_response(&mut stream).map_err(|e| format!("{method} {path}: {e}"))?;
        let (status, body) = parse_response(&raw)?;
        let value: Value = serde_json::from_slice(&body).map_err(|e| format!("{method} {path}: {e}"))?;
        if status != 200 {
            return Err(format!("{method} {path}: {status} {}", value["value"]));
        }
        Ok(value.get("value").cloned().unwrap_or(value))
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.call(method, &path, body).unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn goto(&self, url: &str) {
        self.session_call("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn refresh(&self) {
        self.session_call("POST", "/refresh", Some(json!({})));
    }

    pub fn window_size(&self, width: u32, height: u32) {
        self.session_call("POST", "/window/rect", Some(json!({"width": width, "height": height})));
    }

    /// Runs `script` (a function body; `arguments` are `args`) and returns what it returns.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.session_call("POST", "/execute/sync", Some(json!({"script": script, "args": args})))
    }

    /// The element `css` selects (the first), by its WebDriver reference.
    pub fn find(&self, css: &str) -> Value {
        self.session_call("POST", "/element", Some(json!({"using": "css selector", "value": css})))
    }

    fn element_id(element: &Value) -> String {
        element.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).unwrap_or_default().to_string()
    }

    pub fn click(&self, css: &str) {
        let id = Self::element_id(&self.find(css));
        self.session_call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// The text of the element `css` selects, as shown.
    pub fn find_text(&self, css: &str) -> String {
        let id = Self::element_id(&self.find(css));
        self.session_call("GET", &format!("/element/{id}/text"), None).as_str().unwrap_or_default().to_string()
    }

    /// Types `text` into the element `css` selects.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = Self::element_id(&self.find(css));
        self.session_call("POST", &format!("/element/{id}/value"), Some(json!({ "text": text })));
    }

    /// Presses each key of `keys` in turn, as a person at the keyboard would, wherever the
    /// focus is.
    pub fn keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [json!({"type": "keyDown", "value": c.to_string()}), json!({"type": "keyUp", "value": c.to_string()})]
            })
            .collect();
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.session_call("POST", "/actions", Some(body));
        self.session_call("DELETE", "/actions", None);
    }

    /// The file `name` the page downloaded, taken out of the download folder once it is
    /// whole; panics when it does not come.
    pub fn take_download(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let start = Instant::now();
        loop {
            let partial = std::fs::read_dir(self.downloads.path())
                .expect("the download folder")
                .any(|f| f.is_ok_and(|f| f.file_name().to_string_lossy().ends_with(".crdownload")));
            if path.is_file() && !partial {
                let bytes = std::fs::read(&path).expect("read the download");
                std::fs::remove_file(&path).expect("remove the download");
                return bytes;
            }
            if start.elapsed() > DOWNLOAD_TIMEOUT {
                let there: Vec<_> =
                    std::fs::read_dir(self.downloads.path()).unwrap().flatten().map(|f| f.file_name()).collect();
                panic!("no download {name} after {DOWNLOAD_TIMEOUT:?}; the folder holds {there:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The names of the files in the download folder.
    pub fn downloads(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.downloads.path())
            .expect("the download folder")
            .flatten()
            .map(|f| f.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The text of the open `alert`, `confirm` or `prompt` dialog.
    pub fn dialog_text(&self) -> String {
        self.session_call("GET", "/alert/text", None).as_str().unwrap_or_default().to_string()
    }

    /// Answers the open dialog: OK when `ok`, else Cancel.
    pub fn answer_dialog(&self, ok: bool) {
        let path = if ok { "/alert/accept" } else { "/alert/dismiss" };
        self.session_call("POST", path, Some(json!({})));
    }

    /// Saves a screenshot of the window as PNG.
    pub fn screenshot(&self, path: &Path) {
        let shot = self.session_call("GET", "/screenshot", None);
        let png = decode_base64(shot.as_str().unwrap_or_default());
        std::fs::write(path, png).expect("write the screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// One whole HTTP/1.1 response: chromedriver may keep the connection open after it, so the
/// end is found from `Content-Length` or the last chunk.
fn read_response(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(raw);
        }
        raw.extend_from_slice(&buf[..n]);
        let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let length =
            head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse::<usize>().ok());
        let done = match length {
            Some(len) => raw.len() >= split + 4 + len,
            None => head.contains("transfer-encoding: chunked") && raw.ends_with(b"0\r\n\r\n"),
        };
        if done {
            return Ok(raw);
        }
    }
}

/// The status code and body of an HTTP/1.1 response (chunked or not).
fn parse_response(raw: &[u8]) -> Result<(u16, Vec<u8>), String> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no HTTP header")?;
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or("no HTTP status")?;
    let mut body = &raw[split + 4..];
    if !head.contains("transfer-encoding: chunked") {
        return Ok((status, body.to_vec()));
    }
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").ok_or("bad chunk")?;
        let size = std::str::from_utf8(&body[..line_end]).ok().and_then(|s| usize::from_str_radix(s.trim(), 16).ok());
        let size = size.ok_or("bad chunk size")?;
        if size == 0 {
            return Ok((status, out));
        }
        let start = line_end + 2;
        out.extend_from_slice(body.get(start..start + size).ok_or("short chunk")?);
        body = body.get(start + size + 2..).ok_or("short chunk")?;
    }
}

/// Standard base64, as screenshots come.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for v in text.bytes().filter_map(value) {
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}
