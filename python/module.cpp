// The compiled part of the `parley` Python package (python/parley/__init__.py wraps it).
#include "python/bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "parley's C++ core, bound for Python (docs/python.md)";
  parley::python::bind_engine(m);
  parley::python::bind_agents(m);
  parley::python::bind_analysis(m);
  parley::python::bind_sweep(m);
  parley::python::bind_play(m);
}
