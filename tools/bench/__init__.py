"""`make bench` (python -m tools.bench): see __main__.py."""
