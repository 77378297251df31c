#!/usr/bin/env python3
"""Load benchmark of the explorer server (docs/PERFORMANCE.md, "Explorer under load").

Starts `actorgraph-explorer` on a graph (the M snapshot: `make explorer-bench`), loopback only, without its rate
limit, and then:

1. sends the first 100 requests one at a time (a mix of the JSON endpoints) and reads the server's resident memory
   (VmRSS);
2. runs CLIENTS concurrent keep-alive clients for SECONDS: all but CHART_CLIENTS of them loop over the JSON
   endpoints in turn (search, neighbourhood, shortest path, time-bar histograms), the other CHART_CLIENTS request
   charts of at most 150 relations (the server renders 2 at once and queues 16; a chart client waits for its
   answer, as the page does);
3. reads VmRSS again when the server has answered 10,000 requests in all (and at the end).

Prints p50/p95/p99/max latency and the error count per endpoint, as a Markdown table and as JSON, and the CPU time
the server and this client used. Latency is what the client measures from sending a request to reading the whole
answer. The clients (`--client loop`, the default) are keep-alive sockets in one epoll loop of one thread, each
sending its next request as soon as its answer is read; `--client threads` runs the first load generator instead
(a Python thread and http.client per client: 0.20-0.27 ms of client CPU per request against 0.07-0.09 ms for the
loop, measured in docs/PERFORMANCE.md). Either shares the machine's
cores with the server, and its CPU is reported. Queries are chosen from the graph itself with a fixed seed, so a
run is repeatable. Bounded: at most 200 clients and 600 s, and the server is stopped at the end.

usage: scripts/explorer-load.py --explorer Explorer/.build/release/actorgraph-explorer --graph /tmp/M.agraph
           [--clients 50] [--chart-clients 2] [--seconds 60] [--seed 7] [--serial N] [--client loop|threads]

--serial N: instead of the load, N requests of each endpoint one at a time on one connection (the cost of a request
alone); prints the median and 90th percentile per endpoint.
"""
import argparse
import http.client
import json
import os
import random
import re
import selectors
import socket
import signal
import subprocess
import sys
import threading
import time
import urllib.parse


def start(explorer, graph):
    command = [explorer, "--graph", graph, "--port", "0", "--rate-limit", "0"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    began = time.monotonic()
    while time.monotonic() - began < 600:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line or "")
        if match:
            return server, int(match.group(1)), time.monotonic() - began
        if server.poll() is not None:
            sys.exit("explorer exited: " + server.stderr.read())
    server.kill()
    sys.exit("explorer did not start within 600 s")


def cpu_seconds(pid):
    """User plus system CPU time of a process so far (/proc/PID/stat, fields 14 and 15, in clock ticks)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


class Client:
    """One keep-alive connection; reconnects after an error."""

    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            self.connection.request("GET", path, headers={"Host": f"127.0.0.1:{self.port}"})
            response = self.connection.getresponse()
            return response.status, response.read()
        except Exception:
            self.connection.close()
            self.connection = None
            raise


class RawConnection:
    """One non-blocking keep-alive connection of the event-loop client: writes a prepared request, reads the answer
    (status line, headers, a body of Content-Length bytes or chunked), without http.client's header parsing."""

    # One receive buffer for every connection of the loop (one thread): `recv(1 << 20)` made a new 1 MiB bytes object
    # for every read, which glibc mapped and unmapped each time (page faults and munmap were the largest part of the
    # client's CPU in `perf record`); `recv_into` reuses this one and copies only the bytes that arrived.
    scratch = memoryview(bytearray(1 << 20))

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.socket.setblocking(False)
        self.buffer = bytearray()

    def receive(self):
        """Appends what the socket holds to the buffer; False when the server closed the connection."""
        count = self.socket.recv_into(RawConnection.scratch)
        self.buffer += RawConnection.scratch[:count]
        return count > 0

    def close(self):
        self.socket.close()

    def parse(self):
        """(status, body) when the buffer holds a whole answer (and drops it from the buffer), else None."""
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return None
        head = self.buffer[:end].decode("latin-1").lower()
        status = int(head[9:12])
        match = re.search(r"\r\ncontent-length: *(\d+)", head)
        if match:
            total = end + 4 + int(match.group(1))
            if len(self.buffer) < total:
                return None
            body = bytes(self.buffer[end + 4:total])
            del self.buffer[:total]
            return status, body
        if "\r\ntransfer-encoding: chunked" not in head:
            raise ValueError("an answer with neither Content-Length nor chunked encoding")
        position, body = end + 4, b""
        while True:
            line_end = self.buffer.find(b"\r\n", position)
            if line_end < 0:
                return None
            size = int(self.buffer[position:line_end].split(b";")[0], 16)
            if len(self.buffer) < line_end + 2 + size + 2:
                return None
            body += self.buffer[line_end + 2:line_end + 2 + size]
            position = line_end + 2 + size + 2
            if size == 0:
                del self.buffer[:position]
                return status, body


def request_bytes(path, port):
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()


def run_loop(port, paths, clients, chart_clients, seconds, recorder, server_pid, rss_marks):
    """The load of `run`, from one thread: every client a non-blocking keep-alive socket in one epoll loop, each
    sending its next request as soon as its answer is read (no think time). Much cheaper per request than one
    Python thread and http.client per client, so more of the 2 cores is left to the server."""
    stop = time.monotonic() + seconds
    json_names = [name for name in paths if name != "chart"]
    prepared = {name: [(path, request_bytes(path, port)) for path in group] for name, group in paths.items()}
    selector = selectors.DefaultSelector()
    state = {}

    def schedule(number, step):
        if number < clients - chart_clients:
            name = json_names[step % len(json_names)]
            group = prepared[name]
            path, data = group[(step // len(json_names)) % len(group)]
        else:
            name = "chart"
            path, data = prepared["chart"][step % len(prepared["chart"])]
        return name, path, data

    def send(number, step):
        name, path, data = schedule(number, step)
        connection = state[number]["connection"]
        state[number].update(name=name, path=path, step=step, began=time.perf_counter())
        connection.socket.sendall(data)  # a request is far smaller than the socket's buffer

    def reconnect(number):
        old = state[number]["connection"]
        selector.unregister(old.socket)
        old.close()
        connection = RawConnection(port)
        state[number]["connection"] = connection
        selector.register(connection.socket, selectors.EVENT_READ, number)

    for number in range(clients):
        if number >= clients - chart_clients and not prepared["chart"]:
            continue
        connection = RawConnection(port)
        state[number] = {"connection": connection}
        selector.register(connection.socket, selectors.EVENT_READ, number)
        send(number, number if number < clients - chart_clients else number - (clients - chart_clients))
    while state and time.monotonic() < stop:
        for key, _ in selector.select(timeout=0.1):
            number = key.data
            client = state[number]
            connection = client["connection"]
            try:
                if not connection.receive():
                    raise ConnectionError("the server closed the connection")
                answer = connection.parse()
                if answer is None:
                    continue
                status = answer[0]
            except Exception as error:  # noqa: BLE001 - every failure counts as an error
                status = f"{type(error).__name__}: {error}"
                reconnect(number)
            recorder.record(client["name"], time.perf_counter() - client["began"], status, client["path"])
            if "10000" not in rss_marks and recorder.total >= 10_000:
                rss_marks["10000"] = (recorder.total, rss_kib(server_pid))
            if time.monotonic() >= stop:
                continue
            if client["name"] == "chart":
                step = client["step"] + chart_clients
            else:
                step = client["step"] + 1
            send(number, step)
    for client in state.values():
        client["connection"].close()
    selector.close()


def targets(port, seed):
    """Request paths per endpoint, chosen from the graph with a fixed seed."""
    client = Client(port)
    rng = random.Random(seed)
    overview = json.loads(client.get("/api/graph")[1])
    actors = []
    for prefix in ("a", "e", "i", "o", "u", "b", "k", "m", "s", "t"):
        status, body = client.get(f"/api/search?q={prefix}&limit=100")
        actors += [result for result in json.loads(body)["results"] if result not in actors]
    ids = [actor["id"] for actor in actors]
    words = sorted({word[:5].lower() for actor in actors for word in actor["name"].split() if len(word) >= 3})
    rng.shuffle(words)
    rng.shuffle(ids)
    # Charts: actors whose one-step view holds 1..150 relations (the "chart of <= 150 relations").
    chart_ids = []
    for actor in ids:
        view = json.loads(client.get(f"/api/view?focus={urllib.parse.quote(actor)}")[1])
        relations = sum(link["count"] for link in view["links"])
        if 0 < relations <= 150:
            chart_ids.append((actor, relations))
        if len(chart_ids) >= 20:
            break
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(200)]
    categories = overview["categories"]
    return {
        "search": [f"/api/search?q={urllib.parse.quote(word)}&limit=20" for word in words[:200]],
        "neighbors": [f"/api/neighbors/{urllib.parse.quote(actor)}?depth=1" for actor in ids[:200]],
        "path": [f"/api/path?path={urllib.parse.quote(a)},{urllib.parse.quote(b)}" for a, b in pairs if a != b],
        # The time bar's requests: the whole graph's (answered from memory), a focus's, and a filtered whole graph.
        "histogram (whole graph)": ["/api/histogram?bucket=year"],
        "histogram (focus)": [f"/api/histogram?bucket=year&focus={urllib.parse.quote(actor)}" for actor in ids[:200]],
        "histogram (filtered)": [f"/api/histogram?bucket=year&categories={c}" for c in categories[:4]],
        "chart": [f"/api/chart.svg?focus={urllib.parse.quote(actor)}" for actor, _ in chart_ids],
    }, chart_ids


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = {}
        self.first_errors = []
        self.total = 0

    def record(self, name, seconds, status, path):
        with self.lock:
            self.total += 1
            if status == 200:
                self.latencies.setdefault(name, []).append(seconds)
            else:
                self.errors[name] = self.errors.get(name, 0) + 1
                if len(self.first_errors) < 5:
                    self.first_errors.append(f"{status} {path}")


def timed(client, recorder, name, path):
    began = time.perf_counter()
    try:
        status, _ = client.get(path)
    except Exception as error:  # noqa: BLE001 - every failure counts as an error
        status = f"{type(error).__name__}: {error}"
    recorder.record(name, time.perf_counter() - began, status, path)


def run(port, paths, clients, chart_clients, seconds, recorder, server_pid, rss_marks):
    stop = time.monotonic() + seconds
    json_names = [name for name in paths if name != "chart"]

    def json_client(number):
        client = Client(port)
        step = number
        while time.monotonic() < stop:
            name = json_names[step % len(json_names)]
            group = paths[name]
            timed(client, recorder, name, group[(step // len(json_names)) % len(group)])
            step += 1

    def chart_client(number):
        client = Client(port)
        step = number
        while time.monotonic() < stop and paths["chart"]:
            timed(client, recorder, "chart", paths["chart"][step % len(paths["chart"])])
            step += chart_clients

    def monitor():
        while time.monotonic() < stop:
            if "10000" not in rss_marks and recorder.total >= 10_000:
                rss_marks["10000"] = (recorder.total, rss_kib(server_pid))
            time.sleep(0.05)

    threads = [threading.Thread(target=json_client, args=(n,)) for n in range(clients - chart_clients)]
    threads += [threading.Thread(target=chart_client, args=(n,)) for n in range(chart_clients)]
    threads.append(threading.Thread(target=monitor))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def serial(port, paths, count, server_pid):
    """`count` requests of each endpoint one at a time, after one unmeasured request each (the histogram cache);
    with the server's CPU time per request (/proc), which depends less on the machine's other load than the times."""
    client = Client(port)
    print("| endpoint | requests | median ms | p90 ms | server CPU ms per request | mean answer bytes |\n"
          "|---|---|---|---|---|---|")
    for name, group in paths.items():
        for path in group[:count]:
            client.get(path)
        times, size = [], 0
        cpu = cpu_seconds(server_pid)
        for index in range(count):
            began = time.perf_counter()
            status, body = client.get(group[index % len(group)])
            times.append(time.perf_counter() - began)
            size += len(body)
            if status != 200:
                sys.exit(f"{status} for {group[index % len(group)]}")
        cpu = cpu_seconds(server_pid) - cpu
        times.sort()
        print(f"| {name} | {count} | {times[count // 2] * 1000:.2f} | {times[count * 9 // 10] * 1000:.2f} | "
              f"{cpu * 1000 / count:.3f} | {size // count} |")


def summary(recorder, seconds):
    rows = {}
    for name in sorted(set(recorder.latencies) | set(recorder.errors)):
        values = sorted(recorder.latencies.get(name, []))

        def percentile(p):
            return round(values[min(len(values) - 1, int(p * len(values)))] * 1000, 2) if values else None

        rows[name] = {
            "requests": len(values), "errors": recorder.errors.get(name, 0), "per_second": round(len(values) / seconds, 1),
            "p50_ms": percentile(0.50), "p95_ms": percentile(0.95), "p99_ms": percentile(0.99),
            "max_ms": round(values[-1] * 1000, 2) if values else None,
        }
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--explorer", required=True)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--chart-clients", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--serial", type=int, default=0)
    parser.add_argument("--client", choices=["loop", "threads"], default="loop",
                        help="loop: one thread, non-blocking raw sockets (default); threads: a Python thread and "
                             "http.client per client (the load generator measured before 6 December 2026, 21:00 UTC)")
    arguments = parser.parse_args()
    if not 1 <= arguments.clients <= 200 or not 0 < arguments.seconds <= 600:
        sys.exit("bounded: 1 to 200 clients, at most 600 s")
    if not 0 <= arguments.chart_clients < arguments.clients:
        sys.exit("--chart-clients must be below --clients")
    server, port, startup = start(arguments.explorer, arguments.graph)
    print(f"explorer ready on 127.0.0.1:{port} after {startup:.1f} s, RSS {rss_kib(server.pid)} KiB", flush=True)
    try:
        paths, chart_ids = targets(port, arguments.seed)
        print("chart views (actor, relations):", chart_ids[:5], "...", flush=True)
        if arguments.serial > 0:
            serial(port, paths, arguments.serial, server.pid)
            return
        recorder = Recorder()
        warm = Client(port)
        mixed = [path for name, group in paths.items() if name != "chart" for path in group[:20]]
        random.Random(arguments.seed).shuffle(mixed)
        for index in range(100):
            timed(warm, recorder, "first 100 (serial)", mixed[index % len(mixed)])
        rss_marks = {"100": (recorder.total, rss_kib(server.pid))}
        recorder.latencies.pop("first 100 (serial)", None)
        began = time.monotonic()
        server_cpu, client_cpu = cpu_seconds(server.pid), os.times()
        load = run_loop if arguments.client == "loop" else run
        load(port, paths, arguments.clients, arguments.chart_clients, arguments.seconds, recorder, server.pid, rss_marks)
        elapsed = time.monotonic() - began
        server_cpu = cpu_seconds(server.pid) - server_cpu
        client_cpu = (os.times().user - client_cpu.user) + (os.times().system - client_cpu.system)
        rss_marks["end"] = (recorder.total, rss_kib(server.pid))
        rows = summary(recorder, elapsed)
        print(f"\n{arguments.clients} clients ({arguments.chart_clients} on charts, {arguments.client} client) for {elapsed:.0f} s; "
              f"{recorder.total} requests in all\n")
        print("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |")
        print("|---|---|---|---|---|---|---|")
        for name, row in rows.items():
            print(f"| {name} | {row['requests']} | {row['errors']} | {row['p50_ms']} | {row['p95_ms']} | "
                  f"{row['p99_ms']} | {row['max_ms']} |")
        print()
        for mark, (count, kib) in rss_marks.items():
            print(f"RSS at mark {mark}: {kib} KiB after {count} requests")
        if "10000" in rss_marks:
            growth = (rss_marks["10000"][1] - rss_marks["100"][1]) * 100 / rss_marks["100"][1]
            print(f"growth from 100 to {rss_marks['10000'][0]} requests: {growth:+.1f} %")
        answered = sum(row["requests"] + row["errors"] for row in rows.values())
        print(f"CPU during the run: server {server_cpu:.1f} s ({server_cpu * 1000 / max(1, answered):.2f} ms per request), "
              f"these clients {client_cpu:.1f} s ({client_cpu * 1000 / max(1, answered):.2f} ms per request), "
              f"of {elapsed * os.cpu_count():.0f} core-seconds; load average {os.getloadavg()[0]:.1f}")
        if recorder.first_errors:
            print("first errors:", recorder.first_errors)
        print(json.dumps({"clients": arguments.clients, "chart_clients": arguments.chart_clients, "client": arguments.client,
                          "seconds": round(elapsed, 1), "startup_s": round(startup, 1), "endpoints": rows,
                          "rss_kib": rss_marks, "load_average": os.getloadavg(),
                          "cpu_s": {"server": round(server_cpu, 1), "clients": round(client_cpu, 1)}}))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
