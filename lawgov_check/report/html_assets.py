"""The stylesheet and script inlined into every HTML report (no network, no external assets)."""

STYLE = """
:root {
  --error: #b91c1c; --error-bg: #fee2e2; --error-mark: #fecaca;
  --warning: #92400e; --warning-bg: #fef3c7; --warning-mark: #fde68a;
  --info: #075985; --info-bg: #e0f2fe; --info-mark: #bae6fd;
  --line: #d4d4d8; --muted: #52525b; --paper: #ffffff; --ground: #f4f4f5; --accent: #1d4ed8;
  /* CJK faces of macOS, Windows and Linux in turn, then the generic family: a machine without
     the first finds the next instead of drawing boxes. */
  --sans: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "STHeiti",
    "Microsoft YaHei", "DengXian", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif;
  --serif: "Songti SC", "STSong", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC",
    "WenQuanYi Zen Hei", serif;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 4.5rem; }
body {
  margin: 0; background: var(--ground); color: #18181b; line-height: 1.6;
  font-family: var(--sans);
}
header.run { background: #1e293b; color: #f8fafc; padding: 1rem 1.5rem; }
header.run h1 { margin: 0 0 .25rem; font-size: 1.4rem; }
header.run .meta { margin: 0; color: #cbd5e1; font-size: .9rem; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; margin: .6rem 0 0; padding: 0; list-style: none; }
.badge {
  display: inline-block; border-radius: 999px; padding: 0 .6em; font-size: .85rem;
  font-weight: 600; white-space: nowrap; border: 1px solid currentColor;
}
.badge.sev-error { color: var(--error); background: var(--error-bg); }
.badge.sev-warning { color: var(--warning); background: var(--warning-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); }
.badge.neutral { color: #334155; background: #e2e8f0; }
nav.filters {
  position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center;
  gap: 1rem; padding: .5rem 1.5rem; background: var(--paper); border-bottom: 1px solid var(--line);
}
nav.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .75rem; align-items: center; }
nav.filters legend { float: left; margin-right: .5rem; font-weight: 600; }
nav.filters label { cursor: pointer; }
nav.filters select { font: inherit; padding: .1rem .3rem; }
#shown { color: var(--muted); margin-left: auto; }
main { padding: 1rem 1.5rem 2rem; }
section.batch, section.document {
  background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.25rem; margin-bottom: 1.25rem;
}
h2 { margin: 0 0 .5rem; font-size: 1.15rem; word-break: break-all; }
h3 { margin: 0 0 .5rem; font-size: 1rem; }
.table-scroll { overflow-x: auto; }
table.summary { border-collapse: collapse; width: 100%; min-width: 38rem; font-size: .9rem; }
table.summary th, table.summary td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
table.summary th { white-space: nowrap; }
table.summary td.num, table.summary th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; width: 1%; }
table.summary td.path { min-width: 14rem; overflow-wrap: anywhere; }
table.summary td.type { min-width: 6rem; }
@media (min-width: 1000px) { table.summary td.type { white-space: nowrap; } }
table.summary td.year { white-space: nowrap; }
table.summary td.rulesets { min-width: 7rem; }
table.summary td.rulesets span { white-space: nowrap; }
td.num.has-error { color: var(--error); font-weight: 700; }
td.num.has-warning { color: var(--warning); font-weight: 700; }
td.num.has-info { color: var(--info); font-weight: 700; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; font-size: .92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1rem; }
.input-error { color: var(--error); font-weight: 600; }
.panes { display: grid; grid-template-columns: minmax(18rem, 2fr) 3fr; gap: 1rem; align-items: start; }
@media (max-width: 900px) { .panes { grid-template-columns: 1fr; } }
.findings, .source { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; max-height: 80vh; overflow: auto; }
.findings ol { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid var(--line); padding: .4rem .6rem; margin-bottom: .6rem; background: #fafafa; border-radius: 0 4px 4px 0; }
li.finding[data-severity="error"] { border-left-color: var(--error); }
li.finding[data-severity="warning"] { border-left-color: #d97706; }
li.finding[data-severity="info"] { border-left-color: #0284c7; }
li.finding p { margin: .2rem 0; }
li.finding .head { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
li.finding code { font-weight: 700; }
li.finding .name { color: var(--muted); font-size: .85rem; }
li.finding .loc, li.finding .basis { color: var(--muted); font-size: .88rem; }
a.jump { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
a.jump:focus-visible, mark:focus-visible, li.finding:focus-visible, select:focus-visible, input:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px;
}
.source .lines { font-size: .95rem; font-family: var(--serif); }
.source .ln {
  position: relative; padding-left: 3.8rem; min-height: 1.6em; white-space: pre-wrap;
  word-break: break-all; overflow-wrap: anywhere;
}
.source .ln::before {
  content: attr(data-n); position: absolute; left: 0; width: 3rem; text-align: right;
  color: #a1a1aa; font-size: .8rem; line-height: 2; user-select: none; font-variant-numeric: tabular-nums;
}
.source .ln:hover { background: #fafafa; }
mark { border-radius: 2px; color: inherit; cursor: pointer; padding: 0; }
mark.sev-error { background: var(--error-mark); box-shadow: inset 0 -2px 0 var(--error); }
mark.sev-warning { background: var(--warning-mark); box-shadow: inset 0 -2px 0 #d97706; }
mark.sev-info { background: var(--info-mark); box-shadow: inset 0 -2px 0 #0284c7; }
mark.point::before { content: "\\25B8"; font-weight: 700; }
mark.sev-error.point { color: var(--error); background: transparent; box-shadow: none; }
mark.sev-warning.point { color: #d97706; background: transparent; box-shadow: none; }
mark.sev-info.point { color: #0284c7; background: transparent; box-shadow: none; }
mark.off { background: transparent; box-shadow: none; cursor: auto; }
mark.off.point::before { content: none; }
@keyframes flash { 0%, 50% { outline: 3px solid var(--accent); background: #fde047; } 100% { outline: 3px solid transparent; } }
.flash { animation: flash 1.6s ease-out; }
.empty { color: var(--muted); font-style: italic; }
footer { padding: 0 1.5rem 2rem; color: var(--muted); }
@media print {
  body { background: #fff; }
  nav.filters { display: none; }
  header.run { background: #fff; color: #000; border-bottom: 2px solid #000; }
  header.run .meta { color: #333; }
  main { padding: 0; }
  section.batch, section.document { border: 0; padding: 0; break-before: page; }
  section.batch { break-before: auto; }
  .panes { display: block; }
  .findings, .source { max-height: none; overflow: visible; border: 0; padding: 0; }
  li.finding { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter-severity]"));
  var select = document.getElementById("code-filter");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.getAttribute("data-filter-severity")] = box.checked; });
    var code = select ? select.value : "";
    var count = 0;
    findings.forEach(function (li) {
      var visible = on[li.getAttribute("data-severity")] !== false &&
        (!code || li.getAttribute("data-code") === code);
      li.hidden = !visible;
      if (visible) { count += 1; }
      document.querySelectorAll('mark[data-f="' + li.id + '"]').forEach(function (mark) {
        mark.classList.toggle("off", !visible);
        if (mark.hasAttribute("tabindex")) { mark.tabIndex = visible ? 0 : -1; }
      });
    });
    if (shown) {
      shown.textContent = shown.getAttribute("data-template")
        .replace("{shown}", String(count)).replace("{total}", String(findings.length));
    }
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  function reveal(el) {
    el.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center", inline: "nearest" });
    flash(el);
    el.focus({ preventScroll: true });
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  if (select) { select.addEventListener("change", apply); }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.jump");
    if (link) {
      var mark = document.getElementById(link.getAttribute("href").slice(1));
      if (mark) { event.preventDefault(); reveal(mark); }
      return;
    }
    var hit = event.target.closest("mark[data-f]");
    if (hit && !hit.classList.contains("off")) {
      var item = document.getElementById(hit.getAttribute("data-f"));
      if (item) { reveal(item); }
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches("mark[data-f]")) {
      event.preventDefault();
      event.target.click();
    }
  });
  document.querySelectorAll("mark, li.finding").forEach(function (el) {
    el.addEventListener("animationend", function () { el.classList.remove("flash"); });
  });
  apply();
})();
"""
