"""The desktop app (PySide6). Only this package imports Qt.

``shell.app.run_app`` opens the window; ``shell.app.create_main_window`` builds it
without starting an event loop (tests, screenshots). The package is laid out as the app
is: ``shell`` (the frame: app, main window, vault gate and session, plumbing),
``pages`` (one package per sidebar page; pages never import each other) and
``widgets`` (what more than one page uses). Layouts live in ``ui/*.ui`` and are loaded
by ``shell.uiloader.load_ui``; looks live in ``resources/styles`` and are applied by
``widgets.theme``.
"""
