# `pip install .` for the parley Python module (docs/python.md): the package is built by the
# project's own CMake build (python/CMakeLists.txt) for the Python running pip, with Debian's
# setuptools and pybind11, and no network (pip install --no-build-isolation .).
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        # PARLEY_PIP_BUILD_DIR=build reuses a configured build (`make build`) as it is.
        build = pathlib.Path(os.environ.get("PARLEY_PIP_BUILD_DIR", ROOT / "build" / "pip"))
        if not (build / "CMakeCache.txt").exists():
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build),
                            "-DCMAKE_BUILD_TYPE=Release", "-DPARLEY_BUILD_TESTS=OFF",
                            "-DPARLEY_BUILD_BENCH=OFF", f"-DPARLEY_PYTHON={sys.executable}"],
                           check=True)
        jobs = os.environ.get("PARLEY_JOBS", str(os.cpu_count() or 2))
        subprocess.run(["cmake", "--build", str(build), "--target", "parley_python", "-j", jobs],
                       check=True)
        built = next((build / "python" / "parley").glob("_core*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    name="parley",
    version="0.1.0",
    description="Diplomatic negotiation simulation engine: parley's C++ core from Python",
    packages=["parley"],
    package_dir={"parley": "python/parley"},
    ext_modules=[Extension("parley._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    install_requires=["numpy", "pandas"],
    zip_safe=False,
)
