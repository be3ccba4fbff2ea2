"""Prometheus metrics of one server process (text exposition at GET /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from ..model import DocumentResult

CONTENT_TYPE = CONTENT_TYPE_LATEST
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


class Metrics:
    def __init__(self) -> None:
        disable_created_metrics()  # the *_created series only add noise to a scrape
        self.registry = CollectorRegistry()
        self.requests = Counter("lawgov_check_http_requests", "HTTP requests by route, method and status",
                                ["route", "method", "status"], registry=self.registry)
        self.latency = Histogram("lawgov_check_http_request_duration_seconds", "HTTP request latency",
                                 ["route"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.documents = Counter("lawgov_check_documents", "Documents checked", registry=self.registry)
        self.findings = Counter("lawgov_check_findings", "Findings reported, by severity", ["severity"],
                                registry=self.registry)
        self.input_errors = Counter("lawgov_check_input_errors", "Documents with an input error "
                                    "(unreadable, over a limit, timed out)", registry=self.registry)
        self.timeouts = Counter("lawgov_check_document_timeouts", "Documents stopped at the time limit",
                                registry=self.registry)
        self.in_progress = Gauge("lawgov_check_documents_in_progress", "Documents being checked now",
                                 registry=self.registry)
        for severity in ("error", "warning", "info"):
            self.findings.labels(severity)

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route).observe(seconds)

    def observe_document(self, doc: DocumentResult, timed_out: bool = False) -> None:
        self.documents.inc()
        for f in doc.findings:
            self.findings.labels(f.severity).inc()
        if doc.errors:
            self.input_errors.inc()
        if timed_out:
            self.timeouts.inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
