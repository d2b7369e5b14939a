"""Building blocks more than one page uses: the theme, answer widgets and the traffic
light, drop-downs and keyboard helpers of the flows, the flow pages' base controllers,
the live flag panel, drafts, the PDF preview, table and list models, the entry renderer,
chart colours and axes, asking before acting, and debounce timers.

Nothing here imports a page.
"""
