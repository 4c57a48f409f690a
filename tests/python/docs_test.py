# Every ```python block of docs/python.md runs, in order, in one namespace, as a reader would
# run them in a notebook.
import os
import re

from conftest import ROOT


def test_every_example_of_the_python_page_runs(capsys):
    text = open(os.path.join(ROOT, "docs", "python.md"), encoding="utf-8").read()
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)
    assert len(blocks) >= 8
    namespace = {}
    for k, block in enumerate(blocks):
        try:
            exec(compile(block, f"docs/python.md block {k + 1}", "exec"), namespace)
        except Exception as e:  # name the block that failed
            raise AssertionError(f"docs/python.md block {k + 1} failed: {e!r}\n{block}") from e
    out = capsys.readouterr().out
    assert "mean payoff" in out
