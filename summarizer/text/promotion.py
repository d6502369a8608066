"""Promotion and site furniture: lines that advertise, ask the reader to act, or are the page."""

from __future__ import annotations

import re

from summarizer.text.language import ARTICLES, QUESTION_WORDS, alternation, word_set
from summarizer.text.months import MONTHS_BY_LANGUAGE
from summarizer.text.reader_words import READER_WORDS, plug_words, site_to_reader
from summarizer.text.speech import SPEECH_VERBS, STANCE_VERBS
from summarizer.text.tokenizer import OPENING_MARKS
from summarizer.text.verbs import shows_verb

__all__ = ["is_promotional", "lists_dated_items", "orders_reader", "shouts_order"]


# Site furniture that no news sentence holds: links, handles, consent lines, sponsorship, a
# pointer to a link, as a whole line ("For more information, go here.", "Go here for more.", "More
# details here."; not a speaker's '"See here, we have no more beds," a nurse said.').
_FURNITURE = re.compile(
    r"https?://|www\.|\S@\S|(?:^|\s)@\w{2,}|\bfollow \w+ on (?:twitter|facebook|instagram|x)\b"
    r"|\b(?:click|tap) here\b"
    # the page's own controls: "Press enter to return or tab to continue.", "Hit Esc to close"
    r"|\b(?:press|hit) (?:the )?(?:enter|return|tab|esc|escape|space|spacebar)(?: key)? to\b"
    r"|^\W*(?:for more[\w ]{0,30},\s*)?(?:go|look|see|head) here(?: for more(?: \w+){0,2})?\W*$"
    r"|^\W*more (?:information|info|details)(?: is available)? here\W*$"
    r"|all rights reserved|©|\bskip to\b|\bfollow us\b"
    r"|\bshare this (?:article|story|post|page|video)\b"
    r"|\bpromo(?:tion(?:al)?)? code\b|\bdiscount code\b|\baffiliate (?:link|commission)s?\b"
    r"|\b(?:gutschein|rabatt)code\b|\bcode (?:promo|de réduction)\b"
    r"|\bc[óo]digo (?:de )?(?:descuento|desconto|promocional)\b|\bcup[óo]n de descuento\b"
    r"|\bcodice sconto\b|\bcupom de desconto\b|\bkortingscode\b|промокод"
    r"|\bbrought to you by\b|\babonnez-vous|\babonne-toi"
    r"|\binscrivez-vous|\bsuscr[ií]bete|\biscriviti\b|\binscreva-se|подписывайтесь|подпишитесь"
    r"|підписуйтесь|підпишіться",
    re.IGNORECASE,
)
# Substrings without which _FURNITURE cannot match (lower case).
_FURNITURE_ANCHORS = (
    "http",
    "www.",
    "@",
    "here",
    "press ",
    "hit ",
    "reserved",
    "©",
    "skip to",
    "follow ",
    "share this",
    "code",
    "codice",
    "cupom",
    "cupón",
    "digo",
    "промокод",
    "affiliate",
    "brought to you",
    "abonne",
    "inscri",
    "suscr",
    "iscriviti",
    "inscreva",
    "подпи",
    "підпи",
)
# Words of subscription and site furniture that news also uses ("plans to sign up AOL's
# customers", "violated its copyright"): promotion only when the line speaks to the reader or
# is as short as a label.
_SITE_WORDS = re.compile(
    r"\bsubscri(?:be|ption|bers?)\b|\bsign(?:ing)? up\b|\bnewsletters?\b|\binbox\b"
    r"|\bcookies?\b|\bcopyright\b|\bread more\b|\badvertisement\b|\bterms of (?:use|service)\b"
    r"|\bprivacy policy\b|\bfree (?:trial|shipping|delivery|returns)\b|\bships? (?:for )?free\b"
    r"|\b(?:back|now|currently) in stock\b|\bin stock (?:now|today)\b"
    r"|\b(?:sponsored|powered|presented) by\b"
    r"|\bpartnership with\b|\babonn|\bnewsletter|подписк|підписк"
    # shipping and stock: de, fr, es, it, pt, nl, ru, uk
    r"|\bkostenlose[rn]? (?:versand|lieferung)\b|\bversandkostenfrei\b|\bauf lager\b"
    r"|\blivraison (?:gratuite|offerte)\b|\ben stock\b|\benv[íi]o (?:gratis|gratuito)\b"
    r"|\bspedizione (?:gratuita|gratis)\b|\bdisponibile in magazzino\b"
    r"|\b(?:frete|envio) (?:gr[áa]tis|gratuito)\b|\bem estoque\b"
    r"|\bgratis (?:verzending|bezorging|verzonden)\b|\bop voorraad\b"
    r"|бесплатн\w* доставк|в наличии|безкоштовн\w* доставк|в наявності",
    re.IGNORECASE,
)
_SITE_ANCHORS = (
    "subscri",
    "sign",
    "newsletter",
    "inbox",
    "cookie",
    "copyright",
    "read more",
    "advertis",
    "terms of",
    "privacy",
    "free ",
    "sponsored by",
    "powered by",
    "presented by",
    "partnership",
    "abonn",
    "ship",
    "deliver",
    "returns",
    "stock",
    "versand",
    "lieferung",
    "lager",
    "livraison",
    "env",
    "spedizione",
    "magazzino",
    "frete",
    "estoque",
    "gratis",
    "voorraad",
    "доставк",
    "налич",
    "наявн",
    "подпис",
    "підпис",
)
# The anchors above, and those an ASCII line can hold (most lines: fewer substring tests).
_ANCHORS = (_FURNITURE_ANCHORS, _SITE_ANCHORS)
_ASCII_ANCHORS = (
    tuple(a for a in _FURNITURE_ANCHORS if a.isascii()),
    tuple(a for a in _SITE_ANCHORS if a.isascii()),
)
_LABEL_WORDS = 8
# German addresses the reader with the capitalised "Sie", "Ihnen", "Ihr(e)" inside a sentence
# (in lower case they are "she", "they", "her", "their"). English second-person words count in a
# line of any language ("Grab yours today!").
_YOU = re.compile(r"\b(?:" + alternation(READER_WORDS["en"].you) + r")\b")
_FORMAL_GERMAN = re.compile(r"(?<=[\w,] )(?:Sie|Ihnen|Ihr|Ihre[mnrs]?)\b")
_LETTERS = re.compile(r"[^\W\d_]+")
# A thanks to the reader ("Obrigado por compartilhar nosso conteúdo!").
_THANKS = re.compile(
    r"^\W*(?:thanks?(?: you)? for|obrigad[oa] (?:por|pel[oa])|gracias por|merci (?:de|d'|pour)"
    r"|danke (?:für|fürs)|grazie (?:per|di)|bedankt voor|спасибо за|дякуємо за|дякую за)\b",
    re.IGNORECASE,
)
# A site's call for the reader's tips or mail ("Got a confidential news tip? We want to hear
# from you.", "Let us know in the comments.", "Schreiben Sie uns", "Écrivez-nous"): the page
# asks, no report tells. The site speaks of itself ("us", "we") or the call opens the line
# ("Get in touch at ...", "Send your tips to ..."): "Residents were told to get in touch with
# police", "The agency asked the public to send tips" report someone else's appeal. Read after
# a speaker's words ('"Let us know," the mayor said').
_READER_CALL = re.compile(
    r"\bwe(?:'d| would)? (?:want|love|like) to hear from you\b|\blet us know\b"
    r"|\bget in touch with us\b|\b(?:contact|email|e-mail) us\b"
    r"|\bsend us (?:your |a |any )?(?:\w+ )?tips?\b|\bgot a (?:confidential |news )*tip\b"
    r"|^\W*(?:get in touch\b|send (?:your |a |any )?(?:news )?tips?\b)"
    r"|\bschreiben sie uns\b|\bkontaktieren sie uns\b|\bécrivez-nous\b|\bcontactez-nous\b"
    r"|\bescr[íi]benos\b|\bcont[áa]ctanos\b|\bscrivici\b|\bcontattaci\b|\bfale conosco\b"
    r"|\bescreva-nos\b|\bmail ons\b|\bneem contact met ons op\b|пишите нам|свяжитесь с нами"
    r"|пишіть нам|зв['’]яжіться з нами",
    re.IGNORECASE,
)
# Someone else's appeal, reported: a subject that is not the site ("we", "you", "I", "our ...")
# asks, urges or tells people to get in touch ("Police asked witnesses to email us at ...",
# "The agency urged anyone with information to contact ..."): the address or the "us" in it
# is the appealer's, so the line reports news. A site's own call ("Email us your tips at ...",
# "We asked readers to email us") has no such subject, and one the site names itself in ("BBC
# News invites you to send ...", "The editors asked readers to email us") asks the reader: its
# object is "you", "us" or the site's audience.
_APPEAL_VERBS = (
    r"(?:asked|asks|urged|urges|appealed|appeals|called on|calls on|told|tells|encouraged"
    r"|encourages|requested|requests|invited|invites)"
)
_REPORTED_APPEAL = re.compile(
    r"^\W*(?!(?:we|you|i|our|your|us)\b)(?:[\w'’.-]+ ){1,5}"
    + _APPEAL_VERBS
    + r" (?!(?:you|your|readers|viewers|listeners|users|subscribers|us|our)\b)"
    r"(?:[\w'’-]+ ){1,6}?to (?:e-?mail|contact|call|phone|write to|message|text|send)\b",
    re.IGNORECASE,
)
# An email address: in a reported appeal it is the appealer's, not the page's (see above).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A label that introduces a tip, a plug or a note to the reader rather than news.
_LABEL = re.compile(
    r"^\W*(?:pro tip|tip|hint|editor'?s note|note|ps|p\.s|sponsored|ad|advertisement|related"
    r"|read (?:more|also|next)|also read|see also|watch|listen|recommended|bonus|deal"
    r"|disclosure)\s*:",
    re.IGNORECASE,
)
# A publication praising itself: "X is the preferred / leading / go-to ... of/for ...".
_SELF_PRAISE = re.compile(
    r"\bis (?:the|your) (?:\w+ )?(?:preferred|leading|premier|favou?rite|go-to|ultimate|must-read"
    r"|number one|no\. ?1|#1|best|fastest[- ]growing|most (?:trusted|popular|read))\b"
    r"[^.!?]{0,80}\b(?:reading|read|source|destination|newsletter|briefing|site|app|podcast|guide)\b",
    re.IGNORECASE,
)
# Calls to act addressed to the reader, by language: an imperative verb opening the sentence.
_CALLS_TO_ACT: dict[str, frozenset[str]] = {
    "en": word_set(
        """get learn find discover download sign join follow subscribe click tap shop buy order
        try start grab claim book register watch listen read see check explore visit unlock
        upgrade enter don't make browse stay escape"""
    ),
    "de": word_set(
        """abonnieren abonniere melden klicken klicke lesen lies erfahren
        entdecken entdecke holen hol laden lade folgen folge jetzt sichern sichere testen"""
    ),
    "fr": word_set(
        """abonnez-vous abonne-toi inscrivez-vous cliquez découvrez téléchargez suivez lisez
        retrouvez profitez rejoignez essayez"""
    ),
    "es": word_set(
        """suscríbete suscríbase regístrate haz descubre descarga síguenos sigue lee consulta
        únete aprovecha prueba"""
    ),
    "it": word_set(
        """iscriviti abbonati clicca scopri scarica seguici segui leggi registrati prova
        approfitta"""
    ),
    "pt": word_set(
        """assine inscreva-se clique descubra baixe siga leia cadastre-se experimente aproveite
        deixe compartilhe comente assista"""
    ),
    "nl": word_set("""abonneer meld klik ontdek download volg lees probeer bestel registreer"""),
    "ru": word_set(
        """подписывайтесь подпишитесь читайте смотрите узнайте скачайте переходите нажмите
        присоединяйтесь следите"""
    ),
    "uk": word_set(
        """підписуйтесь підпишіться читайте дивіться дізнайтеся завантажте переходьте натисніть
        приєднуйтесь стежте"""
    ),
}
# A second word that shows the first is a verb addressed to the reader ("Protect your ..."):
# each language's objects with the English ones (checked in every language).
_OBJECTS_BY_LANGUAGE = {
    language: READER_WORDS["en"].objects | words.objects for language, words in READER_WORDS.items()
}
# Words that follow an imperative verb of the list above rather than a noun of the same form.
_IMPERATIVE_OBJECTS = word_set("the a an more out up all every it this these our us me started")
# An order shouted in capitals opening a line, as English event listings write them ("SPEND a day
# in the country ...", "ATTEND a two-day symposium ..."): a verb of the listings in capitals, then
# a word that opens its object or the verb's particle in capitals ("CHEER ON Juniors ..."). Only
# verbs of a short list, not any shouted word: an acronym opens
# news in every language ("SNCF a supprimé", "UEFA a sanctionné", "BBC an investigation found").
# The calls to act and the words after them, with the verbs and objects only listings shout.
_SHOUTED_OBJECTS = _IMPERATIVE_OBJECTS | word_set("your some")
_SHOUTED_VERBS = _CALLS_TO_ACT["en"] | word_set(
    """spend attend enjoy bring take come celebrate meet experience taste hear save call reserve
    support donate win cheer"""
)
# A shouted verb's particle, shouted with it: "CHEER ON Juniors ...", "CHECK OUT the ...".
_SHOUTED_PARTICLES = frozenset({"ON", "UP", "OUT", "IN", "BY", "OVER"})
_MIN_SHOUTED = 4
# A speaker's verb after a name in title case ("SAVE the Children said ...") or after a comma,
# maybe closing a quotation ("FIND a way to end the war, the UN chief told ...", '"Protect your
# homes," the mayor urged'): an organisation's name or a speaker's words, not a listing's order
# nor a plug.
# The stance verbs' past forms only: "demand", "warns" are nouns too ("before demand soars!").
_SPEECH = alternation(SPEECH_VERBS | {v for v in STANCE_VERBS["en"] if v.endswith("ed")})
_NAME_SPEAKS = re.compile(rf"^\W*[A-Z]+ (?:\w+ )?(?:[A-Z][\w'’&.-]* ){{1,4}}(?:{_SPEECH})\b")
_REPORTED = re.compile(
    rf",[\"”’']? (?!(?:we|you|i|which|who|that|as)\b)(?:[\w'’.-]+ ){{1,5}}(?:{_SPEECH})\b",
    re.IGNORECASE,
)
# A shop's listing: the words of a deals page only. A price alone is no listing: "Tesla sells
# the Model 3 for $35,000", "Netflix offers its basic plan for $6.99 a month" are business news.
# Every gap is bounded, so a long line without full stops costs linear time.
_STORES = r"(?:amazon|walmart|best buy|target|ebay|newegg|costco|b&h|home depot|aliexpress)"
_SHOP = re.compile(
    r"\btoday only\b|\ball-time low\b|\bprice (?:drop|break)\b|\bcertified refurbished\b"
    r"|\bbest deals\b|\bregular (?:going )?(?:rate|price)\b"
    r"|\b\d{1,2}% off (?:at the moment|right now)\b"
    r"|(?:^|[,;:!] |\band )save \$\d[\d,.]*(?!\d|[.,]\d|\s*(?:million|billion|trillion|bn|mn|m)\b)"
    r"|\bdeals? (?:at|from|on) " + _STORES + r"\b|\b" + _STORES + r"(?:'s)? deals?\b",
    re.IGNORECASE,
)
# "20% off" is a shop's only beside a deals word: markets trade "30% off highs", "12% off record
# levels", "15% off last year's level".
_PERCENT_OFF = re.compile(
    r"\b\d{1,2}% off\b(?!\s+(?:its|their|his|her|the|a|an|from|after)\b)", re.IGNORECASE
)
_DEALS = re.compile(
    r"\b(?:(?:best|great|top) deals?|deal of the day|on sale|sale price|discount(?:s|ed)?"
    r"|coupons?|bargains?|clearance|sitewide|storewide|limited[- ]time|while (?:stocks|supplies)"
    r" last|black friday|cyber monday|prime day|vouchers?|promo|(?:at|from|on) " + _STORES + r")\b",
    re.IGNORECASE,
)
_SHOP_ANCHORS = (
    "today only",
    "all-time",
    "price",
    "deal",
    "refurbished",
    "regular",
    "% off",
    "save $",
)
# A shop speaking of its own prices, warranty and coupons, in words no report uses: the price
# history it keeps ("Our previous mention was at $750.", "the lowest price we can find", "We've
# only seen it this low once"), a list price it abbreviates ("Orig. $1,599"), what comes with a
# purchase ("Includes a 90-day warranty with purchase."; a listing's item with no subject), a
# coupon to clip. A report of a company's price cut or a warranty recall names the company and
# says what it did ("Apple cut the price to $699", "Samsung extends the warranty ..."). English
# only: a shop's phrases in other languages are its shipping, stock and codes (_SITE_WORDS,
# _FURNITURE).
_SHOP_VOICE = re.compile(
    r"\bour (?:previous|last|prior) mention\b"
    r"|\b(?:lowest (?:[\w-]+ )?(?:price|deal|offer)|best price)s? (?:that )?we(?:'ve|’ve| have)?"
    r" (?:(?:can|could) )?(?:find|found|seen|tracked)\b"
    r"|\bwe(?:'ve|’ve| have) (?:only )?(?:ever )?seen it (?:this|that|so) low\b"
    r"|\b(?:orig|reg)\. \$\d"
    r"|\bwith (?:(?:any|each|every|your) purchase\b|purchase\b(?! of\b))"
    r"|^\W*(?:includes|comes with|backed by|covered by) (?:a|an) [\w-]+ (?:limited )?warranty\b"
    r"|\b(?:clip|apply|use) (?:the |this |our )?(?:on-page |digital |extra )?coupon\b"
    r"|\bcoupon code\b"
    r"|\b(?:deals?|pricing|discounts?)\b[^.!?]{0,80}?\b(?:is|are) (?:now )?live (?:at|on)\b",
    re.IGNORECASE,
)
_SHOP_VOICE_ANCHORS = (
    "mention",
    "seen it",
    " we",
    ". $",
    "purchase",
    "warranty",
    "coupon",
    "live ",
)


# A listing's items, each dated by its day set off by commas, as event calendars write them:
# "VIP meet-and-greet cocktail hour, Oct. 26, and special evening reception/lecture, Oct. 27.",
# "Cocktail VIP, 26 octobre, et réception du soir, 27 octobre." A report dates what happened
# with a preposition ("met on Oct. 26", "le 26 octobre") and says it with a verb.
_AND = {
    "en": "and",
    "de": "und",
    "fr": "et",
    "es": "y|e",
    "it": "e|ed",
    "pt": "e",
    "nl": "en",
    "ru": "и",
    "uk": "і|й|та",
}
_ITEM = r"[^,;\s][^,;]{2,79}"  # no blank first: `,\s*` alone takes the blanks
_DAY_NUMBER = r"\d{1,2}\.?(?:\s*[–-]\s*\d{1,2}\.?)?"


def _dated_items(language: str) -> re.Pattern[str]:
    """Two or more items, each followed by its day between commas, in a language's way of
    writing a day: "Oct. 26" (English names capitalised), "26. Oktober", "26 de octubre"."""
    months = MONTHS_BY_LANGUAGE[language]
    if language == "en":
        names = alternation(m.capitalize() for m in months)
        day = rf"(?:{names})\.?\s+{_DAY_NUMBER}"
    else:
        names = alternation(months)
        day = rf"{_DAY_NUMBER}\s+(?:de\s+)?(?i:{names})\.?"
    return re.compile(
        # each further item atomic: a line that fails near its end is not split 2^n ways
        rf"^{_ITEM},\s*{day}(?>,\s*(?:(?:{_AND[language]})\s+)?{_ITEM},\s*{day})+\s*[.;]?$"
    )


_DATED_ITEMS: dict[str, re.Pattern[str]] = {language: _dated_items(language) for language in _AND}


def lists_dated_items(sentence: str, language: str = "en") -> bool:
    """Tell whether a line lists items dated by their days, as a calendar does.

    "VIP meet-and-greet cocktail hour, Oct. 26, and special evening reception/lecture, Oct.
    27.": two or more items, each followed by its day between commas, and no finite verb
    (verbs.shows_verb: "Protests took place in Paris, Oct. 26, and in Lyon, Oct. 27." reports).
    Such a line tells what is on, not what happened.

    Args:
        sentence: one sentence or line.
        language: ISO 639-1 code; en, de, fr, es, it, pt, nl, ru and uk are judged (others:
            False).

    Returns:
        True for a listing's line.
    """
    pattern = _DATED_ITEMS.get(language)
    text = sentence.strip()
    return (
        pattern is not None and pattern.match(text) is not None and not shows_verb(text, language)
    )


def shouts_order(sentence: str, language: str = "en") -> bool:
    """Tell whether an English line opens with an order shouted in capitals ("SPEND a day ...").

    Args:
        sentence: one sentence or line.
        language: ISO 639-1 code; only English is judged (other languages: False).

    Returns:
        True when a listing's verb in capitals opens the line, followed by its object.
    """
    if language != "en":
        return False
    opening = sentence.strip().lstrip(OPENING_MARKS).split(maxsplit=2)
    if len(opening) < 2:
        return False
    first = opening[0]
    return (
        len(first) >= _MIN_SHOUTED
        and first.isalpha()
        and first.isupper()
        and first.lower() in _SHOUTED_VERBS
        and (opening[1] in _SHOUTED_OBJECTS or opening[1] in _SHOUTED_PARTICLES)
        and not _NAME_SPEAKS.search(sentence)
        and not _REPORTED.search(sentence)
    )


def _opens_with_article(first: str, language: str) -> bool:
    """Tell whether a line's first word (lower case, with "'" for apostrophes) is an article of
    its language, English's for a language without a table ("the", "le", "l'homme")."""
    head, elided, _ = first.partition("'")
    return head + elided in ARTICLES.get(language, ARTICLES["en"])


def _exclaims_to_reader(text: str, language: str) -> bool:
    """Tell whether a line addresses the reader in a second-person word of its language (English
    ones in every language: "Grab yours today!")."""
    if _YOU.search(text.lower()):
        return True
    if language == "de" and _FORMAL_GERMAN.search(text):
        return True
    words = READER_WORDS.get(language)
    return words is not None and any(map(words.you.__contains__, _LETTERS.findall(text.lower())))


def is_promotional(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence advertises, asks the reader to act or is site furniture.

    The signs: site furniture (links, handles, "All rights reserved", "sponsored by"), or words
    of subscription and consent ("newsletter", "sign up", "cookies") in a line that speaks to the
    reader or is as short as a label (news uses them too: "plans to sign up AOL's customers"); a
    label such as "Pro tip:" or "Read more:"; an imperative call to act that speaks to the
    reader ("Get more ideas here!", "Start your day with ..."); a publication praising itself ("X
    is the preferred reading of ..."); an order shouted in capitals ("SPEND a day ...") or a
    calendar's dated items ("VIP cocktail hour, Oct. 26, and reception, Oct. 27."); a shop's
    listing ("Today only, ...", "certified refurbished", "20% off") or its own voice about its
    prices, warranty and coupons ("Our previous mention was at $750.", "Includes a 90-day
    warranty with purchase."); a short line of shipping or stock ("Free shipping is available
    for all.", "Livraison gratuite dès 50 euros."); a call for the reader's tips or mail ("We
    want to hear from you.", "Let us know in the comments.", "Écrivez-nous").

    Args:
        sentence: one sentence or line.
        language: ISO 639-1 code for the calls to act (English ones are checked in every language).

    Returns:
        True for promotion.
    """
    text = sentence.strip()
    lower = text.lower()
    # Cheap substring tests first (in C: map, not a generator): most sentences hold none of the
    # words the patterns need.
    furniture, site_words = _ASCII_ANCHORS if lower.isascii() else _ANCHORS
    appeal = " to " in lower and _REPORTED_APPEAL.search(text) is not None
    if appeal:
        text = _EMAIL.sub("", text)  # "Police asked witnesses to email tips@...": theirs
        lower = text.lower()
    if any(map(lower.__contains__, furniture)) and _FURNITURE.search(text):
        return True
    site = any(map(lower.__contains__, site_words)) and _SITE_WORDS.search(text)
    if site and (len(text.split()) <= _LABEL_WORDS or site_to_reader(text)):
        return True
    if ":" in text[:40] and _LABEL.search(text):
        return True
    if (" is the " in lower or " is your " in lower) and _SELF_PRAISE.search(text):
        return True
    if shouts_order(text, language):
        return True  # "SPEND a day in the country ..."
    if text.count(",") >= 3 and lists_dated_items(text, language):
        return True  # "VIP cocktail hour, Oct. 26, and evening reception, Oct. 27."
    if any(map(lower.__contains__, _SHOP_ANCHORS)) and (
        _SHOP.search(text) or (_PERCENT_OFF.search(text) and _DEALS.search(text))
    ):
        return True  # "Today only, ...", "... in certified refurbished condition"
    # A speaker's words first: the signs of an order or a plug below are theirs, not the page's.
    if "," in text and _REPORTED.search(text):
        return False  # "Protect your homes, the fire chief told residents.": a speaker's order
    if not appeal and _READER_CALL.search(text):
        return True  # "We want to hear from you.", "Let us know in the comments."
    if any(map(lower.__contains__, _SHOP_VOICE_ANCHORS)) and _SHOP_VOICE.search(text):
        return True  # the shop speaking: "Our previous mention was at $750."
    if text.endswith("!") and (_exclaims_to_reader(text, language) or _THANKS.search(text)):
        return True  # "Grab yours today!", "Obrigado por compartilhar nosso conteúdo!"
    opening = text.lstrip(OPENING_MARKS).split(maxsplit=2)
    if len(opening) < 2:
        return False
    first, second = opening[0].lower().replace("’", "'"), opening[1].strip(",")
    # English's question words whatever the line's language, as before the table was shared.
    if first.split("'")[0] in QUESTION_WORDS["en"]:
        return False  # "Who's Your Daddy promises ...": a name, not an order
    if _opens_with_article(first, language):
        return False  # "Le ton monte ...": an article opens a noun, not an order
    objects = _OBJECTS_BY_LANGUAGE.get(language, READER_WORDS["en"].objects)
    if second in objects or (language != "de" and second.lower() in objects):
        return True  # "Escape your echo chamber.", "Start your day with ..."
    if first not in _CALLS_TO_ACT["en"] and first not in _CALLS_TO_ACT.get(language, ()):
        return False
    # "Get the facts behind the news", "Find out more here!": a verb telling the reader to act.
    rest = " ".join(opening[1:])
    return second.lower() in _IMPERATIVE_OBJECTS or plug_words(rest) or text.rstrip().endswith("!")


# Verbs of the calls to act above that are nouns too ("Watch sales rose", "Order books are full"):
# at a sentence's start they may be its subject, so they do not make it an order on their own.
_ALSO_NOUNS = word_set(
    "watch order book shop sign claim check enter escape visit follow tap try upgrade download"
)
# Verbs that, opening a sentence of prose, tell the reader what to do: the calls to act that are
# only verbs, and a blog's advice ("Remember, ...", "Consider joining ..."). Outside English, only
# forms that are nothing but an order: a formal or reflexive imperative ("Découvrez",
# "Recuerde", "Lembre-se"), not a familiar one that is also a statement ("Sigue" is "continues",
# "Evita" a name, "Prova" a noun).
_ORDERS: dict[str, frozenset[str]] = {
    "en": (_CALLS_TO_ACT["en"] - _ALSO_NOUNS)
    | word_set("remember consider imagine avoid keep take give let's be do go ask put stop"),
    "de": word_set("abonniere klicke lies entdecke hol hole lade erfahre teste vergiss denk"),
    "fr": (_CALLS_TO_ACT["fr"] - word_set("lisez"))
    | word_set(
        """lisez pensez prenez oubliez n'oubliez faites évitez imaginez gardez notez commencez
        choisissez sachez essayez consultez n'hésitez"""
    ),
    "es": word_set(
        """suscríbete suscríbase regístrate regístrese únete únase síguenos haz hazte olvídate
        descubra recuerde imagine evite elija aprenda piense consulte descargue aproveche"""
    ),
    "it": word_set(
        "iscriviti clicca scopri scarica seguici leggi registrati approfitta ricordati scegli"
    ),
    "pt": word_set(
        """assine inscreva-se clique descubra baixe siga leia cadastre-se experimente aproveite
        lembre-se evite confira"""
    ),
    "nl": (_CALLS_TO_ACT["nl"] - word_set("download")) | word_set("vergeet denk kies neem"),
    "ru": _CALLS_TO_ACT["ru"],
    "uk": _CALLS_TO_ACT["uk"],
}
# Endings that make a first word an order: French imperatives with their pronoun ("Rappelez-
# vous"), Russian and Ukrainian plural imperatives ("Представьте", "Зробіть"); not the
# Ukrainian nouns in -ість ("Більшість").
_ORDER_ENDINGS: dict[str, tuple[str, ...]] = {
    "fr": ("-vous", "-toi", "-moi", "-nous"),
    "ru": ("йте", "ите", "итесь", "йтесь", "ьте", "ьтесь"),
    "uk": ("йте", "іть", "іться", "йтеся", "йтесь", "ьте"),
}
_NOT_ORDER_ENDINGS: dict[str, tuple[str, ...]] = {"uk": ("ість",)}
_MIN_ENDING_WORD = 5  # letters of a word read for its ending ("Сіть" is a noun)
# German: a verb and the formal "Sie" open an order ("Melden Sie sich an", "Denken Sie daran").
_GERMAN_ORDER = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln) Sie\b")


def orders_reader(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence of prose opens with an order to the reader.

    "Get support for the scary stuff." and "Start small and recognize that no one is watching."
    are a how-to's advice: a verb that is only a verb opens them, with no subject. They are not
    promotion, but no report of what happened opens that way, so they cannot open a text. A
    quotation's order is its speaker's; a capitalised word after the verb makes a name ("Get Out",
    "Take That"). Other languages: their imperatives that are nothing else ("Découvrez",
    "Recuerde", "Представьте"), and in German a verb with "Sie" ("Denken Sie daran").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, it, pt, nl, ru and uk are checked.

    Returns:
        True when the sentence orders the reader.
    """
    text = sentence.strip()
    if language == "de" and _GERMAN_ORDER.match(text) and not text.endswith("?"):
        return True
    opening = text.split(maxsplit=2)
    if len(opening) < 2 or opening[0][:1] in OPENING_MARKS:
        return False
    first = opening[0].rstrip(",").lower().replace("’", "'")
    second = opening[1]
    if language != "de" and second[:1].isupper() and second != "I":
        return False  # "Take That are to reunite", "Découvrez Paris" names a title or a place
    if first in _ORDERS.get(language, frozenset()):
        return True
    return (
        len(first) >= _MIN_ENDING_WORD
        and first.endswith(_ORDER_ENDINGS.get(language, ()))
        and not first.endswith(_NOT_ORDER_ENDINGS.get(language, ()))
    )
