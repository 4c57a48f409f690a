#!/usr/bin/env bash
# Runs classroom_browser_test.py with a Python that has selenium: Debian's python3-selenium is
# installed for the system Python, which a pyenv or virtualenv python3 on PATH does not see.
# Usage: classroom_browser_test.sh PARLEY_BINARY SOURCE_DIR OUT_DIR (exit 77: skipped).
here=$(dirname "$0")
for python in /usr/bin/python3 python3; do
  if command -v "$python" > /dev/null && "$python" -c 'import selenium' 2> /dev/null; then
    exec "$python" "$here/classroom_browser_test.py" "$@"
  fi
done
echo "SKIPPED: python3-selenium is not installed (scripts/install-deps.sh installs it)"
exit 77
