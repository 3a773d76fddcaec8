"""Drives `newsroom start` on a pseudo-terminal: waits for each prompt, types a command, collects everything.

Usage: python3 drive_tty.py NODE BIN COMMAND... ; prints JSON {"output": ..., "status": exit code} on stdout.
"""
import json
import os
import pty
import sys

PROMPT = b"newsroom> "


def main():
    node, bin_path, *commands = sys.argv[1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(node, [node, bin_path, "start"])
    out = bytearray()

    def read_chunk():
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not chunk:
            return False
        out.extend(chunk)
        return True

    def wait_for_prompt(count):
        while out.count(PROMPT) < count:
            if not read_chunk():
                return False
        return True

    for i, command in enumerate(commands, start=1):
        if not wait_for_prompt(i):
            break
        os.write(fd, command.encode("utf-8") + b"\r")
    while read_chunk():
        pass
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"output": out.decode("utf-8", "replace"), "status": code}))


main()
