"""Understanding: what a person says of themselves in one message (asks, offers, news, help
given) and the taxonomy of professions and industries that names them. Pure.

May import: the domain and assistant.reading.
"""
