import type { Platform } from '../../sites/types';
import type { ContactChannel, ContactOutcome, RemedyKind } from '../types';
import type { ContactLine, DraftFacts, LanguagePack } from './pack';

// English, for Amazon and cross-border shops: plain, specific, no corporate filler.

const causes: LanguagePack['causes'] = {
  logistics: {
    topic: 'the trouble with the delivery',
    gap: 'how we choose and follow up on couriers',
    own: [
      'We chose the carrier, so what happened on the way is our responsibility too, not just "the courier\'s".',
      'Our job is not done until your parcel arrives safely, and this time you were kept waiting.',
    ],
    change: [
      'We have reported this route to the carrier and now track every parcel after dispatch, so we contact you first if it stalls.',
      'We are comparing carriers on this route for speed and damage rates and will switch if needed.',
    ],
    ask: 'When did the parcel arrive, how long was it delayed, and was the box or the item damaged?',
    firm: 'We keep the tracking record of every shipment and will look into any delivery problem together with the carrier.',
  },
  shipping: {
    topic: 'the mistake in your shipment',
    gap: 'our dispatch and packing checks',
    own: [
      'Dispatch is entirely in our hands, so there is no excuse: we did not check your order properly.',
      'What you receive, and when, should match what we promised, and this time it did not.',
    ],
    change: [
      'Our warehouse now checks every order item by item before packing, and stock levels are synced daily so we do not sell what we do not have.',
      'We now scan each item against the order before packing, and we tell customers in advance if dispatch will be late.',
    ],
    ask: 'Was the wrong item or quantity sent, or did dispatch take too long? Which item is missing or wrong?',
    firm: 'We keep dispatch and packing records for every order; once a missing or wrong item is confirmed, we send the right one.',
  },
  quality: {
    topic: 'the quality problem with the item',
    gap: 'our quality checks before dispatch',
    own: [
      'The item you received was faulty, which means our checks before dispatch failed. That is on us.',
      'You paid for something that should work properly, and it did not. The fault lies in our quality control.',
    ],
    change: [
      'We have re-inspected the remaining stock from the same batch and reported the defect to the manufacturer.',
      'From now on every unit gets an extra check before it leaves our warehouse.',
    ],
    ask: 'Could you tell me what exactly is wrong? Was it like that on arrival, or did it appear after some use?',
    firm: 'If an item turns out to be defective, we replace or refund it under the platform\'s rules, without argument.',
  },
  authenticity: {
    topic: 'your doubts about whether the item is genuine',
    gap: 'how openly we show where our stock comes from',
    own: [
      'If you had reason to doubt the item, we have not been transparent enough about our sourcing.',
      'Buying should feel safe, and this time we did not give you that confidence.',
    ],
    change: [
      'We are adding sourcing details to the listing and can share the relevant documents with you on request.',
      'We are putting our authorisation and purchase documents in order so customers can ask for them at any time.',
    ],
    ask: 'What made you doubt it: the packaging, the label, the smell, or how it performs? We would like to check against it.',
    firm: 'We are willing to have the item examined by the platform or an independent expert, and we take full responsibility if a problem is found.',
  },
  not_as_described: {
    topic: 'the difference between the item and its description',
    gap: 'the photos and wording of our listing',
    own: [
      'The item does not match the listing, and that is a problem with our description, not with your expectations.',
      'You ordered based on what our page said; if the page was inaccurate, the responsibility is ours.',
    ],
    change: [
      'We have checked the listing against the actual item again and will add real photos and clarify anything that could mislead.',
      'We are correcting the description to match the product and will note any colour differences clearly.',
    ],
    ask: 'Is it the colour, material, size or a feature that differs from the listing? What did you receive?',
    firm: 'We have checked the listing against the actual product; anything inaccurate will be corrected, and affected orders can be returned or exchanged.',
  },
  size: {
    topic: 'the poor fit',
    gap: 'our size chart and sizing advice',
    own: [
      'A poor fit tells us our size chart and advice are not accurate enough to help you choose.',
      'Clothes that do not fit are disappointing, and our size information should have been more precise.',
    ],
    change: [
      'We are re-measuring every size, updating the chart and noting clearly whether the cut runs large or small.',
      'Our team will now ask about height and usual size before you order, to give better advice.',
    ],
    ask: 'What size do you usually wear, and is this one too large or too small? Where does it not fit?',
    firm: 'Any item that does not fit can be exchanged for another size, and our team can help you choose using the size chart.',
  },
  service: {
    topic: 'the way our customer service treated you',
    gap: 'the tone and speed of our customer service',
    own: [
      'Our team did not answer you patiently or quickly enough. That is a management failure, and we apologise.',
      'You came with a question and deserved a clear, patient answer. This time our team did not give you one.',
    ],
    change: [
      'We have reviewed this conversation with the team and run a refresher on how we answer customers.',
      'A supervisor will now spot-check conversations so that every question is followed through.',
    ],
    ask: 'Which question was left unanswered, and what in our replies upset you?',
    firm: 'We keep records of our customer conversations, have reviewed this one, and will correct anything we did not handle well.',
  },
  after_sales: {
    topic: 'how slowly your return or repair was handled',
    gap: 'our after-sales process',
    own: [
      'After-sales service should make things easier, not send you back and forth. Our process failed you.',
      'Waiting on a return or repair with no result is frustrating, and that delay is our fault.',
    ],
    change: [
      'A named colleague now follows every after-sales request, answers it the same day and keeps you updated.',
      'We are simplifying our return process and will state the return-shipping rules clearly on the listing.',
    ],
    ask: 'Where does your return or repair stand right now, and what do you need from us first?',
    firm: 'Every step of an after-sales request is on record; returns and repairs that meet the rules are always carried out.',
  },
  price_value: {
    topic: 'your concern about value for money',
    gap: 'how we explain our prices',
    own: [
      'If the item did not feel worth the money, we have not explained its value well enough.',
      'Seeing the price drop right after buying is annoying, and we understand why you feel that way.',
    ],
    change: [
      'We will announce price changes on the listing in advance and honour price protection under the platform\'s rules.',
      'We are adding clear details about materials and specifications so customers can judge the value before buying.',
    ],
    ask: 'Is it the materials and workmanship that do not match the price, or did you see it cheaper elsewhere?',
    firm: 'Price changes follow the platform\'s rules, and orders that qualify for price protection receive the difference.',
  },
  packaging: {
    topic: 'the packaging',
    gap: 'how we pack orders',
    own: [
      'We pack every order ourselves, so a poorly packed parcel is our mistake.',
      'Opening a damaged or flimsy parcel spoils the whole purchase, and that problem started with us.',
    ],
    change: [
      'We have switched to sturdier boxes and add extra protection for fragile items and liquids.',
      'We have rewritten our packing standard and check the sealing and padding before every parcel leaves.',
    ],
    ask: 'What was wrong with the packaging when it arrived, and was the item inside affected?',
    firm: 'We pack to a fixed standard; if packaging caused damage, we resend the item or refund it.',
  },
  personal: {
    topic: 'your disappointment with the item',
    gap: 'the information we give before you order',
    own: [
      'If the item was not what you hoped for, our listing did not help you judge well enough whether it suits you.',
      'We are sorry it disappointed you; our buying advice can clearly be better.',
    ],
    change: [
      'We are adding more detail on typical uses and how the item feels in practice, so customers can decide before ordering.',
      'Our team will ask a little more about what you need before recommending anything.',
    ],
    ask: 'What turned out different from what you expected? What were you hoping for?',
    firm: 'If an item is not to your liking, we accept returns and exchanges whenever they meet the return conditions.',
  },
  other: {
    topic: 'what went wrong with your order',
    gap: 'the details of our service',
    own: [
      'Your order did not go the way it should have, and we will not make excuses for that.',
      'We have heard your criticism; it shows us where our service still falls short.',
    ],
    change: [
      'We have passed your comments on to the colleagues responsible and will work through them point by point.',
      'We have recorded what happened and will correct it in how we serve customers.',
    ],
    ask: 'Could you tell me which part of the experience disappointed you?',
    firm: 'We have recorded your concerns, and our customer service will follow up on anything we need to put right.',
  },
};

function channel(c: ContactChannel, _platform: Platform): string {
  const names: Record<ContactChannel, string> = {
    phone: 'phone call',
    chat: 'chat message',
    sms: 'text message',
    site_message: 'on-site message',
    platform_message: 'platform message',
    email: 'email',
  };
  return names[c];
}

// A refusal or a demand is never published: both read as "not settled yet".
function outcome(o: ContactOutcome, c: ContactChannel): string {
  switch (o) {
    case 'answered':
    case 'agreed':
      return 'we spoke';
    case 'no_answer':
      return c === 'phone' ? 'no answer' : 'no reply yet';
    case 'refused':
    case 'demanded_compensation':
      return 'not resolved yet';
  }
}

const REMEDY: Record<RemedyKind, string> = {
  refund: 'a full refund',
  partial_refund: 'a partial refund',
  exchange: 'an exchange',
  resend: 'a replacement',
  return: 'a return with refund',
  repair: 'a free repair',
  coupon: 'a voucher',
  gift: 'a small gift as an apology',
};

function remedy(r: { kind: RemedyKind }, money: string | undefined): string {
  if (!money) return REMEDY[r.kind];
  switch (r.kind) {
    case 'refund':
      return `a refund of ${money}`;
    case 'partial_refund':
      return `a partial refund of ${money}`;
    case 'coupon':
      return `a ${money} voucher`;
    default:
      return REMEDY[r.kind];
  }
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Alternatives the buyer chooses from: "A, B or C". */
function either(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const offerOr = (f: DraftFacts) => f.remedy ?? either(f.offers.slice(0, 2));

function sign(f: DraftFacts): string {
  const who = [f.signature, f.shop].filter(Boolean).join(', ');
  return who ? `\n— ${who}` : '';
}

function hoursNote(f: DraftFacts): string {
  return f.serviceHours ? ` (we are available ${f.serviceHours})` : '';
}

function secondCause(f: DraftFacts): string {
  const second = f.causes[1];
  if (!second) return '';
  return ' ' + f.pick('second', [`We have also noted ${second.topic} and are working on it as well.`, `What you said about ${second.topic} will be addressed too.`]);
}

function contactLine(c: ContactLine): string {
  return `• ${c.when}, ${c.channel}: ${c.outcome}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function publicReply(f: DraftFacts): string {
  const [cause] = f.causes;
  const own = f.pick('own', cause.own);
  const change = f.pick('change', cause.change);
  const item = f.product ? ` of the ${f.product}` : '';
  if (f.tone === 'concise') {
    const fix = f.remedy ? `We can offer you ${f.remedy}, and our team will contact you.` : 'Our team will contact you.';
    return `Thank you for the feedback, and we are sorry about ${cause.topic}. ${fix} ${change}${sign(f)}`;
  }
  if (f.tone === 'professional') {
    const fix = f.remedy ? `We can offer you ${f.remedy}; our team will contact you to arrange it.` : 'Our team will contact you and propose a solution that fits your case.';
    return [
      `Thank you for your review${item}. Regarding ${cause.topic}: ${own}${secondCause(f)}`,
      `What we will do: ${fix}`,
      `What changes: ${change}`,
      `If anything else is unresolved, please contact us${hoursNote(f)}.${sign(f)}`,
    ].join('\n');
  }
  const thanks = f.pick('thanks', [
    `Thank you for your review${item}. Your clear description of ${cause.topic} showed us a gap in ${cause.gap}.`,
    `Thank you for taking the time to write this review${item}. Your point about ${cause.topic} shows exactly where ${cause.gap} fell short.`,
  ]);
  const fix = f.remedy
    ? `We would like to offer you ${f.remedy}, and our team will be in touch with you.`
    : 'Our team will contact you to find the right solution for you.';
  const invite = f.pick('invite', ['If anything is still not right, please tell us', 'Whatever else comes up, please let us know directly']);
  return `${thanks} ${own}${secondCause(f)} ${fix} ${change} ${invite}${hoursNote(f)}.${sign(f)}`;
}

function privateMessage(f: DraftFacts): string {
  const [cause] = f.causes;
  const hello = f.buyer ? `Hello ${f.buyer},` : 'Hello,';
  const me = f.shop ? `this is ${f.signature ?? 'customer service'} from ${f.shop}.` : 'this is the shop\'s customer service.';
  const order = f.orderTail ? `your order ending in ${f.orderTail}` : 'your order';
  const reply = f.serviceHours ? `Just reply to this message; we are available ${f.serviceHours}.` : 'Just reply to this message and we will get back to you quickly.';
  if (f.tone === 'concise') {
    return `${hello} ${me} We saw your review and are sorry about ${cause.topic}. For ${order} we can offer ${offerOr(f)}. ${f.remedy ? 'Would that suit you?' : 'Which would suit you?'} ${reply}`;
  }
  if (f.tone === 'professional') {
    return `${hello} ${me} We have read your review${f.product ? ` of the ${f.product}` : ''} and checked ${order} regarding ${cause.topic}. ${f.pick('own', cause.own)} We can offer you ${offerOr(f)}. How would you like us to proceed? ${reply}`;
  }
  return `${hello} ${me} We read your review${f.product ? ` of the ${f.product}` : ''} and we are truly sorry about ${cause.topic}. ${f.pick('own', cause.own)} For ${order}, we would like to offer ${offerOr(f)}. ${f.remedy ? 'Would that work for you?' : 'Which would be easier for you?'} We would also like to hear what happened in your own words. ${reply}`;
}

function phoneScript(f: DraftFacts): string {
  const [cause] = f.causes;
  const lines = [
    '[When to call] Ideally 12:00–13:00 or 18:00–20:00. Speak calmly; listen first.',
    `[Opening] Hello, am I speaking with ${f.buyer ?? 'the customer'}? This is ${f.signature ?? 'customer service'} from ${f.shop ?? 'our shop'}. Do you have two minutes?`,
    `[Restate] I saw your review${f.product ? ` of the ${f.product}` : ''} mentioning ${cause.topic}, and I want to apologise first.`,
    `[Ask] ${cause.ask}`,
    '[Listen] (Let the customer finish. No explanations, no excuses; note the key points and what they want.)',
    `[Offer] For this, we can offer ${f.remedy ?? either(f.offers)}. ${f.remedy ? 'Would that work for you?' : 'Which would suit you best?'}`,
    `[Follow-up] We will let you know the result by ${f.followUp} and confirm by message or phone. Is that all right?`,
    '[Close] Thank you for taking the time, and for pointing out the problem.',
  ];
  if (f.tone === 'concise') lines.splice(4, 1);
  return lines.join('\n');
}

function revisionRequest(f: DraftFacts): string {
  const hello = f.buyer ? `Hello ${f.buyer},` : 'Hello,';
  const thing = f.product ? `the problem with the ${f.product}` : 'the problem you had';
  const free = f.pick('free', ['Whether you do is entirely up to you, and thank you either way.', 'It is completely your choice, and we appreciate your patience regardless.']);
  if (f.tone === 'concise') return `${hello} ${thing} is now solved; thank you for your patience. If you are happy with the outcome, you could update your review in your order history. ${free}${sign(f)}`;
  return `${hello} ${thing} is now solved, and thank you for your patience along the way. If you are happy with how it was handled, you could update your review from your order history when convenient, so other customers can see the whole story. ${free}${sign(f)}`;
}

function firm(f: DraftFacts): string {
  const [cause] = f.causes;
  const tried = f.contacts.length
    ? `Since this review we have contacted you ${f.contacts.length === 1 ? 'once' : `${f.contacts.length} times`} by ${list([...new Set(f.contacts.map((c) => c.channel))])}${f.remedy ? ` and offered ${f.remedy}` : ' to understand what happened'}.`
    : `After this review we checked the order records straight away and ${f.remedy ? `can offer ${f.remedy}` : 'are ready to resolve it under the platform\'s rules'}.`;
  const points = [cause.firm, tried, 'We keep every record, are ready to submit them to the platform, and will abide by its findings.'];
  const close = `Questions are welcome through the platform at any time; if a problem is confirmed, we will make it right.${sign(f)}`;
  if (f.tone === 'concise') return `About this review: ${points.join(' ')} ${close}`;
  return `The facts of this case, also for other customers:\n${points.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n${close}`;
}

function unreachable(f: DraftFacts): string {
  const [cause] = f.causes;
  const status = f.contacts.some((c) => c.reached) ? 'The matter is not fully resolved yet.' : 'So far we have not been able to reach you.';
  const still = f.remedy ? `Our offer of ${f.remedy} still stands.` : 'We still want to put this right.';
  return `Hello, regarding ${cause.topic}, we have tried to contact you:\n${f.contacts.map(contactLine).join('\n')}\n${status} ${still} Please contact us through the platform whenever convenient${hoursNote(f)}.${sign(f)}`;
}

export const en: LanguagePack = {
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
