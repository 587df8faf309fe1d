"""Which sentences of a message's own text are judged at all (assistant/understanding/candidates.py)."""

import pytest

from assistant.understanding.candidates import candidate_sentences, is_candidate


@pytest.mark.parametrize("sentence", [
    "Do you know a good bookkeeper for the shop?",
    "¿Conoces a algún abogado laboralista de confianza en Madrid?",
    "Ich suche gerade einen guten Steuerberater, der sich mit Freiberuflern auskennt.",
    "Je cherche un graphiste pour refaire le site de la boutique.",
    "Stiamo cercando un commercialista a Milano per la nostra piccola azienda.",
    "Ando buscando depa en la Roma o la Condesa, de preferencia que acepten mascotas 🐶",
    "Zoeken jullie nog iemand voor de boekhouding van de winkel?",
    "Wir suchen einen Steuerberater in Köln.",  # three words in lower case, and an end
])
def test_a_sentence_of_any_language_is_judged(sentence):
    assert is_candidate(sentence)


@pytest.mark.parametrize("line", [
    "Senior Administrative Assistant", "Dr. María José García López, Directora General",
    "Calle de Alcalá 45, 28014 Madrid", "Hi John,", "Best regards, Anna", "Tel: +34 912 345 678",
    "https://example.org/some/page",
    # lower-case words but no end of a sentence: sign-offs, phone lines, titles, addresses, headers, quotes
    "Viele Grüße und ein schönes Wochenende", "Un saludo cordial desde Madrid", "Cordiali saluti e buon lavoro",
    "Envoyé de mon iPhone", "Enviado desde mi iPhone", "Objet : Re: demande de devis pour la cuisine",
    "Il giorno lun 3 mar 2025 Marco Rossi ha scritto:", "Directeur commercial et marketing de la société",
    "rue de la Paix 12, 75002 Paris",
    "Maria Schmidt, Geschäftsführerin der Müller GmbH.",  # an end, but two words in lower case
    "Anna Weber, Leiterin Einkauf der Weber und Söhne KG.",
])
def test_names_titles_addresses_and_sign_offs_are_not(line):
    assert not is_candidate(line)


def test_a_message_keeps_its_sentences_and_drops_its_greeting_and_sign_off():
    text = "Hola Ana,\n\nEstoy buscando un fontanero para el piso de mi madre. Saludos cordiales."
    assert candidate_sentences(text) == ["Estoy buscando un fontanero para el piso de mi madre."]
