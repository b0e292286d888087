import type { Platform } from '../../sites/types';
import type { ContactChannel, ContactOutcome, RemedyKind } from '../types';
import type { ContactLine, DraftFacts, LanguagePack } from './pack';

// Traditional Chinese as written in Taiwan and Hong Kong (品質, 物流, 訊息, 透過), composed by hand
// rather than converted character by character from the Simplified pack.

const causes: LanguagePack['causes'] = {
  logistics: {
    topic: '配送上的問題',
    gap: '物流業者的選擇和追蹤',
    own: [
      '物流是我們選的，包裹在途中出了狀況，我們不能一句「是物流的事」就推開。',
      '包裹從我們這裡寄出，沒有平安送到您手上，這筆服務就不算完成，這次讓您久等又費心了。',
    ],
    change: [
      '這條路線的狀況我們已經向物流業者反映，之後出貨會全程追蹤，一旦停滯就主動聯絡您。',
      '我們正在比較幾家物流業者在這個區域的時效和破損率，必要時會更換合作業者。',
    ],
    ask: '包裹是哪天收到的？路上延誤了多久，外箱和商品有沒有碰撞受損？',
    firm: '包裹寄出後的每一段物流紀錄我們都有保存，配送中發生的問題，我們會和物流業者一起查證處理。',
  },
  shipping: {
    topic: '出貨上的疏失',
    gap: '倉庫出貨和包裝前的核對',
    own: [
      '出貨是我們自己的環節，出了錯沒有任何理由可找，是我們核對不夠仔細。',
      '您等待的每一天、收到的每一件商品，都應該和我們的承諾一致，這次我們沒有做到。',
    ],
    change: [
      '倉庫已在包裝時加上一道依訂單逐件核對的步驟，庫存也改為每天同步，避免再發生下單後缺貨的情形。',
      '我們調整了出貨流程：包裝前掃描條碼核對款式和數量，如果出貨會晚於承諾時間，會事先通知顧客。',
    ],
    ask: '是收到的款式、數量不對，還是出貨等太久？少寄或寄錯的是哪一件？',
    firm: '每筆訂單的出貨和包裝核對紀錄我們都有保存，少寄、寄錯的情形經查證後，我們負責補寄或更換。',
  },
  quality: {
    topic: '商品的品質問題',
    gap: '出貨前的品質檢查',
    own: [
      '您收到的商品有問題，是我們出貨前的檢查沒有把關好，這個責任在我們。',
      '您花錢買到的東西不好用，這不是一句「抱歉」就能帶過的，問題出在我們的品管。',
    ],
    change: [
      '同一批次的庫存我們已經重新抽驗，問題也回報給廠商改善。',
      '之後每件商品出貨前都會多一道檢查，有瑕疵的不會再寄出。',
    ],
    ask: '方便說說具體是哪裡有問題嗎？是收到時就這樣，還是使用一段時間後才出現的？',
    firm: '商品如果確實有品質問題，我們依平台規定為您辦理退換，這一點我們說到做到。',
  },
  authenticity: {
    topic: '對商品真偽的疑慮',
    gap: '貨源說明和證明文件的公開',
    own: [
      '讓您對真偽產生疑慮，表示我們在貨源說明上不夠透明，這是我們的問題。',
      '買東西求的就是安心，這份安心我們這次沒能給您。',
    ],
    change: [
      '我們會在商品頁面補上進貨管道的說明，需要時也可以提供相關證明給您查看。',
      '授權和進貨證明我們正在整理，顧客有疑問時可以直接向客服索取。',
    ],
    ask: '是哪個地方讓您覺得不對勁？包裝、標籤、氣味，還是使用起來的感覺？我們想對照查證。',
    firm: '我們願意配合平台或第三方機構鑑定這件商品，結果確有問題的，我們承擔全部責任。',
  },
  not_as_described: {
    topic: '實物與描述不符的問題',
    gap: '商品頁面的照片和文字說明',
    own: [
      '實物和頁面不一樣，問題出在我們的描述，是我們沒有把商品如實呈現清楚。',
      '您是依照頁面上的資訊下單的，頁面寫得不準確，責任在我們。',
    ],
    change: [
      '商品頁面的照片和規格我們已經對照實物重新確認，會補上實拍照片，把容易誤解的地方寫清楚。',
      '我們會依實物更正說明，有色差的款式會另外標註，避免其他顧客再產生誤會。',
    ],
    ask: '是顏色、材質、尺寸還是功能和頁面寫的不一樣？您收到的實物是什麼樣子？',
    firm: '商品頁面的說明我們已對照實物重新檢查，有不符的地方會立刻更正，受影響的訂單我們負責退換。',
  },
  size: {
    topic: '尺寸不合適的問題',
    gap: '尺寸表和選尺寸的建議',
    own: [
      '尺寸不合身，表示我們的尺寸表和建議還不夠準確，沒能幫您選到合適的尺寸。',
      '穿起來不合適真的很掃興，尺寸說明這方面我們應該做得更細。',
    ],
    change: [
      '我們會重新量測每個尺寸、更新尺寸表，並在頁面上註明版型偏大還是偏小。',
      '之後客服會在下單前主動詢問身高體重，給出更準確的尺寸建議。',
    ],
    ask: '您平常穿什麼尺寸？這次收到的是偏大還是偏小，主要差在哪個部位？',
    firm: '尺寸不合適的，我們都可以協助換尺寸，客服也能幫您對照尺寸表重新挑選。',
  },
  service: {
    topic: '客服服務不周的問題',
    gap: '客服的態度和回覆速度',
    own: [
      '客服沒能耐心、即時地回應您，這是我們管理上的問題，向您鄭重道歉。',
      '您來詢問，本來應該得到耐心、清楚的答覆，我們的客服這次沒有做到。',
    ],
    change: [
      '這次的對話紀錄我們已經拿出來檢討，也為客服團隊重新進行了服務規範的訓練。',
      '接下來會由主管抽查對話紀錄，確保每位顧客的問題都有人認真追蹤。',
    ],
    ask: '當時是哪方面的問題沒有解決？客服的哪些回覆讓您不舒服？',
    firm: '客服對話紀錄都有保存，相關對話我們已經重新檢視，服務上做得不夠好的地方，我們會改正。',
  },
  after_sales: {
    topic: '售後處理拖延的問題',
    gap: '售後流程的效率',
    own: [
      '售後服務本來應該讓您省心，結果卻讓您來回奔波，這是我們的流程出了問題。',
      '退換、維修遲遲沒有結果，換作是誰都會著急，這是我們的失職。',
    ],
    change: [
      '我們已經安排專人負責售後，申請送出後當天回應，處理進度會主動通知您。',
      '售後流程正在簡化，來回溝通的步驟會減少，退換貨運費的規定也會在頁面上寫清楚。',
    ],
    ask: '目前售後進行到哪一步了？卡在哪個環節，需要我們馬上幫您處理什麼？',
    firm: '售後申請的每個步驟我們都查得到紀錄，符合規定的退換和維修我們都會辦理，進度可以隨時向客服詢問。',
  },
  price_value: {
    topic: '價格不划算的問題',
    gap: '價格說明和價格保障',
    own: [
      '讓您覺得花得不值得，是我們沒有把商品的價值和價格說明清楚。',
      '剛買就遇到降價，心裡一定不舒服，這種感受我們能理解。',
    ],
    change: [
      '之後調整價格我們會事先在頁面公告，並依平台規定提供價格保障。',
      '我們會在頁面寫清楚商品的用料和規格，讓顧客下單前就能判斷值不值得。',
    ],
    ask: '是覺得用料、做工配不上這個價格，還是看到其他地方更便宜？',
    firm: '價格變動都依平台規定辦理，符合價格保障條件的訂單，我們都會補上差額。',
  },
  packaging: {
    topic: '包裝上的問題',
    gap: '包裝方式和包材',
    own: [
      '包裝是我們自己打包的，沒包好就是我們的疏失。',
      '收到破損、簡陋的包裹，開箱的心情全沒了，這個問題出在我們這裡。',
    ],
    change: [
      '我們已經換成更堅固的外箱，易碎和液體類商品會加上防撞、防漏包裝。',
      '包裝標準已經重新制定，出貨前會檢查封口和緩衝材，讓商品在運送途中不受影響。',
    ],
    ask: '收到時包裝是哪裡有問題？裡面的商品有沒有受到影響？',
    firm: '我們的包裝有統一標準，如果因為包裝造成商品受損，我們負責補寄或退款。',
  },
  personal: {
    topic: '商品與您期待的落差',
    gap: '下單前的介紹和選購建議',
    own: [
      '商品不符合您的期待，表示我們下單前的介紹還不夠詳細，沒能幫您判斷它適不適合您。',
      '您的期待落空了，我們也很遺憾，選購建議這方面我們可以做得更好。',
    ],
    change: [
      '我們會在商品頁面補充適用情境和使用感受，幫助顧客在下單前做出判斷。',
      '客服之後會多問一句您的用途和喜好，把實際情況說清楚再推薦。',
    ],
    ask: '是哪裡和您想的不太一樣？您原本希望它是什麼樣子？',
    firm: '商品不合心意的，只要符合退換條件，我們都接受退換。',
  },
  other: {
    topic: '這次購物中的不愉快',
    gap: '服務的細節',
    own: [
      '這次購物沒能讓您滿意，一定是我們哪裡沒做好，我們不找理由。',
      '您的不滿我們收到了，這表示我們的服務還有不夠周到的地方。',
    ],
    change: [
      '您的意見我們已經轉達給相關同事，會逐條對照改善。',
      '這次的情況我們記錄了下來，會在之後的服務中改正。',
    ],
    ask: '方便說說這次主要是哪一點讓您不滿意嗎？',
    firm: '您反映的情況我們已如實記錄，需要我們處理的地方，客服會隨時追蹤。',
  },
};

const CHAT: Partial<Record<Platform, string>> = {
  qianniu: '旺旺',
  taobao_classic: '旺旺',
  jd: '咚咚',
  douyin: '飛鴿',
};

function channel(c: ContactChannel, platform: Platform): string {
  switch (c) {
    case 'phone':
      return '電話';
    case 'chat':
      return CHAT[platform] ? `${CHAT[platform]}訊息` : '線上客服訊息';
    case 'sms':
      return '簡訊';
    case 'site_message':
      return '站內信';
    case 'platform_message':
      return '平台訊息';
    case 'email':
      return '電子郵件';
  }
}

// A buyer's demand or refusal is never published: both read as "not settled yet".
function outcome(o: ContactOutcome, c: ContactChannel): string {
  switch (o) {
    case 'answered':
      return '已溝通';
    case 'agreed':
      return '已溝通';
    case 'no_answer':
      return c === 'phone' ? '未接通' : '尚未收到回覆';
    case 'refused':
    case 'demanded_compensation':
      return '尚未達成共識';
  }
}

const REMEDY: Record<RemedyKind, string> = {
  refund: '退款',
  partial_refund: '部分退款',
  exchange: '換貨',
  resend: '補發',
  return: '退貨退款',
  repair: '免費維修',
  coupon: '送上一張優惠券',
  gift: '送上一份小禮物表達歉意',
};

function remedy(r: { kind: RemedyKind }, money: string | undefined): string {
  if (!money) return REMEDY[r.kind];
  if (r.kind === 'coupon') return `送上一張${money}的優惠券`;
  if (r.kind === 'gift') return REMEDY.gift;
  return `${REMEDY[r.kind]}${money}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** Alternatives the buyer chooses from: "A、B或C". */
function either(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`;
}

const offerOr = (f: DraftFacts) => f.remedy ?? either(f.offers.slice(0, 2));

function sign(f: DraftFacts): string {
  const who = [f.shop, f.signature].filter(Boolean).join(' ');
  return who ? `\n——${who}` : '';
}

function hoursNote(f: DraftFacts): string {
  return f.serviceHours ? `（客服服務時間：${f.serviceHours}）` : '';
}

/** "您提到的A" plus, for a second cause, a short note that it is not forgotten. */
function secondCause(f: DraftFacts): string {
  const second = f.causes[1];
  return second ? f.pick('second', [`另外，您提到的${second.topic}，我們也記下了，會一起改進。`, `您說的${second.topic}，我們同樣會改。`]) : '';
}

function contactLine(c: ContactLine): string {
  return `· ${c.when}，${c.channel}，${c.outcome}`;
}

function publicReply(f: DraftFacts): string {
  const [cause] = f.causes;
  const own = f.pick('own', cause.own);
  const change = f.pick('change', cause.change);
  const bought = f.product ? `購買${f.product}後` : '';
  if (f.tone === 'concise') {
    const fix = f.remedy ? `可以為您${f.remedy}，` : '';
    return `感謝您的意見，關於${cause.topic}，我們向您道歉。${fix}客服會主動聯絡您。${change}${sign(f)}`;
  }
  if (f.tone === 'professional') {
    const fix = f.remedy ? `可為您${f.remedy}，客服將與您聯絡確認。` : '客服將與您聯絡，依實際情況提出處理方案。';
    return [
      `您好，感謝您${bought}的意見。關於您提到的${cause.topic}：${own}${secondCause(f)}`,
      `處理：${fix}`,
      `改進：${change}`,
      `如有其他問題，歡迎隨時聯絡我們${hoursNote(f)}。${sign(f)}`,
    ].join('\n');
  }
  const greet = f.pick('greet', ['您好！', '您好，']);
  const thanks = f.pick('thanks', [
    `謝謝您${bought}把${cause.topic}寫得這麼清楚，它讓我們看到了${cause.gap}上的漏洞。`,
    `感謝您${bought}花時間留下這條評價，您提到的${cause.topic}，正好點出了我們在${cause.gap}上的不足。`,
  ]);
  const fix = f.remedy
    ? `針對這個問題，我們可以為您${f.remedy}，客服會主動和您聯絡。`
    : '客服會主動和您聯絡，依您的情況提出處理方式。';
  const invite = f.pick('invite', ['如果還有不滿意的地方，歡迎隨時找我們', '之後有任何問題，也請直接告訴我們']);
  return `${greet}${thanks}${own}${secondCause(f)}${fix}${change}${invite}${hoursNote(f)}。${sign(f)}`;
}

function privateMessage(f: DraftFacts): string {
  const [cause] = f.causes;
  const hello = f.buyer ? `${f.buyer}您好` : '您好';
  const me = f.shop ? `我是${f.shop}的客服${f.signature ? `（${f.signature}）` : ''}` : '我是商店的客服';
  const order = f.orderTail ? `尾號${f.orderTail}的訂單` : '您的訂單';
  const reply = f.serviceHours ? `直接回覆這條訊息就可以，我們的服務時間是${f.serviceHours}。` : '直接回覆這條訊息就可以，我們會盡快回覆。';
  if (f.tone === 'concise') {
    return `${hello}，${me}。看到您的評價了，關於${cause.topic}，向您道歉。針對${order}，我們可以為您${offerOr(f)}，${f.remedy ? '您看可以嗎' : '您看怎麼處理比較方便'}？${reply}`;
  }
  if (f.tone === 'professional') {
    return `${hello}，${me}。我們注意到您對${f.product ?? '商品'}的評價，關於${cause.topic}，我們已經核對了${order}的情況。${f.pick('own', cause.own)}我們可以為您${offerOr(f)}，請問您希望怎麼處理？${reply}`;
  }
  return `${hello}，${me}。看到您${f.product ? `購買${f.product}後` : ''}留的評價，關於${cause.topic}，真的很抱歉。${f.pick('own', cause.own)}關於${order}，我們想為您${offerOr(f)}，${f.remedy ? '您看這樣可以嗎' : '您看哪種方式比較方便'}？也想聽聽您的具體情況，${reply}`;
}

function phoneScript(f: DraftFacts): string {
  const [cause] = f.causes;
  const lines = [
    '【撥打時間】建議 12:00–13:00 或 18:00–20:00；語氣放緩，先聽後說。',
    `【開場】您好，請問是${f.buyer ?? '這位顧客'}嗎？我是${f.shop ?? '本店'}的${f.signature ?? '客服'}，想佔用您兩分鐘，可以嗎？`,
    `【複述】看到您在${f.product ? `${f.product}的` : ''}評價裡提到${cause.topic}，先向您說聲抱歉。`,
    `【詢問】${cause.ask}`,
    '【傾聽】（讓顧客把話說完；不解釋、不辯解，記下要點和訴求。）',
    `【方案】針對這個情況，我們可以為您${f.remedy ?? either(f.offers)}，${f.remedy ? '您看這樣可以嗎' : '您看哪種比較合適'}？`,
    `【約定】我們在${f.followUp}前把處理結果告訴您，到時透過平台訊息或電話和您確認，這樣可以嗎？`,
    '【結束】謝謝您願意聽我們說，也謝謝您指出問題，打擾您了。',
  ];
  if (f.tone === 'concise') lines.splice(4, 1);
  return lines.join('\n');
}

function revisionRequest(f: DraftFacts): string {
  const hello = f.buyer ? `${f.buyer}您好` : '您好';
  const thing = f.product ? `${f.product}的問題` : '您遇到的問題';
  const free = f.pick('free', ['改不改完全由您決定，無論怎樣，都謝謝您的信任。', '這完全看您的意願，不方便也沒關係，謝謝您一直以來的理解。']);
  if (f.tone === 'concise') {
    return `${hello}，${thing}已經處理好了，謝謝您的耐心。如果您覺得滿意，方便時可以在訂單裡更新一下評價。${free}${sign(f)}`;
  }
  return `${hello}，${thing}已經處理好了，謝謝您這幾天的耐心配合。如果您對這次的處理還滿意，方便的時候可以在訂單裡找到這條評價，更新一下或追加幾句說明，讓其他顧客也看到事情的完整經過。${free}${sign(f)}`;
}

function firm(f: DraftFacts): string {
  const [cause] = f.causes;
  const tried = f.contacts.length
    ? `收到評價後，我們先後${f.contacts.length}次透過${list([...new Set(f.contacts.map((c) => c.channel))])}聯絡您，${f.remedy ? `提出了處理方案（${f.remedy}）` : '希望了解具體情況'}。`
    : `收到評價後，我們第一時間核對了訂單紀錄，${f.remedy ? `可以為您${f.remedy}` : '願意依平台規定為您處理'}。`;
  const points = [cause.firm, tried, '相關紀錄我們都已保存，可隨時提交平台查核，一切以平台的查核結果為準。'];
  const close = `如您仍有疑問，歡迎隨時透過平台聯絡我們，情況屬實的，我們一定負責到底。${sign(f)}`;
  if (f.tone === 'concise') return `關於這條評價，說明如下：${points.join('')}${close}`;
  return `關於這條評價，我們想把情況說明清楚，也給其他顧客一個參考：\n${points.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n${close}`;
}

function unreachable(f: DraftFacts): string {
  const [cause] = f.causes;
  const reachedAny = f.contacts.some((c) => c.reached);
  const status = reachedAny ? '目前問題還沒有完全解決。' : '目前還沒能和您取得聯絡。';
  const still = f.remedy ? `我們提出的處理方案（${f.remedy}）依然有效，` : '我們處理問題的誠意不變，';
  return `您好，為了解決您提到的${cause.topic}，我們先後聯絡過您：\n${f.contacts.map(contactLine).join('\n')}\n${status}${still}您方便時請透過平台訊息聯絡我們${hoursNote(f)}。${sign(f)}`;
}

export const zhHant: LanguagePack = {
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
