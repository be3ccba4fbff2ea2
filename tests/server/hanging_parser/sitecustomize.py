"""Loaded (through PYTHONPATH) by the test servers and their worker processes only: the PDF parser
hangs on a PDF that carries hang_marker.MARKER, as a parser can on a damaged file, so that the
tests see the server's time limit at work on a real upload. Nothing in the package knows of it."""


def _install() -> None:
    try:
        import pypdf
        from hang_marker import MARKER
    except ImportError:
        return
    original = pypdf.PdfReader.__init__

    def init(self, stream, *args, **kwargs):  # type: ignore[no-untyped-def]
        data = stream.getvalue() if hasattr(stream, "getvalue") else b""
        if MARKER in data:
            import time

            while True:
                time.sleep(1)
        original(self, stream, *args, **kwargs)

    pypdf.PdfReader.__init__ = init


_install()
