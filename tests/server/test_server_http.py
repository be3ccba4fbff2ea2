"""The real server over HTTP: every endpoint and every error status."""

from __future__ import annotations

import io
import json
import re
import select
import socket
import zipfile

import pytest
from jsonschema import Draft202012Validator

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from serverproc import API_KEY, DOCUMENT_LIMIT, REPO, REQUEST_LIMIT, TIMEOUT, hanging_pdf  # noqa: E402

FIXTURES = REPO / "fixtures"
RESULT_SCHEMA = json.loads((REPO / "lawgov_check" / "schemas" / "result.schema.json").read_text(encoding="utf-8"))


def _files(*names: str) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (name, (FIXTURES / name).read_bytes())) for name in names]


def _valid_result(body: dict) -> dict:
    Draft202012Validator(RESULT_SCHEMA).validate(body)
    return body


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["request_id"] == response.headers["x-request-id"]
    return body


# ---------------------------------------------------------------- operations

def test_health_and_readiness(server):
    assert server.client.get("/healthz").json() == {"status": "ok"}
    ready = server.client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready", "workers": 2}


def test_metrics_count_requests_documents_and_findings(server):
    server.client.post("/v1/check", files=_files("ar_missing_part.txt"))
    text = server.client.get("/metrics").text
    assert 'lawgov_check_http_requests_total{method="POST",route="/v1/check",status="200"}' in text
    assert "lawgov_check_http_request_duration_seconds_bucket" in text
    documents = [line for line in text.splitlines() if line.startswith("lawgov_check_documents_total ")]
    assert documents and float(documents[0].split()[1]) >= 1
    assert 'lawgov_check_findings_total{severity="error"}' in text
    assert "lawgov_check_input_errors_total" in text


def test_request_id_is_echoed_and_logged(server):
    response = server.client.get("/healthz", headers={"X-Request-ID": "wf-step-42"})
    assert response.headers["x-request-id"] == "wf-step-42"
    generated = server.client.get("/healthz").headers["x-request-id"]
    assert generated and generated != "wf-step-42"
    import time

    for _ in range(100):  # the log line is written as the response ends
        logged = [json.loads(line) for line in server.lines if "wf-step-42" in line]
        if logged:
            break
        time.sleep(0.05)
    assert logged[0]["request_id"] == "wf-step-42" and logged[0]["path"] == "/healthz" and logged[0]["status"] == 200


# ---------------------------------------------------------------- /v1/check

def test_check_txt_upload_reports_findings(server):
    response = server.client.post("/v1/check", files=_files("ar_missing_part.txt"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = _valid_result(response.json())
    doc = body["documents"][0]
    assert doc["path"] == "ar_missing_part.txt" and doc["doc_type"] == "annual_report"
    assert "AR03" in {f["code"] for f in doc["findings"]}
    assert response.headers["x-lawgov-exit-code"] == "1"
    assert response.headers["x-lawgov-outcome"] == "block"


def test_check_docx_pdf_and_gb18030_in_one_request(server):
    response = server.client.post("/v1/check", files=_files(
        "sample_annual_report.docx", "sample_annual_report.pdf", "sample_annual_report.gb18030.txt"))
    docs = _valid_result(response.json())["documents"]
    assert [d["path"] for d in docs] == ["sample_annual_report.docx", "sample_annual_report.pdf",
                                         "sample_annual_report.gb18030.txt"]
    assert docs[0]["media_type"].endswith("wordprocessingml.document")
    assert docs[1]["media_type"] == "application/pdf"
    assert docs[2]["encoding"] == "gb18030"
    assert all(not d["errors"] and d["doc_type"] == "annual_report" and d["year"] == 2021 for d in docs)


def test_check_json_text_with_options(server):
    text = (FIXTURES / "ar_missing_part.txt").read_text(encoding="utf-8")
    response = server.client.post("/v1/check", json={
        "documents": [{"text": text, "name": "a.txt"}, {"text": text}], "lang": "en", "select": ["AR"],
        "fail_on": "never"})
    body = _valid_result(response.json())
    assert body["lang"] == "en" and [d["path"] for d in body["documents"]] == ["a.txt", "document-2.txt"]
    codes = {f["code"] for d in body["documents"] for f in d["findings"]}
    assert codes and all(c.startswith("AR") for c in codes)
    chinese = server.client.post("/v1/check", json={"text": text, "select": ["AR"]}).json()
    assert body["documents"][0]["findings"][0]["message"] != chinese["documents"][0]["findings"][0]["message"]
    assert response.headers["x-lawgov-exit-code"] == "0"  # fail_on never
    assert response.headers["x-lawgov-outcome"] == "warn"  # findings, but none blocks


def test_check_options_in_query_and_form(server):
    response = server.client.post("/v1/check?ignore=AR03", files=_files("ar_missing_part.txt"),
                                  data={"doc_type": "annual_report", "jurisdiction": "浙江省"})
    doc = response.json()["documents"][0]
    assert "AR03" not in {f["code"] for f in doc["findings"]}
    assert doc["jurisdiction"]["province"] == "浙江省"


def test_check_with_workflow_manifest(server):
    files = _files("nd_normative_document.txt") + [
        ("meta", ("meta.yml", (FIXTURES / "nd_normative_document.meta.yml").read_bytes()))]
    response = server.client.post("/v1/check", files=files)
    assert response.status_code == 200 and not response.json()["documents"][0]["errors"]


def test_check_sarif_and_html_by_format_or_accept(server):
    sarif = server.client.post("/v1/check?format=sarif", files=_files("ar_missing_part.txt"))
    assert sarif.headers["content-type"].startswith("application/sarif+json")
    assert sarif.json()["version"] == "2.1.0"
    html = server.client.post("/v1/check", files=_files("ar_missing_part.txt"), headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "<mark" in html.text and "AR03" in html.text


@pytest.mark.parametrize("accept, media", [
    ("application/sarif+json", "application/sarif+json"),
    ("application/json, text/html;q=0.5", "application/json"),
    ("text/html;q=0.4, application/sarif+json;q=0.8", "application/sarif+json"),
    ("text/html;q=0, */*", "application/json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
])
def test_format_by_accept_follows_its_preferences(server, accept, media):
    response = server.client.post("/v1/check", files=_files("sample_annual_report.txt"), headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)


def test_unreadable_document_is_an_entry_not_a_request_error(server):
    response = server.client.post("/v1/check", files=_files("scanned.pdf", "sample_annual_report.txt"))
    assert response.status_code == 200 and response.headers["x-lawgov-exit-code"] == "2"
    assert response.headers["x-lawgov-outcome"] == "error"
    docs = response.json()["documents"]
    assert docs[0]["errors"] and not docs[1]["errors"]


def test_document_over_the_size_limit_is_an_input_error(server):
    big = ("　　一、主要举措和成效\n" * (DOCUMENT_LIMIT // 30 + 10)).encode("utf-8")
    assert DOCUMENT_LIMIT < len(big) < REQUEST_LIMIT
    response = server.client.post("/v1/check", files=[("files", ("big.txt", big))])
    assert response.status_code == 200
    assert "文件过大" in response.json()["documents"][0]["errors"][0]
    as_json = server.client.post("/v1/check", json={"text": big.decode("utf-8"), "name": "big.txt"})
    assert "文件过大" in as_json.json()["documents"][0]["errors"][0]


def test_hanging_document_times_out_and_the_server_goes_on(server):
    response = server.client.post("/v1/check", files=[hanging_pdf("hangs.pdf"), *_files("ar_missing_part.txt")])
    docs = response.json()["documents"]
    assert docs[0]["errors"] == [f"hangs.pdf: 处理超时（{TIMEOUT} 秒）"]
    assert docs[1]["findings"] and not docs[1]["errors"]
    again = server.client.post("/v1/check", files=_files("sample_annual_report.txt"))
    assert again.status_code == 200 and not again.json()["documents"][0]["errors"]
    assert re.search(r"^lawgov_check_document_timeouts_total [1-9]", server.client.get("/metrics").text, re.M)


def test_a_hanging_document_does_not_block_other_requests(server):
    import threading

    got = {}
    hung = threading.Thread(target=lambda: got.setdefault("hung", server.client.post(
        "/v1/check", files=[hanging_pdf("hangs-alone.pdf")])))
    hung.start()
    for _ in range(1200):  # until the hanging document holds a worker
        if "lawgov_check_documents_in_progress 1.0" in server.client.get("/metrics").text:
            break
        threading.Event().wait(0.05)
    others = [server.client.post("/v1/check", files=_files("ar_missing_part.txt")) for _ in range(3)]
    others.append(server.client.get("/v1/rules/AR01"))
    assert hung.is_alive(), "the other requests were answered only after the hanging one"
    assert all(r.status_code == 200 for r in others)
    assert all(not r.json()["documents"][0]["errors"] for r in others[:3])
    hung.join(120)
    assert got["hung"].json()["documents"][0]["errors"] == [f"hangs-alone.pdf: 处理超时（{TIMEOUT} 秒）"]


def test_nothing_is_left_on_disk(server):
    # a part over 1 MB is spooled by the multipart parser to an anonymous temporary file
    server.client.post("/v1/check", files=[("files", ("spooled.txt", b"x" * 1_500_000))])
    server.client.post("/v1/annotate", files=_files("sample_annual_report.docx"))
    assert server.scratch_files() == server.scratch_at_start


# ---------------------------------------------------------------- /v1/annotate

@pytest.mark.parametrize("name", ["sample_annual_report.docx", "ar_missing_part.txt", "sample_annual_report.pdf"])
def test_annotate_returns_a_word_copy_with_comments(server, name):
    response = server.client.post("/v1/annotate", files=_files(name))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert ".lawgov-check.docx" in response.headers["content-disposition"]
    package = zipfile.ZipFile(io.BytesIO(response.content))
    assert "word/document.xml" in package.namelist()
    if name == "ar_missing_part.txt":
        assert "AR03" in package.read("word/comments.xml").decode("utf-8")
        assert int(response.headers["x-lawgov-findings"]) >= 1


def test_annotate_unreadable_document_is_422(server):
    _error(server.client.post("/v1/annotate", files=_files("scanned.pdf")), 422, "unreadable_document")


def test_annotate_takes_one_document(server):
    _error(server.client.post("/v1/annotate", files=_files("ar_missing_part.txt", "sample_annual_report.txt")),
           400, "malformed_request")


# ---------------------------------------------------------------- catalogue

def test_rules_catalogue(server):
    rules = server.client.get("/v1/rules").json()["rules"]
    assert {"GF01", "AR01", "ND10"} <= {r["code"] for r in rules}
    english = server.client.get("/v1/rules", params={"lang": "en"}).json()["rules"]
    assert english[0]["summary"] != rules[0]["summary"]


def test_one_rule_and_unknown_rule(server):
    rule = server.client.get("/v1/rules/ar01").json()
    assert rule["code"] == "AR01" and rule["severity"] == "error" and rule["basis"]
    assert rule["examples"]["pass"] and rule["examples"]["fail"]
    _error(server.client.get("/v1/rules/ZZ99"), 404, "not_found")


def test_doc_types(server):
    types = server.client.get("/v1/doc-types").json()["doc_types"]
    assert [t["id"] for t in types][:2] == ["annual_report", "normative_document"]
    assert types[0]["label"] != server.client.get("/v1/doc-types?lang=en").json()["doc_types"][0]["label"]


# ---------------------------------------------------------------- contract and docs

def test_committed_openapi_is_what_the_server_serves(server):
    served = server.client.get("/openapi.json").json()
    committed = json.loads((REPO / "docs" / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed, "docs/openapi.json is stale: run python scripts/write_openapi.py"


def test_contract_lists_every_document_type_the_server_takes(server):
    served = server.client.get("/openapi.json").json()
    enum = next(p["schema"]["enum"] for p in served["paths"]["/v1/check"]["post"]["parameters"]
                if p["name"] == "doc_type")
    types = [t["id"] for t in server.client.get("/v1/doc-types").json()["doc_types"]]
    assert enum == types
    for t in types:
        assert server.client.post("/v1/check", json={"text": "x", "doc_type": t}).status_code == 200


def test_docs_page_is_self_contained(server):
    reference = server.client.get("/docs/reference")  # the contract as a page without scripts
    assert reference.status_code == 200 and "/v1/check" in reference.text
    assert "http://" not in reference.text and "https://" not in reference.text.replace(
        "https://json-schema.org", "")
    assert "<script" not in reference.text


def test_interactive_docs_are_served_by_the_server(server):
    docs = server.client.get("/docs")
    assert docs.status_code == 200 and "script-src 'self';" in docs.headers["content-security-policy"]
    assert "http://" not in docs.text and "https://" not in docs.text
    scripts = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', docs.text)
    assert len(scripts) == 3
    for path in scripts:
        asset = server.client.get("/" + path)
        assert asset.status_code == 200 and len(asset.content) > 100, path
    assert "validatorUrl: null" in server.client.get("/static/docs.js").text
    _error(server.client.get("/docs/assets/index.html"), 404, "not_found")


def test_review_page_and_assets_are_local(server):
    page = server.client.get("/")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    for text in (page.text, server.client.get("/static/review.js").text,
                 server.client.get("/static/review.css").text):
        assert "http://" not in text and "https://" not in text
    _error(server.client.get("/static/secret.py"), 404, "not_found")


# ---------------------------------------------------------------- errors

def test_400_malformed_requests(server):
    _error(server.client.post("/v1/check", content=b"{not json", headers={"Content-Type": "application/json"}),
           400, "malformed_request")
    _error(server.client.post("/v1/check", json={"documents": [{"name": "x.txt"}]}), 400, "malformed_request")
    _error(server.client.post("/v1/check", json={}), 400, "no_documents")
    _error(server.client.post("/v1/check", content=b"--x\r\nbroken", headers={
        "Content-Type": "multipart/form-data; boundary=x"}), 400, "no_documents")


def test_413_too_many_files(server):
    files = _files(*["sample_annual_report.txt"] * 6)
    _error(server.client.post("/v1/check", files=files), 413, "too_many_files")


def test_415_unsupported_types(server):
    _error(server.client.post("/v1/check", content="正文".encode(), headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    body = _error(server.client.post("/v1/check", files=[("files", ("notes.md", b"# x", "text/markdown"))]),
                  415, "unsupported_media_type")
    assert "notes.md" in body["error"]["details"][0]


def test_422_bad_options(server):
    body = _error(server.client.post("/v1/check?fail_on=sometimes&ruleset=QQ", files=_files("ar_missing_part.txt"),
                                     data={"lang": "fr", "format": "pdf"}), 422, "invalid_options")
    assert {d.split(":")[0] for d in body["error"]["details"]} == {"fail_on", "ruleset", "lang", "format"}
    _error(server.client.post("/v1/check", files=_files("ar_missing_part.txt") + [
        ("meta", ("m.yml", b"comment_period: [unclosed"))]), 422, "invalid_options")
    _error(server.client.post("/v1/check", json={"text": "x", "meta": {"legality_review": {"end": "2020-13-45"}}}),
           422, "invalid_options")
    _error(server.client.get("/v1/rules?lang=fr"), 422, "invalid_options")


def _raw_request(server, head: bytes, body_chunks, budget: int) -> tuple[bytes, int]:
    """Send `head` then chunks until the server answers; returns (response, bytes of body sent)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head)
        for chunk in body_chunks:
            if select.select([sock], [], [], 0)[0] or sent > budget:
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        sock.settimeout(30)
        response = b""
        while b"\r\n\r\n" not in response:
            data = sock.recv(65536)
            if not data:
                break
            response += data
    return response, sent


def test_413_declared_oversize_is_refused_before_reading(server):
    huge = 10 ** 12
    head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            f"Content-Length: {huge}\r\n\r\n").encode()
    response, sent = _raw_request(server, head, (b"x" * 65536 for _ in range(10)), budget=huge)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert b'"too_large"' in response or b"413" in response


def test_413_streamed_oversize_is_cut_at_the_limit(server):
    head = (b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    part = (b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n")

    def chunks():
        yield f"{len(part):x}\r\n".encode() + part + b"\r\n"
        for _ in range(10_000):  # 655 MB offered
            yield f"{65536:x}\r\n".encode() + b"y" * 65536 + b"\r\n"

    body = chunks()
    response, sent = _raw_request(server, head, body, budget=50 * REQUEST_LIMIT)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert sent < 50 * REQUEST_LIMIT


def test_401_without_or_with_a_wrong_key(keyed_server):
    client = keyed_server.client
    _error(client.get("/v1/rules"), 401, "unauthorized")
    response = client.post("/v1/check", files=_files("ar_missing_part.txt"), headers={"Authorization": "Bearer nope"})
    _error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    _error(client.get("/metrics", headers={"X-API-Key": "nope"}), 401, "unauthorized")
    assert client.get("/v1/rules", headers={"Authorization": f"Bearer {API_KEY}"}).status_code == 200
    assert client.get("/metrics", headers={"X-API-Key": "other-key"}).status_code == 200
    assert client.get("/healthz").status_code == 200 and client.get("/").status_code == 200


def test_unknown_path_and_method(server):
    _error(server.client.get("/v2/check"), 404, "not_found")
    _error(server.client.get("/v1/check"), 405, "method_not_allowed")
