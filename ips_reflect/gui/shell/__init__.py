"""The app's frame: starting the app (:mod:`~ips_reflect.gui.shell.app`), the main
window and its sidebar, the vault gate and the open-vault session with its lock, the
About dialog, and the plumbing every page uses: loading ``.ui`` files
(:mod:`~ips_reflect.gui.shell.uiloader`), their custom views, the :class:`Page`
protocol and worker threads.

Only :mod:`~ips_reflect.gui.shell.app` and :mod:`~ips_reflect.gui.shell.flows` import
pages; pages import the plumbing modules here, never the app.
"""
