#!/usr/bin/env python3
"""Captures etcd's watch stream of a lab cluster's leader key, byte for byte, during a switchover.

    eval "$(packaging/lab/manage-cluster.sh env)"
    python3 tests/data/etcd/capture-watch.py > tests/data/etcd/watch-3.4.23-switchover.http

It opens POST /v3/watch on the first etcd endpoint (raw HTTP/1.1, so the chunked framing is kept),
asks the leader's Patroni for a switchover to another member, and writes what etcd sent within 8 s.
"""
import base64
import json
import os
import socket
import sys
import time
import urllib.request

scope = os.environ["LAB_SCOPE"]
etcd = os.environ["LAB_ETCD_ENDPOINTS"].split(",")[0].removeprefix("http://")
host, port = etcd.split(":")
apis = os.environ["LAB_API_URLS"].split()
key = f"/service/{scope}/leader".encode()

sock = socket.create_connection((host, int(port)))
body = json.dumps({"create_request": {"key": base64.b64encode(key).decode()}}).encode()
sock.sendall(b"POST /v3/watch HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
             % (etcd.encode(), len(body), body))
time.sleep(0.5)

cluster = json.load(urllib.request.urlopen(apis[0] + "/cluster", timeout=5))
leader = next(m["name"] for m in cluster["members"] if m["role"] == "leader")
candidate = next(m["name"] for m in cluster["members"] if m["role"] != "leader" and m["state"] in ("running", "streaming"))
request = urllib.request.Request(apis[0] + "/switchover", method="POST",
                                 data=json.dumps({"leader": leader, "candidate": candidate}).encode())
token = base64.b64encode(f"{os.environ['PATRONI_API_USER']}:{os.environ['PATRONI_API_PASSWORD']}".encode()).decode()
request.add_header("Authorization", "Basic " + token)
print(f"switchover {leader} -> {candidate}: {urllib.request.urlopen(request, timeout=30).read().decode()}",
      file=sys.stderr)

sock.settimeout(0.2)
data = b""
end = time.time() + 8
while time.time() < end:
    try:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    except socket.timeout:
        pass
sys.stdout.buffer.write(data)
