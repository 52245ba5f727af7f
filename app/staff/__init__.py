"""The staff side: Anbieter, staff accounts and their roles, sign-in with a second factor, one-time
sign-up links, the audit log, and the one place that decides who may see which provider's data."""
