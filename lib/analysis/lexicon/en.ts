import { comparisons } from './comparisons';
import { deniedAspects, withDenials } from './denied';
import type { LexiconSpec } from './types';

/** Topics ruled out (not a quality issue, nothing wrong with the fit): weight-0 aspects that hide the plain topic. */
const EN_DENIED = deniedAspects(['not a ', 'not an ', 'nothing wrong with the ', 'no problem with the ', 'no issue with the ', 'no issues with the ', 'no problems with the '], {
  logistics: ['delivery', 'shipping', 'courier'],
  quality: ['quality', 'product', 'material'],
  size: ['size', 'sizing', 'fit'],
  packaging: ['packaging'],
  price_value: ['price'],
  service: ['seller', 'service'],
});

/** English cues (Amazon-style reviews), lower case; '_' at the end demands a word end. */
export const EN: LexiconSpec = {
  cues: {
    logistics:
      'left in the rain|left out in the rain|left outside|left on the porch|left on my doorstep|left at my door|weeks to arrive|days to arrive|month to arrive|months to arrive|weeks to get here|days to get here|month to get here|weeks to be delivered|days to be delivered|weeks to deliver|weeks for delivery|weeks in transit|days in transit|hasn\'t arrived|has not arrived|hasn\'t been delivered|has not been delivered|still not arrived|still not here|weeks late|days late|week late|took*weeks|took*days to arrive|soaking wet|soaked|got wet|was wet|late delivery|delivered late|arrived late|took weeks|took forever|took ages|took a month|never arrived|never received|not delivered|not received|still waiting|lost in transit|lost package|package was lost|damaged in transit|damaged during shipping|damaged in shipping|crushed|left at the door|thrown over|wrong address|delayed|delay_',
    shipping:
      'missing_|came without|arrived without|received a different|sent a different|got a different|sent me a different|not the one i ordered|not what i ordered|different colour than ordered|different color than ordered|week to ship|weeks to ship|days to ship|week to dispatch|weeks to dispatch|days to dispatch|took forever to ship|wrong item|wrong color|wrong colour|wrong size was sent|sent the wrong|sent me the wrong|received the wrong|got the wrong|wrong model|missing parts|missing part|parts missing|piece missing|pieces missing|was missing|were missing|not included|did not include|didn\'t include|no manual|no instructions|out of stock|never shipped|didn\'t ship|did not ship|slow to ship|shipped late|only one_|only received',
    quality:
      'drains fast|drains quickly|battery drains|dies quickly|died after|overheats|poor quality|bad quality|low quality|cheap quality|cheaply made|badly made|poorly made|flimsy|fell apart|falls apart|broke_|broken|breaks|stopped working|stop working|quit working|doesn\'t work|does not work|didn\'t work|did not work|not working|won\'t turn on|defective|faulty|malfunction|dead on arrival|doa_|cracked|crack_|scratched|scratches|scratch_|ripped|torn|tear_|stained|loose thread|stinks|odor|odour|leaks|leaking|noisy|loud_|too loud|rust|rusted|peeling|faded|fades|shrunk|shrank|overheat|rash|irritat|stale|rotten|moldy|mouldy|tastes bad|taste awful|junk|garbage|trash_|waste_|smells like chemicals|smells like plastic|smells of chemicals|smells of plastic|smelled like chemicals|smelled like plastic|strong smell|weird smell|funny smell|plastic smell|stained|stains_|smells bad|smells awful|bad smell|strange smell|chemical smell|loose threads|battery life is poor|battery life is bad|battery life is terrible|poor battery',
    authenticity:
      'fake|counterfeit|knock off|knockoff|knock-off|not genuine|not authentic|not original|not the real|replica|imitation|used item|was used|been used|previously used|refurbished|second hand|second-hand|expired|expiration|returned item|someone else\'s return',
    not_as_described:
      `${comparisons(['smaller', 'bigger', 'thinner', 'shorter', 'darker', 'lighter', 'cheaper looking'], ['than advertised', 'than described', 'than pictured', 'than shown', 'than in the photo', 'than in the picture', 'than the photo', 'than the picture'])}|` +
      'different from the photo|different from the image|different than the photo|different to the picture|different to the photo|looks different from|not as shown|doesn\'t look like the|does not look like the|not as described|not as pictured|not as advertised|not like the picture|not like the photo|looks nothing like|nothing like the picture|different from the picture|different than pictured|different from the description|color is different|colour is different|color is off|misleading|false advertising|description says|description said|listing says|listing said|advertised as|claims to|supposed to be|not what was advertised|not what was shown|not what is shown|not what was pictured|not what is pictured|not the color shown|not the colour shown|smaller than expected|smaller than it looks|not real leather|not 100%',
    size:
      'sizes small|sizes too small|size too small|size smaller|sizes big|sizes too big|size too big|runs*small|runs*large|runs*big|too small|too big|too large|too tight|too loose|too short|too long|runs small|runs large|runs big|run small|run large|doesn\'t fit|does not fit|didn\'t fit|did not fit|won\'t fit|size up|size down|order a size|ordered a size|fits small|fits large|tight_|baggy',
    service:
      'seller was rude|rude_|unhelpful|no response|never responded|never replied|didn\'t respond|did not respond|didn\'t reply|ignored|ignoring|no reply|unprofessional|lied|lying|liar|scam|scammer|customer service was|customer service is terrible|terrible customer service|poor customer service|bad customer service|no customer service',
    after_sales:
      'refused to take it back|refused to take back|won\'t take it back|wouldn\'t take it back|would not take it back|refused to accept the return|refused a refund|refused to exchange|restocking fee|return shipping|return postage|refused to refund|refuse to refund|won\'t refund|no refund|refund denied|refund refused|return refused|return denied|refused the return|refused my return|no replacement|refused to replace|warranty refused|warranty denied|still no refund|never got my refund|never refunded|charged me for return|installer never|technician never|never came to install',
    price_value:
      'overpriced|over priced|not worth|waste of money|too expensive|pricey|cheaper elsewhere|cheaper at|cheaper on|price dropped|price went down|rip off|ripoff|rip-off|poor value|bad value|not good value|too expensive for|very expensive|so expensive|expensive for what',
    packaging:
      'had leaked|leaked all over|leaked everywhere|spilled all over|poorly packed|badly packed|no box|torn box|bubble wrap|spilled|leaked in|leaking bottle|seal was broken|broken seal|no seal|unsealed|poorly packaged|badly packaged|packaging was torn|packaging was poor',
  },
  aspects: withDenials({
    logistics: 'delivery|shipping|shipment|package|parcel|courier|delivery driver|driver_|ups_|fedex|dhl_|usps',
    quality: 'quality|product|item|material|fabric|battery|screen|sound|build|smell|threads|battery life',
    service: 'seller|service|support|staff|agent|customer service|customer support|seller said',
    after_sales: 'return|refund|warranty|return_|returned|returning|exchange|replacement|guarantee|repair|technician|installer|installation',
    price_value: 'price|value|expensive',
    packaging: 'box|packaging|package|packed',
    size: 'size|fit|size chart|sizing',
  }, EN_DENIED),
  negative:
    'slow|bad|poor|terrible|horrible|awful|worst|disappointing|disappointed|disappointment|unhappy|unacceptable|useless|cheap|wrong|broken|damaged|problem|problems|issue|issues|annoying|frustrating|never_|sadly|unfortunately|late_|rude|ridiculous|pathetic|mediocre|meh_|so-so|avoid|regret|returned|sucks|crap|junk|garbage|fail|failed|defective|hate|drains|dies|died|fails|flimsy|thin_|weak_|leaks|wet_|refused|denied|rejected|unhelpful|ignored|sloppy|careless|dented|crushed|torn_|filthy|dirty',
  positive:
    'good|great|excellent|perfect|love|loved|fast|quick|quickly|happy|satisfied|recommend|nice|awesome|amazing|fine|well_|best_|beautiful|sturdy|solid|works great|worth',
  contrast: 'but_|however|though_|except|only problem|only issue|the only|unfortunately|sadly|yet_',
  concession: 'although|even though|while_|despite',
  negators: 'not|no_|never|isn\'t|wasn\'t|aren\'t|weren\'t|don\'t|doesn\'t|didn\'t|won\'t|wouldn\'t|hardly|without|nothing|nor_|neither|dont_|doesnt|didnt|isnt|wasnt',
  fillers: 'too_|very|that_|so_|at_|all_|a_|bit_|the_|really|even|any_|an_|be_|been|particularly|overly|as_|had_|have_|any',
  personal:
    'don\'t like|didn\'t like|do not like|did not like|not for me|not my style|not my taste|my fault|my mistake|ordered wrong|ordered the wrong|i ordered wrong|expected more|expected better|expected it to be|not what i expected|meh_|so-so|okay_|ok_|just ok|average|nothing special|underwhelming|disappointed|disappointing|not impressed|won\'t buy again|would not buy|wouldn\'t buy|not recommend|don\'t recommend',
  other: 'the author|this book|the book|plot_|story_|characters|writing_|amazon_|prime_|platform',
  staff: 'seller|customer service|customer support|support|vendor|shop',
  extortion:
    'report you|reporting you|report this seller|lawyer|attorney|sue_|suing|lawsuit|court_|consumer protection|trading standards|bbb_|better business bureau|chargeback|compensation|compensate|pay me|false advertising|the media|go public|unless you|or else|remove this review if|change my review if|will not change my review',
};
