"""Building blocks more than one page uses: the theme, answer widgets and the traffic
light, drop-downs and keyboard helpers of the flows, the live flag panel, drafts, the
PDF preview, table models, the entry renderer, chart colours and debounce timers.

Nothing here imports a page.
"""
