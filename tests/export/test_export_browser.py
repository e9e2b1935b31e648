"""The HTML export in a real browser: headless Chromium, at desk and at phone width.

Skipped only when no Chromium is installed (CI installs the Debian package `chromium`).
The export itself has no script: the tests show it in a frame of the width wanted, and a
script in the framing page writes what the browser measured, read back with --dump-dom.
"""

from __future__ import annotations

import html
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from secondstory.export import render
from secondstory.files.demo import make_demo
from secondstory.narrative.merge import load_sources, merge_sources

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs headless Chromium (Debian package: chromium)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
MEASURE = """<script>
window.addEventListener("load", () => {
  const frame = document.querySelector("iframe").contentDocument;
  const page = frame.documentElement, svg = frame.querySelector("svg.swimlane");
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const out = document.createElement("output");
  out.id = "measured";
  out.textContent = [
    "scroll=" + page.scrollWidth, "client=" + page.clientWidth,
    "svg=" + Math.round(box.width) + "x" + Math.round(box.height),
  ].join(" ");
  document.body.append(out);
});
</script>"""


def _framed(page: str, width: int) -> str:
    """A page showing `page` in a frame exactly `width` pixels wide, then measuring it.

    Headless Chromium keeps its window at least 500 pixels wide; a frame can be narrower.
    """
    inner = html.escape(page, quote=True)
    frame = f'<iframe srcdoc="{inner}" width="{width}" height="2000" style="border:0"></iframe>'
    return f"<!DOCTYPE html><html><body style='margin:0'>{frame}{MEASURE}</body></html>"


def _chromium(tmp_path: Path, width: int, *args: str) -> str:
    profile = tmp_path / f"profile-{width}-{len(args)}"
    command = [CHROMIUM or "", *FLAGS, f"--user-data-dir={profile}"]
    command += [f"--window-size={width},2000", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    narrative = merge_sources(load_sources([make_demo(folder / "demo")]))
    path = folder / "narrative.html"
    path.write_text(render(narrative, "html"), "utf-8")
    return path


def _measured(tmp_path: Path, page: Path, width: int) -> dict[str, str]:
    framed = tmp_path / f"framed-{width}.html"
    framed.write_text(_framed(page.read_text("utf-8"), width), "utf-8")
    dom = _chromium(tmp_path, 1280, "--virtual-time-budget=5000", "--dump-dom", framed.as_uri())
    found = re.search(r'<output id="measured">([^<]*)</output>', dom)
    assert found is not None, "the page was not measured"
    return dict(pair.split("=") for pair in found.group(1).split())


@pytest.mark.parametrize("width", [1200, 420])
def test_the_page_has_no_horizontal_scroll_and_shows_the_picture(
    tmp_path: Path, page: Path, width: int
) -> None:
    measured = _measured(tmp_path, page, width)
    assert int(measured["scroll"]) <= int(measured["client"]), measured
    svg_width, svg_height = (int(n) for n in measured["svg"].split("x"))
    assert svg_width >= 600 and svg_height > 100, measured  # drawn, and wide enough to read


@pytest.mark.parametrize("width", [1200, 420])
def test_a_screenshot_is_as_wide_as_the_window(tmp_path: Path, page: Path, width: int) -> None:
    shot = tmp_path / f"narrative-{width}.png"
    _chromium(tmp_path, width, f"--screenshot={shot}", page.as_uri())
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", header[16:24])
    assert (png_width, png_height) == (width, 2000)
