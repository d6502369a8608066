"""A shop's own voice about its prices, warranty, shipping, stock and coupons is promotion."""

from __future__ import annotations

import pytest

from summarizer.text.rules import is_promotional, is_prose


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Our previous mention was at $750.", "en"),
        ("Includes a 90-day warranty with purchase.", "en"),
        ("Comes with a one-year warranty.", "en"),
        ("That's a match for the lowest Amazon offer we can find.", "en"),
        ("We've only seen it this low once before, back on Prime Day 2019.", "en"),
        ("You can upgrade to 512GB of storage for $900 (Orig. $1,599).", "en"),
        ("Free shipping is available for all.", "en"),
        ("Ships free for Prime members.", "en"),
        ("The headphones are back in stock at $299.", "en"),
        ("Clip the on-page coupon to save an extra $10.", "en"),
        ("Use coupon code SAVE20 at checkout.", "en"),
        ("Black Friday pricing on the latest thermostat is now live at Amazon for $199.", "en"),
        ("Livraison gratuite dès 50 euros.", "fr"),
        ("Versandkostenfrei ab 20 Euro.", "de"),
        ("Envío gratis a toda España.", "es"),
        ("Usa el código de descuento VERANO en tu compra.", "es"),
        ("Mit dem Gutscheincode SPAR10 sparen.", "de"),
        ("Spedizione gratuita su tutti gli ordini.", "it"),
        ("Frete grátis para todo o Brasil.", "pt"),
        ("Gratis verzending vanaf 20 euro.", "nl"),
        ("Бесплатная доставка по всей России.", "ru"),
        ("Безкоштовна доставка по всій Україні.", "uk"),
    ],
)
def test_a_shop_speaking_of_its_prices_warranty_shipping_or_coupons_is_promotion(
    text: str, language: str
) -> None:
    assert is_promotional(text, language)
    assert not is_prose(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Apple extends the warranty on MacBook keyboards after a recall.", "en"),
        ("Samsung recalls 1 million washers and offers owners an extended warranty.", "en"),
        ("Ford said the warranty covers the batteries for eight years.", "en"),
        ("Tesla cut the price of the Model 3 by $2,000 on Tuesday.", "en"),
        ("The company knocked $100 off the original price of the console.", "en"),
        ("Buyers get a tax credit of $7,500 with purchase of an electric car.", "en"),
        ("The bond pays a coupon of 3.5% a year.", "en"),
        ("Investors used the coupon payments to buy more bonds.", "en"),
        ("Shares rose in stock trading on Monday.", "en"),
        ("The concert sold out in minutes.", "en"),
        (
            "Amazon will offer free shipping on all orders this holiday season, the company said.",
            "en",
        ),
        ("“It is the best price we could find for the airline,” the minister said.", "en"),
        ("The government said our previous estimate was too low.", "en"),
        ("The new tariffs on Chinese steel are now live at every port, the ministry said.", "en"),
        ("La Poste supprime la livraison gratuite des colis pour les entreprises dès mardi.", "fr"),
        ("Der Konzern streicht den kostenlosen Versand für Kunden ohne Abonnement ab März.", "de"),
    ],
)
def test_news_of_prices_warranties_and_shipping_is_no_promotion(text: str, language: str) -> None:
    assert not is_promotional(text, language)
    assert is_prose(text, language)
