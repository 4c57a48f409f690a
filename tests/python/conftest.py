# Shared by the Python tests: the repository root (CTest runs them from it) and the CLI they are
# held to, byte for byte.
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cli(*args, check=True):
    """Run the parley executable the build made (PARLEY_BINARY) from the repository root."""
    binary = os.environ.get("PARLEY_BINARY", os.path.join(ROOT, "build", "parley"))
    done = subprocess.run([binary, *args], cwd=ROOT, capture_output=True)
    if check and done.returncode != 0:
        raise AssertionError(f"parley {' '.join(args)} exited {done.returncode}: {done.stderr!r}")
    return done


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
