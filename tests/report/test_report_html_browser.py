"""The HTML report in a real headless Chromium (skipped when no Chromium is installed)."""

import pytest

from lawgov_check.report import render
from report_cdp import Browser, Page, find_chromium

@pytest.fixture
def page(run, tmp_path):
    executable = find_chromium()
    if executable is None:
        pytest.skip("chromium is not installed")
    report = tmp_path / "report.html"
    report.write_text(render("html", run), encoding="utf-8")
    browser = Browser(executable)
    try:
        tab = Page(browser)
        tab.open(report)
        yield tab
    finally:
        browser.close()


def _visible_findings(page: Page) -> int:
    return page.evaluate("document.querySelectorAll('li.finding:not([hidden])').length")


def test_page_loads_without_console_errors(page, tmp_path):
    assert page.evaluate("document.querySelectorAll('mark[id]').length") == 6
    assert page.evaluate("document.getElementById('shown').textContent") == "显示 6 / 6 条问题"
    assert page.console_errors() == []
    shot = tmp_path / "report.png"
    page.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_escaped_script_in_a_document_does_not_run(page):
    assert page.evaluate("typeof window.alert") == "function"
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("document.body.textContent.includes('<script>alert(\"xss\")</script>')")


def test_severity_filter_hides_findings_and_marks(page):
    assert _visible_findings(page) == 6
    page.evaluate("""(() => { const box = document.querySelector('input[data-filter-severity="warning"]');
                     box.focus(); box.click(); })()""")
    assert _visible_findings(page) == 3
    assert page.evaluate("document.querySelectorAll('li.finding[data-severity=\"warning\"]:not([hidden])').length") == 0
    assert page.evaluate("document.getElementById('m-1-2').classList.contains('off')")
    assert page.evaluate("document.getElementById('shown').textContent") == "显示 3 / 6 条问题"


def test_rule_filter_shows_only_that_rule(page):
    page.evaluate("""(() => { const s = document.getElementById('code-filter'); s.value = 'MD01';
                     s.dispatchEvent(new Event('change')); })()""")
    assert page.evaluate("Array.from(document.querySelectorAll('li.finding:not([hidden])'), li => li.dataset.code)") == ["MD01"]


def test_clicking_a_finding_scrolls_its_mark_into_view(page):
    target = "m-3-1"
    assert not page.evaluate(f"{_IN_VIEW}(document.getElementById('{target}'))")
    x, y = page.evaluate("""(() => { const a = document.querySelector('a.jump[href="#m-3-1"]');
        a.scrollIntoView({block: 'center'}); const r = a.getBoundingClientRect();
        return [r.left + 4, r.top + r.height / 2]; })()""")
    page.evaluate("window.scrollTo(0, window.scrollY)")
    page.click_at(x, y)
    assert page.evaluate(f"{_IN_VIEW}(document.getElementById('{target}'))")
    assert page.evaluate(f"document.getElementById('{target}').classList.contains('flash')")
    assert page.evaluate("document.activeElement.id") == target


def test_keyboard_enter_on_a_finding_link_reveals_the_mark(page):
    page.evaluate("document.querySelector('a.jump[href=\"#m-2-1\"]').focus()")
    page.press_enter()
    assert page.evaluate(f"{_IN_VIEW}(document.getElementById('m-2-1'))")
    assert page.evaluate("document.activeElement.id") == "m-2-1"


_IN_VIEW = """(el => { const r = el.getBoundingClientRect();
  let inside = r.top >= 0 && r.bottom <= window.innerHeight;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (p.scrollHeight > p.clientHeight && getComputedStyle(p).overflowY !== 'visible') {
      const q = p.getBoundingClientRect(); inside = inside && r.top >= q.top && r.bottom <= q.bottom; }
  }
  return inside; })"""


def _many_documents(run, n: int):
    import dataclasses

    docs = [dataclasses.replace(run.documents[i % 3], path=f"reports/第{i + 1:02d}号/很长的文件名-{i + 1}-2023年度法治政府建设情况的报告.txt")
            for i in range(n)]
    return dataclasses.replace(run, documents=docs)


@pytest.mark.parametrize("width", [800, 1400])
def test_summary_headers_stay_on_one_line_with_many_documents(run, tmp_path, width):
    executable = find_chromium()
    if executable is None:
        pytest.skip("chromium is not installed")
    report = tmp_path / "report.html"
    report.write_text(render("html", _many_documents(run, 30)), encoding="utf-8")
    browser = Browser(executable)
    try:
        tab = Page(browser, width=width, height=900)
        tab.open(report)
        heights = tab.evaluate("""Array.from(document.querySelectorAll('table.summary th'), th => {
            const style = getComputedStyle(th);
            return th.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
                   < 1.5 * parseFloat(style.lineHeight); })""")
        assert heights and all(heights), heights  # no header wraps, not even one character per line
        box = tab.evaluate("""(() => { const s = document.querySelector('.table-scroll');
            return [s.scrollWidth, s.clientWidth, getComputedStyle(s).overflowX]; })()""")
        assert box[2] == "auto"  # a narrow window scrolls the table sideways instead of squeezing it
        if width == 1400:
            assert box[0] <= box[1]  # a wide one shows it whole
        tab.screenshot(tmp_path / f"summary-{width}.png")
    finally:
        browser.close()
