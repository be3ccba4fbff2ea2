"""The reviewer page in headless Chromium (the distribution's, driven by Playwright): upload a
document, see a finding highlighted, filter by severity, switch to English, download the copies.
Skips when Playwright or Chromium is not installed; never downloads a browser."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from serverproc import REPO  # noqa: E402

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed")
    with sync_api.sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except sync_api.Error as exc:
            pytest.skip(f"chromium cannot be started: {exc}")
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server.url, "blob:", "data:", "about:"))
           else None)
    tab.goto(server.url + "/")
    tab.errors = errors
    tab.outside = outside
    yield tab
    context.close()


def _upload(page, name: str) -> None:
    page.set_input_files("#files", str(REPO / "fixtures" / name))
    page.wait_for_selector("#downloads:not([hidden])")


def test_upload_shows_highlighted_findings_and_filters(page):
    assert page.locator("h1").inner_text() == "lawgov-check 文件审阅"
    sync_api.expect(page.locator("#doc-type option")).not_to_have_count(1)  # the types have come
    # before a check there is nothing to download and no report to show
    assert not page.locator("#downloads").is_visible() and not page.locator("#report").is_visible()
    _upload(page, "ar_missing_part.txt")
    assert page.locator("#downloads").is_visible() and page.locator("#report").is_visible()
    report = page.frame_locator("#report")
    mark = report.locator("mark.sev-error, mark.sev-warning, mark.sev-info").first
    mark.wait_for()
    sync_api.expect(report.locator("li.finding[data-code='AR03']")).to_have_count(1)
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    shown = report.locator("li.finding:not([hidden])").count()
    errors = report.locator("li.finding[data-severity='error']").count()
    assert errors >= 1
    report.locator('input[data-filter-severity="error"]').click()
    sync_api.expect(report.locator("li.finding:not([hidden])")).to_have_count(shown - errors)
    sync_api.expect(report.locator("li.finding[data-severity='error']:not([hidden])")).to_have_count(0)
    assert page.errors == [] and page.outside == []


def test_downloads_annotated_copy_and_json(page, tmp_path):
    _upload(page, "ar_missing_part.txt")
    with page.expect_download() as download_info:
        page.locator("#annotated button").first.click()
    download = download_info.value
    assert download.suggested_filename == "ar_missing_part.txt.lawgov-check.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    comments = zipfile.ZipFile(io.BytesIO(saved.read_bytes())).read("word/comments.xml").decode("utf-8")
    assert "AR03" in comments
    with page.expect_download() as json_info:
        page.click("#download-json")
    path = tmp_path / "result.json"
    json_info.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["documents"][0]["path"] == "ar_missing_part.txt"
    assert page.errors == []


def test_drag_and_drop_a_docx(page):
    data = (REPO / "fixtures" / "sample_annual_report.docx").read_bytes()
    handle = page.evaluate_handle("""bytes => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], "sample_annual_report.docx",
            {type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}));
        return dt; }""", list(data))
    page.dispatch_event("#drop", "drop", {"dataTransfer": handle})
    page.wait_for_selector("#downloads:not([hidden])")
    assert "sample_annual_report.docx" in page.frame_locator("#report").locator("h2").first.inner_text()


def test_english_switch(page):
    _upload(page, "ar_missing_part.txt")
    page.click("#lang-switch")
    sync_api.expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("h1").inner_text() == "lawgov-check document review"
    page.frame_locator("#report").locator("html[lang='en']").wait_for()
    assert page.locator("#lang-switch").inner_text() == "中文"


def test_interactive_api_docs_try_a_request(page, server):
    page.goto(server.url + "/docs")
    operation = page.locator("#operations-default-rule_v1_rules__code__get")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("input[placeholder='code']").fill("AR01")
    operation.locator("button.execute").click()
    body = operation.locator(".live-responses-table .response-col_description pre").first
    sync_api.expect(body).to_contain_text('"code": "AR01"')
    assert operation.locator(".live-responses-table tbody .response-col_status").first.inner_text().strip() == "200"
    assert len(page.locator(".opblock").all()) >= 8  # every operation of the contract
    assert page.errors == [] and page.outside == []


def test_a_server_with_keys_asks_for_one(browser, keyed_server):
    from serverproc import API_KEY

    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    try:
        tab.goto(keyed_server.url + "/")
        tab.set_input_files("#files", str(REPO / "fixtures" / "ar_missing_part.txt"))
        sync_api.expect(tab.locator("#status")).to_contain_text("API 密钥")
        assert not tab.locator("#downloads").is_visible()
        tab.fill("#api-key", API_KEY)
        tab.locator("#api-key").dispatch_event("change")
        sync_api.expect(tab.locator("#doc-type option")).not_to_have_count(1)  # the types came with the key
        tab.click("#check")
        tab.wait_for_selector("#downloads:not([hidden])")
        tab.frame_locator("#report").locator("li.finding[data-code='AR03']").wait_for()
        with tab.expect_download() as download:
            tab.locator("#annotated button").first.click()
        assert download.value.suggested_filename == "ar_missing_part.txt.lawgov-check.docx"
    finally:
        context.close()
