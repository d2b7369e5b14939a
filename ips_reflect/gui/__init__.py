"""The desktop app (PySide6). Only this package imports Qt.

``app.run_app`` opens the window; ``app.create_main_window`` builds it without
starting an event loop (tests, screenshots). Layouts live in ``ui/*.ui`` and are
loaded by ``uiloader.load_ui``; looks live in ``resources/styles`` and are applied
by ``theme``.
"""
