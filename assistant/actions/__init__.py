"""Acting on the user's replies: the command grammar, which replies may act, and what they do. Pure.

The IO (reading the inbound table, the outbox, SMTP) is in jobs/act.py; everything here takes the
message, the digest as it was shown, the history and `now` as values.
"""
