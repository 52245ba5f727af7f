"""The ground every room stands on: configuration, extensions, the database session, security headers, error pages.

Nothing here imports a domain.
"""
