"""Reading: raw bytes -> Message. MIME walk, kinds, replies and signatures, forwards, events in
text and calendar files, dates, HTML to text, and the label vocabularies they read. Pure.

May import: the domain (assistant.models, assistant.errors, assistant.addresses).
"""
