"""Per-language vocabularies for reply trimming: quote headers, mobile footers, sign-offs.

Only compiled regexes and constants live here; the logic that uses them is in replies.py.
"""

from __future__ import annotations

import re

# Verbs that end an attribution line ("On <date>, X wrote:"); they may only be followed by a
# colon or dashes, so a sentence such as "I wrote 3 tests for this:" is never a header.
_FINAL_VERBS = (
    "wrote", "writes", "has written", "a écrit", "a ecrit", "écrit", "nous a dit", "escribió", "escribio",
    "escreveu", "ha scritto", "scrisse", "napisał\\(a\\)", "napisała", "napisał", "napsal\\(a\\)", "napsal",
    "написал\\(а\\)", "написала", "написал", "написав", "пише", "het volgende geschreven", "geschreven",
    "kirjoitti", "írta", "yazdı", "έγραψε", "a scris", "je napisao", "je napisal", "rašė", "rakstīja",
    "kirjutas", "schreef", "skrev", "schrieb", "schrieben Sie",
)
# Verbs that may come before the author or date in Germanic word order
# ("Am 3. Mai schrieb Max <m@x.de>:", "Den 15. jun. kl. 20.42 skrev Jeff:").
_MEDIAL_VERBS = ("schrieb", "skrev", "schreef", "escreveu", "escribió", "a écrit", "wrote on", "написал")
_CJK_VERBS = ("写道", "寫道", "が書きました", "님이 작성", "님이 씀")

_LATIN_FINAL = "|".join(_FINAL_VERBS)
_LATIN_MEDIAL = "|".join(_MEDIAL_VERBS)
_CJK = "|".join(_CJK_VERBS)

# The words that open "On <date> ..." in various languages (Le, Am, El, Em, Il, Op, Den, Dnia, ...).
ON_WORDS = re.compile(
    r"^(?:on|at|in message|le|am|el|em|il|op|den|dnia|dňa|dne|w dniu|el día|el dia|на|в|di|på|pada|"
    r"op|vào|在|于|於)\b", re.I)

ATTRIBUTION_FINAL = re.compile(
    rf"(?:(?<![\w])(?:{_LATIN_FINAL})|(?:{_CJK}))\s*(?:\([^()]{{0,40}}\))?\s*[:：]?\s*-*\s*$", re.I)
ATTRIBUTION_MEDIAL = re.compile(rf"(?<![\w])(?:{_LATIN_MEDIAL})\s+\S.{{0,160}}[:：]\s*$", re.I)

EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HAS_DIGIT = re.compile(r"\d")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME = re.compile(r"(?<!\d)\d{1,2}[:.h]\d\d(?!\d)")
# Gmail's older headers: "2016-10-24 15:36 GMT+02:00 Foo Bar <foo@bar.com>:" or without address.
DATE_FIRST = re.compile(r"^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b")
GMT_OFFSET = re.compile(r"\bGMT[+-]\d{1,2}(?::?\d\d)?\b")
ENDS_WITH_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*(?:>|&gt;)?\s*[:：]?\s*$")

# "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded message:".
_SEPARATOR_WORDS = (
    "original message", "forwarded message", "reply message", "forwarded e-?mail",
    "inline attachment follows",  # AOL's forward
    "ursprüngliche nachricht",
    "weitergeleitete nachricht", "originalnachricht", "message d'origine", "message original",
    "message transféré", "mensaje original", "mensaje reenviado", "mensagem original", "mensagem encaminhada",
    "messaggio originale", "messaggio inoltrato", "oorspronkelijk bericht", "oorspronkelijk e-mailbericht",
    "doorgestuurd bericht", "originalmeddelande", "vidarebefordrat meddelande", "opprinnelig melding",
    "videresendt melding", "oprindelig meddelelse", "oprindelig besked",
    "videresendt besked", "videresendt meddelelse", "wiadomość oryginalna",
    "oryginalna wiadomość", "przekazana wiadomość", "исходное сообщение", "пересылаемое сообщение",
    "переслане повідомлення", "původní zpráva", "přeposlaná zpráva", "alkuperäinen viesti",
    "eredeti üzenet", "orijinal mesaj", "原始邮件", "原始郵件", "转发邮件", "元のメッセージ",
)
SEPARATOR = re.compile(
    r"^[\s>*_]*(?:-{2,}|_{2,}|={2,})?\s*(?:" + "|".join(_SEPARATOR_WORDS) + r")\s*:?\s*(?:-{2,}|_{2,}|={2,})?[\s*_]*$"
    # Lotus Notes: "----- Forwarded by Jane Doe/HOU/ECT on 07/17/2000 08:18 AM -----", often wrapped
    r"|^[\s>]*-{3,}\s*forwarded by\s.{1,120}?\son\s\d{1,2}/\d{1,2}/\d{2,4}",
    re.I)
# Lotus Notes puts the sender and the date above an unlabeled "To: / cc: / Subject:" block:
# "Jane Doe\n10/25/2001 02:18 PM" or '"Doe, Jane" <jd@x.com> on 05/21/2001 11:17:21 AM'
LOTUS_DATE = re.compile(r"(?:^|\s)\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?"
                        r"(?:\s+[A-Z]{2,4})?\s*$")
# Novell GroupWise opens the history it keeps (unquoted) below a reply with one line between chevrons:
# '>>> "Bailey, Susan" <Susan.Bailey@ENRON.com> 11/21/01 11:45AM >>>', '>>> Jan Novak 21.11.2001 09:14 >>>'
GROUPWISE = re.compile(r"^\s*>>>\s*\S.{0,160}?\s(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d\d-\d\d)\s+"
                       r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*>>>\s*$")
LOTUS_SENT_BY = re.compile(r"^\s*sent by:\s*\S", re.I)
LOTUS_TO = re.compile(r"^\s*to:\s", re.I)
LOTUS_CC = re.compile(r"^\s*cc:", re.I)
LOTUS_SUBJECT = re.compile(r"^\s*subject:", re.I)
FORWARD_INTRO = re.compile(
    r"^[\s>*]*(?:begin forwarded message|début du message (?:réexpédié|transféré)|"
    r"anfang der weitergeleiteten (?:nachricht|e-mail)|inicio del mensaje reenviado|"
    r"início da mensagem reencaminhada|inizio messaggio inoltrato|begin doorgestuurd bericht)\s*:?\s*$", re.I)

# Header fields of an inline "From: / Sent: / To: / Subject:" block, per language.
_FROM_FIELDS = (
    "from", "de", "von", "da", "van", "från", "fra", "od", "от", "від", "feladó", "lähettäjä", "kimden",
    "expéditeur", "remitente", "mittente", "afzender", "nadawca", "发件人", "寄件者", "差出人", "보낸 사람",
)
_OTHER_FIELDS = (
    "sent", "date", "dato", "message du", "copie à", "sujet",
    "to", "cc", "bcc", "subject", "reply-to", "gesendet", "datum", "an", "betreff", "kopie",
    "envoyé", "envoye", "à", "a", "objet", "enviado", "enviada", "enviada em", "fecha", "para", "asunto",
    "assunto", "data", "inviato", "oggetto", "risposta", "verzonden", "aan", "onderwerp", "skickat", "till",
    "ämne", "sendt", "til", "emne", "wysłano", "wysłane", "do", "temat", "dw", "отправлено", "дата", "кому",
    "тема", "копия", "надіслано", "lähetetty", "vastaanottaja", "aihe", "elküldve", "címzett", "tárgy",
    "gönderildi", "kime", "konu", "odesláno", "komu", "předmět", "发送时间", "收件人", "主题", "抄送",
    "日期", "寄件日期", "收件者", "主旨", "送信日時", "宛先", "件名", "보낸 날짜", "받는 사람", "제목",
)
HEADER_FROM = re.compile(r"^\s*[*_]*(?:" + "|".join(_FROM_FIELDS) + r")[*_]*\s*[:：][*_]*\s*\S", re.I)
HEADER_ANY = re.compile(
    r"^\s*[*_]*(?:" + "|".join(_FROM_FIELDS + _OTHER_FIELDS) + r")[*_]*\s*[:：][*_]*\s*\S?", re.I)

# Mobile and webmail footers: a line that is nothing but "Sent from my iPhone" and the like.
_DEVICES = (
    r"mobile|phone|iphone|ipad|ipod|android|galaxy|samsung|blackberry|outlook|mail|airmail|mailbox|device|"
    r"tablet|app|sparrow|superhuman|spark|newton|proton|tutanota|fastmail|yahoo|gmail|windows|huawei|"
    r"xiaomi|pixel|nokia|htc|motorola|sony|oneplus|cell|k-9|bluemail|edison|hey"
)
_MOBILE_START = (
    r"^[\W_]*(?:"
    r"sent (?:from|on) my\b|sent (?:from|via|with|by|using|on) .{0,40}?\b(?:" + _DEVICES + r")\b|"
    r"\w+ from (?:my )?(?:mobile|phone|iphone|ipad|android)\b|from my (?:iphone|ipad|android|mobile|phone|"
    r"samsung|galaxy|blackberry|smartphone)\b|get (?:the )?(?:outlook|gmail|yahoo mail) (?:for|app)\b|"
    r"envoyé (?:de|depuis|à partir de) (?:mon|ma|l'|yahoo|outlook|gmail|iphone)|"
    r"von meine[mr] .{1,60} gesendet|gesendet (?:von|mit|vom) (?:meinem|meiner|der|dem|einem|iphone|ipad|"
    r"android|outlook|blackberry|gmx|web\.de)|diese nachricht wurde von .{1,80} gesendet|"
    r"enviado (?:desde|de|do|pelo|a partir do) (?:mi|meu|minha|yahoo|outlook|iphone|android|un|o)\b|"
    r"enviada do meu|inviato da(?:l| un| il)? |inviato con |"
    r"(?:verzonden|verstuurd) (?:vanaf|met|van) (?:mijn|de|een|iphone|blackberry|outlook|samsung)|"
    r"skickat från (?:min|outlook|e-post|mail)|från min |sendt fra (?:min|mit|outlook|mail|samsung)|"
    r"wysłane z |wysłano z |отправлено (?:с|из) |надіслано з |odesláno z |lähetetty .{0,30}(?:iphone|"
    r"laitteesta|puhelimesta)|(?:iphone|ipad)['’]?(?:umdan|dan|den) gönderildi|"
    r"從我的|从我的|發自我的|发自我的|由我的"
    r")"
)
_MOBILE_END = r"から送信\s*$"
MOBILE_FOOTER = re.compile(f"{_MOBILE_START}|{_MOBILE_END}", re.I)
# Its two halves, for a cheaper test of the same thing: the first may only match at the start
# of the line (it begins with ^), the second only where its literal text stands.
MOBILE_FOOTER_START = re.compile(_MOBILE_START, re.I)
MOBILE_FOOTER_END = re.compile(_MOBILE_END, re.I)
MOBILE_FOOTER_END_TEXT = "から送信"

# Sign-offs that end the message proper; a name and maybe a contact block follow them.
SIGN_OFF = re.compile(
    r"^[\s\-–—]*(?:(?:best|kind|warm|warmest|kindest|many|with|all the)? ?(?:regards|wishes)|best|"
    r"cheers|thanks|thank you|thanks again|thanks so much|thanks a lot|many thanks|thx|ta|sincerely|"
    r"yours(?: truly| sincerely| faithfully)?|faithfully|respectfully|cordially|all the best|take care|"
    r"talk soon|speak soon|best wishes|greetings|love|hugs|"
    r"mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|viele grüße|beste grüße|"
    r"liebe grüße|lg|mfg|vg|gruß|gruss|grüße|herzliche grüße|"
    r"cordialement|bien cordialement|bien à vous|amicalement|salutations|merci|bonne journée|"
    r"saludos|un saludo|atentamente|cordialmente|gracias|muchas gracias|abrazos|"
    r"atenciosamente|abraços|obrigad[oa]|cumprimentos|"
    r"cordiali saluti|distinti saluti|saluti|grazie|un saluto|"
    r"met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groeten|groet|"
    r"med vänliga hälsningar|vänliga hälsningar|hälsningar|mvh|med venlig hilsen|venlig hilsen|hilsen|"
    r"med vennlig hilsen|vennlig hilsen|"
    r"pozdrawiam|z poważaniem|z powazaniem|s pozdravem|с уважением|спасибо|з повагою|ystävällisin terveisin|"
    r"terveisin|üdvözlettel|saygılarımla|此致|谢谢|祝好|よろしくお願いします|감사합니다"
    r")[^\w]*$", re.I)

# Openers of legal disclaimers and confidentiality notices appended by mail servers.
DISCLAIMER = re.compile(
    r"(?:intended (?:solely )?(?:only )?for the (?:use of the )?(?:addressee|intended recipient|named)|"
    r"if you are not the (?:intended|named) (?:recipient|addressee)|"
    r"if you have received this (?:e-?mail|message|communication|transmission) in error|"
    r"^[\s*]*(?:confidentiality (?:notice|note|warning|statement)|legal disclaimer|disclaimer|"
    r"privileged (?:and|&) confidential|important notice)\b|"
    # a heading in capitals that ends in it: "IMPORTANT INFORMATION & CONFIDENTIALITY NOTICE" (not "Attached is
    # the revised confidentiality notice")
    r"(?-i:^[\s*]*[A-Z &,'-]{0,40}\bCONFIDENTIALITY (?:NOTICE|NOTE|WARNING|STATEMENT)[\s*:]*$)|"
    # the legal sentence itself, with its legal continuation (not "... is confidential until Monday: I got the job!")
    r"^[\s*]*the information (?:contained )?in this (?:e-?mail|message|communication|transmission)"
    r"(?: and any [^.]{0,40})? (?:is|are|may be) (?:strictly )?(?:confidential|privileged)"
    r"(?:\s+and\s+(?:may\s+be\s+)?(?:legally\s+)?(?:privileged|confidential|protected|intended)|\s*\.)|"
    r"^[\s*]*this (?:e-?mail|message|communication|transmission)(?: and any (?:files|attachments?)"
    r"[^.]{0,40})? (?:is|are|may contain|contains?) (?:strictly )?(?:confidential|privileged)|"
    r"diese e-?mail (?:enthält|kann) vertrauliche|ce (?:message|courriel|mail) (?:et ses pièces jointes )?"
    r"(?:est|sont|peut contenir) (?:confidentiel|strictement)|"
    # mailing-list footers: what follows a quote is not a reply when it is one of these
    r"^[\s*]*(?:to unsubscribe from this group|your use of yahoo!? groups is subject|"
    r"you received this (?:message|email) because you are subscribed))", re.I)

# What a signature block is made of.
PHONE = re.compile(
    r"(?<![\w+(])((?:\+|\(\+?)?\d{1,4}\)?(?:[\s.\-/]{0,2}\(?\d{1,5}\)?){2,6})(?![\w])")
PHONE_LABEL = re.compile(
    r"^\s*(?:tel(?:ephone|éfono|efon|efone)?|phone|ph|mobile|mob|cell|direct|office|work|m|t|p|o|d|"
    r"handy|mobil|portable|téléphone|tél|celular|móvil|telefono|cellulare|gsm|тел)\.?\s*[:.]?\s*", re.I)
FAX_LABEL = re.compile(r"^\s*fax\b", re.I)
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|co|ai|de|fr|uk|eu|dev|app)(?:/\S*)?\b",
                 re.I)
TITLE_WORDS = re.compile(
    r"\b(?:ceo|cto|cfo|coo|cmo|cio|vp|svp|evp|founder|co-founder|cofounder|president|director|manager|"
    r"engineer|developer|designer|architect|officer|head|lead|chief|partner|principal|consultant|"
    r"analyst|associate|coordinator|specialist|advisor|adviser|professor|prof|lecturer|researcher|"
    r"scientist|editor|journalist|reporter|correspondent|writer|producer|recruiter|owner|chair|chairman|"
    r"secretary|assistant|administrator|admin|intern|student|attorney|lawyer|counsel|accountant|"
    r"executive|representative|strategist|marketing|sales|account|product|community|team|"
    # abbreviated titles and trades that are nobody's surname: "Sr. HR Rep", "Ops Mgr", "Paralegal" (not Nurse,
    # Clerk, Buyer, Broker, Trader, Agent, Teacher: Paul Nurse signs with his name)
    r"rep|mgr|supervisor|superintendent|controller|treasurer|paralegal|technician|physician|"
    r"geschäftsführer|leiter|gerente|directeur|directrice|responsable|ingénieur|diretor|direttore)\b",
    re.I)
COMPANY_SUFFIX = re.compile(
    r"\b(?:inc|ltd|llc|llp|plc|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|ab|as|oy|kg|co|corp|corporation|"
    r"company|group|holdings|labs|university|universität|université|college|institute|foundation|"
    r"agency|studio|studios|partners|ventures|capital|consulting|solutions|technologies|systems)\b\.?",
    re.I)
FREEMAIL = frozenset((
    "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "icloud", "me", "mac", "aol",
    "gmx", "web", "proton", "protonmail", "yandex", "mail", "qq", "163", "126", "zoho", "fastmail",
    "tutanota", "hey", "example",
))

# Warnings a mail server puts above the message ("CAUTION: This email originated from outside ...").
BANNER = re.compile(
    r"^[\s*\[]*(?:caution|warning|attention|external(?: email| sender)?|notice|achtung|attention)[\]\s*]*[:\-]\s*"
    r"(?:this|the) (?:e-?mail|message) (?:originated|came|was sent|is) from (?:outside|an? external)", re.I)
