"""Operations: one function per thing a person does, shared by the app and the CLI.

The layers run one way down::

    gui/ (Qt)      commands/ (argparse)
          \\          /
           ops/            <- this package: no Qt, no argparse, no printing
          /    \\
    export/    store/
          \\    /
           core/

A page and its command call the same operation, so the documents they write cannot
drift apart, and the privacy gates sit inside the writers the operations call (a
group pack refuses to be built without the alias list, a supervision document only
ever prints consented entries), so neither face can skip them. Operations that read
the vault take it as an argument; the slow halves (building PDFs) take plain data,
so the app can run them on a worker thread with no widget and no shared connection.
"""
