import type { Finding, LintContext } from '../types';
import { finding, hits, withoutOverlaps, type Hit } from './finding';

type PersonalKind = 'phone' | 'order' | 'address' | 'name' | 'chat_id' | 'email';

// Order matters: earlier kinds win where spans overlap (an 11-digit mobile number is a phone, not an order).
const PATTERNS: [PersonalKind, RegExp][] = [
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  // Chat ids: the label plus something that looks like an id. A bare "加微信" is not personal data.
  ['chat_id', /(?:微信号?|微信號|wechat|weixin|(?<![A-Za-z])(?:wx|vx|v信)(?![A-Za-z])|QQ号?|QQ號|旺旺号|旺旺號|whatsapp|telegram|line\s?id)\s*(?:id)?\s*[:：]?\s*[A-Za-z0-9][A-Za-z0-9_\-]{4,}/gi],
  // Mainland mobiles, also masked (138****5678) or spaced; +86 optional.
  ['phone', /(?<![\d*＊])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?[\d*＊xX×]{4}[-\s]?\d{4}(?!\d)/g],
  ['phone', /(?<![\d\w])0\d{2,3}-\d{7,8}(?!\d)/g],
  ['phone', /\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,5}){2,4}/g],
  ['phone', /(?<![\d\w])0\d{2,4}[\s/-]?\d{6,8}(?!\d)/g],
  ['phone', /\d{2,4}[*＊]{3,}\d{2,4}/g],
  ['order', /(?:订单号|訂單號|订单编号|訂單編號|订单|訂單|order\s*(?:no\.?|number|id|#)|Bestell(?:nummer|-?Nr\.?))\s*[:：#]?\s*[A-Za-z0-9][\w-]{5,}/gi],
  ['order', /(?<!\d)\d{6}-\d{15}(?!\d)|(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)/g],
  ['order', /(?<![\d.])\d{10,}(?!\d)/g],
  // "the order ending in 1234" identifies the buyer to anyone holding the order list.
  ['order', /尾[号號]\s*\d{3,6}|ending\s+in\s+\d{3,6}|(?:mit\s+der\s+)?Endung\s+\d{3,6}/gi],
  ['address', /(?:收[货貨件]地址|收件地址|地址|Adresse|address)\s*[:：]\s*\S{2,}/gi],
  ['address', /[\u4e00-\u9fff]{2,4}市[\u4e00-\u9fff]{1,5}?(?:区|區|县|縣)/g],
  ['address', /[\u4e00-\u9fff]{1,10}(?:路|街|大道|巷|弄|胡同)\d+(?:号|號)/g],
  ['address', /\d+(?:号楼|號樓|栋|棟|幢|单元|單元|室)/g],
  ['address', /\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|damm)\s+\d+[a-z]?\b/g],
  ['address', /(?<!\d)\d{5}\s+(?:Berlin|Hamburg|München|Köln|Frankfurt|Stuttgart|Düsseldorf|Leipzig|Dortmund|Essen|Bremen|Dresden|Hannover|Nürnberg|[A-ZÄÖÜ][a-zäöüß]+(?:stadt|dorf|burg|berg|heim|hausen|ingen|feld))\b/g],
  ['address', /\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Boulevard|Blvd\.|Court)/g],
  ['name', /(?:收件人|收[货貨]人|姓名|真实姓名|真實姓名)\s*[:：]\s*[\u4e00-\u9fff]{2,4}/g],
  // Surname + given name + title ("王小明女士"). Surname alone ("王先生") stays allowed: it identifies no one.
  ['name', /(?:[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯])[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐)/g],
  ['name', /\b(?:Mr|Mrs|Ms|Miss|Herr|Frau)\.?\s+[A-ZÄÖÜ][a-zäöüß]+(?:\s+[A-ZÄÖÜ][a-zäöüß]+)?/g],
];

const MESSAGES: Record<PersonalKind, string> = {
  phone: 'A phone number (also masked) must not appear in a public reply',
  order: 'An order number must not appear in a public reply',
  address: 'An address must not appear in a public reply',
  name: "The buyer's name must not appear in a public reply",
  chat_id: 'A chat account id (WeChat, QQ …) must not appear in a public reply',
  email: 'An email address must not appear in a public reply',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Personal data in text other shoppers read. Private messages and phone scripts are exempt. */
export function personalData(text: string, ctx: LintContext): Finding[] {
  const found: (Hit & { kind: PersonalKind })[] = [];
  for (const name of ctx.knownNames ?? []) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    for (const hit of hits(text, new RegExp(escapeRegExp(trimmed), 'gi'))) found.push({ ...hit, kind: 'name' });
  }
  for (const [kind, pattern] of PATTERNS) for (const hit of hits(text, pattern)) found.push({ ...hit, kind });
  return withoutOverlaps(found)
    .sort((a, b) => a.start - b.start)
    .map((h) => finding('personal_data', 'error', `lint_personal_${h.kind}`, `${MESSAGES[h.kind]}: "${h.text}"`, [h.text], h.start, h.end));
}
