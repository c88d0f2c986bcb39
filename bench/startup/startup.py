#!/usr/bin/env python3
"""Time from starting `gatehouse serve` to its first answered API request.

Each run starts the server command, then tries to connect to its port every 2 ms; once a connection is accepted it
sends one SigV4-signed STS GetCallerIdentity (signed by botocore, as the aws CLI signs it) and stops the clock when
the 200 answer with the caller's ARN has arrived. "First answered request" is that: an API request, authenticated
and authorized, answered -- not a health check. The server is then stopped with SIGTERM and the next run begins.

Two cases, each run on its own data directory:
  fresh     an empty data directory: the server creates the database, the master key and the default account
  existing  a data directory a previous start created: the server migrates nothing and loads the state

Every figure is a whole-process wall time in milliseconds from the moment the command is started; the launcher's
own work (finding a Java, checking whether the jar is stale) is part of it when the command is ./gatehouse.

  bench/startup/startup.py                      # 7 runs of each case with ./gatehouse serve
  bench/startup/startup.py --runs 15 --case existing
  bench/startup/startup.py --command 'java -jar app/target/gatehouse.jar'   # without the launcher
  bench/startup/startup.py --command 'java -jar /tmp/old.jar' --command 'java -jar app/target/gatehouse.jar'

The figures printed: per run, the time until the port accepted a connection ("listening") and until the answer
("answered"), and the CPU time (user + system) the server process and the children it waited for used over their
whole life (it is stopped right after the answer; on a busy machine CPU time is the steadier figure); per case,
minimum, median and maximum of each.
"""

import argparse
import http.client
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KEY_ID = "AKIAGATEHOUSESTART01"
SECRET = "startup/bench/secret/000000000000000000000"
BODY = "Action=GetCallerIdentity&Version=2011-06-15"
POLL_SECONDS = 0.002
TIMEOUT_SECONDS = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signed_request(port):
    request = AWSRequest(method="POST", url=f"http://127.0.0.1:{port}/", data=BODY,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials(KEY_ID, SECRET), "sts", "us-east-1").add_auth(request)
    return request


def wait_listening(port, process, start):
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before listening")
        if time.perf_counter() - start > TIMEOUT_SECONDS:
            raise RuntimeError("the server did not listen within the time limit")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(POLL_SECONDS)


def ask(port):
    request = signed_request(port)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/", body=request.body, headers=dict(request.headers))
        response = connection.getresponse()
        text = response.read().decode()
    finally:
        connection.close()
    if response.status != 200 or "<Arn>arn:aws:iam::" not in text:
        raise RuntimeError(f"GetCallerIdentity answered {response.status}: {text[:300]}")


def run_once(command, data_dir, log):
    port = free_port()
    env = dict(os.environ, GATEHOUSE_ROOT_ACCESS_KEY_ID=KEY_ID, GATEHOUSE_ROOT_SECRET_ACCESS_KEY=SECRET)
    args = command + ["serve", "--port", str(port), "--data-dir", data_dir]
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        wait_listening(port, process, start)
        listening = time.perf_counter() - start
        ask(port)
        answered = time.perf_counter() - start
    finally:
        process.send_signal(signal.SIGTERM)
        cpu = reap(process)
    return listening * 1000, answered * 1000, cpu * 1000


def reap(process):
    """Waits for the stopped server; returns the CPU seconds (user + system) it and its waited-for children used."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage.ru_utime + usage.ru_stime
        time.sleep(0.01)
    process.kill()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime


def summary(values):
    return f"min {min(values):7.0f}  median {statistics.median(values):7.0f}  max {max(values):7.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each case (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs first, of each case (default 1)")
    parser.add_argument("--case", choices=["fresh", "existing", "both"], default="both")
    parser.add_argument("--command", action="append",
                        help="the gatehouse command, run from the repository root (default ./gatehouse); given "
                             "several times, the commands take turns run by run (A B A B ...), so a machine whose "
                             "load drifts weighs on each alike")
    parser.add_argument("--data-dir", help="for the existing case: this data directory (as it is) instead of one "
                                           "made by a first start; its root key must be the one this script signs with")
    options = parser.parse_args()
    commands = [shlex.split(c) for c in (options.command or ["./gatehouse"])]
    names = [" ".join(c) for c in commands]

    work = tempfile.mkdtemp(prefix="gatehouse-startup-")
    log_path = os.path.join(work, "server.log")
    cases = ["fresh", "existing"] if options.case == "both" else [options.case]
    try:
        with open(log_path, "ab") as log:
            existing = []
            for n, command in enumerate(commands):
                existing.append(options.data_dir)
                if "existing" in cases and options.data_dir is None:
                    existing[n] = os.path.join(work, f"existing-{n}")
                    run_once(command, existing[n], log)  # creates it
            load_before = os.getloadavg()
            for case in cases:
                results = [[] for _ in commands]
                for i in range(options.warmup + options.runs):
                    counted = i >= options.warmup
                    for n, command in enumerate(commands):
                        data_dir = existing[n] if case == "existing" else tempfile.mkdtemp(dir=work, prefix="fresh-")
                        listening, answered, cpu = run_once(command, data_dir, log)
                        if case == "fresh":
                            shutil.rmtree(data_dir, ignore_errors=True)
                        label = f"{case:8s} {'[' + str(n + 1) + '] ' if len(commands) > 1 else ''}"
                        print(f"{label}run {i + 1:2d}{'' if counted else ' (warm-up)':10s} listening {listening:6.0f} ms"
                              f"  answered {answered:6.0f} ms  cpu {cpu:6.0f} ms", flush=True)
                        if counted:
                            results[n].append((listening, answered, cpu))
                for n, name in enumerate(names):
                    label = f"{case:8s} {'[' + str(n + 1) + '] ' if len(commands) > 1 else ''}"
                    if len(commands) > 1:
                        print(f"{label}{name}")
                    print(f"{label}listening ms: {summary([r[0] for r in results[n]])}")
                    print(f"{label}answered  ms: {summary([r[1] for r in results[n]])}")
                    print(f"{label}cpu       ms: {summary([r[2] for r in results[n]])}", flush=True)
            load_after = os.getloadavg()
            print(f"load average (1, 5, 15 min) before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f},"
                  f" after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    except Exception:
        print(f"server output: {log_path}", file=sys.stderr)
        raise
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
