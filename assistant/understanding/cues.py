"""Cue vocabularies and compiled patterns for assistant.understanding.needs: asks, offers, news, help given.

Patterns run on one sentence at a time, with curly apostrophes already folded to "'".
One gate (below, and assistant.reading.gate) finds in one pass the literals every pattern requires;
a finder runs only the patterns whose literals the sentence holds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.reading.gate import Gate, named

CI = re.I

# --- sentence splitting -------------------------------------------------------------------------

ABBREVIATIONS = frozenset(
    "dr mr mrs ms mx prof sr jr st mt inc ltd llc llp co corp dept univ assn bros vs etc approx est "
    "no nos vol fig ft sq oz lb lbs pp ca cf al e.g i.e eg ie a.m p.m am pm u.s u.k jan feb mar apr jun jul "
    "aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd hwy ph.d m.d d.d.s "
    "esq rev gen capt col lt sgt hon adm cmdr gov sen amb min max tel ext attn re fwd".split())
BULLET = re.compile(r"^\s*(?:[-*•·▪►–—]|\d{1,2}[.)]|[a-z][.)])\s+")
# an end mark (or an emoticon) followed by space; the split is confirmed in code (abbreviations, initials)
SENTENCE_END = re.compile(r"(?:[.!?…]+[\"')\]]*|\s[:;]-?[)(DP](?=\s)|\s\(:|\s<3)(?=\s+\S)")
# the same without the emoticons, for text with no ":", ";" or "<" (most): found far faster, as a
# pattern that starts with one of a few characters is
END_MARK = re.compile(r"[.!?…]+[\"')\]]*(?=\s+\S)")
URLISH = re.compile(r"\b(?:https?://|www\.)\S*[^\s.,!?;:)\]'\"]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", CI)

# --- shared pieces ------------------------------------------------------------------------------

# the object phrase after a cue: no sentence punctuation, bounded length (no backtracking blow-up)
OBJ = r"(?P<obj>[^.?!;\n]{2,160})"
_SUBJECT = (r"(?:we|i|my team|our team|our (?:company|firm|clinic|practice|office|startup|school|shop|store|"
            r"restaurant|agency|nonprofit|organization|org|board|client|family)|my (?:client|cofounder|co-founder|"
            r"partner|wife|husband|friend|boss|sister|brother|daughter|son|mom|dad|parents)|a friend(?: of mine)?)")
_BE = r"(?:'re|'m|'s| are| am| is)?"
_ADVERB = (r"(?:(?:still|really|urgently|desperately|actively|currently|now|also|badly|definitely|seriously|"
           r"quickly|kind of|kinda|finally|just|again|officially)\s+)*")

# --- asks ---------------------------------------------------------------------------------------

ASK_PATTERNS = named(CI,
    # we need / I'm looking for / we're hiring / we're looking to bring on
    we_need=rf"\b{_SUBJECT}(?:'d|'ll)?{_BE}(?:(?:'ve| have) been)?\s+{_ADVERB}(?:"
    r"(?:(?:will|would) (?:also |really |probably )?)?needs?|wants?|(?:'d|would) like|requires?|looking for|"
    r"searching for|in search of|on the hunt for|hunting for|"
    r"on the lookout for|in the market for|in need of|(?:trying|hoping|struggling|trying hard|scrambling|working) to "
    r"(?:find|track down|locate|source|line up|get hold of)|(?:tracking down|sourcing|lining up)|"
    r"having (?:a hard time|trouble|a tough time|no luck) finding|can't (?:seem to )?find|cannot find|seeking|"
    r"scouting for|shopping for|could (?:really )?use|need to (?:find|hire|get|bring on|recruit)|"
    r"looking to (?:hire|bring on|add|find|recruit|engage|retain|partner with)|hiring(?: for)?|recruiting(?: for)?|"
    r"(?:want|plan|planning|hoping) to (?:hire|bring on|recruit)|would love to (?:find|meet|hire)|"
    rf"need help (?:finding|with))\s+{OBJ}",
    # can anyone recommend / could you point me to / would you introduce me to
    can_you_recommend=
    r"\b(?:can|could|would|will|do|does|might) (?:any(?:one|body)|some(?:one|body)|you|u|y'all|you guys|folks)"
    r"(?: here| else)?(?: possibly| happen to| please| maybe| kindly| be able to| be willing to| mind)* "
    r"(?:recommend|suggest|refer (?:me|us)(?: to)?|"
    r"point (?:me|us) (?:to|towards?|in the direction of)|connect (?:me|us) (?:with|to)|introduce (?:me|us) to|"
    rf"intro (?:me|us) to|put (?:me|us) in touch with)\s+{OBJ}",
    # any recommendations for / does anyone have a contact at / any leads?
    any_recommendations=
    r"\b(?:any|do you have (?:any|an?)|does any(?:one|body) have (?:any|an?)|have you got (?:any|an?)|got any|"
    r"(?:would )?(?:love|appreciate) (?:any|an?)|looking for (?:any|an?)|open to)\s+(?:good |great |solid |trusted )?"
    r"(?P<noun>recommendations?|recs?|referrals?|leads?|suggestions?|names?|contacts?|connections?|intros?|"
    rf"introductions?)\s+(?P<prep>for|on|of|at|in|with|to|into)\s+{OBJ}",
    # could use / would love an introduction to someone at ...
    introduction_to=r"\b(?:could use|would (?:love|appreciate|welcome)|looking for|need|want|hoping for|keen on|after) "
    rf"an? (?:warm )?(?:intro|introduction|connection)\s+(?:to|with)\s+{OBJ}",
    # do you know a good ... / if you know anyone who ... / know anyone at ...
    do_you_know=
    r"(?:\b(?:(?:do|does|would|might|if|in case|any chance|wonder(?:ing)? if|whether) )?(?:you|any(?:one|body)|u|y'all)"
    r"(?: might| would| may)?|^)(?:\s*happen to|\s*by any chance)?\s*(?:know|knows|come across|hear of|run into)"
    rf"(?: of)?\s+(?P<det>an?|any|some|someone|somebody|anyone|anybody|people|folks|a few)\b\s*{OBJ}",
    # is there a bookkeeper you'd recommend? / do you have a go-to electrician?
    one_you_would_recommend=
    r"\b(?:is there|are there|do you have|does any(?:one|body) have|have you got|got)\s+(?P<obj>(?:an?|any) "
    r"[^.?!;\n]{2,80}?)\s+(?:that |who )?(?:you'd|you would|you|you can|anyone would|people|folks) "
    r"(?:recommend|suggest|trust|rave about|swear by|use)\b",
    go_to_provider=
    rf"\b(?:do|does) (?:you|any(?:one|body)) have an? (?:go-to|favorite|favourite|trusted|good|great|reliable)\s+{OBJ}",
    # subjectless notes: "Looking for a React developer, ideally part-time - know anyone?"
    subjectless=
    r"^(?:(?:still|currently|also|now|urgently|actively) )?(?:looking for|searching for|seeking|on the hunt for|"
    rf"in search of|hiring|in need of|in the market for)\s+{OBJ}",
    # who do you use for bookkeeping? / who's your go-to accountant?
    who_do_you_use=
    rf"\bwho (?:do|would|should) (?:you|y'all|folks|people) (?:use|recommend|suggest|trust|go to) (?:for|as)\s+{OBJ}",
    who_is_your=rf"\bwho(?:'s| is) (?:your|a good) (?:go-to |favorite |favourite |trusted )?{OBJ}",
    # we have an opening for a ...
    opening_for=
    r"\b(?:we have|there's|there is) an? (?:open(?:ing)?|open role|open position|position|vacancy|job opening)"
    rf" for\s+{OBJ}",
)
RAISE = re.compile(
    rf"\b(?:we|i|the company|my startup|our startup){_BE}\s+{_ADVERB}(?:about to |getting ready to |gearing up to |"
    r"preparing to |starting to |going to |gonna |planning to |planning on |looking to |hoping to |set to |"
    r"ready to |in the process of |kicking off |opening |out )?(?:rais(?:e|ing)|fundrais(?:e|ing)|"
    r"(?:launch|open)(?:ing)? (?:our|a) (?:\w+ )?round)\b(?P<obj>[^.?!;\n]{0,80})", CI)
ROUND = re.compile(r"\b(pre-?seed|seed|series [a-e]|angel|bridge|friends and family)\b", CI)
# objects that make "any ideas on X" / "we need X" something other than a networking ask
NOT_ASK_OBJECT = re.compile(
    r"^(?:it|this|that|these|those|the (?:deck|file|doc|draft|slides|link|details|agenda|invoice|time|date|"
    r"address|number|report|contract|notes)|your (?:thoughts|feedback|input|help|signature|approval|address)|"
    r"time|a (?:minute|second|break|vacation|coffee|drink|nap|decision|reply|response|quick call)|"
    r"(?:an? )?(?:answer|update|quote|copy)\b|to\b|you\b|what|when|where|how|why|whether|if\b)", CI)
# "if you know anyone who needs a designer, send them my way" is the writer offering
OBJ_WHO_NEEDS = re.compile(r"^(?:any(?:one|body)|some(?:one|body)|an?y? ?\w*|people|folks)\s+(?:(?:who|that)\s+"
                           r"(?:needs?|is looking|are looking|wants?|could use|might need|requires?)\b|whose\b)", CI)
# "if you know anyone good / who's available": a follow-up that names nobody
VAGUE_PERSON = re.compile(r"^(?:any(?:one|body)|some(?:one|body)|people|folks)(?:\s+(?:who(?:'s| is| are)?|"
                          r"that(?:'s| is)?))?"
                          r"(?:\s+(?:good|great|available|free|interested|around|suitable|reliable|else|"
                          r"at all))*\s*$", CI)
# "anyone who mentors first-time founders" asks for a mentor
WHO_VERB = re.compile(r"\b(?:who|that)\s+(mentor|advise|coach|invest|consult)e?s\b", CI)
ASK_VETO = re.compile(
    r"\b(?:subscribe|unsubscribe|sign up|click here|view (?:it )?in (?:your )?browser|read more|shop now|"
    r"let me know if you(?:'re| are)? (?:ever )?(?:need|looking|want)|if you ever need|lmk if you need|"
    r"used to|last (?:year|month|week|spring|summer|fall|autumn|winter)|years? ago|months? ago|"
    r"already (?:found|hired|have)|no longer|not (?:looking|hiring) (?:anymore|any more)|sorted (?:it )?out|"
    r"send (?:them|him|her|people|folks|anyone) (?:my|our) way|happy to (?:recommend|refer|introduce))\b", CI)
# "if we need a lawyer we'll ask" / "in case we ever need": hypothetical, not a current ask
CONDITIONAL_BEFORE = re.compile(r"\b(?:if|whether|unless|in case|once|when)\s+(?:(?:we|i|they)\b[^,]{0,30})?$", CI)
FULFILLED = re.compile(
    r"\b(?:never ?mind|scratch that|ignore (?:my|the|that) (?:last|previous|earlier)|no longer need|"
    r"(?:we|i)(?:'ve| have)? (?:just |finally |already )?(?:found|hired|booked|filled|sorted|engaged|retained)\b"
    r"(?! (?:a|an|the) (?:new )?(?:quote|estimate)\b)|(?:role|position|spot|seat) (?:has been|is|was) filled|"
    r"(?:all )?sorted now|all set now|we're (?:all )?set\b)", CI)
# a bare object with no taxonomy match still counts when its head names a person, firm or resource
PERSONISH = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|person|people|folks|expert|specialist|consultant|contractor|agency|"
    r"firm|vendor|supplier|provider|partner|freelancer|investors?|angels?|vcs?|funders?|donors?|sponsors?|"
    r"mentor|advisor|adviser|coach|manufacturer|distributor|co-?packer|intro|introduction|contact|connection|"
    r"warehouse|space|venue|office|pilot|customers?|clients?|beta testers?|hire|candidates?|talent|help)\b", CI)
CLAUSE_BREAK = re.compile(r"\s+[-–—]+\s+|\s*(?:,(?!\d{3})|[:()\[\]\"])|\s+(?:any (?:leads|ideas|recs|"
                          r"recommendations|suggestions|"
                          r"thoughts)|asap|if (?:you|anyone)|please|thanks|so (?:we|i|that)|but|because|since|"
                          r"and (?:i|we)|by (?:next|the end))\b", CI)
SHORT_BREAK = re.compile(r"\s+(?:who|that|which|to|for|with|in|at|near|around|from|by|on|this|next|soon|"
                         r"before|after|ideally)\b", CI)
LEADING_DET = re.compile(r"^(?:(?:a|an|the|some|any|our|my|one|two|three|four|\d+|or|several|few|couple of|good|great|"
                         r"reliable|trusted|solid|decent|reputable|new|really|strong|local|experienced|qualified|"
                         r"of|more|additional|another|seasoned|top)\s+)+", CI)
# heads that say nothing about the trade: "someone who does bookkeeping" is named by its clause
GENERIC_HEAD = re.compile(r"^(?:some(?:one|body)|any(?:one|body)|people|person|folks|help|expert|specialist|"
                          r"professional|pro|firm|company|agency|service|provider|vendor|team|consultant|"
                          r"partner|contact|intro(?:duction)?|connection|someone|recommendation|referral|quote|"
                          r"name|number|advice|lead|suggestion|rec|reference|info|details)s?$", CI)

# --- offers -------------------------------------------------------------------------------------

OFFER_PATTERNS = named(CI,
    # now accepting new patients / taking on new clients
    accepting_new=
    r"\b(?:now |currently |also |still )?(?:accepting|taking(?: on)?|welcoming|onboarding|booking)\s+(?P<obj>"
    r"(?:a (?:few|couple|handful) |a limited number of |\w+ )?(?:more |new )(?:[\w-]+ ){0,3}"
    r"(?:patients|clients|customers|students|projects|work|engagements|cases|members|accounts|families))",
    # we have room for two more clients / capacity for new projects
    room_for_more=
    r"\b(?:we|i)(?:'ve| have| now have| still have|'ll have| will have) (?:got )?(?:some |a bit of |limited )?"
    r"(?:room|capacity|space|availability|bandwidth|openings?|slots?|spots?) (?:for|to take on)\s+(?P<obj>"
    r"[^.?!;\n]{2,80})",
    # I'm between contracts and taking on React work / available for / open to new projects
    available_for=r"\b(?:i|we)(?:'m|'re| am| are) (?:now |currently )?(?:available for|open to|free for|"
    r"taking on|up for|available to take on|between (?:contracts|gigs|projects|jobs|roles)[^.?!;\n]{0,40}?"
    r"(?:available for|taking on|open to|looking for))\s+(?P<obj>[^.?!;\n]{2,80})",
    # I mentor first-time founders / we invest in / I do fractional CFO work
    i_do=rf"\b(?:i|we)\s+{_ADVERB}(?P<verb>mentor|advise|coach|consult (?:for|with|on)|invest in|"
    r"specialize in|specialise in|focus on|work with|help|support|offer|provide|do|handle|teach|train|build|"
    r"design|write checks (?:for|in|into)|back|fund)\s+(?P<obj>[^.?!;\n]{2,100})",
    # we're writing seed checks in climate / we're investing in / I'm mentoring
    i_am_doing=r"\b(?:i|we)(?:'m|'re| am| are|'ve been| have been) (?:now |currently |actively |still |also |finally |"
    r"officially )?(?P<verb>writing(?= (?:[\w-]+ ){0,3}checks?\b)|investing|mentoring|advising|coaching|backing|"
    r"funding|doing|offering|providing|"
    r"handling)\s+(?P<obj>[^.?!;\n]{2,100})",
    # we also started doing flat-fee provisional filings
    started_doing=
    r"\b(?:i|we)(?:'ve| have)? (?:also |recently |just |now )?(?:started|began|begun|launched) (?P<verb>doing|"
    r"offering|providing|handling|taking on)\s+(?P<obj>[^.?!;\n]{2,100})",
    # happy to help anyone who needs ... / glad to advise founders on ...
    happy_to_help=
    r"\b(?:happy|glad|delighted|always happy|more than happy|willing|keen) to (?P<verb>help|advise|mentor|"
    r"chat with|talk to|speak with|review|look at|coach|support)\s+(?P<obj>(?:any(?:one|body)|other|others|"
    r"founders|people|folks|startups|companies|teams|small businesses|nonprofits|families|your)\b"
    r"[^.?!;\n]{0,100})",
    # help offered that names what it is for: "happy to pitch in on specific projects", "let me know if
    # there is any way I can be helpful in your efforts to ...", "I'd be glad to make the introduction"
    # (GUIDELINES.md: "let me know if I can help" alone is a closing politeness, no offer)
    help_with=
    r"\b(?:i|we)(?:'d| would| am| are|'m|'re| can| could| will|'ll| stand| remain| be| also| always| really| more"
    r" than| very| most| truly| still)*\s+(?:(?:happy|glad|delighted|pleased|willing|keen|ready|eager|able|"
    r"available)\s+to\s+|love\s+to\s+|volunteer\s+to\s+)?(?P<verb>help|assist|pitch in|lend a hand|be (?:of )?"
    r"(?:any |some )?(?:help|helpful|assistance|service|supportive|useful))\s+(?:you\s+|out\s+|in any way\s+)?"
    r"(?P<obj>(?!in any way(?:\s+(?:i|we)\s+(?:can|could)|\s*(?:possible|at all))?\s*(?:[,.!?;:]|$|please|if|let))"
    r"(?:with|on|in|navigat\w*|by)\s+(?!(?:it|this|that|anything|any questions?|questions?|the above|"
    r"whatever|any of (?:it|this|that)|you)\b)[^.?!;\n]{3,100})",
    # an introduction or a welcome offered: "I will be happy to make the introduction", "happy to host"
    intro_offered=
    r"\b(?:i|we)(?:'d| would| am| are|'m|'re| will|'ll| be| also| always| more than| very| really)*\s+"
    r"(?:happy|glad|delighted|pleased|willing|keen) to (?P<verb>make (?:the|an|that|this) (?:introduction|intro|"
    r"connection)|introduce you|put you in touch|connect you|host)\b(?P<obj>[^.?!;\n]{0,100})",
    # if anyone needs a good roofer, send them my way
    send_them_my_way=
    r"\bif (?:any(?:one|body)|some(?:one|body)|a friend|you|your (?:clients?|friends?)) (?:ever )?(?:needs?|"
    r"is looking for|"
    r"wants?)\s+(?P<obj>[^.?!;\n]{2,80}?)[,\s-]+(?:send (?:them|him|her|people|folks) (?:my|our) way|"
    r"(?:i|we)(?:'d| would)? (?:be happy|love|be glad) to help|(?:i|we) can help|ping me|give (?:me|"
    r"us) a (?:call|shout))",
    # we run pilots with early-stage companies: a pilot site
    # (a hospital) we run pilots with early-stage companies; not (a vendor) we run pilots with three hospitals
    we_run_pilots=rf"\b(?:i|we)\s+{_ADVERB}(?:run|host)\s+(?:paid\s+|free\s+)?(?P<verb>pilots?)\b"
    r"(?P<obj>\s+(?:with|for)\s+(?:[\w-]+\s+){0,3}(?:startups|companies|founders|vendors|innovators|"
    r"entrepreneurs|teams|businesses)\b[^.?!;\n]{0,80})",
    # if you ever meet someone building for cold chain who needs a pilot site, send them my way
    anyone_who_needs_send_them=
    r"\b(?:any(?:one|body)|some(?:one|body))(?:\s+[\w'-]+){1,6}?\s+(?:who|that)\s+(?:needs?|is looking for|wants?|"
    r"could use|might need)\s+(?P<obj>[^.?!;\n,]{2,80}?)[,\s-]+(?:(?:please\s+)?send (?:them|him|her|people|folks) "
    r"(?:my|our) way|point (?:them|him|her) (?:my|our) way|(?:i|we)(?:'d| would) (?:love|be happy|be glad) to help)",
    # if you know anyone who needs a designer, send them my way
    anyone_who_needs=
    r"\b(?:any(?:one|body)|some(?:one|body)|people|folks|friends|clients)\s+(?:who|that)\s+(?:needs?|is looking for|"
    r"are looking for|wants?|could use|might need)\s+(?P<obj>[^.?!;\n]{2,80})",
)
OFFER_VETO = re.compile(
    r"\b(?:used to|no longer|previously|formerly|retired from|last (?:year|month)|years? ago|was|were|"
    r"(?:can|could) you|would you|do you know|can anyone|any(?:one|body) know|recommend)\b", CI)
# offers of one-off logistics to the reader, not a service to anyone
LOGISTICS = re.compile(
    r"\b(?:send|resend|share|forward|move|reschedule|push|shift|swap|hop on|jump on|grab|set up|book|"
    r"call|meet|drop|bring|pick up|print|sign|review (?:the|your|it|this)|look at (?:the|your|it|this)|"
    r"chat (?:about|tomorrow|later|next)|talk (?:about|tomorrow|later|next))\b", CI)
OFFER_OBJECT_VETO = re.compile(r"^(?:the|this|that|it|your (?:file|deck|doc|draft|slides|invoice)|"
                               r"our (?:call|meeting|chat)|you\b|a (?:call|meeting|quick)|to\b|with (?:the|this|"
                               r"it))", CI)
ROLE_WORK = re.compile(r"\s*\b(?:work|projects?|engagements?|clients?|roles?|positions?|jobs?|"
                       r"opportunities|gigs?|contracts?|patients|customers|students|founders|startups|companies|"
                       r"businesses|families|members|accounts|cases|teams|brands|people|folks|nonprofits)\b.*$", CI)
NOT_SERVICE_ROLES = frozenset({"executive", "founder", "owner", "media", "reporter", "admin"})

# --- news ---------------------------------------------------------------------------------------

_NEWS_VERB = (r"(?P<verb>opened|opening|open|launched|launching|launch|went live|are live|is live|raised|closed|"
              r"won|received|earned|secured|landed|signed|inked|hired|added|welcomed|expanded|expanding|"
              r"published|released|shipped|crossed|hit|reached|surpassed|grew|doubled|tripled|celebrated|"
              r"celebrating|celebrate|turned|turn|turning|(?<!'ve )(?<! have )got(?! to\b)|"
              r"(?:been |got )?(?:named|selected|chosen|awarded|"
              r"recognized|"
              r"recognised|featured|honored|honoured|accepted|approved|promoted|appointed|elected|shortlisted)|"
              r"made (?:it )?(?:the|onto)|joined|acquired|partnered|moved into|broke ground|completed|grown|"
              r"doubled|tripled)")
# between "I"/"we" and the verb of a move: "I have", "I'm", "I, too, have", "we will be", "I just"
_ME_NOW = (r"(?:,?\s*too,?|'ve|'m|'re|'ll|\s+have|\s+am|\s+are|\s+will|\s+be|\s+been|\s+just|\s+recently|"
           r"\s+finally|\s+officially|\s+now|\s+also|\s+shortly)*")
NEWS_PATTERNS = named(CI,
    years_in_business=
    r"\b(?P<obj>(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|twenty-five|thirty|forty|"
    r"fifty|a hundred)(?:th)? (?:years? (?:since (?:we|i) (?:opened|started|founded|launched)|in business|of "
    r"(?:business|service|serving))|anniversary)\b[^.?!;\n]{0,80})",
    we_did=rf"\b(?P<subj>we|i|our (?:team|company|firm|clinic|practice|restaurant|shop|store|studio|startup|nonprofit|"
    r"organization|foundation|school|bakery|cafe|agency|lab|band|book|app|product)|my (?:book|company|firm|"
    rf"practice|team|startup|restaurant|shop|app|paper|article))(?:'ve|'re|'s| have| has| are| were| was| just| "
    rf"finally| officially| now| will| will be|'ll|'ll be| be|"
    rf" been)*\s+{_ADVERB}{_NEWS_VERB}\b(?P<obj>[^.?!;\n]{{0,120}})",
    i_was_named=r"\b(?P<subj>i|we)(?:'ve|'m|'re| have| am| are| was| were| just| been| finally| officially)*\s+"
    r"(?P<verb>(?:been |got |was |were |just |officially )*(?:promoted|named|appointed|elected|selected|"
    r"hired|accepted|shortlisted|nominated|featured|invited to speak))\b(?P<obj>[^.?!;\n]{0,100})",
    # a move in the writer's working life: a new job, role or employer, leaving one, retiring
    career_move=
    rf"\b(?P<subj>i|we){_ME_NOW}\s+(?P<verb>accepted|taken|took|taking|landed|got|gotten|started|starting|"
    r"begun|began|beginning|begin)\s+(?P<obj>(?:a|an|my|the)\s+(?:(?:new|another|full-time|permanent|great|"
    r"senior|dream)\s+)*(?:position|job|role|offer|post)\b(?!-)"
    r"(?!\s+(?:that|of|done|for (?:the|a|an|our|my) (?:house|home|car|flat|apartment|property)|on (?:the|this|"
    r"that|a|an|my|our|his|her|their|linkedin|facebook|twitter|instagram)|in (?:[\w-]+ ){0,3}(?:futures|stocks?|"
    r"shares|bonds|options|swaps|contracts|gas|power|crude|oil|the market|markets))\b)"
    r"[^.?!;\n]{0,100})",
    # "I have joined XENERGY", "I joined Baker Botts as counsel" (JOINED_EMPLOYER: not the call, not Zoom)
    joined_employer=rf"\b(?P<subj>i){_ME_NOW}\s+(?P<verb>joined|joining|join)\s+(?P<obj>(?-i:[A-Z])[^.?!;\n]{{0,100}})",
    # "I start at Stripe on Monday", "I'm starting with Deloitte in March"
    starting_at=
    rf"\b(?P<subj>i|we){_ME_NOW}\s+(?P<verb>(?:start|starting|begin|beginning|(?:just|recently) started)\s+"
    r"(?:work(?:ing)?\s+|(?:a|my) new (?:job|role|position)\s+)?(?:at|with))\s+"
    r"(?P<obj>(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|the|q[1-4]|exhibit|section|"
    r"chapter|page|item|part|step|phase|appendix|schedule|tab|slide)\b)(?-i:[A-Z])(?![^.?!;\n]{0,40}\bv(?:s)?\.\s)"
    r"[^.?!;\n]{0,100})",
    # "I am leaving Hart Publications to join ...", "I've resigned to pursue another opportunity": a move
    # to something new (leaving with no next role named is no news, as the evaluation set's labels read it)
    moving_on=
    rf"\b(?P<subj>i|we){_ME_NOW}\s+(?P<verb>leaving|left|resigning|resigned|stepping down|stepped down)\b"
    r"(?!\s+(?:myself|a|an|it|them|him|her|word|messages?|the (?:meeting|call|room|office|house|building|party|"
    r"decision|matter|message|note|file|door)|"
    r"for (?:the|a|an|home|work|lunch|the day|vacation)|early|now|soon|at \d)\b)(?P<obj>[^.?!;\n]{0,140})",
    # "I am now the new sales lead", "I'm now heading the Zurich office", "I've taken on the role of treasurer"
    new_role=
    rf"\b(?P<subj>i|we){_ME_NOW}(?<=am|'m|re|ow)\s+(?P<verb>the new|(?<=now )(?:leading|heading|running|"
    r"managing|directing|chairing|in charge of|the head of|head of))\b"
    r"(?!\s+(?:guy|gal|kid|kids|girl|boy|one|ones|person|people|folks|late|behind|ahead|the (?:numbers|meeting|call|"
    r"show|coffee|errands|show|race|risk|model|report|analysis)|out|around|over|back|up|down)\b)"
    r"(?P<obj>[^.?!;\n]{2,120})",
    taken_role=
    rf"\b(?P<subj>i|we){_ME_NOW}\s+(?P<verb>(?:taken|took|taking|stepped|stepping)\s+(?:on|into|up as)\s+"
    r"(?:the|a|my)\s+(?:new\s+)?(?:role|position|post|job)(?:\s+(?:of|as))?)\b(?P<obj>[^.?!;\n]{2,120})",
    # a wedding, an engagement, a birth, a graduation, a first home
    life_event=
    r"\b(?P<subj>i|we|my (?:wife|partner)(?= gave birth)|(?:my (?:wife|husband|partner|fianc[eé]e?|girlfriend|"
    r"boyfriend)|[a-z][\w'-]+) and i)"
    r"(?:'ve|'re|'m| have| are| am| were| just| finally| officially| recently| also)*\s+"
    r"(?P<verb>gave birth to (?:a|our|another)\b|"
    r"(?:got|gotten|getting|were|was|are getting|am getting) (?:married|hitched)|(?:got|gotten|getting|"
    r"are getting|am getting|just got) engaged(?!\s+(?:in|as|by|with|for|on|to (?:do|work|help|provide|"
    r"review|represent)))|eloped|tied the knot(?!\s+(?:on|in|of))|(?:had|welcomed|adopted|are expecting|"
    r"'re expecting|expecting) (?:a|our|another) (?:(?:first|second|third|fourth|new|beautiful|healthy|little|"
    r"baby|bouncing)\s+)*(?:baby|son|daughter|boy|girl|twins|child)(?!\s+(?:scouts?|from|support|care|"
    r"protective|of a|who|that|in|at|to)\b)|(?:just |finally |officially |recently )graduated|graduated"
    r"(?=[^.?!;\n]{0,60}\b(?:yesterday|today|last (?:week|weekend|month|friday|saturday|sunday)|this (?:week|"
    r"weekend|month|morning)))|(?:became|now) (?:a )?(?:proud )?(?:grand)?(?:parents?|father|mother|dad|mom|"
    r"mum|grandfather|grandmother)|bought (?:a|our|my) (?:first |new )?(?:house|home|flat))"
    r"\b(?P<obj>[^.?!;\n]{0,100})",
    # thrilled to announce / excited to share that ...
    thrilled_to_announce=
    r"\b(?:thrilled|excited|proud|happy|delighted|pleased|pumped|stoked|honou?red|glad|over the moon)"
    r"(?: to (?:announce|share|report|say|tell you|let you know)| that(?= (?:we|i|our|my)\b))\s+(?:that\s+)?"
    r"(?P<obj>[^.?!;\n]{4,140})",
    our_milestone=r"\b(?P<obj>(?:our|my) (?:\w+ )?(?:anniversary|milestone|new (?:location|office|store|clinic|"
    r"studio|shop|restaurant|branch|warehouse|headquarters|hq)|second location|third location|"
    # a book is news when it comes out
    r"book(?=[^.?!;\n]{0,60}\b(?:published|released|launch|comes out|is out|hits? (?:the )?shelves))|"
    r"first (?:book|customer|hire|round|location))\b[^.?!;\n]{0,100})",
    celebrating_years=
    r"\b(?P<obj>(?:celebrating|marks?|marking|turns?|turning) (?:our |\w+ )?(?:\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twenty|fifty|a hundred)(?:th)? (?:years?|anniversary)[^.?!;\n]{0,80})",
    company_turns=
    r"\b(?P<subj>we|our \w+|the (?:\w+ )?(?:company|business|firm|bakery|shop|store|restaurant|clinic|practice|"
    r"studio|agency|nonprofit|foundation|brewery|cafe|school|gallery|band|magazine|podcast))(?: just| officially)?\s+"
    r"(?P<verb>turns?|turned|turning|will turn)\s+(?P<obj>\d{1,3}\b(?! ?(?:%|percent|minutes|degrees))[^.?!;\n]{0,60})",
)
# an organization or person named as the subject ("Maíz y Sal won ..."): case matters, past tense only
_NEWS_VERB_PAST = (r"(?P<verb>opened|launched|went live|is live|raised|closed|won|received|earned|secured|landed|"
                   r"signed|inked|hired|expanded|published|released|shipped|crossed|surpassed|doubled|tripled|"
                   r"opens|launches|debuts|goes live|"
                   r"celebrated|turned|joined|acquired|partnered|broke ground|completed|"
                   r"(?:(?:was|were|is|has been|have been|just got|got|been) )?(?:named|selected|awarded|"
                   r"recognized|recognised|featured|honou?red|approved|promoted|appointed|elected|shortlisted|"
                   r"cleared)|(?:was|were|is|has been|have been|just got|got|been) (?:chosen|accepted))")
NEWS_NAMED = named(
    named_subject=
    rf"(?:^|: )(?P<subj>[A-Z][\w'&.-]*(?: (?:[A-Z][\w'&.-]*|y|&|and|of|de|la|the))*)(?i:(?: just| has| have| finally|"
    rf" officially| recently)*\s+{_NEWS_VERB_PAST})\b(?P<obj>[^.?!;\n]{{0,120}})",
    colleague_promoted=
    r"\b(?P<subj>(?i:my|our) (?i:colleague|cofounder|co-founder|partner|ceo|cto|coo|cfo|founder|director|chef|"
    r"daughter|son|team member)(?: [A-Z][\w'-]+(?: [A-Z][\w'-]+)?)?|[A-Z][a-z'-]+ [A-Z][a-z'-]+)"
    r"(?i:(?: just| has| was| has been| got| finally)+ (?P<verb>(?:been )?(?:promoted|named|appointed|elected|"
    r"awarded|honou?red|recognised|recognized|selected)))\b(?P<obj>[^.?!;\n]{0,100})",
)
# the news patterns about a move in the writer's working or family life: their verbs ("got married",
# "accepted a position") are news without a newsworthy object, and leaving needs NEXT_ROLE
NEWS_OF_A_MOVE = frozenset({"career_move", "joined_employer", "starting_at", "moving_on", "new_role", "taken_role",
                            "life_event"})
# leaving or resigning is news when the sentence names what comes next
NEXT_ROLE = re.compile(
    r"\b(?:to (?:join|become|head|lead|run|accept) |to take (?:a|an|the|up|on|over)\b|to (?:start|launch|found) "
    r"(?:a|an|my|our|at|with|as)\b|(?:to|going to) work (?:at|for|with) |(?:new|another|a|an) (?:[\w-]+ )?"
    r"(?:position|job|role|career|opportunity|venture|post)\b|career opportunit(?:y|ies)|"
    r"as part of the (?:team|group|sale|move|transfer))", CI)
# a move that is no good news: illness, loss, caring for someone
HARD_TIMES = re.compile(r"\b(?:chemo\w*|cancer|tumou?r|diagnos\w*|surgery|hospital\w*|illness|ill|sick|hospice|"
                        r"funeral|died|death|passed away|divorc\w*|separat(?:ed|ing|ion)|care of|caring for|"
                        r"caregiv\w*|medical leave|sick leave|disability|rehab\w*|treatment|therapy)\b", CI)
# "joined XENERGY", "joined Baker Botts as counsel": an employer's name, not the call or Zoom
JOINED_EMPLOYER = re.compile(r"(?:the\s+)?(?!(?:I|Call|Meeting|Team|Conversation|Zoom|Teams|Microsoft|Skype|WebEx|"
                             r"Slack|LinkedIn|Facebook|Twitter|Instagram|Google)\b)[A-Z][\w&.'-]+")
# ... and what follows it says it was a call, a meal, a group of friends or long ago
NOT_AN_EMPLOYER = re.compile(r"\b(?:call|meeting|webinar|zoom|teams|webex|skype|for (?:lunch|dinner|drinks|coffee|"
                             r"breakfast|a (?:drink|bite|walk|run|game))|at the|in (?:19|20)\d\d)\b", CI)
# a role or a firm named after the employer: "joining Stripe as head of sales", "joining Halvorsen Freight AS"
AS_A_ROLE = re.compile(r"\bas (?:a|an|the|our|their|its|head|chief|vp|svp|evp|director|partner|lead|manager|"
                       r"counsel|ceo|cfo|coo|cto|cmo|president|principal|senior|associate|analyst)\b|\b(?:inc|llc|llp|"
                       r"ltd|plc|gmbh|group|partners|capital|bank|ventures|consulting|associates|holdings|"
                       r"corporation|corp|company|foundation|institute|university|team|firm)\b", CI)
# future tense is news only with a date close enough to pitch ("opening March 3", not "in 2027")
NEWS_FUTURE = re.compile(r"\b(?:will|'ll|going to|gonna|opens|launches|debuts|goes live|be opening|be launching|"
                         r"are opening|are launching|"
                         r"'re opening|'re launching|opening|launching)\b", CI)
NEWS_DATE = re.compile(r"\b(?:tomorrow|tonight|this (?:week|weekend|month|friday|saturday|sunday|monday|tuesday|"
                       r"wednesday|thursday)|next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|"
                       r"sunday)|(?:on )?(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)\w*day|(?:jan|feb|mar|apr|may|jun|"
                       r"jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}(?:st|nd|rd|"
                       r"th)? (?:of )?(?:jan|feb|mar|"
                       r"apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}/\d{1,2})", CI)
# plans, hypotheticals and other people's news: checked on the words before the news itself
NEWS_VETO_BEFORE = re.compile(
    r"\b(?:congrat\w*|kudos|well done|so happy for you|proud of you|(?:saw|heard|read) (?:that )?you|"
    r"hope to|hoping to|plan to|planning to|aim to|aiming to|would like to|want to|might|may|maybe|saw|heard|noticed|"
    r"read (?:that|about)|apparently|rumou?r|"
    r"someday|eventually|thinking (?:about|of)|considering|if|once|unless|whether|need to|have to|still need|"
    r"not yet|haven't|hasn't|didn't|never|yet to|were supposed to|almost|nearly|tried to)\b", CI)
# bad news and shop announcements: checked on the whole sentence
NEWS_VETO_ANY = re.compile(
    r"\b(?:laid off|layoffs?|let (?:go|\w+ go)|closed (?:down|our doors|the (?:shop|store|office|restaurant|"
    r"location|clinic|business))|closing (?:down|our doors|the (?:shop|store|office|restaurant|location|business))|"
    r"shut(?:ting)? down|bankrupt\w*|insolven\w*|lost|losing|downsiz\w*|cut back|struggl\w*|failed|rejected|"
    r"denied|recall|sued|lawsuit|passed away|reached out|reach out|went away|eliminated|redundan\w*|"
    r"sale|% off|discount|coupon|promo code|free shipping|subscribe|"
    r"webinar|unsubscribe|shop now|limited time|black friday|cyber monday|launched into|"
    r"opened (?:the|your|my|a|an) (?:email|file|link|attachment|door|account|ticket|pr|pull request|issue|case)|"
    r"signed (?:up|in|out|off)|hit (?:a snag|a wall|a bump|reply|send)|got (?:sick|covid|the flu|back|your|it|home|"
    r"a cold)|join (?:us|the call|me)|joined the call|welcome to|your (?:launch|news|round|award|promotion)|"
    r"named (?:her|him|them|it|our (?:son|daughter|baby|dog|cat)) after)\b", CI)
# verbs that are only news with a newsworthy object ("raised a concern", "got the email" are not)
WEAK_NEWS_VERB = re.compile(r"^(?:raised|closed|won|received|earned|secured|landed|signed|inked|added|got|celebrat\w*|"
                            r"hit|reached|crossed|surpassed|completed|finished|made|been (?:accepted|approved)|"
                            r"joined|welcomed|grew|grown|doubled|tripled)$", CI)
NEWS_NOUN = re.compile(
    r"[$€£]|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b|\b(?:\d+(?:\.\d+)?\s?(?:k|m|mm|million|billion|bn)\b|round|seed|"
    r"series [a-e]|funding|investment|"
    r"capital|grant|award|prize|medal|competition|contract|deal|customer|client|partner(?:ship)?|distribution|"
    r"clearance|approval|fda|certification|certified|accreditation|patent|milestone|users|members|subscribers|"
    r"downloads|revenue|arr|sales|record|press|feature|spotlight|list|finalist|accelerator|incubator|cohort|"
    r"fellowship|board|team|staff|employees|people|hires?|location|store|office|clinic|acquisition|acquired|"
    r"anniversary|years|chef|director|ceo|cto|coo|cfo|cmo|vp|head of|partner|chief|officer|president|lead|manager|"
    r"principal|lease|keys|building|property|space|stores|locations|shops|clinics|offices|customers|clients|"
    r"partners|contracts|deals|awards|grants|hires|signups|sign-ups|as (?:a|an|our|the|their))\b", CI)
# private until announced: in the sentence or anywhere in the same message
CONFIDENTIAL = re.compile(
    r"\b(?:under embargo|embargo(?:ed)?|keep (?:this|it|that) (?:between us|to yourself|quiet|under wraps|"
    r"confidential|private|on the down ?low|close to (?:the|your) (?:vest|chest))|between (?:you and me|us)|"
    r"not (?:yet )?(?:public|announced)|(?:haven't|have not|hasn't|has not) (?:been )?(?:announced|made it public|"
    r"gone public)|(?:don't|do not|please don't|pls don't) (?:share|tell|post|mention|announce|spread)|"
    r"confidential(?:ly)?|off the record|not for (?:publication|attribution)|under wraps|nda\b|hush-hush|"
    r"quiet for now|not (?:to be )?shared (?:yet|publicly)|until (?:it(?:'s| is)|we(?:'re| are)?) "
    r"(?:public|official|announced|announce)|before (?:the|our|it's|it is) (?:official |public )?announce)", CI)
# where a confidential message names the day it goes public: a date follows
PUBLIC_FROM = re.compile(
    r"\b(?:embargo(?:ed)?\s+(?:is\s+)?(?P<through>through|thru)|embargo(?:ed)?\s+(?:is\s+|lifts\s+)?(?:until|till|til|to|on)"
    r"|(?:until|till|before)\s+(?:we|they|it)\s+(?:announce|go public|goes public|launch)(?:\s+it)?\s+on"
    r"|(?:until|till|before)\s+(?:the|our|their)\s+(?:official\s+|public\s+)?(?:announcement|press release|launch)\s+on"
    r"|(?:we|they)(?:'ll| will)?\s+(?:announce|go public|publicly announce)(?:\s+it)?\s+on"
    r"|(?:announcement|press release)\s+(?:is|goes out|will go out|will be|drops|will drop)(?:\s+on)?)\b", CI)
# legal footers say "confidential" about every message; they mark no news as private
DISCLAIMER = re.compile(r"\b(?:intended (?:solely |only )?for|if you (?:are not|have received this)|"
                        r"privileged|disclaimer|unauthori[sz]ed)\b", CI)
NEWS_TRIM = re.compile(r"\s+(?:and (?:i|we|it|they|she|he|you)\b|which|so (?:i|we)|but|because|thanks to|if you|"
                       r"let me know|i thought|we thought|would you)\b|\s*(?:,(?!\d{3})|[:(\[\"])|\s+[-–—]+\s+", CI)

# --- help given to the owner, and introductions -------------------------------------------------

TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Chef|Rev|Adm|Gen|Col|Capt|Cmdr|Lt|Sen|Rep|Gov|Amb|Hon|Judge|Sir|Dame)\.?\s+)?"
NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|van|von|da|di|del|la|le))*)"
INTRO_PATTERNS = named(
    let_me_introduce=rf"(?i:\b(?:i'd|i would|i want(?:ed)?|let me|i'm|i am|happy|pleased|delighted|glad)(?: like)? to "
    rf"(?:introduce|intro|connect|put)|\bi'm (?:introducing|connecting)|\bintroducing|\bthis is to introduce|"
    rf"\bplease meet|\bi(?:'ve| have)? (?:just )?(?:introduced|connected|cc'd|cc'ed|copied|looped in)|"
    rf"\b(?:just )?(?:wanted|want|thought i'd|thought i would) to (?:introduce|intro|connect|put)) "
    rf"(?:(?i:you|you two|you both|both of you|y'all|yourselves)\s+)?(?i:(?:to|with)\s+)?(?i:my (?:friend|colleague|"
    rf"client|partner|cofounder|co-founder|old friend|former colleague|neighbou?r)\s+)?{TITLE}{NAME}",
    # "I am writing to introduce you to ...", "I'm going to introduce you to ...", "I will send an email to
    # Jake today to introduce you", "I am using this e-mail to introduce you to Adm. Giroir"
    writing_to_introduce=
    rf"(?i:\b(?:i|we)(?:'m| am|'re| are| will|'ll)?\s+(?:(?:be\s+)?(?:writing|going|emailing|reaching out)|"
    rf"using this (?:e-?mail|note|message)|(?:send|sending|write|writing) (?:an? )?(?:e-?mail|note)(?: to \w+)?"
    rf"(?: today| tomorrow| now| shortly)?)\s+to\s+(?:introduce|intro|connect)\s+you\s+(?:to|with)\s+"
    rf"(?:(?:my|our|his|her|their)\s+(?:dear\s+|good\s+|old\s+)?(?:friend|colleague|client|partner|son|"
    rf"daughter|grandson|granddaughter|brother|sister|cousin|nephew|niece|wife|husband)s?,?\s+)?)"
    rf"{TITLE}{NAME}",
    meet_name=
    rf"(?:^|[,.!:;]\s*|\s[-–—]\s*|\b(?i:please|you should|you'll want to|i'd love for you to|wanted you to)\s+)"
    rf"(?i:meet)\s+{TITLE}{NAME}",
    looping_in=rf"(?i:\b(?:(?:looping|loop|adding|bringing) in|(?:cc'ing|ccing|cc-ing)(?: in)?))\s+{TITLE}{NAME}",
    name_ccd=rf"{NAME}\s*\((?i:cc'?e?d|copied|in cc|on cc|cc)\)",
    you_two=
    r"(?i:\b(?:connecting|introducing|putting) you (?:two|both|all)\b|\byou two should (?:meet|talk|connect|chat)"
    r"|\b(?:wanted|want|thought i'd|i'd like|i'd love|i would love|i would like|going|writing) to (?:connect|"
    r"introduce) you (?:two|both)\b|\bmeet each other\b"
    r"|\bput you (?:two |both )?in touch\b|\b(?:double|e-?)?intro(?:duction)?: )",
)
INTRO_ADDRESSED = frozenset({"looping_in", "name_ccd"})  # said to everyone on the thread
INTRO_VETO = re.compile(
    r"\b(?:thanks?|thank you|grateful|appreciate|appreciated)\b[^.!?]{0,40}\b(?:intro|introduc|connect|referr|"
    r"putting)|\b(?:could|can|would|will) you (?:please )?(?:introduce|intro|connect|put|refer|pass)|"
    r"\b(?:if you(?:'d| would)"
    r" like|want me to|happy to|glad to|i could|i can|let me know if)\b[^.!?]{0,30}(?:introduce|intro|connect)|"
    r"\bnice to meet|\bgreat to meet|\bgood to meet|\blovely to meet|\bpleasure to meet|\bto meet you\b|"
    # a product, a firm's service or a department introduced, not a person: "introduce you to EnronOnline, our
    # new trading platform", "connect you with Customer Service"
    r"\b(?:introduce|connect)\s+you\s+(?:to|with)\s+(?:our\s+)?(?:customer service|support|hr|human resources|"
    r"legal|it|accounting|billing|sales|payroll|the (?:team|department|office|help ?desk))\b|"
    r"\b(?:introduce|connect)\s+you\s+(?:to|with)\s+[^,.;]{1,40},\s+(?:our|a|an|the)\s+(?:new\s+|leading\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:platform|provider|service|product|tool|system|app|software|solution|firm|company)s?\b|"
    r"\b(?:meet|meeting) (?:up|for|at|on|next|this|tomorrow|today)\b", re.I)
REFERRAL_PATTERNS = named(
    recommended_you_to=
    rf"(?i:\bi(?:'ve| have)? (?:just |already )?(?:recommended|mentioned|suggested|referred|introduced) you to)\s+"
    rf"(?:(?i:my|a|our) (?i:friend|colleague|client|neighbou?r|contact)s?\s*)?{NAME}?",
    passed_your_name_to=rf"(?i:\bi(?:'ve| have)? (?:just )?(?:passed|gave|given|sent|shared|forwarded) (?:along )?your "
    rf"(?:name|number|email|details|info|contact(?: info)?|card|website|info along|resume|r[ée]sum[ée]|cv)"
    rf"(?: along| on)? to)\s+"
    rf"(?:(?i:my|a|our) (?i:friend|colleague|client|neighbou?r|contact)s?\s*)?{NAME}?",
    referred_someone=rf"(?i:\bi(?:'ve| have)? (?:just )?(?:referred|recommended|sent|pointed|mentioned|suggested))\s+"
    rf"(?:(?i:my|a|our) (?i:friend|colleague|client|neighbou?r|contact)s?\s*)?{NAME}?",
    told_them_to_reach_you=
    rf"(?i:\b(?:told|asked|encouraged)) (?:(?i:my|a|our) (?i:friend|colleague|client|neighbou?r|contact)s?\s*)?"
    rf"{NAME}? ?(?i:to (?:reach out|get in touch|contact|call|email|ping) (?:to )?you)",
    gave_them_your_details=
    rf"(?i:\bi(?:'ve| have)? (?:just )?(?:gave|given|sent|passed|forwarded)) {NAME} (?i:your (?:name|number|email|"
    r"details|info|contact|card|website|resume|r[ée]sum[ée]|cv))",
    will_be_in_touch=
    rf"{NAME} (?i:(?:will|should|may|might) be (?:reaching out|in touch|getting in touch|contacting you|"
    r"emailing you|calling you))",
    good_word=
    r"(?i:\bput in a good word for you|\b(?:said|mentioned|suggested|dropped|gave) your name|\bsent (?:them|him|"
    r"her|a client|someone|people|folks) your way"
    r"|\bgave (?:them|him|her) your (?:name|number|email|details))",
)
REFERRAL_TO_YOU = re.compile(r"\b(?:to you|your way|your name|your number|your email|your details|your info|"
                             r"your resume|your r[ée]sum[ée]|your cv|"
                             r"reaching out|getting in touch|be in touch|"
                             r"your contact|your card|your website|for you|reach out|in touch|contacting you|"
                             r"emailing you|calling you|you to)\b", CI)
INVITE_PATTERNS = named(CI,
    would_you_speak=
    r"\b(?:would|could|will) you (?:be (?:willing|able|interested|open) to |like to |consider |want to |mind )?"
    r"(?:speak|present|give a talk|be (?:a|our) (?:speaker|panelist|panellist|guest|keynote|judge|moderator)|"
    r"join (?:us|our|the) (?:as|on|for)|moderate|keynote|sit on|lead a (?:workshop|session))",
    we_would_love_you_to=
    r"\b(?:we'd|we would|i'd|i would) (?:love|like) (?:to have |for )?you (?:to )?(?:speak|present|join|come|"
    r"attend|be (?:[\w-]+ ){0,4}?(?:guests?|speakers?|panell?ists?|keynote|judges?|moderators?|emcee|host))\b",
    you_are_invited=
    r"\b(?:you're|you are) (?:cordially |warmly )?invited\b|\b(?:i'd|i would|we'd|we would) (?:like|love) to "
    r"invite you\b|\binviting you to\b|\bas (?:my|our) guest\b|\b(?:save|saved|reserved|got) (?:you )?a "
    r"(?:seat|spot|ticket) (?:for you)?",
)
INVITE_VETO = re.compile(r"\b(?:invite me|invited me|thanks? (?:you )?for (?:inviting|having|the invit)|"
                         r"could you invite|can you invite|add me|include me)\b", CI)
JOB_SEEKER = re.compile(
    rf"\bi(?:'m| am|'ve been| have been)\s+{_ADVERB}(?:looking|searching|hunting|on the hunt|on the lookout|"
    r"open to|exploring|seeking)\b[^.?!;\n]{0,60}?\b(?:role|position|job|gig|opportunit(?:y|ies)|"
    r"next (?:thing|chapter|move))s?\b", CI)
# the role a verb names: "I mentor founders" offers a mentor
ROLE_OF_VERB = {"mentor": "mentor", "mentoring": "mentor", "advise": "advisor", "advising": "advisor",
                "coach": "coach", "coaching": "coach", "consult": "consultant", "invest": "investor",
                "investing": "investor", "writing": "investor", "write": "investor", "back": "investor",
                "backing": "investor", "fund": "investor", "funding": "investor",
                "pilot": "pilot site", "pilots": "pilot site"}
# capitalised words that follow "meet" or "in" without being a person
NOT_NAMES = frozenset(
    "i me you us him her them everyone everybody anyone someone the a an this that my our your his their "
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight next january february march "
    "april may june july august september october november december jan feb mar apr jun jul aug sep sept oct "
    "nov dec hi hello hey dear thanks thank please up i'm i'd i've i'll looping quick also just so go now then "
    "yesterday finally it there here we they she he what when if".split())
# accepting new clients / room for more: an offer of whatever the writer does
OFFER_CAPACITY = frozenset({"accepting_new", "room_for_more"})
# offers of help the writer names in their own words: `what` is that help as written
OFFER_HELP = frozenset({"help_with", "intro_offered"})
# ... declined in the same breath: "I wish I could help with the fundraiser, but I'm in London"
HELP_DECLINED = re.compile(r"\b(?:wish|don't think|do not think|can't|cannot|can not|won't|unable|not able|"
                           r"unfortunately|afraid)\b|\bbut (?:i|we)(?:'m| am|'re| are|'ll| will| have|'ve)\b", CI)
# ... or naming only when, where or how: "help on Tuesday", "help by phone", "help in spirit"
HELP_ONLY_WHEN = re.compile(r"^(?:on|in|by|at)\s+(?:(?:the|this|that|a|next|saturday|sunday|monday|tuesday|wednesday|"
                            r"thursday|friday)\s+)*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
                            r"morning|afternoon|evening|night|day|week|phone|email|e-mail|spirit|person|time|case|"
                            r"meantime|future|end)s?\b", CI)
# what a help offer names is not a trade the writer works in ("I can help with the plumbing" is a brother's
# afternoon, not a plumber's offer): such offers are matched by meaning, never indexed as a trade
HELP_WHAT = re.compile(r"^(?:help\b|introduction$|hosting$)")
# a lead-in whose items follow: "I am looking for two things:", "Two asks, if you're open to them:"
ASK_LEADIN = re.compile(r"(?:\b(?:looking for|searching for|need|needs|asks?|wish ?list|hoping to find|could use)\b"
                        r"[^:]{0,40}:|^(?:the |my |our |\w+ )?asks?\b[^:]{0,30}:)\s*", CI)
ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][)]|[-*•])\s*")
# a short follow-up that turns the sentence before it into an ask: "Any names?", "Do you know anyone?"
FOLLOW_UP = re.compile(
    r"^(?:so,? |and |also,? )?(?:(?:do|does) (?:you|any(?:one|body)) (?:happen to )?(?:know|have) (?:of )?(?:any )?|"
    r"know |got |any )?"
    r"(?:any(?:one|body)|some(?:one|body)|names?|leads?|recommendations?|recs?|ideas|suggestions?|referrals?)"
    r"(?: (?:good|great|you(?:'d| would)? (?:trust|recommend|suggest)|(?:that|who) (?:comes?|came) to mind))?"
    r"(?:,? please)?\s*[?!.]*$", CI)
# weak verbs that are news when the deal names its counterpart: "we signed with Summit Outfitters"
NEWS_COUNTERPART = re.compile(r"\b(?:with|by|from|to) (?:the )?[A-Z][\w&'-]+")
NEWS_DEAL_VERB = frozenset({"signed", "inked", "partnered", "landed", "closed", "secured"})
TRAILING_FUNCTION_WORDS = re.compile(r"(?:\s+(?:or|and|in|at|of|the|a|an|for|to|with|on|by|from|who|that))+$", CI)
# further items of a listed ask: "a dentist for the family, a pediatrician, and ideally ..."
LIST_ITEM = re.compile(r"[,;]\s*(?:and |or |plus |also |as well as )?(?:ideally |maybe |probably |possibly )?"
                       r"(?:an?|one|two|some) ([^,;()]{2,60})", CI)
CLAUSE_SUBJECT = re.compile(r"^(?:i|we|our|my|it|this|that|they|he|she|you|your|there|here)\b", CI)
QUESTION_BEFORE = re.compile(r"\b(?:do|does|did|should|would|must|shall)\s*$", CI)
WHO_NEEDS = re.compile(r"\b(?:who|that)\s+(?:needs?|wants?|is looking for|are looking for|could use)\s+(.+)$", CI)

# --- the gate: which patterns a sentence may match, read off the patterns themselves -------------
# One scan per sentence for the literals every pattern below requires (see assistant.reading.gate.Gate): a
# pattern whose literals are all absent is not run. The finders ask `possible(sentence)`.

GATE = Gate((RAISE, *ASK_PATTERNS.values(), JOB_SEEKER, *OFFER_PATTERNS.values(), *NEWS_PATTERNS.values(),
             *NEWS_NAMED.values(), *INTRO_PATTERNS.values(), *REFERRAL_PATTERNS.values(),
             *INVITE_PATTERNS.values(), CONFIDENTIAL, ASK_LEADIN, FOLLOW_UP))
# the four finders read the same sentences one after another: each is scanned once
possible = lru_cache(maxsize=4096)(GATE.candidates)
# what the finders run, as (bit, pattern) in their order, and the bits they test
ASKS = GATE.ordered(ASK_PATTERNS.values())
OFFERS = tuple(zip(OFFER_PATTERNS, GATE.ordered(OFFER_PATTERNS.values()), strict=True))  # (name, (bit, pattern))
NEWS = tuple(zip(NEWS_PATTERNS | NEWS_NAMED, GATE.ordered((*NEWS_PATTERNS.values(), *NEWS_NAMED.values())),
                 strict=True))
INTROS = tuple(zip(INTRO_PATTERNS, GATE.ordered(INTRO_PATTERNS.values()), strict=True))
REFERRALS = GATE.ordered(REFERRAL_PATTERNS.values())
INVITES = GATE.ordered(INVITE_PATTERNS.values())
ASKING = GATE.mask(RAISE, *ASK_PATTERNS.values())
OFFERING = GATE.mask(JOB_SEEKER, *OFFER_PATTERNS.values())
TELLING = GATE.mask(*NEWS_PATTERNS.values(), *NEWS_NAMED.values())
REFERRING = GATE.mask(*REFERRAL_PATTERNS.values())
INVITING = GATE.mask(*INVITE_PATTERNS.values())
HELPING = GATE.mask(*INTRO_PATTERNS.values()) | REFERRING | INVITING
RAISING, SEEKING_WORK = GATE.mask(RAISE), GATE.mask(JOB_SEEKER)
SECRET, LISTING, FOLLOWING_UP = GATE.mask(CONFIDENTIAL), GATE.mask(ASK_LEADIN), GATE.mask(FOLLOW_UP)
