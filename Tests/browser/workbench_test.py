#!/usr/bin/env python3
"""The workbench driven in a real headless Chromium, as a commissioner would use it.

Starts `sufficiency serve --port 0` on a temporary workspace, opens the printed address (its
token sets the cookie), opens the Wiltshire home care scenario from the home page, changes option
2's 2025/26 framework uplift, sets 20 replications and a fixed seed, runs it and waits for the
run to finish. Then runs the CLI with the same --set values and checks that the results table
shows option 2's figures (each mean cell's data-value) exactly as the CLI's summary.csv has them, that they differ from an
unchanged run's (so the change reached the engine), and that the CSV download is a zip holding
the CLI's summary.csv byte for byte. Saves a screenshot of the results page.

    /usr/bin/python3 Tests/browser/workbench_test.py [--binary .build/release/sufficiency]
        [--screenshot /tmp/workbench-results.png]

Needs Debian's chromium, chromium-driver and python3-selenium (scripts/check-workbench installs
them). Exits 1, saying what differed, when a check fails.
"""
import argparse
import base64
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCENARIO = "scenarios/wiltshire-home-care.yaml"
SCENARIO_PAGE = "/scenarios/wiltshire-home-care"
UPLIFT = "options[option 2].uplift.table.framework.2025"
UPLIFT_VALUE = "0.09"      # the scenario has 0.0537
REPLICATIONS = "20"
SEED = "20261207"
ADDRESS = re.compile(r"Sufficiency workbench: (http://127\.0\.0\.1:(\d+))/\?token=([A-Za-z0-9_-]+)")
TERMINAL = {"finished", "failed", "cancelled"}


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def default_binary():
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "sufficiency")
        if os.access(path, os.X_OK):
            return path
    return os.path.join(ROOT, ".build", "release", "sufficiency")


def start_server(binary, workspace, log_path):
    """Starts the server; returns the process and the printed address's origin and token."""
    log = open(log_path, "w")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--workspace", workspace], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=log, text=True)
    found = {}

    def read():
        for line in server.stdout:
            log.write(line)
            log.flush()
            match = ADDRESS.search(line)
            if match and "origin" not in found:
                found["origin"], found["token"] = match.group(1), match.group(3)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.time() + 60
    while "origin" not in found and time.time() < deadline and server.poll() is None:
        time.sleep(0.1)
    if "origin" not in found:
        server.kill()
        raise Failure("the server printed no 'Sufficiency workbench: http://127.0.0.1:PORT/?token=TOKEN' line "
                      f"within 60 s; its output is in {log_path}")
    return server, found["origin"], found["token"]


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
    })
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def set_input(driver, path, value):
    fields = driver.find_elements(By.CSS_SELECTOR, f'[data-set-path="{path}"]')
    check(len(fields) == 1, f"the scenario page has {len(fields)} inputs with data-set-path=\"{path}\", not 1")
    field = fields[0]
    field.clear()
    field.send_keys(value)
    check(field.get_attribute("value") == value,
          f"the input for {path} holds {field.get_attribute('value')!r} after typing {value!r}")


def text_of(driver, selector):
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    return elements[0].text.strip() if elements else None


def wait_for_run(driver, timeout):
    """Waits on the run page until #run-state is terminal, reloading now and then in case the
    page does not update itself; returns the state and the progress seen."""
    deadline = time.time() + timeout
    seen = []
    last_reload = time.time()
    while time.time() < deadline:
        try:
            state = text_of(driver, "#run-state")
            progress = text_of(driver, "#run-done") or ""
            eta = text_of(driver, "#run-eta") or ""
        except StaleElementReferenceException:
            continue
        if state and (not seen or seen[-1][0] != state or seen[-1][1] != progress):
            seen.append((state, progress, eta))
        if state in TERMINAL:
            return state, seen
        if time.time() - last_reload > 15:
            driver.refresh()
            last_reload = time.time()
        time.sleep(0.5)
    raise Failure(f"the run did not finish within {timeout} s; states seen: {seen}")


def summary(path):
    """summary.csv's county-wide rows: (option, measure, window) → mean, as written."""
    with open(path, newline="", encoding="utf-8") as handle:
        return {(row["option"], row["measure"], row["window"]): row["mean"]
                for row in csv.DictReader(handle) if row.get("zone") == "all"}


def run_cli(binary, out, overrides, log):
    command = [binary, "run", SCENARIO, "--quiet", "--out", out]
    for override in overrides:
        command += ["--set", override]
    result = subprocess.run(command, cwd=ROOT, stdout=log, stderr=log)
    check(result.returncode == 0, f"{' '.join(command)} exited with {result.returncode}")
    return os.path.join(out, "summary.csv")


def wait_for_download(folder, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        names = os.listdir(folder)
        done = [n for n in names if not n.endswith(".crdownload") and not n.startswith(".")]
        if done and not any(n.endswith(".crdownload") for n in names):
            return os.path.join(folder, done[0])
        time.sleep(0.25)
    raise Failure(f"nothing was downloaded into {folder} within {timeout} s (found {os.listdir(folder)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--screenshot", default="/tmp/workbench-results.png")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    check(os.access(binary, os.X_OK), f"no sufficiency binary at {binary}; build it first")

    temporary = tempfile.mkdtemp(prefix="workbench-test-")
    downloads = os.path.join(temporary, "downloads")
    os.makedirs(downloads)
    server = driver = None
    started = time.time()
    try:
        server, origin, token = start_server(binary, os.path.join(temporary, "workspace"),
                                             os.path.join(temporary, "server.log"))
        print(f"workbench_test: server at {origin} (token of {len(token)} characters)")
        driver = browser(downloads)

        # Home: the token in the address sets the cookie; the bundled scenarios are listed.
        driver.get(f"{origin}/?token={token}")
        links = driver.find_elements(By.CSS_SELECTOR, "a.scenario")
        check(links, "the home page lists no scenarios (a.scenario)")
        hrefs = [link.get_attribute("href") for link in links]
        target = [href for href in hrefs if href.split("?")[0].endswith(SCENARIO_PAGE)]
        check(target, f"the home page has no link to {SCENARIO_PAGE}; it links to {hrefs}")
        driver.get(target[0])

        # The scenario page: change option 2's uplift, the replications and the seed.
        check(driver.find_elements(By.CSS_SELECTOR, "#run-form"), "the scenario page has no #run-form")
        shown = driver.find_elements(By.CSS_SELECTOR, f'[data-set-path="{UPLIFT}"]')
        check(shown and shown[0].get_attribute("value") == "0.0537",
              f"the uplift input does not show the scenario's 0.0537 "
              f"({shown[0].get_attribute('value') if shown else 'no input'})")
        set_input(driver, UPLIFT, UPLIFT_VALUE)
        set_input(driver, "run.replications", REPLICATIONS)
        set_input(driver, "run.seed", SEED)
        command = text_of(driver, "#command-line") or ""
        check(f"{UPLIFT}={UPLIFT_VALUE}" in command,
              f"#command-line does not show the changed uplift: {command!r}")
        print(f"workbench_test: the page's command line: {command}")
        driver.find_element(By.CSS_SELECTOR, "#run").click()
        deadline = time.time() + 60
        while not re.search(r"/runs/[^/?#]+$", driver.current_url.split("?")[0]) and time.time() < deadline:
            time.sleep(0.25)
        check(driver.find_elements(By.CSS_SELECTOR, "#run-state"),
              f"clicking #run led to {driver.current_url}, not a run page: "
              f"{driver.find_element(By.TAG_NAME, 'body').text[:300]!r}")

        # The run page: live state until finished.
        state, seen = wait_for_run(driver, args.timeout)
        run_url = driver.current_url
        message = text_of(driver, "#run-message")
        check(state == "finished", f"the run ended {state}: {message}")
        print(f"workbench_test: run {run_url.split('?')[0]} finished in {time.time() - started:.0f} s; states seen: "
              + "; ".join(f"{s} {p} {e}".strip() for s, p, e in seen))

        rows = driver.find_elements(By.CSS_SELECTOR, '#summary tr[data-option="option 2"]')
        check(rows, "the results table (#summary) has no rows for option 2")
        shown_means = {}
        for row in rows:
            key = ("option 2", row.get_attribute("data-measure"), row.get_attribute("data-window"))
            cell = row.find_element(By.CSS_SELECTOR, "td.mean")
            # The cell shows the mean rounded for reading; data-value holds summary.csv's own text.
            check(cell.text.strip(), f"{key}: the mean cell shows nothing")
            shown_means[key] = cell.get_attribute("data-value")

        # Screenshot of the whole results page, beyond the window.
        width, height = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 10000), "scale": 1}})
        with open(args.screenshot, "wb") as image:
            image.write(base64.b64decode(shot["data"]))
        print(f"workbench_test: screenshot of the results page in {args.screenshot}")

        # The CLI with the same values, and without the change.
        cli_log = open(os.path.join(temporary, "cli.log"), "w")
        same = [f"{UPLIFT}={UPLIFT_VALUE}", f"run.replications={REPLICATIONS}", f"run.seed={SEED}"]
        changed_csv = run_cli(binary, os.path.join(temporary, "cli-changed"), same, cli_log)
        unchanged_csv = run_cli(binary, os.path.join(temporary, "cli-unchanged"), same[1:], cli_log)
        changed, unchanged = summary(changed_csv), summary(unchanged_csv)
        differing = []
        for key, mean in sorted(shown_means.items()):
            check(key in changed, f"summary.csv has no row for {key}")
            check(mean == changed[key], f"{key}: the page shows {mean}, the CLI's summary.csv {changed[key]}")
            if changed[key] != unchanged[key]:
                differing.append((key[1], key[2], unchanged[key], mean))
        check(differing, "option 2's figures are the unchanged run's: the uplift did not reach the engine")
        print(f"workbench_test: {len(shown_means)} of option 2's means on the page equal the CLI's; "
              f"{len(differing)} differ from the unchanged run's, e.g.")
        for measure, window, before, after in differing[:4]:
            print(f"    {measure} ({window}): {before} unchanged, {after} with the uplift at {UPLIFT_VALUE}")

        # The CSV download: a zip holding the CLI's summary.csv byte for byte.
        for link in ("#download-csv", "#download-xlsx", "#download-zip"):
            check(driver.find_elements(By.CSS_SELECTOR, link), f"the run page has no {link}")
        driver.find_element(By.CSS_SELECTOR, "#download-csv").click()
        archive = wait_for_download(downloads)
        check(zipfile.is_zipfile(archive), f"the CSV download {os.path.basename(archive)} is not a zip")
        with zipfile.ZipFile(archive) as bundle:
            check(bundle.testzip() is None, "the CSV zip has a damaged member")
            names = bundle.namelist()
            members = [n for n in names if n.split("/")[-1] == "summary.csv"]
            check(members, f"the CSV zip holds no summary.csv: {names}")
            downloaded = bundle.read(members[0])
        with open(changed_csv, "rb") as handle:
            check(downloaded == handle.read(), "the downloaded summary.csv differs from the CLI's")
        print(f"workbench_test: downloaded {os.path.basename(archive)} ({os.path.getsize(archive)} bytes, "
              f"{len(names)} files); its summary.csv is the CLI's byte for byte")
        print(f"workbench_test: passed in {time.time() - started:.0f} s")
        return 0
    except (Failure, WebDriverException) as error:
        print(f"workbench_test: FAILED: {error}", file=sys.stderr)
        if driver is not None:
            try:
                driver.save_screenshot(args.screenshot)
                print(f"workbench_test: the page at {driver.current_url} is in {args.screenshot}", file=sys.stderr)
            except WebDriverException:
                pass
        log = os.path.join(temporary, "server.log")
        if os.path.exists(log):
            print("workbench_test: the server's output:\n" + open(log).read()[-4000:], file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.keep:
            print(f"workbench_test: kept {temporary}")
        else:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
