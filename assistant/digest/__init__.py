"""The weekly digest: suggestions chosen from the network, their drafts, the rendered email, the
signed tokens that let replies find it, and the weekly slot it goes out at. Pure.

May import: the domain, assistant.reading, assistant.understanding and assistant.network.
"""
