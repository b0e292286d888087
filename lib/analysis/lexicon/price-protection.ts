/**
 * Words of price protection (保价, 退差价): a claim for the difference after the price fell. Whatever the shop
 * did with the claim (after_sales), the review also says the price dropped after purchase (price_value).
 */
export const PRICE_PROTECTION = /保价|价保|价格保护|差价|price protection|price match|preisschutz|preisgarantie/;
