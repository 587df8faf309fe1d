"""State on disk: the store of ingested messages, cursors and digest history, the signing key,
and the atomic file writes they share. IO.

May import: the domain only.
"""
