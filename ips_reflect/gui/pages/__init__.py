"""The sidebar's pages, one package each (``home``, ``prepare``, ``before``, ``after``,
``journal``, ``trends``, ``flags``, ``supervision``, ``biography``, ``team``, ``guide``).

Each package's ``__init__`` gives its ``create_page(content)`` (key, title, view,
controller, icon name) and its controller class. Pages never import each other: what
two pages share lives in :mod:`ips_reflect.gui.widgets`, and the shell
(:mod:`ips_reflect.gui.shell.app`, :mod:`ips_reflect.gui.shell.flows`) wires their
signals together.
"""
