"""Results for staff: what Nutzer:innen said, as counts and accessible charts, and only ever through `privacy`.

Numbers come from the other rooms' `stats.py` as tables of counts (never rows); every table passes
`privacy.k.protect` before a template sees it, so no group smaller than K_MIN can be seen or worked out.
Groupings and periods are fixed (a workshop once it is over, a completed quarter, a Sozialraum), never free
filters, so no table is the difference of two others a reader sees."""
