"""The network: who is a person, which addresses are one person, how well the owner knows them,
what they ask, offer and celebrate, and the views of it (`contacts`). Pure.

May import: the domain, assistant.reading and assistant.understanding.
"""
