"""Networking assistant: reads a mailbox, learns the user's network, suggests ways to help.

The packages follow the path of a message, each importing only the layers below it:

    models, errors, addresses    the domain: value types, exceptions, strict address grammar
    crashpoints                  named crash points the fault tests switch on
    reading/                     bytes -> Message (pure)
    understanding/               asks, offers, news, help given; the taxonomy (pure)
    network/                     people, merges, strength, contacts views (pure)
    digest/                      suggestions, drafts, rendering, tokens, the weekly slot (pure)
    mailbox/, state/, smtp       IO at the edges: they import the domain only
    resources/                   the sentence encoder and trained heads, read and verified (IO)
    config, jobs/, cli           settings, the glue that runs plans, the command line
"""

__version__ = "0.1.0"
