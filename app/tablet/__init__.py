"""Shared-device mode: on a tablet used by one person after another, the next person never sees
anything of the person before. After a chosen time without a touch a dialog asks „Sind Sie noch da?“
and then starts over; nothing of a page in tablet mode is kept by the browser.

Staff sign-in for switching it on follows with the staff room.
"""
