# `pip install .` as the README says, offline, into a fresh virtual environment on the system
# Python's packages (Debian's setuptools, numpy, pandas): the installed module runs a scenario
# exactly as the CLI does. setup.py reuses the configured build that made this module
# (PARLEY_PIP_BUILD_DIR), so the test installs in seconds rather than compiling parley again.
import os
import pathlib
import shutil
import subprocess
import sys
import time

import parley
from conftest import ROOT, cli

IGNORED = shutil.ignore_patterns("build", "build-*", ".git", "__pycache__", "*.egg-info", "env")


def test_pip_install_in_a_fresh_venv(tmp_path):
    build = pathlib.Path(parley.__file__).resolve().parents[2]  # build/python/parley/__init__.py
    assert (build / "CMakeCache.txt").exists(), build
    source = tmp_path / "parley-src"
    shutil.copytree(ROOT, source, ignore=IGNORED)
    env_dir = tmp_path / "env"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env_dir)],
                   check=True)
    python = env_dir / "bin" / "python"
    environment = dict(os.environ, PARLEY_PIP_BUILD_DIR=str(build), PIP_NO_INDEX="1",
                       PIP_DISABLE_PIP_VERSION_CHECK="1")
    environment.pop("PYTHONPATH", None)  # the venv must find the installed module, not the build's
    done = subprocess.run([str(python), "-m", "pip", "install", "--no-build-isolation", "--no-index",
                           "."], cwd=source, env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    seconds = time.monotonic() - started
    print(f"venv and pip install: {seconds:.1f} s")

    script = ("import parley, sys; "
              "print(parley.__file__); "
              "sys.stdout.write(parley.load('scenarios/istanbul-2025-06.json').run(seed=7).json())")
    run = subprocess.run([str(python), "-c", script], cwd=ROOT, env=environment,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    where, _, report = run.stdout.partition("\n")
    assert where.startswith(str(env_dir)), where  # the installed copy, not the build tree's
    expected = cli("run", "scenarios/istanbul-2025-06.json", "--seed", "7", "--format", "json")
    assert report.strip() == expected.stdout.decode().strip()
