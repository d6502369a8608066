"""Offline language detection: stop words for Latin scripts, the script for the others."""

from __future__ import annotations

import re

import pytest

from summarizer.text.language import alternation, detect_language, stop_words

SAMPLES = {
    "en": "The government said on Monday that it would raise taxes for the third time this year.",
    "de": "Die Regierung hat am Montag angekündigt, dass sie die Steuern dieses Jahr erhöhen wird.",
    "fr": "Le gouvernement a annoncé lundi qu'il allait augmenter les impôts cette année.",
    "es": "El gobierno anunció el lunes que subirá los impuestos por tercera vez este año.",
    "it": "Il governo ha annunciato lunedì che aumenterà le tasse per la terza volta quest'anno.",
    "pt": "O governo anunciou na segunda-feira que vai aumentar os impostos pela terceira vez.",
    "nl": "De regering heeft maandag aangekondigd dat zij de belastingen dit jaar zal verhogen.",
    "cs": "Vláda v pondělí oznámila, že letos potřetí zvýší daně, což se nelíbí podnikatelům.",
    "sk": "Vláda v pondelok oznámila, že tento rok po tretí raz zvýši dane, čo sa nepáči firmám.",
    "pl": "Rząd ogłosił w poniedziałek, że po raz trzeci w tym roku podniesie podatki dla firm.",
    "sv": "Regeringen meddelade på måndagen att den i år kommer att höja skatterna igen.",
    "ru": "Правительство объявило в понедельник, что в этом году в третий раз повысит налоги.",
    "uk": "Уряд оголосив у понеділок, що цього року втретє підвищить податки для підприємств.",
    "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι θα αυξήσει τους φόρους για τρίτη φορά φέτος.",
    "zh": "政府周一宣布，今年将第三次提高税收，企业界对此表示不满。",
    "ja": "政府は月曜日、今年三度目となる増税を行うと発表した。",
    "ko": "정부는 월요일 올해 세 번째로 세금을 인상하겠다고 발표했다.",
    "th": "รัฐบาลประกาศเมื่อวันจันทร์ว่าจะขึ้นภาษีเป็นครั้งที่สามในปีนี้",
    "ar": "أعلنت الحكومة يوم الاثنين أنها سترفع الضرائب للمرة الثالثة هذا العام.",
    "fa": "دولت روز دوشنبه اعلام کرد که امسال برای سومین بار مالیات‌ها را افزایش می‌دهد.",
    "ur": "حکومت نے پیر کو اعلان کیا کہ وہ اس سال تیسری بار ٹیکس بڑھائے گی۔",
    "he": "הממשלה הודיעה ביום שני כי תעלה את המסים בפעם השלישית השנה.",
    "hi": "सरकार ने सोमवार को घोषणा की कि वह इस साल तीसरी बार कर बढ़ाएगी।",
    "bn": "সরকার সোমবার ঘোষণা করেছে যে এ বছর তৃতীয়বারের মতো কর বাড়ানো হবে।",
    "ta": "இந்த ஆண்டு மூன்றாவது முறையாக வரிகளை உயர்த்துவதாக அரசு திங்கள்கிழமை அறிவித்தது.",
    "ka": "მთავრობამ ორშაბათს განაცხადა, რომ წელს მესამედ გაზრდის გადასახადებს.",
    "hy": "Կառավարությունը երկուշաբթի հայտարարեց, որ այս տարի երրորդ անգամ կբարձրացնի հարկերը։",
}


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_detects_language(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "Hi there", "12345 67890 !!!", "OK ok ok"])
def test_unsure_on_short_text(text: str) -> None:
    assert detect_language(text) == ""


def test_latin_text_without_known_stop_words_is_unsure() -> None:
    assert detect_language("Xqzt brvlk mnoprs tuvwx yzabc defgh ijklm nopqr stuvw") == ""


def test_reads_long_text() -> None:
    assert detect_language(SAMPLES["en"] * 2000) == "en"


def test_stop_words() -> None:
    assert {"the", "and"} <= stop_words("en")
    assert {"и", "в", "это"} <= stop_words("ru")  # built in: sumy has no Russian list
    assert stop_words("xx") == frozenset()


def test_an_alternation_puts_the_longer_word_first_and_escapes_marks() -> None:
    words = ["Sep", "Sept", "a.m.", "Sep"]
    assert alternation(words) == r"Sept|a\.m\.|Sep"
    # Unanchored, the first alternative that matches wins: "Sep" first would find "Sep" in "Sept".
    assert re.findall(alternation(words), "Sept 5, 9 a.m.") == ["Sept", "a.m."]
    assert not re.search(alternation(words), "axmx")  # a point is a point, not any character
