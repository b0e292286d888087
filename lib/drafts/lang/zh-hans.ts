import type { Platform } from '../../sites/types';
import type { ContactChannel, ContactOutcome, RemedyKind } from '../types';
import type { ContactLine, DraftFacts, LanguagePack } from './pack';

// Simplified Chinese. Written for Taobao/Tmall, Pinduoduo, JD, Douyin and Kuaishou buyers: warm but
// not gushing, no 亲-spam, owning the problem in concrete terms.

const causes: LanguagePack['causes'] = {
  logistics: {
    topic: '配送上的问题',
    gap: '快递的选择和跟进',
    own: [
      '快递是我们选的，包裹在路上出了状况，我们不能一句“快递的事”就推开。',
      '包裹从我们这里发出，没平安送到您手上，这单服务就不算完成，这次让您久等又受累了。',
    ],
    change: [
      '这条线路的情况我们已经反馈给快递公司，之后发货会跟踪物流，一旦停滞就主动联系您。',
      '我们正在对比几家快递在这个方向的时效和破损率，必要时更换合作快递。',
    ],
    ask: '包裹是哪天收到的？路上耽搁了多久，外包装和商品有没有磕碰？',
    firm: '包裹发出后的每一段物流记录我们都有留存，配送中出现的问题，我们会和快递公司一起核实处理。',
  },
  shipping: {
    topic: '发货上的差错',
    gap: '仓库发货和出库核对',
    own: [
      '发货是我们自己的环节，出了差错没有任何理由可找，是我们核对不到位。',
      '您等的每一天、收到的每一件东西，都应该和我们承诺的一致，这次我们没有做到。',
    ],
    change: [
      '仓库已经在打包时加了一道按订单逐件核对的步骤，库存也改为每天同步，避免再出现下单后没货的情况。',
      '我们调整了出库流程：打包前扫码核对款式和数量，预计发货会晚于承诺时间的，提前告知顾客。',
    ],
    ask: '是收到的款式、数量不对，还是发货等得太久？缺的或发错的是哪一件？',
    firm: '每笔订单的发货和打包核对记录我们都有留存，漏发、错发的情况核实后，我们负责补发或更换。',
  },
  quality: {
    topic: '商品的质量问题',
    gap: '出库前的质量检查',
    own: [
      '您收到的商品有问题，是我们出库检查没有把好关，这个责任在我们。',
      '您花钱买到的东西不好用，这不是一句“抱歉”能带过的，问题出在我们的品控上。',
    ],
    change: [
      '同批次的库存我们已经重新抽检，问题也反馈给了厂家整改。',
      '之后每件商品出库前都会多做一道检查，有瑕疵的不再发出。',
    ],
    ask: '方便说说具体是哪里出了问题吗？是收到时就有，还是用了一段时间才出现的？',
    firm: '商品如确有质量问题，我们按平台规则为您退换，这一点我们说到做到。',
  },
  authenticity: {
    topic: '对商品真伪的疑虑',
    gap: '货源说明和凭证展示',
    own: [
      '让您对真伪起了疑心，说明我们在货源说明上做得不够透明，这是我们的问题。',
      '买东西图的是放心，这份放心我们这次没能给到您。',
    ],
    change: [
      '我们会在商品页补充进货渠道的说明，需要时也可以把相关凭证提供给您查看。',
      '授权和进货凭证我们正在整理，顾客有疑问时可以直接向客服索取。',
    ],
    ask: '是哪一处让您觉得不对劲？包装、标签、气味，还是使用的感觉？我们想对照核实一下。',
    firm: '我们愿意配合平台或第三方机构对该商品进行鉴定，结果有问题的，我们承担全部责任。',
  },
  not_as_described: {
    topic: '实物与描述不符的问题',
    gap: '商品页的图片和文字说明',
    own: [
      '实物和页面不一样，问题出在我们的描述，是我们没有把商品如实展示清楚。',
      '您是照着页面上的信息下单的，页面写得不准，责任在我们。',
    ],
    change: [
      '商品页的图片和参数我们已经对照实物重新核对，会补上实拍图，把容易误解的地方写明白。',
      '我们会按实物更正描述，有色差的款式会单独标注，避免其他顾客再产生误会。',
    ],
    ask: '是颜色、材质、尺寸还是功能和页面说的不一样？您收到的实物是什么样子的？',
    firm: '商品页的描述我们已对照实物重新核查，有不符的地方会马上更正，受影响的订单我们负责退换。',
  },
  size: {
    topic: '尺码不合适的问题',
    gap: '尺码表和选码建议',
    own: [
      '尺码不合身，说明我们的尺码表和选码建议还不够准，没能帮您选到合适的码。',
      '穿着不合适确实扫兴，尺码说明这块我们本该做得更细。',
    ],
    change: [
      '我们会重新测量各个尺码，更新尺码表，并在页面上注明版型偏大还是偏小。',
      '之后客服会在下单前主动问一下身高体重，给出更准确的选码建议。',
    ],
    ask: '您平时穿什么码？这次收到的是偏大还是偏小，主要差在哪个部位？',
    firm: '尺码不合适的，我们都支持换码，客服也可以帮您对照尺码表重新选择。',
  },
  service: {
    topic: '客服服务不到位的问题',
    gap: '客服的态度和回复速度',
    own: [
      '客服没能耐心、及时地回应您，这是我们管理上的问题，向您郑重道歉。',
      '您来咨询，本该得到耐心、清楚的答复，我们的客服这次没有做到。',
    ],
    change: [
      '这次的聊天记录我们已经拿出来复盘，也给客服团队重新做了服务规范的培训。',
      '接下来会由主管抽查聊天记录，保证每位顾客的问题都有人认真跟进。',
    ],
    ask: '当时是哪方面的问题没有解决？客服的哪些回复让您不舒服？',
    firm: '客服聊天记录都有留存，相关对话我们已经复核，服务上做得不到位的地方，我们会改正。',
  },
  after_sales: {
    topic: '售后处理拖延的问题',
    gap: '售后流程的效率',
    own: [
      '售后本该让您省心，结果却让您来回折腾，这是我们的流程出了问题。',
      '退换、维修迟迟没有结果，换了谁都会着急，这是我们的失职。',
    ],
    change: [
      '我们已经安排专人跟进售后，申请提交后当天响应，处理进度主动告知您。',
      '售后流程正在简化，来回沟通的环节会减少，退换运费的规则也会在页面上写清楚。',
    ],
    ask: '现在售后进行到哪一步了？卡在哪个环节，需要我们马上帮您处理什么？',
    firm: '售后申请的每一步我们都能查到记录，符合规则的退换和维修我们都会办理，进度可以随时向客服询问。',
  },
  price_value: {
    topic: '价格不划算的问题',
    gap: '价格说明和价保服务',
    own: [
      '让您觉得花得不值，是我们没有把商品的价值和价格讲明白。',
      '刚买就遇到降价，心里肯定不舒服，这种感受我们理解。',
    ],
    change: [
      '以后调整价格我们会提前在页面公告，并按平台规则提供价保。',
      '我们会在页面写清楚商品的用料和配置，让顾客下单前就能判断值不值。',
    ],
    ask: '是觉得用料、做工配不上这个价格，还是看到了别处更低的价格？',
    firm: '价格变动都按平台规则执行，符合价保条件的订单，我们都会补上差价。',
  },
  packaging: {
    topic: '包装上的问题',
    gap: '打包方式和包装材料',
    own: [
      '包装是我们自己打的，没包好就是我们的失误。',
      '收到破损、简陋的包裹，开箱的心情全没了，这个问题出在我们这里。',
    ],
    change: [
      '我们已经换了更结实的外箱，易碎和液体类商品会加防撞、防漏包装。',
      '打包标准已经重新制定，出库前会检查封口和填充，让商品在路上不受影响。',
    ],
    ask: '收到时包装是哪里出了问题？里面的商品有没有受影响？',
    firm: '我们的打包有统一标准，如因包装导致商品受损，我们负责补发或退款。',
  },
  personal: {
    topic: '商品与您期待的差距',
    gap: '下单前的介绍和选购建议',
    own: [
      '商品没有符合您的期待，说明我们下单前的介绍还不够细，没能帮您判断它是否适合您。',
      '您的期待落空了，我们也很遗憾，选购建议这块我们可以做得更好。',
    ],
    change: [
      '我们会在商品页补充适用场景和使用感受，帮助顾客在下单前做出判断。',
      '客服以后会多问一句您的用途和偏好，把真实情况讲清楚再推荐。',
    ],
    ask: '是哪里和您想的不太一样？您原本希望它是什么样子的？',
    firm: '商品不合心意的，只要符合退换条件，我们都支持退换。',
  },
  other: {
    topic: '这次购物中的不愉快',
    gap: '服务的细节',
    own: [
      '这次购物没能让您满意，一定是我们哪里没做好，我们不找理由。',
      '您的不满我们收到了，说明我们的服务还有没做到位的地方。',
    ],
    change: [
      '您的意见我们已经转给相关同事，会逐条对照改进。',
      '这次的情况我们记录了下来，会在之后的服务中改正。',
    ],
    ask: '方便说说这次主要是哪一点让您不满意吗？',
    firm: '您反映的情况我们已如实记录，需要我们处理的地方，客服会随时跟进。',
  },
};

const CHAT: Partial<Record<Platform, string>> = {
  qianniu: '旺旺',
  taobao_classic: '旺旺',
  jd: '咚咚',
  douyin: '飞鸽',
};

function channel(c: ContactChannel, platform: Platform): string {
  switch (c) {
    case 'phone':
      return '电话';
    case 'chat':
      return CHAT[platform] ? `${CHAT[platform]}消息` : '在线客服消息';
    case 'sms':
      return '短信';
    case 'site_message':
      return '站内信';
    case 'platform_message':
      return '平台消息';
    case 'email':
      return '邮件';
  }
}

// A buyer's demand or refusal is never published: both read as "not settled yet".
function outcome(o: ContactOutcome, c: ContactChannel): string {
  switch (o) {
    case 'answered':
      return '已沟通';
    case 'agreed':
      return '已沟通';
    case 'no_answer':
      return c === 'phone' ? '未接通' : '暂未收到回复';
    case 'refused':
    case 'demanded_compensation':
      return '暂未达成一致';
  }
}

const REMEDY: Record<RemedyKind, string> = {
  refund: '退款',
  partial_refund: '部分退款',
  exchange: '换货',
  resend: '补发',
  return: '退货退款',
  repair: '免费维修',
  coupon: '送上一张优惠券',
  gift: '送上一份小礼物表达歉意',
};

function remedy(r: { kind: RemedyKind }, money: string | undefined): string {
  if (!money) return REMEDY[r.kind];
  if (r.kind === 'coupon') return `送上一张${money}的优惠券`;
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
  return f.serviceHours ? `（客服在线时间：${f.serviceHours}）` : '';
}

/** "您提到的A" plus, for a second cause, a short note that it is not forgotten. */
function secondCause(f: DraftFacts): string {
  const second = f.causes[1];
  return second ? f.pick('second', [`另外，您提到的${second.topic}，我们也记下了，会一起改进。`, `您说的${second.topic}，我们同样会改。`]) : '';
}

function contactLine(c: ContactLine): string {
  return `· ${c.when}，${c.channel}，${c.outcome}`;
}

function publicReply(f: DraftFacts): string {
  const [cause] = f.causes;
  const own = f.pick('own', cause.own);
  const change = f.pick('change', cause.change);
  const bought = f.product ? `购买${f.product}后` : '';
  if (f.tone === 'concise') {
    const fix = f.remedy ? `可以为您${f.remedy}，` : '';
    return `感谢反馈，关于${cause.topic}，我们向您道歉。${fix}客服会主动联系您。${change}${sign(f)}`;
  }
  if (f.tone === 'professional') {
    const fix = f.remedy ? `可为您${f.remedy}，客服将与您联系确认。` : '客服将与您联系，根据具体情况给出处理方案。';
    return [
      `您好，感谢您${bought}的反馈。关于您提到的${cause.topic}：${own}${secondCause(f)}`,
      `处理：${fix}`,
      `改进：${change}`,
      `如有其他问题，欢迎随时联系我们${hoursNote(f)}。${sign(f)}`,
    ].join('\n');
  }
  const greet = f.pick('greet', ['您好！', '您好，']);
  const thanks = f.pick('thanks', [
    `谢谢您${bought}把${cause.topic}写得这么清楚，它让我们看到了${cause.gap}上的漏洞。`,
    `感谢您${bought}花时间留下这条评价，您提到的${cause.topic}，正好点出了我们在${cause.gap}上的不足。`,
  ]);
  const fix = f.remedy
    ? `针对这个问题，我们可以为您${f.remedy}，客服会主动和您联系。`
    : '客服会主动和您联系，按您的情况给出处理办法。';
  const invite = f.pick('invite', ['如果还有不满意的地方，欢迎随时找我们', '之后有任何问题，也请直接告诉我们']);
  return `${greet}${thanks}${own}${secondCause(f)}${fix}${change}${invite}${hoursNote(f)}。${sign(f)}`;
}

function privateMessage(f: DraftFacts): string {
  const [cause] = f.causes;
  const hello = f.buyer ? `${f.buyer}您好` : '您好';
  const me = f.shop ? `我是${f.shop}的客服${f.signature ? `（${f.signature}）` : ''}` : '我是店铺客服';
  const order = f.orderTail ? `尾号${f.orderTail}的订单` : '您的订单';
  const reply = f.serviceHours ? `直接回复这条消息就可以，我们在线时间是${f.serviceHours}。` : '直接回复这条消息就可以，我们会尽快回复。';
  if (f.tone === 'concise') {
    return `${hello}，${me}。看到您的评价了，关于${cause.topic}，向您道歉。针对${order}，我们可以为您${offerOr(f)}，${f.remedy ? '您看可以吗' : '您看怎么处理方便'}？${reply}`;
  }
  if (f.tone === 'professional') {
    return `${hello}，${me}。我们注意到您对${f.product ?? '商品'}的评价，关于${cause.topic}，我们已经核对了${order}的情况。${f.pick('own', cause.own)}我们可以为您${offerOr(f)}，请问您希望怎么处理？${reply}`;
  }
  return `${hello}，${me}。看到您${f.product ? `购买${f.product}后` : ''}留的评价，关于${cause.topic}，真的很抱歉。${f.pick('own', cause.own)}关于${order}，我们想为您${offerOr(f)}，${f.remedy ? '您看这样可以吗' : '您看哪种方式更方便'}？也想听听您的具体情况，${reply}`;
}

function phoneScript(f: DraftFacts): string {
  const [cause] = f.causes;
  const lines = [
    '【拨打时间】建议 12:00–13:00 或 18:00–20:00；语气放缓，先听后说。',
    `【开场】您好，请问是${f.buyer ?? '这位顾客'}吗？我是${f.shop ?? '店铺'}的${f.signature ?? '客服'}，想占用您两分钟，可以吗？`,
    `【复述】看到您在${f.product ? `${f.product}的` : ''}评价里提到${cause.topic}，先向您说声抱歉。`,
    `【询问】${cause.ask}`,
    '【倾听】（让顾客把话说完；不解释、不辩解，记下要点和诉求。）',
    `【方案】针对这个情况，我们可以为您${f.remedy ?? either(f.offers)}，${f.remedy ? '您看这样可以吗' : '您看哪种更合适'}？`,
    `【约定】我们在${f.followUp}前把处理结果告诉您，到时通过平台消息或电话和您确认，这样可以吗？`,
    '【结束】谢谢您愿意听我们说，也谢谢您指出问题，打扰您了。',
  ];
  if (f.tone === 'concise') lines.splice(4, 1);
  return lines.join('\n');
}

function revisionRequest(f: DraftFacts): string {
  const hello = f.buyer ? `${f.buyer}您好` : '您好';
  const thing = f.product ? `${f.product}的问题` : '您遇到的问题';
  const free = f.pick('free', ['改不改完全由您决定，无论怎样，都谢谢您的信任。', '这完全看您的意愿，不方便也没关系，谢谢您一直以来的理解。']);
  if (f.tone === 'concise') {
    return `${hello}，${thing}已经处理好了，谢谢您的耐心。如果您觉得满意，方便时可以在订单里更新一下评价。${free}${sign(f)}`;
  }
  return `${hello}，${thing}已经处理好了，谢谢您这几天的耐心配合。如果您对这次的处理还满意，方便的时候可以在订单里找到这条评价，更新一下或追加几句说明，让其他顾客也看到事情的完整经过。${free}${sign(f)}`;
}

function firm(f: DraftFacts): string {
  const [cause] = f.causes;
  const tried = f.contacts.length
    ? `收到评价后，我们先后${f.contacts.length}次通过${list([...new Set(f.contacts.map((c) => c.channel))])}联系您，${f.remedy ? `提出了处理方案（${f.remedy}）` : '希望了解具体情况'}。`
    : `收到评价后，我们第一时间核对了订单记录，${f.remedy ? `可以为您${f.remedy}` : '愿意按平台规则为您处理'}。`;
  const points = [cause.firm, tried, '相关记录我们都已保存，可随时提交平台核实，一切以平台的核实结果为准。'];
  const close = `如您仍有疑问，欢迎随时通过平台联系我们，情况属实的，我们一定负责到底。${sign(f)}`;
  if (f.tone === 'concise') return `关于这条评价，说明如下：${points.join('')}${close}`;
  return `关于这条评价，我们想把情况说明清楚，也给其他顾客一个参考：\n${points.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n${close}`;
}

function unreachable(f: DraftFacts): string {
  const [cause] = f.causes;
  const reachedAny = f.contacts.some((c) => c.reached);
  const status = reachedAny ? '目前问题还没有完全解决。' : '目前还没能和您取得联系。';
  const still = f.remedy ? `我们提出的处理方案（${f.remedy}）依然有效，` : '我们处理问题的诚意不变，';
  return `您好，为了解决您提到的${cause.topic}，我们先后联系过您：\n${f.contacts.map(contactLine).join('\n')}\n${status}${still}您方便时请通过平台消息联系我们${hoursNote(f)}。${sign(f)}`;
}

export const zhHans: LanguagePack = {
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
