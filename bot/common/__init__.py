"""Pieces any front end can use: the feedback store, the request guard (allow-list, rate limit,
de-duplication) and the safety of echoed text."""
