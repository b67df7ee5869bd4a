"""Headless Chromium for the page tests and benchmarks (Debian's chromium and chromium-driver).

Never downloads a browser: the driver and the binary are the system's. Where
they are missing the browser tests skip, unless KG_REQUIRE_BROWSER is set (as
.ci/run does), in which case they fail.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")


def available() -> bool:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def start(width: int = 1400, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", f"--user-data-dir={profile}",
                f"--window-size={width},{height}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver._kg_profile = profile
    return driver


def stop(driver) -> None:
    profile = getattr(driver, "_kg_profile", None)
    driver.quit()
    if profile:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 60.0) -> float:
    """Load a page and wait until its graph is laid out; return the seconds it took."""
    t = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while time.perf_counter() - t < timeout:
        if driver.execute_script("return document.body && document.body.dataset.ready === 'true'"):
            return time.perf_counter() - t
        time.sleep(0.05)
    raise TimeoutError(f"{path} did not finish its layout in {timeout} s")


def painted_pixels(driver, at_least: int = 0, timeout: float = 10.0) -> int:
    """How many pixels of the network canvas are drawn (not transparent or white).

    The layout can be done a frame before the canvas shows it, so with
    ``at_least`` this waits up to ``timeout`` seconds for that many."""
    t = time.perf_counter()
    n = _painted(driver)
    while n < at_least and time.perf_counter() - t < timeout:
        time.sleep(0.1)
        n = _painted(driver)
    return n


def _painted(driver) -> int:
    return driver.execute_script("""
        var c = document.querySelector('#network canvas');
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 0; i < d.length; i += 16) {
          if (d[i + 3] > 0 && !(d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245)) n++;
        }
        return n;""")
