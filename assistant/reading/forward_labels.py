"""Vocabularies that mail clients use when they forward inline, per language.

Data only (read by ``assistant.reading.forwards``): header labels, separator phrases, subject
prefixes, "wrote" verbs, month names and time-zone abbreviations.
"""

from __future__ import annotations

from types import MappingProxyType

# Header labels as clients write them in the quoted header block; matched case-insensitively
# at the start of a line, and case-sensitively in the middle of a line (Yahoo runs them together).
FIELD_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("from", (
        "From", "Von", "Absender", "De", "De la", "Da", "Mittente", "Od", "Odesílatel",
        "Odosielateľ", "Från", "Avsändare", "Fra", "Afsender", "Van", "Afzender", "От",
        "Отправитель", "От кого", "Від", "Від кого", "Feladó", "Lähettäjä", "Saatja", "Kimden", "Gönderen",
        "Šalje", "Pošiljatelj", "Nadawca", "Expeditor", "Expeditorul", "Remetente", "Sender",
        "差出人", "送信者", "送信元", "发件人", "發件人", "寄件者", "보낸 사람", "Αποστολέας",
    )),
    ("to", (
        "To", "An", "Empfänger", "À", "A", "Pour", "Destinataire", "Para", "Destinatario", "Do",
        "Adresat", "Komu", "Pre", "Till", "Mottagare", "Til", "Aan", "Кому", "Получатель",
        "Címzett", "Vastaanottaja", "Saaja", "Kime", "Prima", "Către", "Destinatarul",
        "宛先", "送信先", "收件人", "收件者", "받는 사람", "Προς",
    )),
    ("cc", (
        "Cc", "Kopie", "Kopie (CC)", "Copie", "Copie à", "Copia", "Copia a", "Cópia", "Kopia",
        "Kopi", "Kopio", "Koopia", "Копия", "Копія", "Másolat", "Másolatot kap", "Bilgi", "DW",
        "Kópia", "抄送", "副本", "참조", "Κοιν",
    )),
    ("bcc", ("Bcc", "Blindkopie", "Cci", "CCO", "Ukryta kopia", "Hidden copy", "Скрытая копия")),
    ("subject", (
        "Subject", "Betreff", "Objet", "Sujet", "Asunto", "Oggetto", "Assunto", "Temat",
        "Předmět", "Predmet", "Naslov", "Ämne", "Emne", "Onderwerp", "Тема", "Tárgy", "Aihe",
        "Teema", "Konu", "Subiect", "Subiectul", "件名", "主题", "主旨", "제목", "Θέμα",
    )),
    ("date", (
        "Date", "Datum", "Fecha", "Data", "Dato", "Dátum", "Dată", "Päivämäärä", "Päiväys",
        "Kuupäev", "Tarih", "Дата", "日付", "日期", "날짜", "Ημερομηνία",
        # "sent" labels carry the same information
        "Sent", "Gesendet", "Envoyé", "Enviado", "Enviada", "Inviato", "Wysłano", "Wysłane",
        "Skickat", "Sendt", "Verzonden", "Verstuurd", "Отправлено", "Відправлено", "Elküldve",
        "Lähetetty", "Saadetud", "Gönderilen", "Gönderildi", "Poslano", "Odesláno", "Odoslané",
        "Trimis", "送信日時", "发送时间", "傳送時間", "보낸 날짜", "Στάλθηκε",
    )),
    # recognised so that they do not end the block; their values are not used
    ("other", (
        "Reply-To", "Antwort an", "Répondre à", "Responder a", "Rispondi a", "Odpowiedź do",
        "Svara till", "Svar til", "Antwoord aan", "Ответить", "Importance", "Priority",
        "Wichtigkeit", "Attachments", "Anlagen", "Pièces jointes", "Datos adjuntos",
    )),
)

# Lines that announce a forward; compared after case folding, without the surrounding dashes.
FORWARD_PHRASES: tuple[str, ...] = (
    "forwarded message", "begin forwarded message", "forwarded e-mail", "forwarded email",
    "inline attachment follows",  # AOL
    "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
    "message transféré", "début du message réexpédié", "début du message transféré",
    "message transmis", "message réexpédié",
    "mensaje reenviado", "inicio del mensaje reenviado", "comienzo del mensaje reenviado",
    "messaggio inoltrato", "inizio messaggio inoltrato",
    "mensagem encaminhada", "mensagem reencaminhada", "início da mensagem encaminhada",
    "início da mensagem reencaminhada",
    "doorgestuurd bericht", "begin doorgestuurd bericht",
    "videresendt meddelelse", "videresendt besked", "start på videresendt besked",
    "videresendt melding", "videresendt e-post",
    "vidarebefordrat meddelande", "vidarebefordrat mejl", "vidarebefordrat e-postmeddelande",
    "välitetty viesti", "välitetty viesti alkaa", "edelleenlähetetty viesti",
    "edastatud kiri", "edastatud sõnum",
    "przekazana wiadomość", "wiadomość przekazana dalej", "wiadomość przesłana dalej",
    "przesłana wiadomość", "początek przekazywanej wiadomości",
    "treść przekazanej wiadomości",
    "přeposlaná zpráva", "začátek přeposílané zprávy",
    "preposlaná správa", "začiatok preposlanej správy",
    "proslijeđena poruka", "započni proslijeđenu poruku", "prosleđena poruka",
    "továbbított üzenet", "továbbított levél kezdete",
    "mesaj redirecționat", "mesaj redirecţionat", "mesaj redirectionat",
    "începe mesajul redirecționat", "mesaj transmis",
    "пересылаемое сообщение", "перенаправленное сообщение", "пересланное сообщение",
    "начало переадресованного сообщения", "переадресованное сообщение",
    "переслане повідомлення", "перенаправлене повідомлення", "пересланий лист",
    "початок листа, що пересилається",
    "iletilen ileti", "iletilmiş mesaj", "ileti başlangıcı", "iletilen mesaj",
    "προωθημένο μήνυμα",
    "転送されたメッセージ", "メッセージを転送", "転送メッセージ",
    "转发的邮件", "转发邮件", "轉寄的郵件", "轉寄郵件", "전달된 메시지",
)

# Outlook and webmails head both replies and forwards with these: weak evidence of a forward.
ORIGINAL_PHRASES: tuple[str, ...] = (
    "original message", "ursprüngliche nachricht", "original-nachricht", "originalnachricht",
    "message d'origine", "message original", "mensaje original", "messaggio originale",
    "mensagem original", "oorspronkelijk bericht", "origineel bericht", "oprindelig meddelelse",
    "opprinnelig melding", "ursprungligt meddelande", "alkuperäinen viesti",
    "oryginalna wiadomość", "wiadomość oryginalna", "původní zpráva", "pôvodná správa",
    "izvorna poruka", "eredeti üzenet", "mesaj original", "исходное сообщение",
    "оригінальне повідомлення", "özgün ileti", "orijinal mesaj", "元のメッセージ", "原始邮件",
    "原始郵件", "원본 메시지",
)

# Subject prefixes, case-folded, without the colon or a trailing dot.
FORWARD_PREFIXES: frozenset[str] = frozenset({
    "fwd", "fw", "fwd2", "tr", "trs", "wg", "wtr", "rv", "i", "pd", "vs", "vb", "vl", "enc",
    "ilt", "doorst", "videresend", "redir", "továbbítás", "továbbított", "př", "přep",
    "пересл", "переслать", "转发", "轉寄", "転送", "전달", "πρθ",
})
REPLY_PREFIXES: frozenset[str] = frozenset({
    "re", "aw", "sv", "antw", "odp", "ynt", "res", "r", "rif", "vá", "atb", "ref", "réf",
    "rép", "odg", "отв", "ответ", "відп", "回复", "答复", "回覆", "返信", "답장", "απ", "σχετ",
})

# The verb of a reply attribution ("On ... X wrote:"), case-folded.
WROTE_WORDS: tuple[str, ...] = (
    "wrote", "writes", "schrieb", "a écrit", "escribió", "ha scritto", "scrisse", "napisał",
    "napisała", "skrev", "schreef", "geschreven", "написал", "написала", "написав", "kirjoitti",
    "írta", "escreveu", "a scris", "yazdı", "napsal", "napísal", "写道", "寫道", "작성",
    "のメッセージ",
)

_MONTH_FORMS: tuple[tuple[int, str], ...] = (
    # de, fr, es, it, pt, nl, da/no/sv, fi, pl, cs, sk, hr, hu, ro, ru, uk, tr, et
    (1, "januar jänner janvier janv enero ene gennaio genn gen janeiro jan januari januar "
        "tammikuuta tammik tammikuu stycznia sty ledna led januára január siječnja sij "
        "január ianuarie ian января янв січня січ ocak oca jaanuar"),
    (2, "februar feb février févr fevr febrero febbraio febb fevereiro fev februari "
        "helmikuuta helmik helmikuu lutego lut února úno februára február veljače velj "
        "február februarie февраля фев февр лютого лют şubat şub veebruar"),
    (3, "märz mär mars marzo março marts maart maaliskuuta maalisk maaliskuu marca "
        "března bře marca mart ožujka ožu március márc martie марта мар березня бер mart "
        "märts"),
    (4, "april avril avr abril abr aprile apr huhtikuuta huhtik huhtikuu kwietnia kwi "
        "dubna dub apríla apríl travnja tra április ápr aprilie апреля апр квітня квіт "
        "nisan nis aprill"),
    (5, "mai mayo may maggio magg mag maio mei maj toukokuuta toukok toukokuu maja "
        "května kvě mája máj svibnja svi május máj mai мая май травня трав mayıs may mai"),
    (6, "juni juin junio jun giugno giu junho jun juni kesäkuuta kesäk kesäkuu czerwca "
        "cze června čvn júna jún lipnja lip június jún iunie iun июня июн червня черв "
        "haziran haz juuni"),
    (7, "juli juillet juil julio jul luglio lug julho jul juli heinäkuuta heinäk heinäkuu "
        "lipca lip července čvc júla júl srpnja srp július júl iulie iul июля июл липня лип "
        "temmuz tem juuli"),
    (8, "august août aout agosto ago augustus aug elokuuta elok elokuu sierpnia sie srpna "
        "srp augusta aug kolovoza kol augusztus aug august aug августа авг серпня серп "
        "ağustos ağu august"),
    (9, "september sept septembre septiembre sep settembre sett set setembro syyskuuta "
        "syysk syyskuu września wrz září zář septembra sep rujna ruj szeptember szept "
        "septembrie sept сентября сен сент вересня вер eylül eyl september"),
    (10, "oktober okt octobre oct octubre ottobre ott outubro out lokakuuta lokak lokakuu "
         "października paź října říj októbra okt listopada lis október okt octombrie oct "
         "октября окт жовтня жовт ekim eki oktoober"),
    (11, "november nov novembre noviembre novembro marraskuuta marrask marraskuu "
         "listopada lis listopadu lis novembra nov studenog stu november nov noiembrie noi "
         "ноября ноя нояб листопада лист kasım kas november"),
    (12, "dezember dez décembre déc diciembre dic dicembre dezembro december dec "
         "joulukuuta jouluk joulukuu grudnia gru prosince pro decembra dec prosinca pro "
         "december dec decembrie dec декабря дек грудня груд aralık ara detsember"),
)
# Croatian "listopada" is October, Polish "listopada" November: the later (Polish) entry wins.
# "mar" is left out: it is also Tuesday in French, Spanish and Italian.
MONTHS: MappingProxyType[str, int] = MappingProxyType(
    {word: month for month, words in _MONTH_FORMS for word in words.split()}
)

# Abbreviations clients print after a time; minutes east of UTC.
TZ_OFFSETS: MappingProxyType[str, int] = MappingProxyType({
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "IST": 330,
    "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "SEČ": 60, "SELČ": 120,
    "EET": 120, "EEST": 180, "OEZ": 120, "OESZ": 180, "MSK": 180,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
})
