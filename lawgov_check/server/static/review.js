// The reviewer page: send documents to /v1/check, show the HTML report (findings beside the
// text, spans highlighted, severity filter) in a sandboxed frame, offer the JSON and annotated
// Word copies. Everything is served by this server: no external assets.
"use strict";
(function () {
  const TEXT = {
    zh: {
      title: "lawgov-check 文件审阅", options: "检查选项", drop: "把 .txt、.docx 或 .pdf 文件拖到这里，或",
      choose: "选择文件", doc_type: "文档类型", auto: "自动识别", jurisdiction: "辖区",
      jurisdiction_hint: "如 浙江省（留空则自动识别）", api_key: "API 密钥（如需要）", check: "检查",
      report: "检查报告", download_json: "下载 JSON 结果", download_docx: "下载批注版 Word：",
      checking: "正在检查 {n} 个文件…", done: "检查完成：{n} 个文件", failed: "检查失败：{msg}",
      switch: "English", annotating: "正在生成批注版：{name}…",
    },
    en: {
      title: "lawgov-check document review", options: "Check options", drop: "Drop .txt, .docx or .pdf files here, or",
      choose: "Choose files", doc_type: "Document type", auto: "Detect", jurisdiction: "Jurisdiction",
      jurisdiction_hint: "e.g. 浙江省 (empty: detect)", api_key: "API key (if required)", check: "Check",
      report: "Report", download_json: "Download JSON result", download_docx: "Annotated Word copies:",
      checking: "Checking {n} file(s)…", done: "Checked {n} file(s)", failed: "Check failed: {msg}",
      switch: "中文", annotating: "Annotating {name}…",
    },
  };
  let lang = (new URLSearchParams(location.search).get("lang") === "en") ? "en" : "zh";
  let files = [];
  const $ = (id) => document.getElementById(id);
  const t = (key, values) => (TEXT[lang][key] || key).replace(/\{(\w+)\}/g, (_, k) => (values || {})[k]);

  function applyLanguage() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    document.querySelectorAll("[data-i18n-label]").forEach((el) => { el.setAttribute("aria-label", t(el.dataset.i18nLabel)); });
    document.querySelectorAll("[data-i18n-title]").forEach((el) => { el.title = t(el.dataset.i18nTitle); });
    $("lang-switch").textContent = t("switch");
    $("lang-switch").lang = lang === "zh" ? "en" : "zh";
    document.title = t("title");
  }

  function headers() {
    const key = $("api-key").value.trim();
    return key ? { Authorization: "Bearer " + key } : {};
  }

  function status(text, isError) {
    $("status").textContent = text;
    $("status").classList.toggle("error", !!isError);
  }

  async function errorText(response) {
    try {
      const body = await response.json();
      const e = body.error || {};
      return [e.message || response.status].concat(e.details || []).join("；");
    } catch (_) {
      return "HTTP " + response.status;
    }
  }

  function form(list) {
    const data = new FormData();
    list.forEach((f) => data.append("files", f, f.name));
    if ($("doc-type").value) data.append("doc_type", $("doc-type").value);
    if ($("jurisdiction").value.trim()) data.append("jurisdiction", $("jurisdiction").value.trim());
    data.append("lang", lang);
    return data;
  }

  async function post(path, list) {
    const response = await fetch(path, { method: "POST", body: form(list), headers: headers() });
    if (!response.ok) throw new Error(await errorText(response));
    return response;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function annotatedName(name) {
    return (name.toLowerCase().endsWith(".docx") ? name.slice(0, -5) : name) + ".lawgov-check.docx";
  }

  async function check() {
    if (!files.length) return;
    $("check").disabled = true;
    status(t("checking", { n: files.length }));
    try {
      const response = await post("v1/check?format=html", files);
      $("report").srcdoc = await response.text();
      $("report").hidden = false;
      $("downloads").hidden = false;
      const list = $("annotated");
      list.replaceChildren();
      files.forEach((f) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "annotated";
        button.textContent = annotatedName(f.name);
        button.addEventListener("click", () => download("v1/annotate", [f], annotatedName(f.name), t("annotating", { name: f.name })));
        li.appendChild(button);
        list.appendChild(li);
      });
      status(t("done", { n: files.length }));
    } catch (err) {
      status(t("failed", { msg: err.message }), true);
    } finally {
      $("check").disabled = !files.length;
    }
  }

  async function download(path, list, name, message) {
    status(message || "");
    try {
      const response = await post(path, list);
      save(await response.blob(), name);
      status("");
    } catch (err) {
      status(t("failed", { msg: err.message }), true);
    }
  }

  function choose(list) {
    files = Array.from(list);
    $("file-list").replaceChildren(...files.map((f) => {
      const li = document.createElement("li");
      li.textContent = f.name;
      return li;
    }));
    $("check").disabled = !files.length;
    check();
  }

  async function loadDocTypes() {
    try {
      const response = await fetch("v1/doc-types?lang=" + lang, { headers: headers() });
      if (!response.ok) return;
      const body = await response.json();
      const select = $("doc-type");
      const chosen = select.value;
      Array.from(select.options).slice(1).forEach((o) => o.remove());
      body.doc_types.forEach((d) => select.add(new Option(d.label + " (" + d.id + ")", d.id)));
      select.value = chosen;
    } catch (_) { /* the select keeps "detect" only */ }
  }

  document.addEventListener("DOMContentLoaded", () => {
    applyLanguage();
    loadDocTypes();
    const drop = $("drop");
    ["dragenter", "dragover"].forEach((name) => drop.addEventListener(name, (ev) => {
      ev.preventDefault();
      drop.classList.add("over");
    }));
    ["dragleave", "drop"].forEach((name) => drop.addEventListener(name, () => drop.classList.remove("over")));
    drop.addEventListener("drop", (ev) => {
      ev.preventDefault();
      if (ev.dataTransfer && ev.dataTransfer.files.length) choose(ev.dataTransfer.files);
    });
    drop.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); $("files").click(); }
    });
    $("files").addEventListener("change", (ev) => choose(ev.target.files));
    $("check").addEventListener("click", check);
    $("download-json").addEventListener("click", () => download("v1/check?format=json", files, "lawgov-check.json"));
    $("api-key").addEventListener("change", loadDocTypes);
    $("lang-switch").addEventListener("click", () => {
      lang = lang === "zh" ? "en" : "zh";
      applyLanguage();
      loadDocTypes();
      if (files.length) check();
    });
  });
})();
