"""Networking assistant: reads a mailbox, learns the user's network, suggests ways to help."""

__version__ = "0.1.0"
