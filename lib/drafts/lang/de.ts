import type { Platform } from '../../sites/types';
import type { ContactChannel, ContactOutcome, RemedyKind } from '../types';
import type { ContactLine, DraftFacts, LanguagePack } from './pack';

// German, for OTTO and Amazon.de: formal "Sie", factual, no exaggerated apologies.

const causes: LanguagePack['causes'] = {
  logistics: {
    topic: 'die Probleme bei der Zustellung',
    gap: 'der Auswahl und Kontrolle unserer Versanddienstleister',
    own: [
      'Wir haben den Versanddienstleister ausgewählt, deshalb liegt auch das, was unterwegs passiert ist, in unserer Verantwortung.',
      'Unsere Arbeit ist erst getan, wenn Ihr Paket heil bei Ihnen ankommt, und diesmal mussten Sie zu lange warten.',
    ],
    change: [
      'Wir haben die Strecke beim Versanddienstleister beanstandet und verfolgen jede Sendung nach dem Versand, damit wir uns bei Verzögerungen zuerst melden.',
      'Wir vergleichen gerade Laufzeiten und Schadensquoten der Versanddienstleister auf dieser Strecke und wechseln bei Bedarf.',
    ],
    ask: 'Wann ist das Paket angekommen, wie lange hat es sich verzögert, und waren Karton oder Artikel beschädigt?',
    firm: 'Die Sendungsverfolgung jeder Lieferung ist bei uns dokumentiert; Probleme bei der Zustellung klären wir gemeinsam mit dem Versanddienstleister.',
  },
  shipping: {
    topic: 'den Fehler bei Ihrer Lieferung',
    gap: 'unserer Versand- und Packkontrolle',
    own: [
      'Der Versand liegt ganz bei uns, daher gibt es keine Ausrede: Wir haben Ihre Bestellung nicht sorgfältig genug geprüft.',
      'Was und wann Sie erhalten, sollte unserer Zusage entsprechen, und das war diesmal nicht der Fall.',
    ],
    change: [
      'Unser Lager prüft jetzt jede Bestellung Artikel für Artikel vor dem Verpacken, und der Bestand wird täglich abgeglichen.',
      'Wir scannen nun jeden Artikel vor dem Verpacken gegen die Bestellung und informieren vorab, wenn sich der Versand verzögert.',
    ],
    ask: 'Wurde ein falscher Artikel oder eine falsche Menge geliefert, oder hat der Versand zu lange gedauert? Welcher Artikel fehlt oder ist falsch?',
    firm: 'Versand- und Packprotokolle jeder Bestellung liegen uns vor; bestätigte Fehllieferungen oder fehlende Artikel liefern wir nach.',
  },
  quality: {
    topic: 'den Qualitätsmangel am Artikel',
    gap: 'unserer Qualitätskontrolle vor dem Versand',
    own: [
      'Der Artikel war mangelhaft, also hat unsere Kontrolle vor dem Versand versagt. Das geht auf uns.',
      'Sie haben für einen einwandfreien Artikel bezahlt und ihn nicht bekommen. Der Fehler liegt in unserer Qualitätskontrolle.',
    ],
    change: [
      'Wir haben den restlichen Bestand derselben Charge erneut geprüft und den Mangel an den Hersteller gemeldet.',
      'Künftig wird jedes Stück vor dem Versand zusätzlich kontrolliert.',
    ],
    ask: 'Was genau ist an dem Artikel nicht in Ordnung? War das schon bei der Ankunft so oder erst nach einiger Zeit?',
    firm: 'Stellt sich ein Artikel als mangelhaft heraus, tauschen wir ihn um oder erstatten den Kaufpreis nach den Regeln der Plattform.',
  },
  authenticity: {
    topic: 'Ihre Zweifel an der Echtheit des Artikels',
    gap: 'der Transparenz über unsere Bezugsquellen',
    own: [
      'Wenn Sie an der Echtheit zweifeln mussten, waren wir bei unseren Bezugsquellen nicht transparent genug.',
      'Ein Kauf sollte sich sicher anfühlen, und dieses Vertrauen haben wir Ihnen diesmal nicht gegeben.',
    ],
    change: [
      'Wir ergänzen das Angebot um Angaben zur Herkunft der Ware und zeigen Ihnen auf Wunsch die entsprechenden Nachweise.',
      'Wir stellen unsere Händler- und Einkaufsnachweise zusammen, damit Kundinnen und Kunden sie jederzeit anfordern können.',
    ],
    ask: 'Was hat Sie zweifeln lassen: Verpackung, Etikett, Geruch oder die Leistung? Wir möchten das gern nachprüfen.',
    firm: 'Wir sind bereit, den Artikel von der Plattform oder einer unabhängigen Stelle prüfen zu lassen, und übernehmen die volle Verantwortung, falls sich ein Mangel bestätigt.',
  },
  not_as_described: {
    topic: 'die Abweichung zwischen Artikel und Beschreibung',
    gap: 'den Fotos und Texten unseres Angebots',
    own: [
      'Der Artikel entspricht nicht der Beschreibung, und das ist ein Fehler unserer Beschreibung, nicht Ihrer Erwartung.',
      'Sie haben auf Grundlage unserer Angaben bestellt; waren diese ungenau, liegt die Verantwortung bei uns.',
    ],
    change: [
      'Wir haben das Angebot noch einmal mit dem Artikel abgeglichen, ergänzen echte Fotos und stellen missverständliche Angaben klar.',
      'Wir korrigieren die Beschreibung nach dem tatsächlichen Artikel und weisen Farbabweichungen deutlich aus.',
    ],
    ask: 'Weichen Farbe, Material, Größe oder eine Funktion von der Beschreibung ab? Was haben Sie erhalten?',
    firm: 'Wir haben die Beschreibung mit dem Artikel abgeglichen; Ungenauigkeiten korrigieren wir, betroffene Bestellungen können zurückgegeben oder umgetauscht werden.',
  },
  size: {
    topic: 'die unpassende Größe',
    gap: 'unserer Größentabelle und Größenberatung',
    own: [
      'Eine schlechte Passform zeigt uns, dass unsere Größentabelle und Beratung nicht genau genug sind.',
      'Kleidung, die nicht passt, ist ärgerlich, und unsere Größenangaben hätten genauer sein müssen.',
    ],
    change: [
      'Wir messen alle Größen neu, aktualisieren die Tabelle und geben deutlich an, ob der Schnitt groß oder klein ausfällt.',
      'Unser Team fragt künftig vor der Bestellung nach Körpergröße und üblicher Größe, um besser zu beraten.',
    ],
    ask: 'Welche Größe tragen Sie normalerweise, und ist dieser Artikel zu groß oder zu klein? Wo passt er nicht?',
    firm: 'Passt ein Artikel nicht, tauschen wir ihn gern in eine andere Größe um; unser Team hilft Ihnen anhand der Größentabelle.',
  },
  service: {
    topic: 'das Verhalten unseres Kundenservice',
    gap: 'Ton und Tempo unseres Kundenservice',
    own: [
      'Unser Team hat Ihnen nicht geduldig und schnell genug geantwortet. Das ist ein Führungsfehler, und wir entschuldigen uns.',
      'Sie hatten eine Frage und hätten eine klare, geduldige Antwort verdient. Die haben Sie diesmal nicht bekommen.',
    ],
    change: [
      'Wir haben das Gespräch mit dem Team ausgewertet und eine Schulung zum Umgang mit Kundenanfragen durchgeführt.',
      'Eine Teamleitung prüft künftig stichprobenartig Gespräche, damit jede Frage zu Ende bearbeitet wird.',
    ],
    ask: 'Welche Frage blieb offen, und was an unseren Antworten hat Sie verärgert?',
    firm: 'Unsere Kundengespräche sind dokumentiert; wir haben dieses geprüft und korrigieren, was wir nicht gut gemacht haben.',
  },
  after_sales: {
    topic: 'die schleppende Bearbeitung Ihrer Rücksendung oder Reparatur',
    gap: 'unserem Rücksende- und Reparaturablauf',
    own: [
      'Der Service nach dem Kauf sollte Ihnen Arbeit abnehmen, statt Sie hin und her zu schicken. Unser Ablauf hat versagt.',
      'Auf eine Rücksendung oder Reparatur ohne Ergebnis zu warten ist frustrierend, und diese Verzögerung ist unser Fehler.',
    ],
    change: [
      'Eine feste Ansprechperson betreut jetzt jede Anfrage, antwortet am selben Tag und hält Sie auf dem Laufenden.',
      'Wir vereinfachen den Rücksendeablauf und nennen die Regeln zu Rücksendekosten klar im Angebot.',
    ],
    ask: 'Wie ist der aktuelle Stand Ihrer Rücksendung oder Reparatur, und was sollen wir als Erstes für Sie erledigen?',
    firm: 'Jeder Schritt einer Reklamation ist bei uns dokumentiert; Rücksendungen und Reparaturen, die die Bedingungen erfüllen, führen wir immer durch.',
  },
  price_value: {
    topic: 'das aus Ihrer Sicht unpassende Preis-Leistungs-Verhältnis',
    gap: 'der Erklärung unserer Preise',
    own: [
      'Wenn der Artikel sein Geld nicht wert schien, haben wir seinen Wert nicht gut genug erklärt.',
      'Eine Preissenkung direkt nach dem Kauf ist ärgerlich, und wir verstehen Ihren Unmut.',
    ],
    change: [
      'Preisänderungen kündigen wir künftig im Angebot an und gewähren Preisschutz nach den Regeln der Plattform.',
      'Wir ergänzen klare Angaben zu Material und Ausstattung, damit sich der Wert vor dem Kauf beurteilen lässt.',
    ],
    ask: 'Passen Material und Verarbeitung nicht zum Preis, oder haben Sie den Artikel anderswo günstiger gesehen?',
    firm: 'Preisänderungen folgen den Regeln der Plattform; Bestellungen mit Anspruch auf Preisschutz erhalten die Differenz.',
  },
  packaging: {
    topic: 'die Verpackung',
    gap: 'unserer Verpackung',
    own: [
      'Wir verpacken jede Bestellung selbst, ein schlecht verpacktes Paket ist also unser Fehler.',
      'Ein beschädigtes oder dürftiges Paket verdirbt den ganzen Kauf, und das Problem hat bei uns begonnen.',
    ],
    change: [
      'Wir verwenden jetzt stabilere Kartons und schützen zerbrechliche Artikel und Flüssigkeiten zusätzlich.',
      'Unser Packstandard wurde überarbeitet; Verschluss und Polsterung werden vor jedem Versand geprüft.',
    ],
    ask: 'Was war mit der Verpackung bei der Ankunft nicht in Ordnung, und wurde der Artikel darin beschädigt?',
    firm: 'Wir verpacken nach einem festen Standard; hat die Verpackung einen Schaden verursacht, liefern wir neu oder erstatten den Betrag.',
  },
  personal: {
    topic: 'Ihre Enttäuschung über den Artikel',
    gap: 'den Informationen vor der Bestellung',
    own: [
      'Wenn der Artikel nicht Ihren Vorstellungen entsprach, hat Ihnen unser Angebot nicht genug geholfen, das vorher einzuschätzen.',
      'Es tut uns leid, dass er Sie enttäuscht hat; unsere Kaufberatung kann eindeutig besser werden.',
    ],
    change: [
      'Wir ergänzen das Angebot um typische Einsatzbereiche und Eindrücke aus der Praxis, damit die Entscheidung vor der Bestellung leichter fällt.',
      'Unser Team fragt künftig genauer nach, wofür Sie den Artikel brauchen, bevor es etwas empfiehlt.',
    ],
    ask: 'Was war anders als erwartet? Was hatten Sie sich vorgestellt?',
    firm: 'Gefällt ein Artikel nicht, nehmen wir ihn im Rahmen der Rückgabebedingungen gern zurück oder tauschen ihn um.',
  },
  other: {
    topic: 'die Probleme mit Ihrer Bestellung',
    gap: 'den Details unseres Service',
    own: [
      'Ihre Bestellung ist nicht so verlaufen, wie sie sollte, und dafür suchen wir keine Ausreden.',
      'Wir haben Ihre Kritik gehört; sie zeigt uns, wo unser Service noch nicht gut genug ist.',
    ],
    change: [
      'Wir haben Ihre Hinweise an die zuständigen Kolleginnen und Kollegen weitergegeben und arbeiten sie Punkt für Punkt ab.',
      'Wir haben den Fall dokumentiert und korrigieren ihn in unseren Abläufen.',
    ],
    ask: 'Welcher Teil Ihres Einkaufs hat Sie enttäuscht?',
    firm: 'Wir haben Ihre Hinweise dokumentiert; unser Kundenservice kümmert sich um alles, was wir richtigstellen müssen.',
  },
};

function channel(c: ContactChannel, _platform: Platform): string {
  const names: Record<ContactChannel, string> = {
    phone: 'Anruf',
    chat: 'Chat-Nachricht',
    sms: 'SMS',
    site_message: 'Nachricht im Kundenkonto',
    platform_message: 'Nachricht über die Plattform',
    email: 'E-Mail',
  };
  return names[c];
}

// A refusal or a demand is never published: both read as "not settled yet".
function outcome(o: ContactOutcome, c: ContactChannel): string {
  switch (o) {
    case 'answered':
    case 'agreed':
      return 'Gespräch geführt';
    case 'no_answer':
      return c === 'phone' ? 'nicht erreicht' : 'noch keine Antwort';
    case 'refused':
    case 'demanded_compensation':
      return 'noch keine Einigung';
  }
}

const REMEDY: Record<RemedyKind, string> = {
  refund: 'eine vollständige Erstattung',
  partial_refund: 'eine Teilerstattung',
  exchange: 'einen Umtausch',
  resend: 'eine Ersatzlieferung',
  return: 'eine Rücknahme mit Erstattung',
  repair: 'eine kostenlose Reparatur',
  coupon: 'einen Gutschein',
  gift: 'eine kleine Aufmerksamkeit als Entschuldigung',
};

function remedy(r: { kind: RemedyKind }, money: string | undefined): string {
  if (!money) return REMEDY[r.kind];
  switch (r.kind) {
    case 'refund':
      return `eine Erstattung von ${money}`;
    case 'partial_refund':
      return `eine Teilerstattung von ${money}`;
    case 'coupon':
      return `einen Gutschein über ${money}`;
    default:
      return REMEDY[r.kind];
  }
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

/** Alternatives the buyer chooses from: "A, B oder C". */
function either(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} oder ${items[items.length - 1]}`;
}

const offerOr = (f: DraftFacts) => f.remedy ?? either(f.offers.slice(0, 2));

function sign(f: DraftFacts): string {
  const who = [f.signature, f.shop].filter(Boolean).join(', ');
  return who ? `\nFreundliche Grüße\n${who}` : '\nFreundliche Grüße';
}

function hoursNote(f: DraftFacts): string {
  return f.serviceHours ? ` (erreichbar ${f.serviceHours})` : '';
}

function secondCause(f: DraftFacts): string {
  const second = f.causes[1];
  if (!second) return '';
  return ' ' + f.pick('second', [`Auch ${second.topic} haben wir notiert und kümmern uns darum.`, `Ihr Hinweis auf ${second.topic} wird ebenso bearbeitet.`]);
}

function contactLine(c: ContactLine): string {
  return `• ${c.when}, ${c.channel}: ${c.outcome}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function publicReply(f: DraftFacts): string {
  const [cause] = f.causes;
  const own = f.pick('own', cause.own);
  const change = f.pick('change', cause.change);
  const item = f.product ? ` zum Artikel „${f.product}“` : '';
  if (f.tone === 'concise') {
    const fix = f.remedy ? `Wir bieten Ihnen ${f.remedy} an; unser Team meldet sich bei Ihnen.` : 'Unser Team meldet sich bei Ihnen.';
    return `Danke für Ihr Feedback. Für ${cause.topic} entschuldigen wir uns. ${fix} ${change}${sign(f)}`;
  }
  if (f.tone === 'professional') {
    const fix = f.remedy ? `Wir bieten Ihnen ${f.remedy} an; unser Team meldet sich zur Abstimmung.` : 'Unser Team meldet sich bei Ihnen mit einem passenden Lösungsvorschlag.';
    return [
      `Vielen Dank für Ihre Bewertung${item}. Zu Ihrem Hinweis auf ${cause.topic}: ${own}${secondCause(f)}`,
      `Unsere Lösung: ${fix}`,
      `Was sich ändert: ${change}`,
      `Bei weiteren Fragen erreichen Sie uns jederzeit${hoursNote(f)}.${sign(f)}`,
    ].join('\n');
  }
  const thanks = f.pick('thanks', [
    `Vielen Dank für Ihre Bewertung${item}. Ihre klare Schilderung hat uns eine Lücke bei ${cause.gap} gezeigt.`,
    `Danke, dass Sie sich die Zeit für diese Bewertung${item} genommen haben. Ihr Hinweis auf ${cause.topic} zeigt genau, wo es bei ${cause.gap} hakt.`,
  ]);
  const fix = f.remedy ? `Wir möchten Ihnen ${f.remedy} anbieten; unser Team meldet sich bei Ihnen.` : 'Unser Team meldet sich bei Ihnen, um eine passende Lösung zu finden.';
  const invite = f.pick('invite', ['Sollte noch etwas nicht stimmen, sagen Sie es uns bitte', 'Wenn Ihnen noch etwas auffällt, melden Sie sich bitte direkt bei uns']);
  return `${thanks} ${own}${secondCause(f)} ${fix} ${change} ${invite}${hoursNote(f)}.${sign(f)}`;
}

function privateMessage(f: DraftFacts): string {
  const [cause] = f.causes;
  const hello = f.buyer ? `Guten Tag ${f.buyer},` : 'Guten Tag,';
  const me = f.shop ? `hier schreibt ${f.signature ?? 'der Kundenservice'} von ${f.shop}.` : 'hier schreibt der Kundenservice des Shops.';
  const order = f.orderTail ? `Ihre Bestellung mit der Endung ${f.orderTail}` : 'Ihre Bestellung';
  const reply = f.serviceHours ? `Antworten Sie einfach auf diese Nachricht; wir sind ${f.serviceHours} erreichbar.` : 'Antworten Sie einfach auf diese Nachricht, wir melden uns schnell.';
  if (f.tone === 'concise') {
    return `${hello} ${me} Wir haben Ihre Bewertung gelesen und entschuldigen uns für ${cause.topic}. Für ${order} bieten wir ${offerOr(f)} an. ${f.remedy ? 'Passt Ihnen das?' : 'Was wäre Ihnen lieber?'} ${reply}`;
  }
  if (f.tone === 'professional') {
    return `${hello} ${me} Wir haben Ihre Bewertung gelesen und ${order} im Hinblick auf ${cause.topic} geprüft. ${f.pick('own', cause.own)} Wir bieten Ihnen ${offerOr(f)} an. Wie möchten Sie vorgehen? ${reply}`;
  }
  return `${hello} ${me} Wir haben Ihre Bewertung${f.product ? ` zum Artikel „${f.product}“` : ''} gelesen und entschuldigen uns aufrichtig für ${cause.topic}. ${f.pick('own', cause.own)} Für ${order} möchten wir Ihnen ${offerOr(f)} anbieten. ${f.remedy ? 'Wäre das für Sie in Ordnung?' : 'Was wäre für Sie einfacher?'} Gern hören wir auch, was genau passiert ist. ${reply}`;
}

function phoneScript(f: DraftFacts): string {
  const [cause] = f.causes;
  const lines = [
    '[Anrufzeit] Am besten 12:00–13:00 oder 18:00–20:00 Uhr. Ruhig sprechen, erst zuhören.',
    `[Begrüßung] Guten Tag, spreche ich mit ${f.buyer ?? 'der Kundin bzw. dem Kunden'}? Hier ist ${f.signature ?? 'der Kundenservice'} von ${f.shop ?? 'unserem Shop'}. Haben Sie zwei Minuten Zeit?`,
    `[Zusammenfassen] Ich habe Ihre Bewertung${f.product ? ` zum Artikel „${f.product}“` : ''} gelesen, in der Sie ${cause.topic} erwähnen, und möchte mich zuerst dafür entschuldigen.`,
    `[Fragen] ${cause.ask}`,
    '[Zuhören] (Ausreden lassen. Keine Erklärungen, keine Rechtfertigungen; Kernpunkte und Wünsche notieren.)',
    `[Angebot] Wir können Ihnen ${f.remedy ?? either(f.offers)} anbieten. ${f.remedy ? 'Wäre das für Sie in Ordnung?' : 'Was passt Ihnen am besten?'}`,
    `[Vereinbarung] Wir melden uns bis ${f.followUp} Uhr mit dem Ergebnis und bestätigen es per Nachricht oder Telefon. Ist das in Ordnung?`,
    '[Abschluss] Vielen Dank für Ihre Zeit und dafür, dass Sie uns auf das Problem hingewiesen haben.',
  ];
  if (f.tone === 'concise') lines.splice(4, 1);
  return lines.join('\n');
}

function revisionRequest(f: DraftFacts): string {
  const hello = f.buyer ? `Guten Tag ${f.buyer},` : 'Guten Tag,';
  const thing = f.product ? `das Problem mit dem Artikel „${f.product}“` : 'Ihr Problem';
  const free = f.pick('free', ['Ob Sie das tun, entscheiden selbstverständlich Sie, und wir danken Ihnen so oder so.', 'Das liegt ganz bei Ihnen; vielen Dank in jedem Fall für Ihre Geduld.']);
  if (f.tone === 'concise') return `${hello} ${thing} ist gelöst, danke für Ihre Geduld. Wenn Sie zufrieden sind, können Sie Ihre Bewertung in Ihrer Bestellübersicht aktualisieren. ${free}${sign(f)}`;
  return `${hello} ${thing} ist gelöst, und wir danken Ihnen für Ihre Geduld. Wenn Sie mit der Lösung zufrieden sind, können Sie Ihre Bewertung bei Gelegenheit in Ihrer Bestellübersicht aktualisieren, damit andere Kundinnen und Kunden den ganzen Ablauf sehen. ${free}${sign(f)}`;
}

function firm(f: DraftFacts): string {
  const [cause] = f.causes;
  const tried = f.contacts.length
    ? `Seit dieser Bewertung haben wir Sie ${f.contacts.length === 1 ? 'einmal' : `${f.contacts.length}-mal`} per ${list([...new Set(f.contacts.map((c) => c.channel))])} kontaktiert${f.remedy ? ` und ${f.remedy} angeboten` : ', um den Sachverhalt zu klären'}.`
    : `Nach dieser Bewertung haben wir die Bestelldaten sofort geprüft und ${f.remedy ? `bieten ${f.remedy} an` : 'sind bereit, den Fall nach den Regeln der Plattform zu lösen'}.`;
  const points = [cause.firm, tried, 'Alle Unterlagen liegen uns vor und können der Plattform jederzeit vorgelegt werden; deren Prüfergebnis ist für uns maßgeblich.'];
  const close = `Fragen beantworten wir jederzeit über die Plattform; bestätigt sich ein Mangel, stehen wir dafür ein.${sign(f)}`;
  if (f.tone === 'concise') return `Zu dieser Bewertung: ${points.join(' ')} ${close}`;
  return `Der Sachverhalt zu dieser Bewertung, auch für andere Kundinnen und Kunden:\n${points.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n${close}`;
}

function unreachable(f: DraftFacts): string {
  const [cause] = f.causes;
  const status = f.contacts.some((c) => c.reached) ? 'Die Angelegenheit ist noch nicht vollständig gelöst.' : 'Bisher konnten wir Sie leider nicht erreichen.';
  const still = f.remedy ? `Unser Angebot steht weiterhin: ${f.remedy}.` : 'Wir möchten die Sache weiterhin für Sie in Ordnung bringen.';
  return `Guten Tag, wegen Ihres Hinweises auf ${cause.topic} haben wir versucht, Sie zu erreichen:\n${f.contacts.map(contactLine).join('\n')}\n${status} ${still} Bitte melden Sie sich bei Gelegenheit über die Plattform${hoursNote(f)}.${sign(f)}`;
}

export const de: LanguagePack = {
  causes,
  channel,
  outcome,
  remedy,
  remedyKind: (k) => REMEDY[k],
  list,
  public: publicReply,
  private: privateMessage,
  phone: phoneScript,
  revisionRequest,
  firm,
  unreachable,
  contactLine,
};
