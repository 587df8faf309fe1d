"""Integration tests: real Dovecot, Maildir and mbox files."""
