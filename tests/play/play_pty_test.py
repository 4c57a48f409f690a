#!/usr/bin/env python3
"""parley play through a pseudo-terminal, as a person types: bad input gets a message and another
try, a whole game ends with a saved trace that parley report and parley debrief read, and the end
of input (Ctrl-D) ends a game cleanly without a half-written trace.

Usage: play_pty_test.py PARLEY SOURCE_DIR WORK_DIR
"""
import os
import pty
import select
import subprocess
import sys
import time


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Terminal:
    """A program on a pseudo-terminal: type lines, wait for text on the screen."""

    def __init__(self, argv, cwd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.environ["TERM"] = "xterm"
            os.execv(argv[0], argv)
        self.screen = ""

    def read_until(self, text, timeout=20.0):
        deadline = time.time() + timeout
        while text not in self.screen:
            left = deadline - time.time()
            if left <= 0:
                fail("waited for %r; the screen ends with:\n%s" % (text, self.screen[-2500:]))
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    if text not in self.screen:
                        fail("the program ended while waiting for %r:\n%s" % (text, self.screen[-2500:]))
                    break
                self.screen += data.decode("utf-8", "replace")
        return self.screen

    def type(self, line):
        os.write(self.fd, (line + "\n").encode())

    def end_of_input(self):
        os.write(self.fd, b"\x04")

    def wait(self, timeout=20.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                # Drain what is left on the screen.
                try:
                    while True:
                        ready, _, _ = select.select([self.fd], [], [], 0.2)
                        if not ready:
                            break
                        data = os.read(self.fd, 65536)
                        if not data:
                            break
                        self.screen += data.decode("utf-8", "replace")
                except OSError:
                    pass
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        fail("the program did not end:\n" + self.screen[-2500:])


def main():
    parley, source, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    scenario = os.path.join(source, "scenarios", "istanbul-2022.json")
    trace = os.path.join(work, "pty-game.trace.jsonl")
    if os.path.exists(trace):
        os.remove(trace)

    # A whole game as Ukraine, with bad input on the way.
    t = Terminal([parley, "play", scenario, "--as", "UA", "--seed", "4", "--trace", trace], work)
    t.read_until("? for help.")
    t.type("?")
    t.read_until("Commands (the first letter is enough)")
    t.type("hello")
    t.read_until('I did not understand "hello"')
    t.type("propose neutrality=maybe")
    t.read_until("Not a valid proposal")
    t.type("42")
    t.read_until("There is no suggestion 42")
    t.type('propose x="unclosed')
    t.read_until("Not a valid proposal")
    moves = 0
    while "The talks are over" not in t.screen:
        if moves > 200:
            fail("the game did not end after 200 moves")
        before = len(t.screen)
        t.type("1")
        moves += 1
        # Wait for the next prompt or the end.
        deadline = time.time() + 20
        while time.time() < deadline:
            ready, _, _ = select.select([t.fd], [], [], 0.5)
            if ready:
                try:
                    data = os.read(t.fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    break
                t.screen += data.decode("utf-8", "replace")
            tail = t.screen[before:]
            if "The talks are over" in tail or tail.rstrip().endswith(">"):
                break
    t.read_until("The game is saved as the trace")
    status = t.wait()
    if status != 0:
        fail("parley play exited with %d" % status)
    if "Traceback" in t.screen or "terminate called" in t.screen:
        fail("a crash on the screen")
    if not os.path.exists(trace):
        fail("no trace saved")

    # The trace is a standard trace: parley report and parley debrief read it.
    html = os.path.join(work, "pty-game.html")
    r = subprocess.run([parley, "report", trace, "--scenario", scenario, "--out", html],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("parley report could not read the game's trace: " + r.stderr)
    d = subprocess.run([parley, "debrief", trace, "--scenario", scenario, "--runs", "5",
                        "--out", os.path.join(work, "pty-debrief.html")],
                       capture_output=True, text=True)
    if d.returncode != 0:
        fail("parley debrief could not read the game's trace: " + d.stderr)

    # Ctrl-D in the middle of a game ends it cleanly, with no trace.
    stopped = os.path.join(work, "pty-stopped.trace.jsonl")
    if os.path.exists(stopped):
        os.remove(stopped)
    t = Terminal([parley, "play", os.path.join(source, "scenarios", "korea-1951-53.json"),
                  "--as", "COM", "--trace", stopped], work)
    t.read_until("? for help.")
    t.end_of_input()
    t.read_until("The game stopped before the end")
    status = t.wait()
    if status != 0:
        fail("Ctrl-D: exit status %d" % status)
    if os.path.exists(stopped) or os.path.exists(stopped + ".partial"):
        fail("Ctrl-D left a trace behind")

    # Two people at one terminal: the screen is cleared when the keyboard changes hands.
    t = Terminal([parley, "play", scenario, "--as", "RU,UA", "--trace",
                  os.path.join(work, "pty-two.trace.jsonl")], work)
    t.read_until("Pass the keyboard to Ukraine")  # Ukraine opens in this scenario
    t.type("")
    t.read_until("You play Ukraine")
    t.type("1")
    t.read_until("Pass the keyboard to Russia")
    if "\x1b[2J" not in t.screen:
        fail("the screen was not cleared between the players")
    t.type("")
    t.read_until("You play Russia")
    t.type("quit")
    t.read_until("The game stopped before the end")
    t.wait()
    print("ok: %d moves played through the pseudo-terminal" % moves)


if __name__ == "__main__":
    main()
