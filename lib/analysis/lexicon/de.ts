import { comparisons } from './comparisons';
import { deniedAspects, withDenials } from './denied';
import type { LexiconSpec } from './types';

/** Topics ruled out (liegt nicht an der Größe, kein Problem mit der Lieferung): weight-0 aspects that hide the plain topic. */
const DE_DENIED = deniedAspects(['nicht an der ', 'nicht am ', 'nicht die ', 'nicht der ', 'kein problem mit der ', 'kein problem mit dem '], {
  logistics: ['lieferung', 'versand', 'zustellung'],
  quality: ['qualität', 'verarbeitung'],
  size: ['größe', 'grösse', 'passform'],
  packaging: ['verpackung'],
  price_value: ['preis'],
});

/** German cues (OTTO/Amazon.de-style reviews), lower case; '_' at the end demands a word end. */
export const DE: LexiconSpec = {
  cues: {
    logistics:
      'wochen unterwegs|tage unterwegs|lange unterwegs|später als angegeben|später als angekündigt|später als versprochen|ewig gedauert|ewig gewartet|ewig warten|lieferung dauerte|lieferzeit|zu spät|verspätet|verspätung|lange gedauert|wochen gedauert|nie angekommen|nicht angekommen|nicht geliefert|nicht zugestellt|paket verloren|verloren gegangen|beim transport|transportschaden|transportschäden|beschädigt angekommen|beschädigt geliefert|zerdrückt|vor die tür|beim nachbarn|abstellort|falsche adresse',
    shipping:
      'andere farbe geliefert|kam ein anderes|kam eine andere|kam ein falsches|kam eine falsche|kam die falsche|kam der falsche|kam das falsche|falsche modell|falschen artikel|falsche artikel|falscher artikel|falsche artikel|falsche farbe|falsche größe geliefert|falsch geliefert|falsches produkt|falsches modell|anderen artikel|teile fehlen|teil fehlt|fehlte|fehlten|fehlt_|fehlen_|nicht enthalten|nicht dabei|nicht lieferbar|ausverkauft|nicht vorrätig|versand dauerte|spät versendet|nicht versendet|nie versendet|keine anleitung|ohne anleitung|unvollständig',
    quality:
      'schlechte qualität|miese qualität|minderwertig|billig verarbeitet|schlecht verarbeitet|qualität ist schlecht|kaputt|defekt|funktioniert nicht|funktioniert nicht mehr|geht nicht|ging nicht|geht nicht mehr|ging kaputt|gebrochen|zerbrochen|gerissen|riss_|risse_|kratzer|zerkratzt|fleck|flecken|verfärbt|färbt ab|abgefärbt|eingelaufen|gestank|stinkt|undicht|riecht chemisch|riecht nach chemie|riecht nach plastik|riecht komisch|chemiegeruch|plastikgeruch|laut_|zu laut|rost|rostet|löst sich|fällt auseinander|nach kurzer zeit|nach wenigen|billig_|billiges|mangelhaft|schrott|müll_|unbrauchbar|pilling|fusseln|riecht streng|riecht unangenehm|chemischer geruch|starker geruch|unangenehmer geruch|naht offen|naht gerissen|nähte offen|schlechte verarbeitung|verarbeitung ist schlecht|verarbeitung mangelhaft',
    authenticity:
      'fälschung|gefälscht|fake|nicht original|kein original|nicht echt|plagiat|nachgemacht|imitat|gebraucht|benutzt|gebrauchsspuren|retourware|rückläufer|generalüberholt|abgelaufen|mhd abgelaufen|haltbarkeit abgelaufen|abgelaufenes mhd|kurzes mhd',
    not_as_described:
      `${comparisons(['kleiner', 'größer', 'dünner', 'kürzer', 'schmaler', 'dunkler', 'heller', 'billiger', 'anders'], ['als beschrieben', 'als angegeben', 'als abgebildet', 'als auf dem bild', 'als auf den bildern', 'als auf dem foto', 'als auf den fotos'])}|` +
      'anders als auf|anders aus als|sieht anders aus|nicht wie auf dem bild|nicht wie auf den bildern|nicht wie auf dem foto|nicht wie auf den fotos|nicht wie beschrieben|nicht wie abgebildet|anders als beschrieben|anders als abgebildet|anders als auf dem bild|entspricht nicht|nicht der beschreibung|nicht dem bild|farbe anders|farbe weicht|farbe stimmt nicht|andere farbe als|irreführend|falsche angaben|laut beschreibung|laut artikelbeschreibung|kein echtes leder|kein echtleder|versprochen|angepriesen',
    size:
      'nummern größer|nummern kleiner|größer bestellen|kleiner bestellen|zu klein|zu groß|zu gross|zu eng|zu weit|zu kurz|zu lang|passt überhaupt nicht|passt gar nicht|passt leider nicht|passt mir nicht|passen überhaupt nicht|passen gar nicht|passt nicht|passte nicht|passen nicht|fällt klein aus|fällt groß aus|fällt kleiner aus|fällt größer aus|größentabelle|eine nummer|nummer größer|nummer kleiner',
    service:
      'service war|unfreundlich|keine antwort|keine rückmeldung|reagiert nicht|nicht reagiert|nicht erreichbar|ignoriert|unverschämt|frech|verkäufer antwortet|händler antwortet|gelogen|betrug|abzocke|kundenservice ist schlecht|schlechter kundenservice|kundenservice war schlecht|kundenservice reagiert nicht|hotline nicht erreichbar|antwortet nicht|antwortete nicht|antworten nicht',
    after_sales:
      'rücksendung selbst bezahlen|rücksendung selbst zahlen|rückversand selbst|auf eigene kosten|rücksendung auf meine kosten|zurückgeschickt|zurückgesendet|zurück geschickt|retourniert|geld zurück|umgetauscht|reklamation|reklamiert|rücksendekosten|rückporto|abgelehnt|rücksendung abgelehnt|erstattung abgelehnt|keine erstattung|keine rückerstattung|geld nie zurück|umtausch abgelehnt|garantie abgelehnt|reklamation abgelehnt|monteur kam nicht|techniker kam nicht',
    price_value:
      'zu teuer|überteuert|nicht wert|nicht sein geld wert|geld nicht wert|woanders günstiger|woanders billiger|günstiger bekommen|preis gesenkt|teuer_|geldverschwendung|rausgeschmissenes geld|preis-leistung stimmt nicht|preis-leistung schlecht|schlechtes preis-leistung|preis-leistungs-verhältnis stimmt nicht',
    packaging:
      'ausgelaufen|ausgelaufene|ohne karton|keine verpackung|luftpolster|ausgelaufen in|versiegelung|siegel|schlecht verpackt|unzureichend verpackt|lieblos verpackt|ohne verpackung',
  },
  aspects: withDenials({
    logistics: 'lieferung|versand|zustellung|paket|zusteller|paketbote|paketdienst|kurier|spedition|dhl_|hermes|dpd_|gls_|ups_|lieferant',
    quality: 'qualität|produkt|artikel|material|stoff|akku|bildschirm|verarbeitung|geruch|riecht|naht|nähte',
    service: 'service|verkäufer|händler|support|kundenservice|kundendienst|hotline',
    after_sales: 'rückgabe|erstattung|garantie|rücksendung|retoure|rückerstattung|umtausch|gewährleistung|reparatur|techniker|monteur|aufbauservice|montage',
    price_value: 'preis|preis-leistung|preis leistung|preisleistung',
    packaging: 'verpackung|karton|verpackt|schachtel|umverpackung',
    size: 'größe|grösse|passform|größe_',
    authenticity: 'haltbarkeit|mhd_',
    not_as_described: 'beschreibung|abbildung|werbung',
  }, DE_DENIED),
  negative:
    'langsam|schlecht|schlechte|schlechter|mies|miese|furchtbar|schrecklich|katastrophe|katastrophal|enttäuscht|enttäuschend|enttäuschung|ärgerlich|unzufrieden|mangelhaft|ungenügend|leider|nie wieder|schade|problem|probleme|falsch|kaputt|beschädigt|spät|teuer|unmöglich|frechheit|schrott|müll|nervig|unbrauchbar|geht gar nicht|nicht zu empfehlen|abgelehnt|verweigert|unfreundlich|eingedrückt|zerknickt|nachlässig|schlampig|lieblos|dreckig|verschmutzt',
  positive:
    'gut|super|toll|schnell|zufrieden|perfekt|prima|einwandfrei|empfehlenswert|empfehle|top_|klasse|schön|bestens|sehr gut|wunderbar|ausgezeichnet|hervorragend|passt|gerne|günstig',
  contrast: 'aber|jedoch|allerdings|leider|nur_|doch_|trotzdem|dennoch|einziger|einzige',
  concession: 'obwohl|zwar|trotz_',
  negators: 'nicht|kein|keine|keinen|keiner|keines|nie_|niemals|ohne_|weder',
  fillers: 'so_|zu_|sehr|ganz|wirklich|besonders|wirklich|allzu|gar_|mehr|eher|mal_|ist_|war_|sind_|waren|wirklich',
  personal:
    'gefällt mir einfach nicht|gefällt mir gar nicht|gefällt uns nicht|gefällt mir nicht|gefiel mir nicht|nicht mein geschmack|nicht mein fall|selbst schuld|mein fehler|falsch bestellt|hatte mir mehr|hatte mehr erwartet|mehr erwartet|erwartungen|nicht überzeugt|naja_|geht so|mittelmäßig|durchschnittlich|nichts besonderes|enttäuscht|enttäuschend|nicht zu empfehlen|nicht empfehlen|nie wieder',
  other: 'autor|das buch|dieses buch|handlung|geschichte|roman|otto_|amazon_|plattform',
  staff: 'verkäufer|händler|kundenservice|kundendienst|shop',
  extortion:
    'anwalt|rechtsanwalt|verklagen|klage_|gericht|verbraucherzentrale|verbraucherschutz|anzeige|polizei|schadensersatz|entschädigung|entschädigen|wettbewerbszentrale|irreführende werbung|öffentlich machen|presse_|es sei denn|sonst_|andernfalls|bewertung ändere ich erst',
};
