"""What the usual folders are called: Sent folder names across clients, languages and Gmail."""

from __future__ import annotations

# Names a Sent folder goes by when the server does not flag it \Sent (SPECIAL-USE), including
# Gmail's localized "[Gmail]/..." and "[Google Mail]/..." variants and common client defaults.
SENT_NAMES: tuple[str, ...] = (
    "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Sent-Mail", "Sent Email",
    "Gesendet", "Gesendete Objekte", "Gesendete Elemente", "Gesendete Nachrichten",
    "Envoyés", "Messages envoyés", "Éléments envoyés", "Elementos enviados", "Enviados",
    "Itens enviados", "Enviadas", "Posta inviata", "Inviati", "Elementi inviati",
    "Verzonden", "Verzonden items", "Verzonden berichten", "Skickat", "Skickade objekt",
    "Sendt", "Sendte elementer", "Sendt post", "Lähetetyt", "Wysłane", "Elementy wysłane",
    "Odeslané", "Отправленные", "Gönderilmiş Öğeler", "Gönderilenler",
)
GMAIL_PREFIXES: tuple[str, ...] = ("[Gmail]/", "[Google Mail]/")


def is_sent_name(name: str) -> bool:
    """Whether a folder or file name (without any parent path) is a usual Sent folder name."""
    wanted = name.strip().casefold()
    return any(wanted == candidate.casefold() for candidate in SENT_NAMES)
