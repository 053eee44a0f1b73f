#!/usr/bin/env python3
"""Scripted OpenAI-compatible chat server for the `solve` test suite (stdlib only).

Usage: python3 server.py [--port N]   (binds 127.0.0.1; prints "PORT <n>" on stdout)

Endpoints: GET /health, GET /v1/models, GET /v1/requests, POST /v1/reset, GET /metrics,
POST /v1/chat/completions (model "scripted/<name>[;key=value...][#suffix]"; counters are
keyed by the full model string and the Authorization header, so a "#suffix" or an API key
of its own gives a test a fresh counter).

Everything is also served under /no-metrics/ (e.g. /no-metrics/v1/chat/completions) except
/no-metrics/metrics, which is 404: a server without Prometheus metrics.

GET /metrics: Prometheus text with vLLM's names, one series per full model string
(label model_name): vllm:num_requests_running, vllm:num_requests_waiting (queued for a
paced slot), vllm:kv_cache_usage_perc (running / slots, 0 without slots),
vllm:request_success_total, vllm:generation_tokens_total, and
scripted:peak_requests_running (the most ever running at once). POST /v1/reset clears them.

Scenarios (<name>):
  r1-reasoning-content    reasoning_content with wrong C++ draft; content = correct C++ + sample output
  r1-reasoning            same, but the reasoning field is `reasoning`
  think-inline            content = <think>reasoning</think> + final answer (no reasoning field)
  think-no-open           content = reasoning</think>answer (no <think>); streams "</thi" + "nk>"
  unterminated-fence      content = ```python + correct program, no closing fence; finish "length"
  truncated-in-reasoning  reasoning_content holds a ```python block, content empty; finish "length"
  feedback                wrong Python; correct Python once an assistant message is present
  repeat                  with assistant message: wrong again; else 1st request wrong, later correct
  compile-error           C++ that fails to compile; correct C++ once an assistant message is present
  flaky-503               1st request per key -> 503 (Retry-After: 1); later -> correct Python
  rate-limit              1st two requests per key -> 429 flat error (Retry-After: 0); later -> correct
  always-500              always 500 "CUDA out of memory"
  cut-stream              1st request per key: stream cut without finish/[DONE]; later -> correct
  error-event             200 stream with a few deltas then a `data: {"error": ...}` event, no [DONE]
  error-nested            400 {"error": {...}} (max_tokens too large)
  error-flat              400 {"object": "error", ...} (maximum context length)
  malformed               200 with broken JSON (stream: broken chunk then [DONE])
  slow                    sleeps SLOW_SECONDS before the response headers, then correct Python
  plain                   content = ```python correct program```, no reasoning
  distinct-n              n>=2: choice 0 wrong, others correct; n=1: 1st request wrong, later correct
  no-code                 "I think you should use a hash map." (no code)
  function-feedback       pair-sum function problem: wrong Solution.pairSum; correct once an assistant
                          message is present
  Faults of a misbehaving server (every request):
  huge-event              200 stream: HUGE_BYTES of prose in one event (past the client's limit for one event)
  huge-deltas             200 stream: HUGE_BYTES of prose in 64 KiB deltas (past the client's answer limit)
  tiny-deltas             200 stream: TINY_PROSE characters of prose, then the correct Python answer, one character
                          per event (many events per HTTP chunk), finish "stop" and [DONE]
  stall-before-headers    accepts the request and sends nothing for STALL_SECONDS
  stall-after-headers     sends the 200 event-stream headers, then nothing for STALL_SECONDS
  stall-mid-stream        sends the role and four content deltas, then nothing for STALL_SECONDS
  no-done                 200 stream: a few deltas, no finish_reason, no [DONE], a clean end of the body
  reset                   200 stream: a few deltas, then a TCP reset
  html                    200 with Content-Type text/html and a web page
  rate-limit-forever      always 429 (Retry-After: 0)
  paced                   a model server's timing: waits `ttft` seconds after the headers, then streams one
                          filler word per delta at `rate` deltas/s (delta i at first + i/rate: no drift); each
                          delta is one token in `usage`. Length = the request's max_tokens (finish "length"), else
                          `tokens` (finish "stop"). Parameters after the name, `;`-separated, e.g.
                          "scripted/paced;ttft=0.2;rate=50;code=echo#a1":
                            ttft=SECONDS (0.1)  rate=TOKENS_PER_S (50)  tokens=N (16)
                            slots=N (unlimited): at most N requests of this model string run at once, the
                              others wait (counted in vllm:num_requests_waiting; their TTFT includes the wait)
                            code=echo: the last delta is a ```python block that prints its input back
                            fail=K: every K-th request of this model string and key gets HTTP 500 instead
                          Unknown parameters -> 400. `--paced-defaults "ttft=0.5;code=echo"` changes the defaults
                          (for clients that check the id against /v1/models, which lists plain scripted/paced).
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import os
import json
import signal
import socket
import struct
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 3.0
STALL_SECONDS = 60.0
HUGE_BYTES = 50_000_000
TINY_PROSE = 50_000
FAULTS = ("huge-event", "huge-deltas", "tiny-deltas", "stall-before-headers", "stall-after-headers",
          "stall-mid-stream", "no-done", "reset", "html")
FILLER = ("the of and to in is that it for on with as was at by this from or be are an have not "
          "but all one can more time when will out up about into some than them only its over").split()
ECHO_PY = "import sys\n\nsys.stdout.write(sys.stdin.read())\n"
PACED_DEFAULTS = {"ttft": 0.1, "rate": 50.0, "tokens": 16, "slots": 0, "code": "", "fail": 0}
PIECE = 8  # characters per streamed delta

# --- Programs for the two-sum problem --------------------------------------
# Input: "n t" then n integers; print 1-based "i j" (i < j) with a_i + a_j = t.

TWO_SUM_OK_PY = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, t = int(data[0]), int(data[1])
    a = [int(x) for x in data[2:2 + n]]
    seen = {}
    for j, x in enumerate(a):
        i = seen.get(t - x)
        if i is not None:
            print(i + 1, j + 1)
            return
        if x not in seen:
            seen[x] = j


if __name__ == "__main__":
    main()
"""

TWO_SUM_WRONG_PY = TWO_SUM_OK_PY.replace("print(i + 1, j + 1)", "print(i, j)")

TWO_SUM_OK_CPP = """#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long t;
    if (!(cin >> n >> t)) return 0;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    unordered_map<long long, int> seen;
    seen.reserve(2 * n + 1);
    for (int j = 0; j < n; ++j) {
        auto it = seen.find(t - a[j]);
        if (it != seen.end()) {
            cout << it->second + 1 << ' ' << j + 1 << '\\n';
            return 0;
        }
        seen.emplace(a[j], j);  // keeps the first index of each value
    }
    return 0;
}
"""

TWO_SUM_WRONG_CPP = TWO_SUM_OK_CPP.replace(
    "it->second + 1 << ' ' << j + 1", "it->second << ' ' << j")

TWO_SUM_CE_CPP = TWO_SUM_OK_CPP.replace("cin.tie(nullptr);", "cin.tie(nullptr)")

assert TWO_SUM_WRONG_PY != TWO_SUM_OK_PY and TWO_SUM_WRONG_CPP != TWO_SUM_OK_CPP
assert TWO_SUM_CE_CPP != TWO_SUM_OK_CPP


def fence(lang: str, code: str) -> str:
    return f"```{lang}\n{code}```\n"


R1_REASONING = (
    "The task is two-sum: find i < j with a_i + a_j = t. A hash map from value to "
    "index gives O(n). First draft:\n\n" + fence("cpp", TWO_SUM_WRONG_CPP) +
    "\nWait, indices must be 1-based, so I have to print it->second + 1 and j + 1. "
    "Let me fix that and check the sample: 2 5 / 2 3 gives 1 2. Good.\n")
R1_ANSWER = (
    "Store each value's first index in a hash map and, for every a_j, look up t - a_j.\n\n"
    + fence("cpp", TWO_SUM_OK_CPP) +
    "\nFor the sample the output is:\n\n```text\n1 2\n```\n")
PY_ANSWER = "Here is a hash-map solution:\n\n" + fence("python", TWO_SUM_OK_PY)
PY_WRONG_ANSWER = "Here is a hash-map solution:\n\n" + fence("python", TWO_SUM_WRONG_PY)
PY_WRONG_AGAIN = ("I checked it again; the program is correct:\n\n" +
                  fence("python", TWO_SUM_WRONG_PY.replace("def main():", "\ndef main():")))

# --- Programs for the pair-sum function problem (Tests/Fixtures/markdown/pair-sum.md) -----
PAIR_SUM_OK = """class Solution:
    def pairSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for j, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], j]
            seen.setdefault(x, j)
"""
PAIR_SUM_WRONG = PAIR_SUM_OK.replace("return [seen[target - x], j]", "return [seen[target - x], j + 1]")
assert PAIR_SUM_WRONG != PAIR_SUM_OK


# --- Scenario table ----------------------------------------------------------

@dataclass
class Ctx:
    messages: list
    count: int  # 1-based number of this request for its model string
    n: int
    stream: bool

    @property
    def has_assistant(self) -> bool:
        return any(isinstance(m, dict) and m.get("role") == "assistant" for m in self.messages)


@dataclass
class Reply:
    content: str | list[str] = ""  # a list gives one content per choice
    reasoning: str = ""
    reasoning_field: str = "reasoning_content"
    finish_reason: str = "stop"
    status: int = 200
    headers: dict = field(default_factory=dict)
    error: dict | None = None  # JSON body for non-200 replies
    special: str | None = None  # "cut" | "error-event" | "malformed"
    delay: float = 0.0
    split_think: bool = False  # stream "</think>" as "</thi" + "nk>"


def err(status: int, message: str, type_: str, flat: bool = False, **headers) -> Reply:
    if flat:
        body = {"object": "error", "message": message, "type": type_, "param": None, "code": status}
    else:
        body = {"error": {"message": message, "type": type_, "code": status}}
    return Reply(status=status, error=body, headers={k.replace("_", "-"): v for k, v in headers.items()})


def pick(ok: bool, good: str, bad: str) -> Reply:
    return Reply(content=good if ok else bad)


SCENARIOS = {
    "r1-reasoning-content": lambda c: Reply(reasoning=R1_REASONING, content=R1_ANSWER),
    "r1-reasoning": lambda c: Reply(reasoning=R1_REASONING, content=R1_ANSWER, reasoning_field="reasoning"),
    "think-inline": lambda c: Reply(content="<think>" + R1_REASONING + "</think>\n\n" + R1_ANSWER),
    "think-no-open": lambda c: Reply(content=R1_REASONING + "</think>\n\n" + R1_ANSWER, split_think=True),
    "unterminated-fence": lambda c: Reply(
        content="Here is the solution:\n```python\n" + TWO_SUM_OK_PY, finish_reason="length"),
    "truncated-in-reasoning": lambda c: Reply(
        reasoning="Let me write the hash-map solution.\n\n" + fence("python", TWO_SUM_OK_PY) +
        "\nNow let me double-check the edge cases with duplicates, e.g. 4 6 / 3 1 3 5 ...",
        content="", finish_reason="length"),
    "feedback": lambda c: pick(c.has_assistant, PY_ANSWER, PY_WRONG_ANSWER),
    "repeat": lambda c: Reply(content=PY_WRONG_AGAIN) if c.has_assistant
    else pick(c.count > 1, PY_ANSWER, PY_WRONG_ANSWER),
    "compile-error": lambda c: pick(c.has_assistant, fence("cpp", TWO_SUM_OK_CPP), fence("cpp", TWO_SUM_CE_CPP)),
    "flaky-503": lambda c: err(503, "Service temporarily overloaded", "ServiceUnavailable", Retry_After="1")
    if c.count == 1 else Reply(content=PY_ANSWER),
    "rate-limit": lambda c: err(429, "Too many requests", "RateLimitError", flat=True, Retry_After="0")
    if c.count <= 2 else Reply(content=PY_ANSWER),
    "always-500": lambda c: err(500, "CUDA out of memory", "InternalServerError"),
    "cut-stream": lambda c: Reply(content=PY_ANSWER, special="cut" if c.count == 1 else None),
    "error-event": lambda c: Reply(content="Let me think about the two-sum problem.", special="error-event"),
    "error-nested": lambda c: Reply(status=400, error={"error": {
        "message": "max_tokens is too large: 100000. This model's maximum context length is 4096 tokens",
        "type": "BadRequestError", "param": None, "code": 400}}),
    "error-flat": lambda c: err(400, "This model's maximum context length is 4096 tokens.",
                                "BadRequestError", flat=True),
    "malformed": lambda c: Reply(special="malformed"),
    "slow": lambda c: Reply(content=PY_ANSWER, delay=SLOW_SECONDS),
    **{name: (lambda name: lambda c: Reply(special=name))(name) for name in FAULTS},
    "rate-limit-forever": lambda c: err(429, "Too many requests", "RateLimitError", flat=True, Retry_After="0"),
    "plain": lambda c: Reply(content=fence("python", TWO_SUM_OK_PY)),
    "distinct-n": lambda c: Reply(content=[PY_WRONG_ANSWER] + [PY_ANSWER] * (c.n - 1)) if c.n >= 2
    else pick(c.count > 1, PY_ANSWER, PY_WRONG_ANSWER),
    "no-code": lambda c: Reply(content="I think you should use a hash map."),
    "function-feedback": lambda c: pick(c.has_assistant, fence("python", PAIR_SUM_OK), fence("python", PAIR_SUM_WRONG)),
}


# --- Helpers -------------------------------------------------------------------

def pieces(text: str, split_think: bool = False) -> list[str]:
    if split_think and "</think>" in text:
        before, after = text.split("</think>", 1)
        return pieces(before) + ["</thi", "nk>"] + pieces(after)
    return [text[i:i + PIECE] for i in range(0, len(text), PIECE)]


def words(value) -> int:
    if isinstance(value, str):
        return len(value.split())
    if isinstance(value, list):
        return sum(words(p.get("text", "") if isinstance(p, dict) else p) for p in value)
    return 0


class State:
    lock = threading.Lock()
    requests: list = []
    counters: dict = {}
    running: dict = {}  # model string -> requests being answered
    waiting: dict = {}  # model string -> paced requests queued for a slot
    peak: dict = {}  # model string -> most running at once
    finished: dict = {}  # model string -> requests answered in full
    generated: dict = {}  # model string -> completion tokens sent
    slots: dict = {}  # model string -> threading.Semaphore of a paced model with `slots`

    @classmethod
    def add(cls, table: dict, model: str, delta: int):
        table[model] = table.get(model, 0) + delta
        if table is cls.running:
            cls.peak[model] = max(cls.peak.get(model, 0), table[model])


def paced_params(params: list[str]) -> dict:
    """Parses "ttft=0.2", "rate=50", … (ValueError names a bad one)."""
    values = dict(PACED_DEFAULTS)
    for item in params:
        key, _, value = item.partition("=")
        if key not in PACED_DEFAULTS:
            raise ValueError(f"unknown parameter `{key}` (known: {', '.join(PACED_DEFAULTS)})")
        if key == "code":
            if value != "echo":
                raise ValueError("code must be `echo`")
            values[key] = value
        else:
            values[key] = type(PACED_DEFAULTS[key])(value)
            if values[key] < 0 or (key == "rate" and values[key] == 0):
                raise ValueError(f"{key} must be positive")
    return values


@contextlib.contextmanager
def running(model: str):
    """Counts a request of `model` as running while the block runs."""
    with State.lock:
        State.add(State.running, model, 1)
    try:
        yield
    finally:
        with State.lock:
            State.add(State.running, model, -1)


def prometheus_text() -> str:
    gauges = [
        ("vllm:num_requests_running", "gauge", "Number of requests in model execution batches.", State.running),
        ("vllm:num_requests_waiting", "gauge", "Number of requests waiting to be processed.", State.waiting),
        ("vllm:kv_cache_usage_perc", "gauge", "KV-cache usage. 1 means 100 percent usage.",
         {m: State.running.get(m, 0) / State.slots[m][1] for m in State.slots}),
        ("vllm:request_success_total", "counter", "Count of successfully processed requests.", State.finished),
        ("vllm:generation_tokens_total", "counter", "Number of generation tokens processed.", State.generated),
        ("scripted:peak_requests_running", "gauge", "Most requests running at once.", State.peak),
    ]
    lines = []
    for name, kind, help_text, table in gauges:
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
        for model in sorted(State.running.keys() | State.waiting.keys()):
            label = model.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{name}{{model_name="{label}"}} {float(table.get(model, 0))}')
    return "\n".join(lines) + "\n"


def fault_delta(text: str | None, finish=None) -> bytes:
    """One SSE event of a fault scenario, as vLLM would send it."""
    body = {"id": "chatcmpl-fault", "object": "chat.completion.chunk", "model": "scripted/fault",
            "choices": [{"index": 0, "delta": {} if text is None else {"content": text}, "finish_reason": finish}]}
    return f"data: {json.dumps(body)}\n\n".encode()


def framed(data: bytes) -> bytes:
    return b"%X\r\n%s\r\n" % (len(data), data)


@functools.lru_cache(maxsize=None)
def fault_body(name: str) -> bytes:
    """The chunked body of huge-event, huge-deltas or tiny-deltas, built once: encoding 50 MB on every request would
    hold the GIL long enough to stall the other tests' requests."""
    prose = "the quick brown fox jumps over the lazy dog\n"
    if name == "huge-event":
        chunks = [fault_delta(prose * (HUGE_BYTES // len(prose)))]
    elif name == "huge-deltas":
        piece = fault_delta(prose * (65536 // len(prose)))
        chunks = [piece] * (HUGE_BYTES // 65536)
    else:
        text = (prose * (TINY_PROSE // len(prose) + 1))[:TINY_PROSE] + PY_ANSWER
        events = [fault_delta(c) for c in text]
        chunks = [b"".join(events[start:start + 1000]) for start in range(0, len(events), 1000)]
    chunks.append(fault_delta(None, "stop") + b"data: [DONE]\n\n")
    return b"".join(framed(chunk) for chunk in chunks) + framed(b"")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many tests connect at once; the default 5 drops SYNs while the GIL is busy


# --- HTTP handler --------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "scripted-openai/1.0"

    def log_message(self, fmt, *args):
        sys.stderr.write("[scripted] %s %s\n" % (self.address_string(), fmt % args))

    # -- low-level writers
    def send_json(self, status: int, obj, headers: dict | None = None, raw: bytes | None = None):
        body = raw if raw is not None else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def chunk(self, data: bytes):
        self.wfile.write(framed(data))
        self.wfile.flush()

    def event(self, obj):
        payload = obj if isinstance(obj, str) else json.dumps(obj)
        self.chunk(f"data: {payload}\n\n".encode())

    def abort(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    # -- routes
    def route(self) -> str | None:
        """The path without its query and without the /no-metrics prefix; None for /no-metrics/metrics."""
        path = self.path.split("?", 1)[0]
        if path.startswith("/no-metrics/"):
            path = path[len("/no-metrics"):]
            return None if path == "/metrics" else path
        return path

    def do_GET(self):
        path = self.route()
        if path == "/health":
            self.send_json(200, {"status": "ok"})
        elif path == "/v1/models":
            self.send_json(200, {"object": "list", "data": [
                {"id": f"scripted/{name}", "object": "model", "owned_by": "scripted", "max_model_len": 4096}
                for name in [*SCENARIOS, "paced"]]})
        elif path == "/v1/requests":
            with State.lock:
                self.send_json(200, list(State.requests))
        elif path == "/metrics":
            with State.lock:
                body = prometheus_text().encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.not_found()

    def do_POST(self):
        path = self.route()
        body = self.read_body()
        if path == "/v1/reset":
            with State.lock:
                for table in (State.requests, State.counters, State.running, State.waiting, State.peak,
                              State.finished, State.generated, State.slots):
                    table.clear()
            self.send_json(200, {"status": "ok"})
        elif path == "/v1/chat/completions":
            try:
                self.chat(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
        else:
            self.not_found()

    def not_found(self):
        self.send_json(404, {"error": {"message": f"Not found: {self.path}", "type": "NotFoundError", "code": 404}})

    def chat(self, raw: bytes):
        try:
            req = json.loads(raw)
            if not isinstance(req, dict):
                raise ValueError("request body must be a JSON object")
        except ValueError as e:
            return self.send_json(400, {"error": {"message": f"Invalid JSON body: {e}",
                                                  "type": "invalid_request_error", "code": 400}})
        model = str(req.get("model", ""))
        name, *params = (model[len("scripted/"):].split("#", 1)[0].split(";") if model.startswith("scripted/")
                         else (None,))
        if name == "paced":
            try:
                params = paced_params(params)
            except ValueError as e:
                return self.send_json(400, {"error": {"message": f"{model}: {e}", "type": "BadRequestError",
                                                      "code": 400}})
            return self.paced(req, model, params)
        with running(model):
            self.scenario(req, model, name)

    def scenario(self, req: dict, model: str, name: str | None):
        auth = self.headers.get("Authorization")
        with State.lock:
            State.requests.append({**req, "_headers": {"Authorization": auth} if auth else {}})
            if name in SCENARIOS:
                key = f"{model}|{auth or ''}"  # a per-test API key also gives a fresh counter
                State.counters[key] = count = State.counters.get(key, 0) + 1
        if name not in SCENARIOS:
            return self.send_json(404, {"error": {"message": f"The model `{model}` does not exist.",
                                                  "type": "NotFoundError", "code": 404}})
        messages = req.get("messages") if isinstance(req.get("messages"), list) else []
        n = req.get("n") if isinstance(req.get("n"), int) and req.get("n") >= 1 else 1
        stream = bool(req.get("stream"))
        reply = SCENARIOS[name](Ctx(messages, count, n, stream))
        if reply.special in FAULTS:
            return self.fault(reply.special)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.status != 200:
            return self.send_json(reply.status, reply.error, reply.headers)
        contents = reply.content if isinstance(reply.content, list) else [reply.content] * n
        prompt_tokens = sum(words(m.get("content")) for m in messages if isinstance(m, dict))
        completion_tokens = sum(words(reply.reasoning) + words(c) for c in contents)
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                 "total_tokens": prompt_tokens + completion_tokens}
        meta = {"id": "chatcmpl-" + uuid.uuid4().hex, "object": None, "created": int(time.time()), "model": model}
        if stream:
            opts = req.get("stream_options")
            include_usage = isinstance(opts, dict) and bool(opts.get("include_usage"))
            self.stream(reply, contents, meta, usage if include_usage else None)
        else:
            self.complete(reply, contents, meta, usage)

    def paced(self, req: dict, model: str, params: dict):
        """The `paced` scenario: TTFT, then a fixed token rate per stream (see the module docstring)."""
        auth = self.headers.get("Authorization")
        with State.lock:
            State.requests.append({**req, "_headers": {"Authorization": auth} if auth else {}})
            key = f"{model}|{auth or ''}"
            State.counters[key] = number = State.counters.get(key, 0) + 1
            if params["slots"] and model not in State.slots:
                State.slots[model] = (threading.Semaphore(params["slots"]), params["slots"])
            slot = State.slots.get(model, (None, 0))[0]
        if params["fail"] and number % params["fail"] == 0:
            return self.send_json(500, {"error": {"message": f"scripted failure of request {number}",
                                                  "type": "InternalServerError", "code": 500}})
        limit = req.get("max_tokens", req.get("max_completion_tokens"))
        count = max(1, limit) if isinstance(limit, int) else params["tokens"]
        deltas = [("" if i == 0 else " ") + FILLER[i % len(FILLER)] for i in range(count)]
        if params["code"] == "echo":
            deltas[-1] = "\n\n" + fence("python", ECHO_PY)
        finish = "length" if isinstance(limit, int) else "stop"
        messages = req.get("messages") if isinstance(req.get("messages"), list) else []
        prompt_tokens = sum(words(m.get("content")) for m in messages if isinstance(m, dict))
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": count, "total_tokens": prompt_tokens + count}
        meta = {"id": "chatcmpl-" + uuid.uuid4().hex, "object": None, "created": int(time.time()), "model": model}
        stream = bool(req.get("stream"))
        opts = req.get("stream_options")
        include_usage = isinstance(opts, dict) and bool(opts.get("include_usage"))
        if stream:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.flush()
        if slot:
            with State.lock:
                State.add(State.waiting, model, 1)
            slot.acquire()
            with State.lock:
                State.add(State.waiting, model, -1)
        try:
            with running(model):
                self.paced_reply(deltas, finish, usage, meta, stream, include_usage, params)
            with State.lock:
                State.add(State.finished, model, 1)
                State.add(State.generated, model, len(deltas))
        finally:
            if slot:
                slot.release()

    def paced_reply(self, deltas: list[str], finish: str, usage: dict, meta: dict, stream: bool,
                    include_usage: bool, params: dict):
        start = time.monotonic() + params["ttft"]
        if not stream:
            time.sleep(max(0.0, start + (len(deltas) - 1) / params["rate"] - time.monotonic()))
            message = {"role": "assistant", "content": "".join(deltas)}
            return self.send_json(200, {**meta, "object": "chat.completion", "usage": usage,
                                        "choices": [{"index": 0, "message": message, "finish_reason": finish}]})

        def chunk(delta: dict, finish_reason=None) -> dict:
            return {**meta, "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}]}

        time.sleep(max(0.0, start - time.monotonic()))
        self.event(chunk({"role": "assistant", "content": deltas[0]}))
        first = time.monotonic()  # the schedule counts from the first token actually sent
        for i, text in enumerate(deltas[1:], start=1):
            time.sleep(max(0.0, first + i / params["rate"] - time.monotonic()))
            self.event(chunk({"content": text}))
        self.event(chunk({}, finish))
        if include_usage:
            self.event({**meta, "object": "chat.completion.chunk", "choices": [], "usage": usage})
        self.event("[DONE]")
        self.chunk(b"")

    def fault(self, name: str):
        """The misbehaving server's answers (see the module docstring)."""
        if name == "stall-before-headers":
            return time.sleep(STALL_SECONDS)
        if name == "html":
            page = (b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
                    b"<body>Sign in to continue</body></html>\n")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            return self.wfile.write(page)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()

        if name == "stall-after-headers":
            return time.sleep(STALL_SECONDS)
        if name in ("huge-event", "huge-deltas", "tiny-deltas"):
            self.wfile.write(fault_body(name))
            return self.wfile.flush()
        for text in ("Let me ", "think about ", "the two-sum ", "problem."):  # stall-mid-stream, no-done, reset
            self.chunk(fault_delta(text))
        if name == "stall-mid-stream":
            return time.sleep(STALL_SECONDS)
        if name == "no-done":
            return self.chunk(b"")
        # reset: a RST instead of a FIN
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def complete(self, reply: Reply, contents: list[str], meta: dict, usage: dict):
        if reply.special == "malformed":
            return self.send_json(200, None, raw=b'{"choices": [')
        choices = []
        for i, content in enumerate(contents):
            message = {"role": "assistant", "content": content}
            if reply.reasoning:
                message[reply.reasoning_field] = reply.reasoning
            choices.append({"index": i, "message": message, "finish_reason": reply.finish_reason})
        body = json.dumps({**meta, "object": "chat.completion", "choices": choices, "usage": usage}).encode()
        if reply.special == "cut":  # promise the full body, deliver half, drop the connection
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            return self.abort()
        self.send_json(200, None, raw=body)

    def stream(self, reply: Reply, contents: list[str], meta: dict, usage: dict | None):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def chunk(index: int, delta: dict, finish=None) -> dict:
            return {**meta, "object": "chat.completion.chunk",
                    "choices": [{"index": index, "delta": delta, "finish_reason": finish}]}

        for i in range(len(contents)):
            self.event(chunk(i, {"role": "assistant"}))
        if reply.special == "malformed":
            self.event('{"choices": [ {"delta": ')
            self.event("[DONE]")
            return self.chunk(b"")
        for piece in pieces(reply.reasoning):
            for i in range(len(contents)):
                self.event(chunk(i, {reply.reasoning_field: piece}))
        per_choice = [pieces(c, reply.split_think) for c in contents]
        if reply.special in ("cut", "error-event"):
            per_choice = [p[:4] for p in per_choice]
        for k in range(max(map(len, per_choice), default=0)):
            for i, ps in enumerate(per_choice):
                if k < len(ps):
                    self.event(chunk(i, {"content": ps[k]}))
            time.sleep(0.002)
        if reply.special == "cut":
            return self.abort()  # no finish_reason, no [DONE], no terminating zero chunk
        if reply.special == "error-event":
            self.event({"error": {"message": "Engine crashed mid-generation",
                                  "type": "InternalServerError", "code": 500}})
            return self.chunk(b"")
        for i in range(len(contents)):
            self.event(chunk(i, {}, reply.finish_reason))
        if usage is not None:
            self.event({**meta, "object": "chat.completion.chunk", "choices": [], "usage": usage})
        self.event("[DONE]")
        self.chunk(b"")


def main() -> None:
    parser = argparse.ArgumentParser(description="Scripted OpenAI-compatible test server")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--exit-on-eof", action="store_true",
                        help="exit when stdin closes (the test process that started us died)")
    parser.add_argument("--paced-defaults", default="",
                        help='defaults of the paced scenario, e.g. "ttft=0.5;rate=100;code=echo", so that the plain '
                             'model id scripted/paced (the one /v1/models lists) gets them')
    args = parser.parse_args()
    if args.paced_defaults:
        try:
            PACED_DEFAULTS.update(paced_params([p for p in args.paced_defaults.split(";") if p]))
        except ValueError as error:
            parser.error(f"--paced-defaults: {error}")
    if args.exit_on_eof:
        threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()
    server = Server(("127.0.0.1", args.port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    sys.stdout.write(f"PORT {server.server_address[1]}\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
        sys.stderr.write("[scripted] shut down\n")


if __name__ == "__main__":
    main()
