# The browser tests' shared set-up, sourced by each *_browser_test.sh: Debian's chromium (exit
# 77, CTest's "skipped", when it is missing), the flags every test runs it with (chromium-flags,
# which chromium.py reads too), a scratch folder removed on exit, and the two ways the tests
# load a page. After sourcing:
#   $chromium, $work             the browser and the scratch folder
#   require_vega                 exit 77 unless libjs-vega is installed (the charts need it)
#   page_dom NAME URL            the page's DOM after its scripts ran, in $work/NAME.dom, and
#                                its console in $work/NAME.log; returns chromium's status
#   page_console NAME            the console messages page_dom saw (empty: none)
#   page_screenshot NAME URL WIDTH HEIGHT PNG    a picture of the page
chromium=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$chromium" ]; then
  echo "SKIPPED: chromium is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
mapfile -t chromium_flags < "$(dirname "${BASH_SOURCE[0]}")/chromium-flags"
# --headless: the one-shot mode --dump-dom and --screenshot need; the virtual time budget lets
# the page's scripts finish before the DOM is read.
chromium_flags+=(--headless --virtual-time-budget=30000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

require_vega() {
  if [ ! -f "${PARLEY_VEGA_DIR:-/usr/share/javascript/vega}/vega-util.min.js" ]; then
    echo "SKIPPED: libjs-vega is not installed (scripts/install-deps.sh installs it)"
    exit 77
  fi
}

page_dom() {
  local name=$1 url=$2
  timeout 120 "$chromium" "${chromium_flags[@]}" --user-data-dir="$work/profile-$name" \
    --enable-logging=stderr --v=0 --dump-dom "$url" > "$work/$name.dom" 2> "$work/$name.log"
}

page_console() {
  grep 'CONSOLE' "$work/$1.log"
}

page_screenshot() {
  local name=$1 url=$2 width=$3 height=$4 png=$5
  timeout 120 "$chromium" "${chromium_flags[@]}" --user-data-dir="$work/profile-$name" \
    --window-size="$width,$height" --screenshot="$png" "$url" > /dev/null 2>&1
}
