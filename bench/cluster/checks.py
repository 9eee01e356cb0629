"""Checks of bench/cluster/run.sh against three running instances: python3 checks.py before|propagation|jobs|mail WORK PORT..."""
import email
import hashlib
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date, timedelta

HOST = "127.0.0.1"
TOKEN = os.environ["TOKEN"]
WITHIN = 5.0
GIVE_UP = 30.0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def call(port, path, method="GET", body=None, headers=None, token=True):
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = "Bearer " + TOKEN
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", data=body, method=method, headers=headers)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def ok(port, path, method="GET", body=None):
    status, _, content = call(port, path, method, body)
    if status >= 300:
        raise SystemExit(f"{method} {path} on {port} answered {status}: {content[:300]!r}")
    return json.loads(content) if content else None


def sign_in(first, others, out):
    status, headers, form = call(first, "/sign-in", token=False)
    cookies = {c.split(";")[0].split("=", 1)[0]: c.split(";")[0] for c in headers.get_all("Set-Cookie") or []}
    antiforgery = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', form).group(1).decode()
    fields = urllib.parse.urlencode({"email": os.environ["EMAIL"], "password": os.environ["PASSWORD"], "returnUrl": "/accounts",
                                     "__RequestVerificationToken": antiforgery}).encode()
    status, headers, _ = call(first, "/sign-in", "POST", fields, {"Content-Type": "application/x-www-form-urlencoded",
                                                                    "Cookie": "; ".join(cookies.values())}, token=False)
    cookies.update({c.split(";")[0].split("=", 1)[0]: c.split(";")[0] for c in headers.get_all("Set-Cookie") or []})
    signed_in = status == 302
    results = []
    for port in others:
        with_cookie = call(port, "/accounts", headers={"Cookie": "; ".join(cookies.values())}, token=False)[0]
        without = call(port, "/accounts", token=False)[0]
        results.append(with_cookie == 200 and without == 302)
        out.write(f"sign-in on :{first} (answer {status}), /accounts on :{port} with its cookie: {with_cookie}, without: {without}\n")
    out.write(f"sign-in cookie accepted by every other instance: {'yes' if signed_in and all(results) else 'NO'}\n")


def content_file(first, others, out):
    account = ok(first, "/api/v1/accounts", "POST", {"name": f"Cluster customer {uuid.uuid4().hex[:8]}"})["id"]
    asset = ok(first, "/api/v1/content", "POST", {"title": "Cluster case study", "kind": "CaseStudy", "accountId": account, "stage": "Decision"})["id"]
    payload = b"%PDF-1.4\n" + os.urandom(512 * 1024)
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"case-study.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + payload + f"\r\n--{boundary}--\r\n".encode()
    status, _, answer = call(first, f"/api/v1/content/{asset}/file", "POST", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    if status >= 300:
        raise SystemExit(f"upload answered {status}: {answer[:300]!r}")
    expected = hashlib.sha256(payload).hexdigest()
    same = []
    for port in others:
        status, _, served = call(port, f"/api/v1/content/{asset}/file")
        same.append(status == 200 and hashlib.sha256(served).hexdigest() == expected)
        out.write(f"content file of {len(payload)} bytes uploaded on :{first}, served by :{port}: {status}, identical: {same[-1]}\n")
    out.write(f"content file served by every other instance: {'yes' if all(same) else 'NO'}\n")


def report(port):
    return ok(port, "/api/v1/reports/supply-demand")


def supply(rep):
    for balance in rep["cells"]:
        cell = balance["cell"]
        if cell["industry"] is None and cell["product"] is None and cell["region"] is None \
                and cell["activity"].lower() in ("reference-call", "reference call"):
            return balance["supply"]
    return None


def until_seen(ports, measure, before, started):
    """Seconds until each of ports shows a value other than before[port] (None past GIVE_UP)."""
    seen = {}
    while len(seen) < len(ports) and time.monotonic() - started < GIVE_UP:
        for port in ports:
            if port not in seen and measure(report(port)) != before[port]:
                seen[port] = time.monotonic() - started
        time.sleep(0.02)
    return [seen.get(port) for port in ports]


def propagation(first, others, out):
    needed = (date.today() + timedelta(days=30)).isoformat()
    account = ok(first, "/api/v1/accounts?pageSize=1")["items"][0]["id"]
    kinds = {"request (supply and demand's market history)": [], "referenceable contact (matching's advocate pool)": []}
    for sample in range(int(os.environ.get("SAMPLES", "10"))):
        for kind, measure, save in (
                ("request (supply and demand's market history)", lambda r: r["requests"],
                 lambda: ok(first, "/api/v1/requests", "POST", {"activityType": "reference-call", "neededBy": needed})),
                ("referenceable contact (matching's advocate pool)", supply,
                 lambda: ok(first, "/api/v1/contacts", "POST", {
                     "accountId": account, "firstName": "Cluster", "lastName": f"Sample{sample}", "consent": "Written",
                     "consentGivenOn": "2026-01-01", "agreedActivities": ["reference-call"], "maxAsksPerQuarter": 4}))):
            before = {port: measure(report(port)) for port in others}
            started = time.monotonic()
            save()
            kinds[kind].extend(until_seen(others, measure, before, started))
    for kind, times in kinds.items():
        seen = [t for t in times if t is not None]
        missed = len(times) - len(seen)
        line = f"{kind} saved on :{first}, seen on the others: {len(times)} samples"
        if seen:
            line += f", median {statistics.median(seen) * 1000:.0f} ms, max {max(seen) * 1000:.0f} ms"
        if missed:
            line += f", {missed} not seen within {GIVE_UP:.0f} s"
        within = missed == 0 and max(seen) <= WITHIN
        out.write(line + f"; within {WITHIN:.0f} s: {'yes' if within else 'NO'}\n")


def jobs(work, ports):
    pids = dict(line.split() for line in open(os.path.join(work, "instances")))
    runs = {}
    for line in open(os.path.join(work, "leases.log")):
        name, holder, until, held = line.rstrip("\n").split("|")
        if held != "t":
            continue  # given back when done: the end of a run already counted
        instance = next((f"instance {i}" for pid, i in pids.items() if f":{pid}:" in holder), holder)
        runs.setdefault(name, []).append(instance)
    for name, holders in sorted(runs.items()):
        per = ", ".join(f"{h}: {holders.count(h)}" for h in sorted(set(holders)))
        print(f"  {name:28} {len(holders)} run(s) ({per})")
    if not runs:
        print("  no lease was taken")


def mail(work):
    """Every email the outbox marked sent reached the SMTP server once: no message id twice, none missing."""
    sent, pending, failed = (int(n) for n in open(os.path.join(work, "outbox.txt")).read().split("|"))
    ids = []
    for folder in ("new", "cur"):
        path = os.path.join(work, "mail", folder)
        for name in os.listdir(path) if os.path.isdir(path) else []:
            with open(os.path.join(path, name), "rb") as message:
                ids.append(email.message_from_binary_file(message)["Message-Id"])
    twice = len(ids) - len(set(ids))
    print(f"  emails: {sent} sent by the cluster, {len(ids)} received by the SMTP server, {twice} received twice, "
          f"{pending} still waiting, {failed} failed; each sent once: {'yes' if sent == len(set(ids)) == len(ids) and sent > 0 else 'NO'}")


def main():
    mode, work, ports = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode == "mail":
        return mail(work)
    first, others = ports[0], ports[1:]
    with open(os.path.join(work, "checks.out"), "a") as out:
        if mode == "before":
            sign_in(first, others, out)
            content_file(first, others, out)
        elif mode == "propagation":
            propagation(first, others, out)
    if mode == "jobs":
        jobs(work, ports)


main()
