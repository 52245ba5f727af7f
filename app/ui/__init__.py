"""The building blocks of every page: the form base and fields, template helpers, QR codes.

Nothing here imports a domain.
"""
