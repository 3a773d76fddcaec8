"""Drives `newsroom start` on a pseudo-terminal: waits for each prompt, types a command, collects everything.

Usage: python3 drive_tty.py NODE BIN COMMAND... ; prints JSON {"output": ..., "status": exit code} on stdout.
`!HUP` instead of a command sends SIGHUP (a corpus reload) at the prompt and waits until the reload is logged and a
prompt follows it (or 20 s pass). TTY_COLUMNS sets the terminal's width (default 80).
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

PROMPT = b"newsroom> "
TIMEOUT_S = 20


def main():
    node, bin_path, *commands = sys.argv[1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(node, [node, bin_path, "start"])
    columns = int(os.environ.get("TTY_COLUMNS", "80"))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    out = bytearray()

    def read_chunk(deadline=None):
        if deadline is not None:
            ready, _, _ = select.select([fd], [], [], max(0, deadline - time.time()))
            if not ready:
                return None
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not chunk:
            return False
        out.extend(chunk)
        return True

    def wait_until(done):
        deadline = time.time() + TIMEOUT_S
        while not done():
            if not read_chunk(deadline):
                return False
        return True

    expected = 1
    for command in commands:
        if not wait_until(lambda: out.count(PROMPT) >= expected):
            break
        if command == "!HUP":
            os.kill(pid, signal.SIGHUP)
            wait_until(lambda: b"corpus reloaded" in out and PROMPT in out[out.rfind(b"corpus reloaded"):])
            # The prompt is (or should be) on screen already: type the next command at it.
            expected = out.count(PROMPT)
            continue
        os.write(fd, command.encode("utf-8") + b"\r")
        expected = out.count(PROMPT) + 1
    while read_chunk():
        pass
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"output": out.decode("utf-8", "replace"), "status": code}))


main()
