"""The bytes that make the test servers' PDF parser hang (see sitecustomize.py beside this file)."""

MARKER = b"%lawgov-check-test: this PDF hangs its parser"
