#!/usr/bin/env python3
"""Resize latency of the reader (the bench kit's tui_latency.py sends keys only).

Runs PROGRAM in a pseudo-terminal at 120x40, waits for its first laid-out screen (a
burst of over 3000 bytes) and a second of quiet, then resizes the terminal (TIOCSWINSZ +
SIGWINCH) to each of --sizes in turn and prints, in ms from the resize:
  first byte      the first output after it
  frame           the last byte before --quiet ms of silence
  new layout      when the burst that no longer says --busy-text ("laying out") ends:
                  the text re-wrapped at the new width is on screen

  python3 benches/resize_latency.py --runs 3 -- target/release/diverge STORY.json
"""
import argparse
import os
import pty
import select
import signal
import struct
import sys
import termios
import fcntl
import time

ap = argparse.ArgumentParser()
ap.add_argument("--sizes", default="100x30,120x40,40x12,120x40")
ap.add_argument("--quiet", type=float, default=150)
ap.add_argument("--settle", type=float, default=20000, help="ms to wait for startup")
ap.add_argument("--busy-text", default="laying out")
ap.add_argument("--runs", type=int, default=1)
ap.add_argument("cmd", nargs=argparse.REMAINDER)
args = ap.parse_args()
cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def burst(fd, quiet_ms, limit_ms):
    """Output until quiet_ms of silence: (first byte ms, last byte ms, bytes)."""
    start = time.perf_counter()
    first = last = None
    out = b""
    while True:
        wait = quiet_ms if last is not None else limit_ms
        ready, _, _ = select.select([fd], [], [], wait / 1000)
        if not ready:
            return first, last, out
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return first, last, out
        now = (time.perf_counter() - start) * 1000
        first = now if first is None else first
        last = now
        out += chunk
        if b"\x1b[6n" in chunk:  # crossterm asks where the cursor is
            os.write(fd, b"\x1b[1;1R")


for run in range(args.runs):
    pid, fd = pty.fork()
    if pid == 0:
        set_size(0, 120, 40)
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    out = b""
    while len(out) < 3000:
        first, _, out = burst(fd, 200, args.settle)
        if first is None:
            sys.exit("the reader never drew a laid-out screen")
    burst(fd, 1000, 1000)
    for size in args.sizes.split(","):
        cols, rows = map(int, size.split("x"))
        start = time.perf_counter()
        set_size(fd, cols, rows)
        os.kill(pid, signal.SIGWINCH)
        first, last, out = burst(fd, args.quiet, 2000)
        done = last
        while args.busy_text.encode() in out:
            more_first, _, out = burst(fd, args.quiet, 10000)
            if more_first is None:
                break
            done = (time.perf_counter() - start) * 1000
        print(f"run {run + 1} resize to {size:>7}: first byte {first:7.2f} ms, "
              f"frame {last:7.2f} ms, new layout on screen {done:8.1f} ms", flush=True)
    os.write(fd, b"q")
    time.sleep(1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
