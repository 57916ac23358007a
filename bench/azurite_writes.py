"""Azurite's own write throughput, the ceiling for anything that costs one grain-state write: N threads each put
small block blobs (about the size of a token's state) for a fixed time, signed with the emulator's well-known
development key. Prints "writes/s p50_ms p99_ms". Standard library only.
  python3 bench/azurite_writes.py BLOB_PORT [SECONDS] [THREADS]"""
import base64, datetime, hashlib, hmac, http.client, statistics, sys, threading, time, uuid

ACCOUNT = "devstoreaccount1"
KEY = base64.b64decode("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")
VERSION = "2021-08-06"
port, seconds, threads = int(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 10, int(sys.argv[3]) if len(sys.argv) > 3 else 32
container = "bench-" + uuid.uuid4().hex[:12]


def request(conn, verb, path, query="", body=b"", extra=None):
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
    headers = {"x-ms-date": date, "x-ms-version": VERSION, **(extra or {})}
    canonical_headers = "".join(f"{k}:{v}\n" for k, v in sorted(headers.items()))
    resource = f"/{ACCOUNT}/{ACCOUNT}{path}" + "".join(f"\n{k}:{v}" for k, v in sorted(p.split("=") for p in query.split("&") if p))
    length = str(len(body)) if body else ""
    to_sign = f"{verb}\n\n\n{length}\n\n\n\n\n\n\n\n\n{canonical_headers}{resource}"
    signature = base64.b64encode(hmac.new(KEY, to_sign.encode(), hashlib.sha256).digest()).decode()
    headers["Authorization"] = f"SharedKey {ACCOUNT}:{signature}"
    headers["Content-Length"] = str(len(body))
    conn.request(verb, f"/{ACCOUNT}{path}" + (f"?{query}" if query else ""), body, headers)
    response = conn.getresponse()
    response.read()
    if response.status >= 300:
        raise RuntimeError(f"{verb} {path}: {response.status} {response.reason}")


request(http.client.HTTPConnection("127.0.0.1", port), "PUT", f"/{container}", "restype=container")
body = b"x" * 600
latencies, lock, deadline = [], threading.Lock(), time.perf_counter() + seconds


def worker():
    conn, mine = http.client.HTTPConnection("127.0.0.1", port), []
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        request(conn, "PUT", f"/{container}/{uuid.uuid4().hex}", body=body, extra={"x-ms-blob-type": "BlockBlob"})
        mine.append(time.perf_counter() - t0)
    with lock:
        latencies.extend(mine)


started = time.perf_counter()
pool = [threading.Thread(target=worker) for _ in range(threads)]
for t in pool:
    t.start()
for t in pool:
    t.join()
elapsed = time.perf_counter() - started
latencies.sort()
print(f"{len(latencies) / elapsed:.0f} {statistics.median(latencies) * 1000:.1f} {latencies[int(len(latencies) * 0.99)] * 1000:.1f}")
