"""Vocabulary for the taxonomy: professions and services with synonyms, roles, industry tags.

Plain data, read by assistant.understanding.taxonomy. Phrases are lower case and "|"-separated; plurals, joined
hyphens ("co-founder" -> "cofounder") and "a/an/the/our/my" are handled by the matcher, not listed.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    id: str
    label: str
    roles: str  # space-separated, each in ROLES
    names: str  # what a person (or resource) is called: the only phrases read from job titles
    services: str = ""  # what people ask for or offer: "do our books", "seed money"
    industries: str = ""  # space-separated industry tags
    broader: str = ""  # id of the more general entry: "patent_attorney" -> "attorney"


ROLES: dict[str, str] = {
    "reporter": "writes or produces for a news outlet: a person to pitch a story to",
    "media": "works in media: editors, producers, podcasters, newsletter writers",
    "writer": "writes for a living",
    "pr": "publicist or communications staff: pitches reporters, is not one",
    "investor": "invests money in companies: angels, VCs, funds, accelerators",
    "lender": "lends money: loan officers, commercial lending, SBA and mortgage lenders",
    "banker": "works at a bank or investment bank",
    "recruiter": "finds candidates: recruiters, talent acquisition, executive search",
    "hr": "human resources and people operations",
    "attorney": "practising lawyer",
    "legal": "works in law without being a lawyer: paralegal, notary, mediator",
    "accountant": "accounting, bookkeeping and tax",
    "finance": "finance function: CFO, controller, financial analyst",
    "advisor": "advises clients on money, insurance or strategy",
    "founder": "started or runs their own business",
    "owner": "owns a business",
    "executive": "senior leader: C-level, VP, director, head of",
    "board_member": "sits on a board",
    "event_organizer": "organizes events, meetups or gatherings",
    "community": "builds and runs a community",
    "mentor": "mentors or advises founders and professionals",
    "coach": "coaches people: executive, career, fitness",
    "consultant": "independent or firm consultant",
    "engineer": "builds software or hardware",
    "data": "data science and analytics",
    "product": "product management",
    "designer": "designs products, brands, spaces",
    "marketer": "marketing, growth, content, social media",
    "sales": "sells: reps, account executives, business development",
    "it": "IT support and security",
    "doctor": "physician or dentist",
    "clinician": "provides health care",
    "real_estate": "real estate agents, brokers, landlords, property managers, space",
    "trades": "skilled trades and home services",
    "vendor": "sells a service or goods for businesses and events",
    "hospitality": "restaurants, hotels, venues, catering, chefs",
    "creative": "photographers, videographers, artists, musicians",
    "educator": "teaches or tutors",
    "academic": "professor, researcher, scientist",
    "nonprofit": "leads or works at a nonprofit",
    "government": "elected official or public servant",
    "operations": "operations, supply chain, logistics, manufacturing, project management",
    "student": "student or intern",
    "speaker": "speaks at events",
    "caregiver": "child, elder or home care",
    "admin": "assistant or office manager",
    "customer": "a business that can host a pilot or be an early customer: pilot sites, design partners",
}

# Beats a journalist writes about: "<beat> writer" and "<beat> editor" name a reporter.
BEATS = ("business", "health", "science", "sports", "food", "travel", "politics", "political", "features",
         "culture", "arts", "education", "environment", "climate", "economics", "finance", "investigative",
         "staff", "senior", "contributing", "tech policy", "technology", "real estate", "metro",
         "city", "national", "foreign", "world", "news", "opinion", "books", "style", "fashion", "music",
         "entertainment", "markets", "energy", "automotive", "crime", "courts")

PROFESSIONS: tuple[Entry, ...] = (
    # --- law
    Entry("attorney", "attorney", "attorney",
          "attorney|lawyer|counsel|legal counsel|general counsel|in-house counsel|of counsel|senior counsel|"
          "associate general counsel|solicitor|barrister|litigator|trial lawyer|corporate lawyer|"
          "corporate attorney|startup lawyer|startup attorney|business lawyer|business attorney|contract lawyer|"
          "esq|attorney at law|law firm|law office|legal department|chief legal officer|head of legal",
          "legal advice|legal help|legal|contract review|review contract|incorporation|litigation|"
          "lawsuit|legal question|term sheet review|operating agreement|partnership agreement|incorporate in delaware|"
          "incorporate company|delaware c-corp|c-corp conversion|llc formation|form llc|set up llc|entity formation|"
          "safe note|review safe", "legal"),
    Entry("patent_attorney", "patent attorney", "attorney",
          "patent attorney|patent lawyer|patent agent|patent counsel|ip attorney|ip lawyer|ip counsel|"
          "intellectual property attorney|intellectual property lawyer|intellectual property counsel|"
          "trademark attorney|trademark lawyer|patent litigator|ip people|ip person|ip firm|ip law firm",
          "patent|file patent|patent application|patent filing|patent prosecution|trademark|"
          "trademark registration|intellectual property|ip protection|ip strategy|freedom to operate",
          "legal", "attorney"),
    Entry("employment_lawyer", "employment lawyer", "attorney",
          "employment lawyer|employment attorney|employment counsel|labor lawyer|labor attorney|labour lawyer",
          "employment law|labor law|wrongful termination|severance agreement|non-compete|noncompete",
          "legal", "attorney"),
    Entry("immigration_lawyer", "immigration lawyer", "attorney",
          "immigration lawyer|immigration attorney|immigration counsel",
          "immigration|visa|work visa|h-1b|h1b|o-1|o1 visa|green card|visa sponsorship|citizenship application",
          "legal", "attorney"),
    Entry("real_estate_attorney", "real estate attorney", "attorney",
          "real estate attorney|real estate lawyer|property lawyer",
          "lease review|review lease|closing attorney", "legal real_estate", "attorney"),
    Entry("family_lawyer", "family lawyer", "attorney",
          "family lawyer|family law attorney|divorce lawyer|divorce attorney|custody lawyer",
          "divorce|custody|family law", "legal", "attorney"),
    Entry("estate_planning_attorney", "estate planning attorney", "attorney",
          "estate planning attorney|estate planning lawyer|estate lawyer|trusts and estates attorney|"
          "probate attorney|probate lawyer|elder law attorney",
          "estate planning|estate plan|write will|probate|living trust", "legal", "attorney"),
    Entry("criminal_defense_lawyer", "criminal defense lawyer", "attorney",
          "criminal defense lawyer|criminal defense attorney|defense attorney|defense lawyer|public defender|"
          "criminal lawyer", "criminal defense", "legal", "attorney"),
    Entry("tax_attorney", "tax attorney", "attorney", "tax attorney|tax lawyer", "tax dispute|irs audit",
          "legal accounting", "attorney"),
    Entry("paralegal", "paralegal", "legal", "paralegal|legal assistant|law clerk|legal secretary|legal operations",
          "", "legal"),
    Entry("court_reporter", "court reporter", "legal", "court reporter|stenographer|court stenographer",
          "deposition transcript|court transcript", "legal"),
    Entry("notary", "notary", "legal", "notary|notary public|mobile notary", "notarize|notarized|notarization",
          "legal"),
    Entry("mediator", "mediator", "legal consultant", "mediator|arbitrator", "mediation|arbitration", "legal"),
    # --- finance
    Entry("accountant", "accountant", "accountant",
          "accountant|accounting firm|staff accountant|senior accountant|auditor|chartered accountant|"
          "accounting manager|head of accounting|tax manager|tax associate|tax senior|audit senior|"
          "audit associate|audit manager|senior auditor",
          "accounting|audit|financial statements|accounting help|year-end close", "accounting finance"),
    Entry("cpa", "CPA", "accountant", "cpa|certified public accountant|cpa firm", "", "accounting finance",
          "accountant"),
    Entry("bookkeeper", "bookkeeper", "accountant",
          "bookkeeper|bookkeeping service|bookkeeping firm",
          "bookkeeping|do books|keep books|quickbooks|xero|reconcile accounts|accounts payable|"
          "accounts receivable|invoicing", "accounting", "accountant"),
    Entry("tax_preparer", "tax preparer", "accountant",
          "tax preparer|tax accountant|tax advisor|tax adviser|enrolled agent|tax professional|tax pro",
          "taxes|tax return|file taxes|do taxes|tax prep|tax preparation|tax filing|tax planning|tax help|"
          "sales tax|r&d tax credit", "accounting", "accountant"),
    Entry("cfo", "CFO", "finance executive",
          "cfo|chief financial officer|vp finance|vp of finance|head of finance|finance director|"
          "director of finance", "", "finance"),
    Entry("fractional_cfo", "fractional CFO", "finance consultant",
          "fractional cfo|part-time cfo|outsourced cfo|interim cfo|virtual cfo",
          "financial model|financial modeling|financial projections|cfo services|fundraising model|budgeting",
          "finance", "cfo"),
    Entry("controller", "controller", "finance accountant", "controller|financial controller|comptroller", "",
          "finance accounting"),
    Entry("financial_analyst", "financial analyst", "finance", "financial analyst|fp&a analyst|finance manager",
          "fp&a", "finance"),
    Entry("financial_advisor", "financial advisor", "advisor",
          "financial advisor|financial adviser|financial planner|wealth manager|wealth advisor|"
          "certified financial planner|cfp|investment advisor|investment adviser|financial consultant",
          "retirement planning|wealth management|financial planning|investment advice|retirement account",
          "finance"),
    Entry("insurance_agent", "insurance agent", "advisor sales",
          "insurance agent|insurance broker|insurance advisor|insurance agency",
          "insurance|business insurance|liability insurance|health insurance|life insurance|d&o insurance|"
          "insurance quote", "insurance"),
    Entry("benefits_broker", "benefits broker", "advisor hr",
          "benefits broker|benefits consultant|peo", "employee benefits|401k|401(k)|group health plan",
          "insurance hr", "insurance_agent"),
    Entry("payroll_specialist", "payroll provider", "hr", "payroll specialist|payroll manager|payroll provider",
          "payroll|run payroll|payroll service", "hr accounting"),
    # --- funding
    Entry("investor", "investor", "investor",
          "investor|backer|private investor|individual investor|impact investor|strategic investor|"
          "family office|head of investments",
          "funding|raise money|raising money|fundraise|fundraising|raise capital|raising capital|"
          "raise round|funding round|investor intro|investor introduction|pitch investors",
          "venture_capital finance"),
    Entry("seed_investor", "seed investor", "investor",
          "seed investor|angel investor|angels|business angel|pre-seed investor|seed fund|seed stage investor|"
          "angel group|angel network|super angel|micro vc|syndicate lead",
          "seed money|seed funding|seed round|seed capital|pre-seed|pre-seed round|angel check|angel investment|"
          "angel round|angel money|angel funding|angel investing|friends and family round|seed check|"
          "first check", "venture_capital", "investor"),
    Entry("venture_capitalist", "venture capital investor", "investor",
          "venture capitalist|vc|vc investor|venture investor|vc firm|vc fund|venture fund|venture firm|"
          "general partner|venture partner|limited partner|venture capital firm|venture scout",
          "venture capital|series a|series b|series c|series a round|venture funding|vc funding|"
          "growth round|venture round", "venture_capital", "investor"),
    Entry("private_equity_investor", "private equity investor", "investor",
          "private equity investor|pe investor|private equity firm|pe firm|search fund|search funder",
          "private equity|buyout|sell business|sell company|recapitalization", "finance", "investor"),
    Entry("accelerator", "accelerator", "investor mentor",
          "accelerator|incubator|startup accelerator|venture studio|startup studio|accelerator program",
          "accelerator application|demo day", "venture_capital startups"),
    Entry("lender", "lender", "lender",
          "lender|loan officer|lending officer|commercial lender|commercial lending|business lender|"
          "credit officer|loan underwriter|microlender|cdfi|business banking",
          "loan|business loan|line of credit|credit line|working capital loan|bridge loan|debt financing|"
          "venture debt|equipment financing|equipment loan|financing|revenue-based financing|microloan",
          "finance banking"),
    Entry("sba_loan_officer", "SBA loan officer", "lender",
          "sba loan officer|sba lender|sba loan specialist|sba lending|sba business development officer",
          "sba loan|sba 7a|sba 504|sba", "finance banking", "lender"),
    Entry("mortgage_broker", "mortgage broker", "lender real_estate",
          "mortgage broker|mortgage lender|mortgage loan officer|mortgage advisor|mortgage banker",
          "mortgage|home loan|refinance|refi|pre-approval|preapproval", "finance real_estate", "lender"),
    Entry("investor_relations", "investor relations", "finance",
          "investor relations|investor relations manager|ir manager|head of investor relations|"
          "investor relations director|investor relations officer|investor relations associate",
          "investor relations|earnings call|shareholder letter", "finance"),
    Entry("banker", "banker", "banker",
          "banker|bank manager|branch manager|business banker|commercial banker|private banker",
          "bank account|business bank account|banking|treasury management", "finance banking"),
    Entry("investment_banker", "investment banker", "banker advisor",
          "investment banker|m&a advisor|sell-side advisor|investment bank|boutique investment bank",
          "m&a|acquisition|mergers and acquisitions|exit strategy|sell-side", "finance"),
    Entry("grant_writer", "grant writer", "writer consultant",
          "grant writer|grant consultant|grants manager|grant writing consultant",
          "grants|grant application|grant proposal|grant writing|write grant|sbir|sbir grant|foundation grant",
          "nonprofit"),
    Entry("development_director", "nonprofit fundraiser", "nonprofit",
          "development director|director of development|development officer|major gifts officer|"
          "fundraising consultant|fundraising professional|chief development officer",
          "donor|donors|major gift|capital campaign|annual fund", "nonprofit"),
    # --- people
    Entry("recruiter", "recruiter", "recruiter",
          "recruiter|technical recruiter|tech recruiter|talent acquisition|talent partner|talent scout|"
          "recruiting firm|recruitment agency|recruiting agency|staffing agency|staffing firm|sourcer|"
          "recruitment consultant|recruiting coordinator|recruiting manager|head of talent|talent lead|"
          "director of talent|recruiting lead|talent manager",
          "recruiting|recruitment|recruiting help|find candidates|staffing|hiring help|talent pipeline",
          "hr"),
    Entry("executive_recruiter", "executive recruiter", "recruiter",
          "executive recruiter|headhunter|executive search firm|search firm|retained search",
          "executive search|headhunting|ceo search|cfo search|board search", "hr", "recruiter"),
    Entry("hr_consultant", "HR consultant", "hr",
          "hr consultant|hr manager|hr director|hr business partner|hrbp|human resources manager|"
          "human resources director|human resources consultant|people operations|people ops|head of people|"
          "chief people officer|hr generalist|hr|human resources|people partner|vp people|vp of people",
          "hr help|employee handbook|hr policies|performance reviews|compensation plan|hr compliance|"
          "employee relations|layoffs|termination", "hr"),
    Entry("coach", "coach", "coach", "coach|life coach|accountability coach|coaching practice", "coaching"),
    Entry("executive_coach", "executive coach", "coach mentor",
          "executive coach|leadership coach|ceo coach|business coach|performance coach|founder coach|startup coach",
          "executive coaching|leadership coaching|leadership development|business coaching", "", "coach"),
    Entry("career_coach", "career coach", "coach",
          "career coach|career counselor|career advisor|resume writer|job search coach",
          "career advice|career change|resume help|resume review|interview prep|interview coaching|job search",
          "hr", "coach"),
    Entry("mentor", "mentor", "mentor", "mentor|startup mentor|score mentor", "mentorship|mentoring|guidance"),
    Entry("advisor", "advisor", "advisor mentor",
          "advisor|adviser|startup advisor|strategic advisor|senior advisor|special advisor|board advisor",
          "advice|sounding board|second opinion on strategy"),
    Entry("consultant", "consultant", "consultant",
          "consultant|management consultant|strategy consultant|business consultant|independent consultant|"
          "consulting firm|consultancy|operations consultant|strategy advisor",
          "consulting|strategy help|business strategy|business plan|market entry|pricing strategy"),
    Entry("freelancer", "freelancer", "consultant", "freelancer|independent contractor|1099 contractor|gig worker",
          "freelance help|freelance work"),
    Entry("operations_manager", "operations leader", "operations",
          "operations manager|head of operations|vp operations|vp of operations|director of operations|"
          "ops manager|operations lead|operations director|coo|chief operating officer|fractional coo",
          "operations help|process improvement|sops|standard operating procedures", ""),
    Entry("project_manager", "project manager", "operations",
          "project manager|program manager|scrum master|agile coach|delivery manager|technical program manager|"
          "project coordinator", "project management|program management", ""),
    Entry("virtual_assistant", "assistant", "admin",
          "virtual assistant|executive assistant|personal assistant|administrative assistant|admin assistant|"
          "office manager|chief of staff",
          "admin help|administrative help|scheduling help|inbox management|calendar management|data entry"),
    Entry("translator", "translator", "writer",
          "translator|interpreter|translation agency|translation service|localization specialist",
          "translation|translate|interpreting|localization|subtitles"),
    # --- tech
    Entry("engineer", "engineer", "engineer", "engineer|engineering firm", "engineering help"),
    Entry("software_engineer", "software engineer", "engineer",
          "software engineer|software developer|developer|dev|programmer|coder|full-stack developer|"
          "full-stack engineer|full stack developer|swe|sde|staff engineer|principal engineer|senior engineer|"
          "software development firm|dev shop|development agency|game developer|contract developer|"
          "freelance developer|developers",
          "coding|build app|build our app|build mvp|mvp|software development|custom software|"
          "technical help|dev work|engineering work", "software", "engineer"),
    Entry("software_architect", "software architect", "engineer",
          "software architect|solutions architect|solution architect|enterprise architect|technical architect|"
          "data architect", "architecture review|system design", "software", "software_engineer"),
    Entry("frontend_developer", "frontend developer", "engineer",
          "front-end developer|front-end engineer|front end developer|ui engineer|ui developer|"
          "javascript developer|js developer|typescript developer|vue developer|angular developer",
          "front-end|frontend work|javascript|typescript|vue|angular", "software", "software_engineer"),
    Entry("react_developer", "react developer", "engineer",
          "react developer|react dev|react engineer|react.js developer|reactjs developer|next.js developer|"
          "nextjs developer", "react.js|reactjs|next.js|react app|react frontend", "software", "frontend_developer"),
    Entry("backend_developer", "backend developer", "engineer",
          "back-end developer|back-end engineer|back end developer|api developer|server engineer|"
          "node developer|node.js developer|rails developer|ruby developer|ruby on rails developer|"
          "java developer|golang developer|php developer|.net developer|c# developer",
          "back-end|backend work|api integration|database|node.js|ruby on rails|rails|golang|php", "software",
          "software_engineer"),
    Entry("python_developer", "python developer", "engineer",
          "python developer|python engineer|django developer|flask developer", "python|django|flask",
          "software", "backend_developer"),
    Entry("mobile_developer", "mobile developer", "engineer",
          "mobile developer|mobile engineer|ios developer|ios engineer|android developer|android engineer|"
          "app developer|react native developer|flutter developer|swift developer|kotlin developer|"
          "mobile app developer",
          "mobile app|ios app|android app|iphone app|app store|react native|flutter|kotlin", "software",
          "software_engineer"),
    Entry("web_developer", "web developer", "engineer",
          "web developer|web dev|website developer|webmaster|wordpress developer|shopify developer|"
          "webflow developer|web agency|web development agency",
          "website|new website|build website|website build|wordpress|shopify store|shopify|webflow|squarespace|"
          "wix|landing page|web development", "software", "software_engineer"),
    Entry("devops_engineer", "devops engineer", "engineer",
          "devops engineer|sre|site reliability engineer|infrastructure engineer|cloud engineer|platform engineer|"
          "cloud architect|aws consultant|cloud consultant",
          "devops|cloud migration|aws|azure|gcp|google cloud|kubernetes|docker|ci/cd",
          "software", "software_engineer"),
    Entry("qa_engineer", "QA engineer", "engineer",
          "qa engineer|qa tester|software tester|test engineer|quality assurance engineer|qa analyst",
          "qa|quality assurance|test automation", "software", "software_engineer"),
    Entry("blockchain_developer", "blockchain developer", "engineer",
          "blockchain developer|blockchain engineer|smart contract developer|web3 developer|solidity developer",
          "smart contract|smart contracts|solidity|token launch", "crypto", "software_engineer"),
    Entry("ml_engineer", "machine learning engineer", "engineer data",
          "machine learning engineer|ml engineer|ai engineer|ai developer|llm engineer|computer vision engineer|"
          "nlp engineer|ai expert|ai consultant|ai researcher|ml researcher|ai specialist",
          "machine learning|ml model|ml models|ai model|ai strategy|ai integration|artificial intelligence|llm|"
          "fine-tuning|computer vision|nlp|chatbot|generative ai", "ai", "software_engineer"),
    Entry("data_scientist", "data scientist", "data",
          "data scientist|statistician|quant|quantitative analyst|data science consultant|head of data|"
          "chief data officer", "data science|statistics|predictive model|predictive modeling|a/b test analysis",
          "ai"),
    Entry("data_analyst", "data analyst", "data",
          "data analyst|business analyst|bi analyst|business intelligence analyst|analytics consultant|"
          "analytics engineer|analytics manager",
          "dashboard|dashboards|data analysis|sql|tableau|power bi|looker|analytics|business intelligence",
          "software", "data_scientist"),
    Entry("data_engineer", "data engineer", "engineer data",
          "data engineer|etl developer|database administrator|dba",
          "data pipeline|data warehouse|etl|snowflake|data infrastructure|data migration", "software",
          "software_engineer"),
    Entry("engineering_manager", "engineering manager", "engineer",
          "engineering manager|engineering lead|tech lead|technical lead|lead engineer|lead developer|"
          "development manager", "", "software", "software_engineer"),
    Entry("cto", "CTO", "engineer executive",
          "cto|chief technology officer|vp engineering|vp of engineering|head of engineering|"
          "director of engineering|engineering director|fractional cto|chief technical officer|"
          "head of technology|vp technology",
          "technical leadership|tech strategy|technical due diligence", "software"),
    Entry("technical_cofounder", "technical co-founder", "founder engineer",
          "technical co-founder|technical founder|cto co-founder", "", "startups", "founder"),
    Entry("it_support", "IT support", "it",
          "it support|it consultant|it manager|it director|it administrator|sysadmin|system administrator|"
          "systems administrator|network administrator|network engineer|help desk|it technician|computer repair|"
          "tech support|msp|managed service provider|it services|it department|it guy|it person|head of it|cio|"
          "chief information officer",
          "computer help|network setup|wifi setup|email setup|laptop setup|google workspace|microsoft 365|"
          "office 365|printer setup|it help|computer repair|backups", "software"),
    Entry("cybersecurity_specialist", "cybersecurity specialist", "it engineer",
          "cybersecurity consultant|cybersecurity expert|cybersecurity engineer|cybersecurity analyst|"
          "cyber security consultant|security engineer|security consultant|security researcher|"
          "penetration tester|pentester|ciso|chief information security officer|security analyst|"
          "information security officer",
          "cybersecurity|cyber security|security audit|penetration test|pen test|pentest|infosec|"
          "security review|phishing|ransomware|data breach", "cybersecurity"),
    Entry("compliance_consultant", "compliance consultant", "consultant",
          "compliance officer|compliance consultant|compliance manager|chief compliance officer|privacy officer",
          "compliance|hipaa compliance|hipaa|gdpr|soc 2|soc2|iso 27001|ccpa|privacy policy|pci compliance",
          ""),
    Entry("regulatory_consultant", "regulatory consultant", "consultant",
          "regulatory consultant|regulatory affairs|regulatory affairs specialist|regulatory expert|"
          "fda consultant|regulatory affairs manager",
          "fda approval|fda clearance|510(k)|fda submission|fda|regulatory strategy|ce mark|regulatory pathway|"
          "clinical trial", "medtech healthcare"),
    Entry("salesforce_consultant", "CRM consultant", "consultant",
          "salesforce consultant|salesforce admin|salesforce administrator|crm consultant|hubspot consultant|"
          "crm administrator", "salesforce|crm setup|crm|hubspot setup|crm migration", "software"),
    Entry("hardware_engineer", "hardware engineer", "engineer",
          "hardware engineer|electrical engineer|electronics engineer|embedded engineer|firmware engineer|"
          "pcb designer|embedded systems engineer",
          "pcb|pcb design|firmware|embedded systems|electronics design|circuit design|iot device", "hardware",
          "engineer"),
    Entry("mechanical_engineer", "mechanical engineer", "engineer designer",
          "mechanical engineer|industrial designer|product design engineer|manufacturing engineer|"
          "design engineer", "cad|mechanical design|industrial design|solidworks|dfm",
          "hardware manufacturing", "engineer"),
    Entry("civil_engineer", "civil engineer", "engineer",
          "civil engineer|structural engineer|geotechnical engineer",
          "structural engineering|structural analysis|site plan|load calculation", "construction", "engineer"),
    # --- design and product
    Entry("designer", "designer", "designer", "designer|design agency|design studio|design firm|freelance designer",
          "design|design help|design work|pitch deck design|deck design|slide design", ""),
    Entry("graphic_designer", "graphic designer", "designer",
          "graphic designer|visual designer|brand designer|logo designer|graphic design studio|print designer",
          "graphic design|logo|logo design|visual identity|brand identity|packaging design|flyer design|"
          "brochure design", "marketing", "designer"),
    Entry("ux_designer", "UX designer", "designer",
          "ux designer|ui designer|ui/ux designer|ux/ui designer|ui ux designer|product designer|"
          "interaction designer|ux researcher|user researcher|ux lead|design lead|head of design|vp design|"
          "ux consultant|ux writer|content designer",
          "ux|ui|user experience|ux design|ui design|user research|usability testing|wireframes|wireframe|"
          "figma|prototype|app design|user interface", "software", "designer"),
    Entry("web_designer", "web designer", "designer",
          "web designer|website designer|webflow designer|squarespace designer",
          "web design|website design|website redesign|redesign website|site redesign", "software", "designer"),
    Entry("illustrator", "illustrator", "designer creative",
          "illustrator|animator|motion designer|motion graphics designer|cartoonist|comic artist",
          "illustration|illustrations|animation|animated video|motion graphics|explainer animation", "arts",
          "designer"),
    Entry("creative_director", "creative director", "designer marketer",
          "creative director|art director|design director|creative agency|creative lead", "creative direction|"
          "art direction|campaign creative", "marketing", "designer"),
    Entry("product_manager", "product manager", "product",
          "product manager|product lead|product owner|group product manager|senior product manager|"
          "technical product manager|product management consultant|fractional product manager",
          "product management|product strategy|product roadmap|roadmap|product discovery|product-market fit",
          "software"),
    Entry("head_of_product", "head of product", "product executive",
          "head of product|vp product|vp of product|director of product|chief product officer|cpo|"
          "product director", "", "software", "product_manager"),
    # --- marketing and sales
    Entry("marketer", "marketer", "marketer",
          "marketer|marketing manager|marketing consultant|marketing agency|marketing lead|digital marketer|"
          "digital marketing manager|product marketing manager|product marketer|product marketing|"
          "marketing coordinator|marketing specialist|brand manager|marketing strategist|advertising agency|"
          "ad agency|marketing director|marketing team|digital agency|field marketing manager",
          "marketing|digital marketing|marketing help|marketing strategy|go-to-market|gtm|go-to-market strategy|"
          "marketing plan|advertising|launch plan|product launch|demand generation|demand gen", "marketing"),
    Entry("head_of_marketing", "head of marketing", "marketer executive",
          "cmo|chief marketing officer|head of marketing|vp marketing|vp of marketing|director of marketing|"
          "fractional cmo|outsourced cmo|interim cmo|fractional marketing leader",
          "", "marketing", "marketer"),
    Entry("ecommerce_consultant", "e-commerce consultant", "consultant marketer",
          "e-commerce consultant|ecommerce consultant|amazon consultant|amazon agency|etsy expert|shopify expert|"
          "marketplace consultant|e-commerce manager|ecommerce manager|head of e-commerce",
          "etsy|etsy shop|amazon listings|amazon store|selling on amazon|marketplace strategy|online sales",
          "ecommerce retail", "marketer"),
    Entry("seo_specialist", "SEO specialist", "marketer",
          "seo specialist|seo consultant|seo expert|seo agency|seo manager|seo strategist",
          "seo|search engine optimization|google ranking|organic search|search ranking|search rankings|"
          "organic traffic|keyword research", "marketing", "marketer"),
    Entry("paid_ads_specialist", "paid ads specialist", "marketer",
          "ppc specialist|paid media manager|paid ads specialist|media buyer|google ads specialist|"
          "facebook ads expert|performance marketer|performance marketing manager|paid social manager",
          "ppc|paid ads|google ads|facebook ads|meta ads|paid social|ad campaign|ad campaigns|paid acquisition|"
          "ad spend|linkedin ads", "marketing", "marketer"),
    Entry("social_media_manager", "social media manager", "marketer",
          "social media manager|social media marketer|social media consultant|social media strategist|"
          "influencer marketing manager|social media agency|community and social manager",
          "social media|instagram|tiktok|social media strategy|social media content|influencer marketing|"
          "linkedin content|youtube channel", "marketing", "marketer"),
    Entry("content_marketer", "content marketer", "marketer writer",
          "content writer|content marketer|content strategist|content marketing manager|content manager|"
          "content lead|blog writer|head of content|content editor|content producer",
          "content marketing|blog posts|blog post|blog content|content strategy|blog|case study|case studies|"
          "white paper|whitepaper|thought leadership", "marketing", "marketer"),
    Entry("copywriter", "copywriter", "writer marketer",
          "copywriter|copy writer|conversion copywriter|sales copywriter|freelance copywriter|copy chief",
          "copywriting|website copy|landing page copy|email copy|ad copy|sales copy|product descriptions|"
          "tagline", "marketing"),
    Entry("email_marketer", "email marketing specialist", "marketer",
          "email marketing specialist|email marketer|email marketing manager|lifecycle marketer|"
          "lifecycle marketing manager|crm marketer",
          "email marketing|mailchimp|klaviyo|email campaign|email campaigns|drip campaign|email sequence",
          "marketing", "marketer"),
    Entry("brand_strategist", "brand strategist", "marketer designer",
          "brand strategist|branding agency|brand consultant|naming consultant|naming agency|brand agency",
          "branding|rebrand|rebranding|brand strategy|brand positioning|naming|name company|positioning",
          "marketing", "marketer"),
    Entry("pr_consultant", "PR consultant", "pr marketer",
          "pr consultant|publicist|pr manager|pr director|pr agency|pr firm|public relations|"
          "public relations manager|public relations director|public relations consultant|"
          "public relations specialist|communications manager|communications director|director of communications|"
          "head of communications|vp communications|vp of communications|comms manager|comms lead|"
          "head of comms|media relations|media relations manager|press officer|press secretary|spokesperson|"
          "communications specialist|communications consultant|communications lead|communications officer|"
          "communications associate|corporate communications|chief communications officer|pr specialist|"
          "pr lead|pr person|pr team|press office|press relations|publicity agent",
          "pr|publicity|press coverage|media coverage|get press|press release|press strategy|media training|"
          "media outreach|press outreach|pitch reporters|crisis communications|launch pr|press kit|comms",
          "marketing media"),
    Entry("growth_marketer", "growth marketer", "marketer",
          "growth marketer|growth hacker|head of growth|growth lead|growth manager|vp growth|vp of growth|"
          "growth consultant|growth marketing manager|growth advisor",
          "growth help|user acquisition|customer acquisition|growth strategy|growth marketing|conversion rate|"
          "funnel optimization|growth hacking|referral program", "marketing", "marketer"),
    Entry("market_researcher", "market researcher", "consultant marketer",
          "market researcher|market research firm|research agency|consumer insights manager|insights manager",
          "market research|customer research|customer interviews|focus group|competitive analysis|"
          "market sizing", "marketing"),
    Entry("sales_rep", "sales rep", "sales",
          "sales rep|sales representative|account executive|sdr|bdr|sales development representative|"
          "business development representative|salesperson|sales associate|sales manager|sales consultant|"
          "inside sales|outside sales|territory manager|sales engineer|sales lead|sales team|sales agency|"
          "manufacturer's rep|independent sales rep",
          "sales|sales help|outbound|outbound sales|lead generation|lead gen|cold outreach|cold email|"
          "sales pipeline|enterprise sales|channel sales", "marketing"),
    Entry("head_of_sales", "head of sales", "sales executive",
          "head of sales|vp sales|vp of sales|sales director|director of sales|chief revenue officer|"
          "chief sales officer|sales leader|fractional vp sales|fractional sales leader|vp revenue",
          "sales strategy|sales playbook|sales process|sales hiring", "", "sales_rep"),
    Entry("business_development", "business development", "sales",
          "business development manager|bizdev|biz dev|head of business development|"
          "director of business development|vp business development|partnerships manager|head of partnerships|"
          "partnerships lead|business development director|business development executive|channel manager|"
          "vp partnerships|director of partnerships",
          "business development|partnerships|partnership|channel partnership|channel partnerships|"
          "distribution partner|strategic partnership|co-marketing", ""),
    Entry("customer_success", "customer success manager", "sales",
          "customer success manager|customer success|account manager|client success manager|"
          "customer support manager|customer experience manager|head of customer success|support lead",
          "customer support|customer service|onboarding customers|churn|customer retention", "software"),
    # --- media
    Entry("reporter", "reporter", "reporter media",
          "reporter|journalist|correspondent|staff writer|news writer|stringer|investigative journalist|"
          "freelance journalist|beat reporter|foreign correspondent|senior correspondent|broadcast journalist|"
          "news reporter|member of press|journalists|science journalist|data journalist|features writer|"
          "contributing reporter|tech reporter|technology reporter|business reporter|reporter-at-large|"
          "press corps|wire reporter",
          "journalism|news story|news coverage|press interview|interview request|on the record|off the record",
          "media"),
    Entry("news_editor", "news editor", "reporter media",
          "news editor|managing editor|executive editor|deputy editor|editor-in-chief|editor in chief|"
          "editor at large|editor-at-large|assigning editor|desk editor|city editor|metro editor|section editor|"
          "national editor|foreign editor|news director|editorial director|bureau chief|copy chief editor|"
          "opinion editor|op-ed editor|standards editor|photo editor",
          "editorial|op-ed|oped|opinion piece|letter to editor", "media", "reporter"),
    Entry("editor", "editor", "media",
          "editor|senior editor|associate editor|copy editor|contributing editor|assistant editor|"
          "editorial assistant|web editor|digital editor|audience editor|social media editor",
          "editing|copy editing|copyediting|proofreading|proofread", "media"),
    Entry("columnist", "columnist", "reporter media writer",
          "columnist|opinion writer|advice columnist|contributing columnist|syndicated columnist|opinion columnist",
          "", "media", "reporter"),
    Entry("broadcaster", "broadcaster", "reporter media",
          "news anchor|anchor|tv anchor|tv host|television host|radio host|broadcaster|talk show host|"
          "host of radio show|meteorologist|radio personality|on-air personality|news presenter",
          "tv interview|radio interview|tv segment|on-air interview|radio spot", "media", "reporter"),
    Entry("news_producer", "news producer", "reporter media",
          "news producer|segment producer|booking producer|field producer|radio producer|tv producer|"
          "television producer|broadcast producer|show producer|producer of show|supervising producer|"
          "podcast producer|audio producer|booker",
          "tv booking|segment booking", "media", "reporter"),
    Entry("producer", "producer", "media",
          "producer|senior producer|associate producer|executive producer|line producer|digital producer",
          "", "media entertainment"),
    Entry("photojournalist", "photojournalist", "reporter media creative",
          "photojournalist|news photographer|press photographer|staff photographer", "", "media", "reporter"),
    Entry("newsletter_editor", "newsletter editor", "media writer",
          "newsletter editor|newsletter writer|newsletter author|substack writer|newsletter publisher|"
          "newsletter creator", "newsletter feature|newsletter mention|newsletter sponsorship|newsletter ad",
          "media"),
    Entry("podcaster", "podcaster", "media",
          "podcaster|podcast host|podcast co-host|host of podcast|podcast network",
          "podcast|podcast interview|podcast guest|podcast appearance|podcast episode|guest on podcast", "media"),
    Entry("writer", "writer", "writer",
          "writer|freelance writer|contributor|contributing writer|essayist|poet|playwright|screenwriter|"
          "editorial writer",
          "freelance writing|writing help", "media"),
    Entry("author", "author", "writer",
          "author|novelist|published author|book author|bestselling author|nonfiction author|children's author",
          "book launch|book deal|book proposal|memoir|publish book|self-publishing", "media", "writer"),
    Entry("ghostwriter", "ghostwriter", "writer",
          "ghostwriter|ghost writer|speechwriter|speech writer|book coach",
          "ghostwriting|speech writing|speechwriting|write book|op-ed ghostwriting|linkedin ghostwriting",
          "media", "writer"),
    Entry("technical_writer", "technical writer", "writer",
          "technical writer|tech writer|documentation writer|docs writer|documentation engineer|"
          "technical communicator|api writer",
          "documentation|technical documentation|api documentation|user manual|user guide|docs", "software",
          "writer"),
    Entry("book_editor", "book editor", "media writer",
          "book editor|acquisitions editor|developmental editor|literary editor|manuscript editor",
          "manuscript|manuscript review|developmental editing|book editing", "media", "editor"),
    Entry("publisher", "publisher", "media",
          "publisher|book publisher|publishing house|publishing company|small press|literary agent|book agent",
          "publishing|book publishing|get published|find publisher|literary representation", "media"),
    Entry("blogger", "content creator", "media",
          "blogger|influencer|content creator|youtuber|tiktoker|instagrammer|creator economy|streamer|vlogger",
          "sponsored post|influencer collaboration|brand deal|ugc", "media"),
    Entry("speaker", "speaker", "speaker",
          "keynote speaker|public speaker|motivational speaker|speaker|panelist|moderator|emcee|"
          "master of ceremonies|speaking coach",
          "keynote|keynote talk|talk at event|panel discussion|speaking engagement|speaking gig|moderate panel",
          "events"),
    # --- health
    Entry("doctor", "doctor", "doctor clinician",
          "doctor|physician|primary care physician|primary care doctor|family doctor|general practitioner|"
          "internist|surgeon|orthopedic surgeon|oncologist|neurologist|radiologist|ob-gyn|obgyn|gynecologist|"
          "endocrinologist|gastroenterologist|allergist|ophthalmologist|urologist|anesthesiologist|"
          "emergency physician|hospitalist|medical director|chief medical officer|attending physician|"
          "resident physician|medical practice|concierge doctor|sports medicine doctor|sleep doctor|"
          "pulmonologist|rheumatologist|nephrologist|ent doctor|plastic surgeon",
          "medical advice|medical opinion|second opinion|checkup|physical exam|medical question|diagnosis",
          "healthcare"),
    Entry("hospital_administrator", "hospital administrator", "executive",
          "hospital administrator|hospital executive|health system executive|healthcare administrator|"
          "hospital system|health system|hospital innovation director|chief innovation officer at hospital|"
          "practice manager|clinic manager",
          "hospital pilot|hospital contract|clinical pilot|pilot at hospital|health system partnership",
          "healthcare"),
    Entry("pediatrician", "pediatrician", "doctor clinician", "pediatrician|pediatric doctor|children's doctor",
          "", "healthcare", "doctor"),
    Entry("dermatologist", "dermatologist", "doctor clinician", "dermatologist|skin doctor", "skin check",
          "healthcare", "doctor"),
    Entry("cardiologist", "cardiologist", "doctor clinician", "cardiologist|heart doctor", "heart condition",
          "healthcare", "doctor"),
    Entry("psychiatrist", "psychiatrist", "doctor clinician", "psychiatrist|child psychiatrist",
          "medication management|adhd evaluation", "healthcare", "doctor"),
    Entry("dentist", "dentist", "doctor clinician",
          "dentist|orthodontist|dental practice|dental office|oral surgeon|periodontist|endodontist|"
          "pediatric dentist|dental hygienist|dds|dmd",
          "dental|teeth cleaning|dental work|root canal|braces|invisalign|toothache", "healthcare"),
    Entry("physical_therapist", "physical therapist", "clinician",
          "physical therapist|physiotherapist|physical therapy clinic|sports physio|physio",
          "physical therapy|physiotherapy|rehab|injury rehab|back pain|knee rehab", "healthcare"),
    Entry("occupational_therapist", "occupational therapist", "clinician", "occupational therapist",
          "occupational therapy", "healthcare"),
    Entry("speech_therapist", "speech therapist", "clinician",
          "speech therapist|speech-language pathologist|speech pathologist|slp", "speech therapy", "healthcare"),
    Entry("therapist", "therapist", "clinician",
          "therapist|psychotherapist|counselor|counsellor|mental health counselor|licensed therapist|lcsw|lmft|"
          "marriage counselor|couples therapist|family therapist|psychologist|clinical psychologist|"
          "child psychologist|grief counselor|mental health professional",
          "therapy|counseling|mental health support|couples therapy|talk therapy|cbt", "healthcare"),
    Entry("nurse", "nurse", "clinician",
          "nurse|registered nurse|rn|nurse practitioner|lpn|travel nurse|nurse manager|charge nurse|"
          "school nurse|nurse educator|nursing director", "nursing|nursing care|home nursing", "healthcare"),
    Entry("pharmacist", "pharmacist", "clinician", "pharmacist|pharmacy|pharmd|compounding pharmacy",
          "prescription|prescriptions|medication question", "healthcare pharma"),
    Entry("chiropractor", "chiropractor", "clinician", "chiropractor|chiropractic clinic", "chiropractic",
          "healthcare"),
    Entry("optometrist", "optometrist", "clinician", "optometrist|eye doctor|optician", "eye exam",
          "healthcare"),
    Entry("veterinarian", "veterinarian", "clinician",
          "veterinarian|animal hospital|vet clinic|veterinary clinic|veterinary practice|dog trainer",
          "veterinary|vet care|pet care", "pets"),
    Entry("dietitian", "dietitian", "clinician",
          "dietitian|dietician|nutritionist|registered dietitian|nutrition coach", "nutrition|meal plan|diet",
          "healthcare food"),
    Entry("personal_trainer", "fitness trainer", "coach",
          "personal trainer|fitness instructor|fitness coach|yoga instructor|yoga teacher|pilates instructor|"
          "strength coach|running coach|trainer",
          "personal training|gym|yoga|pilates|fitness classes|workout plan|strength training", "fitness"),
    Entry("massage_therapist", "massage therapist", "clinician",
          "massage therapist|licensed massage therapist|lmt|acupuncturist|reiki practitioner",
          "massage|acupuncture|bodywork", "healthcare"),
    Entry("doula", "doula", "clinician caregiver", "doula|midwife|lactation consultant|postpartum doula",
          "birth plan|lactation|postpartum support", "healthcare"),
    Entry("caregiver", "caregiver", "caregiver",
          "caregiver|home health aide|elder care provider|home care agency|senior care agency|caretaker",
          "elder care|senior care|home care|in-home care|respite care|assisted living|memory care", "healthcare"),
    Entry("childcare_provider", "childcare provider", "caregiver",
          "nanny|babysitter|au pair|daycare|childcare provider|day care|preschool|nanny agency",
          "childcare|child care|babysitting|after-school care", "education"),
    # --- trades and services
    Entry("caterer", "caterer", "hospitality vendor",
          "caterer|catering company|catering service|catering business|event caterer",
          "catering|cater|catered|cater event|cater party|catered lunch|food for event|food for party|"
          "boxed lunches|buffet|food truck for event", "food events"),
    Entry("event_planner", "event planner", "event_organizer vendor",
          "event planner|event coordinator|event manager|event producer|events manager|event management company|"
          "party planner|event agency|events team|head of events|director of events|event designer|"
          "destination management company|offsite planner|conference planner|meeting planner",
          "event planning|plan event|plan party|plan offsite|organize event|offsite planning|event logistics|"
          "event production|team offsite|company offsite|holiday party|launch party|corporate event",
          "events hospitality"),
    Entry("wedding_planner", "wedding planner", "event_organizer vendor", "wedding planner|wedding coordinator",
          "plan wedding|wedding planning", "events", "event_planner"),
    Entry("event_organizer", "event organizer", "event_organizer",
          "event organizer|organizer|meetup organizer|conference organizer|event host|meetup host|"
          "co-organizer|festival organizer|summit organizer|hackathon organizer|event curator|program chair|"
          "conference chair", "meetup|hackathon|demo night|pitch night|founders dinner|founders breakfast",
          "events"),
    Entry("community_manager", "community manager", "community event_organizer",
          "community manager|community builder|community lead|head of community|community organizer|"
          "community director|community coordinator|community management|community team|ecosystem manager",
          "community building|community management|community strategy|slack community|discord community",
          "startups"),
    Entry("venue", "event venue", "hospitality",
          "event venue|venue|event space|banquet hall|conference venue|party venue|wedding venue|"
          "private dining room|rooftop venue|event hall|meeting room rental|conference center|venue manager|"
          "venue owner",
          "space for event|venue for event|host event|room for event|space for party|space for offsite|"
          "meeting space|private room", "events hospitality"),
    Entry("photographer", "photographer", "creative vendor",
          "photographer|photography studio|headshot photographer|event photographer|wedding photographer|"
          "product photographer|photo studio|portrait photographer|food photographer|commercial photographer",
          "photography|headshots|headshot|photo shoot|photoshoot|product photos|event photos|team photos|"
          "event photography|product photography", "arts"),
    Entry("videographer", "videographer", "creative vendor",
          "videographer|video producer|filmmaker|video production company|cinematographer|video editor|"
          "documentary filmmaker|film director|video agency|director of photography|film producer|"
          "documentary producer|drone pilot",
          "video|video production|promo video|explainer video|brand video|testimonial video|event video|"
          "video editing|drone footage|documentary", "entertainment arts"),
    Entry("dj", "DJ", "creative vendor", "dj|disc jockey|wedding dj|event dj", "dj set|music for party",
          "entertainment events"),
    Entry("musician", "musician", "creative",
          "musician|band|live band|singer|pianist|guitarist|violinist|string quartet|jazz trio|composer|"
          "music producer|record producer|songwriter|sound designer",
          "live music|music for event|original music|jingle|soundtrack", "entertainment"),
    Entry("entertainer", "entertainer", "creative vendor",
          "entertainer|magician|comedian|stand-up comedian|face painter|caricaturist|performer",
          "entertainment for party|kids party entertainment|comedy show", "entertainment events"),
    Entry("talent_agent", "talent agent", "creative", "talent agent|booking agent|talent agency",
          "representation for talent", "entertainment"),
    Entry("artist", "artist", "creative",
          "artist|painter|sculptor|muralist|fine artist|visual artist|gallery owner|art gallery|curator|"
          "ceramicist|printmaker", "artwork|mural|commission painting|art commission|art for office", "arts"),
    Entry("av_company", "AV company", "vendor",
          "av company|audio visual company|audiovisual company|av technician|sound engineer|lighting designer|"
          "production company|livestream producer|av team",
          "av equipment|sound system|livestream|live stream|projector|microphones|event av",
          "events"),
    Entry("party_rentals", "party rentals", "vendor",
          "party rental company|rental company|tent rental company|event rental company|party rentals",
          "tent rental|chair rental|table rental|linen rental|event rentals|tables and chairs|photo booth",
          "events"),
    Entry("transportation_service", "transportation service", "vendor",
          "driver|chauffeur|limo service|car service|shuttle service|bus company|charter bus company|"
          "courier service|delivery driver",
          "transportation|airport pickup|shuttle|charter bus|ride to airport|delivery service|same-day delivery",
          "logistics"),
    Entry("contractor", "general contractor", "trades",
          "general contractor|contractor|builder|home builder|construction company|remodeler|"
          "renovation contractor|design-build firm|construction manager|project superintendent",
          "construction|renovation|remodel|remodeling|build-out|buildout|kitchen remodel|bathroom remodel|"
          "home renovation|tenant improvement|tenant improvements|home addition|adu", "construction"),
    Entry("handyman", "handyman", "trades", "handyman|handyperson|handy man|odd job",
          "home repairs|small repairs|fix door|hang shelves|drywall repair|furniture assembly", "construction",
          "contractor"),
    Entry("electrician", "electrician", "trades", "electrician|electrical contractor|master electrician",
          "electrical work|wiring|rewire|rewiring|electrical panel|ev charger installation|outlet installation",
          "construction", "contractor"),
    Entry("plumber", "plumber", "trades", "plumber|plumbing company|plumbing contractor|master plumber",
          "plumbing|water leak|leaky faucet|clogged drain|water heater|burst pipe|sewer line", "construction",
          "contractor"),
    Entry("hvac_technician", "HVAC technician", "trades",
          "hvac technician|hvac contractor|hvac company|heating and cooling company|hvac tech",
          "hvac|air conditioning|ac repair|furnace|heat pump|heating repair|ventilation", "construction",
          "contractor"),
    Entry("roofer", "roofer", "trades", "roofer|roofing company|roofing contractor",
          "roof repair|roofing|new roof|roof leak", "construction", "contractor"),
    Entry("house_painter", "house painter", "trades",
          "house painter|painting contractor|painting company|commercial painter", "interior painting|"
          "exterior painting|paint house|paint office", "construction", "contractor"),
    Entry("carpenter", "carpenter", "trades",
          "carpenter|cabinet maker|cabinetmaker|woodworker|finish carpenter|millwork shop",
          "carpentry|custom cabinets|built-ins|woodworking|custom furniture|deck building", "construction",
          "contractor"),
    Entry("landscaper", "landscaper", "trades",
          "landscaper|landscaping company|gardener|landscape designer|landscape architect|arborist|tree service",
          "landscaping|lawn care|garden design|yard work|tree removal|snow removal", "construction"),
    Entry("cleaning_service", "cleaning service", "trades vendor",
          "cleaning service|cleaning company|house cleaner|housekeeper|maid service|janitorial service|"
          "janitor|office cleaner|commercial cleaning company",
          "cleaning|house cleaning|office cleaning|deep clean|deep cleaning|move-out cleaning|janitorial",
          "real_estate"),
    Entry("pest_control", "pest control", "trades", "exterminator|pest control company|pest control technician",
          "pest control|termites|termite inspection|rodent problem|bed bugs", "real_estate"),
    Entry("locksmith", "locksmith", "trades", "locksmith", "locked out|rekey|rekeying|lock change", "real_estate"),
    Entry("solar_installer", "solar installer", "trades",
          "solar installer|solar company|solar contractor|solar consultant",
          "solar panels|solar installation|solar|home battery|battery storage", "energy climate", "contractor"),
    Entry("auto_mechanic", "auto mechanic", "trades",
          "auto mechanic|mechanic|auto repair shop|auto shop|body shop|car mechanic",
          "car repair|auto repair|brake job|oil change|car trouble", "automotive"),
    Entry("architect", "architect", "designer",
          "architect|architecture firm|architectural designer|architecture studio|residential architect|"
          "commercial architect",
          "architectural plans|architectural drawings|blueprints|floor plan|permit drawings|architecture|"
          "building permit|zoning", "construction real_estate"),
    Entry("interior_designer", "interior designer", "designer",
          "interior designer|interior decorator|interior design firm|home stager|interior architect|"
          "office designer",
          "interior design|decorate|decorating|home staging|office design|space planning|furnishing",
          "real_estate", "designer"),
    Entry("real_estate_agent", "real estate agent", "real_estate",
          "real estate agent|realtor|real estate broker|listing agent|buyer's agent|buyer agent|"
          "residential real estate agent|real estate brokerage|realty|rental agent|apartment broker|broker|"
          "principal broker|managing broker|associate broker|designated broker|"
          "relocation specialist",
          "buy house|buy home|sell house|sell home|selling home|selling house|house hunting|home search|"
          "apartment hunting|find apartment|apartment search|rental|real estate|first home|home buying",
          "real_estate"),
    Entry("commercial_real_estate_broker", "commercial real estate broker", "real_estate",
          "commercial real estate broker|commercial broker|cre broker|commercial real estate agent|"
          "tenant rep broker|tenant representative|leasing agent|office broker|industrial broker|"
          "retail broker|commercial leasing agent|commercial real estate firm",
          "commercial real estate|commercial space|retail space|storefront|office lease|commercial lease|"
          "lease negotiation|tenant representation|cre|anchor tenant|industrial real estate|restaurant space",
          "real_estate"),
    Entry("warehouse_space", "warehouse space", "real_estate",
          "warehouse space|warehouse|storage space|industrial space|distribution center|flex space|"
          "self storage|storage unit",
          "warehousing|space to store inventory|place to store inventory|storage for inventory|cold storage|"
          "refrigerated warehouse|cold chain storage",
          "real_estate logistics", "commercial_real_estate_broker"),
    Entry("pilot_site", "pilot site", "customer",
          "pilot site|pilot sites|pilot customer|pilot customers|pilot partner|pilot partners|design partner|"
          "design partners|beta site|beta sites|test site|test sites|pilot location|pilot locations",
          "pilots with|pilot with us|pilot with them|could pilot|run pilots|run a pilot|host a pilot|host pilots|"
          "pilot program|pilot project|paid pilot|paid pilots|place to pilot|somewhere to pilot"),
    Entry("office_space", "office space", "real_estate",
          "office space|coworking space|coworking|shared office|desk space|sublease|private office|"
          "studio space|creative space|office suite|hot desk|coworking membership",
          "desk to rent|place to work|office to rent|space for team", "real_estate",
          "commercial_real_estate_broker"),
    Entry("kitchen_space", "commercial kitchen space", "real_estate hospitality",
          "commercial kitchen|commissary kitchen|kitchen space|shared kitchen|ghost kitchen|kitchen rental|"
          "shared-use kitchen|kitchen incubator",
          "kitchen to rent|production kitchen|certified kitchen", "food real_estate",
          "commercial_real_estate_broker"),
    Entry("property_manager", "property manager", "real_estate",
          "property manager|property management company|building manager|leasing office|facilities manager|"
          "facility manager|hoa manager",
          "property management|manage property|rental management|manage rental|tenant screening|facilities",
          "real_estate"),
    Entry("landlord", "landlord", "real_estate owner", "landlord|property owner|building owner|real estate investor",
          "", "real_estate"),
    Entry("real_estate_developer", "real estate developer", "real_estate",
          "real estate developer|property developer|developer of property|housing developer", "development project|"
          "mixed-use development", "real_estate construction"),
    Entry("appraiser", "appraiser", "real_estate", "appraiser|home appraiser|home inspector|property inspector",
          "appraisal|home inspection|property valuation", "real_estate"),
    Entry("moving_company", "moving company", "trades vendor",
          "moving company|movers|mover|moving service|relocation service|office movers",
          "moving help|help move|help us move|help me move|moving truck|move office|office move|relocation|"
          "packing service", "logistics"),
    Entry("printer", "printing company", "vendor",
          "printer|print shop|commercial printer|printing company|printing service|screen printer|print house|"
          "sign shop|sign maker|merch company|swag company|promotional products company",
          "printing|print brochures|business cards|flyers|banners|signage|merch|swag|t-shirts|t-shirt printing|"
          "screen printing|posters|large format printing|printed materials|stickers|custom packaging",
          "manufacturing"),
    Entry("manufacturer", "manufacturer", "operations vendor",
          "manufacturer|contract manufacturer|co-packer|copacker|factory|supplier|sourcing agent|fabricator|"
          "machine shop|3d printing service|manufacturing partner|oem",
          "manufacturing|production run|co-packing|sourcing|prototyping|injection molding|3d printing|"
          "cnc machining|packaging supplier|private label|white label|small batch production",
          "manufacturing"),
    Entry("logistics_provider", "logistics provider", "operations vendor",
          "freight broker|logistics provider|3pl|fulfillment company|fulfillment center|shipping company|"
          "freight forwarder|customs broker|logistics company|fulfillment partner",
          "shipping|fulfillment|freight|logistics|customs clearance|order fulfillment|last mile delivery|"
          "international shipping", "logistics"),
    Entry("supply_chain_manager", "supply chain manager", "operations",
          "supply chain manager|supply chain consultant|procurement manager|purchasing manager|"
          "head of supply chain|vp supply chain|sourcing manager|category manager",
          "supply chain|procurement|vendor management|inventory management", "manufacturing logistics"),
    # --- hospitality and food
    Entry("restaurant_owner", "restaurant owner", "owner founder hospitality",
          "restaurant owner|restaurateur|restaurant operator|cafe owner|café owner|bar owner|coffee shop owner|"
          "bakery owner|food truck owner|owner of restaurant|restaurant group",
          "restaurant consulting|restaurant opening|open restaurant", "food hospitality", "owner"),
    Entry("chef", "chef", "hospitality",
          "chef|private chef|personal chef|executive chef|head chef|sous chef|line cook|private cook|pastry chef|"
          "chef de cuisine|culinary director",
          "private dinner|cooking class|chef for dinner|menu development|recipe development", "food"),
    Entry("baker", "baker", "hospitality vendor", "baker|bakery|cake maker|cake designer|cake artist|patisserie",
          "cake|cakes|wedding cake|birthday cake|pastries|baked goods|cupcakes|cookies for event", "food"),
    Entry("bartender", "bartender", "hospitality vendor",
          "bartender|mixologist|bar service|mobile bar|beverage director|sommelier|wine director",
          "bartending|cocktails|bar for event|wine pairing|wine list", "food"),
    Entry("distributor", "distributor", "vendor",
          "food distributor|food supplier|wholesaler|distributor|wholesale supplier|food broker|"
          "specialty food distributor|beverage distributor",
          "wholesale|food distribution|get into grocery stores|grocery distribution|retail placement",
          "food retail"),
    Entry("farmer", "farmer", "vendor", "farmer|grower|farm|ranch|rancher|orchard|farm stand",
          "local produce|csa|farm-to-table sourcing", "agriculture food"),
    Entry("hotel", "hotel", "hospitality",
          "hotel|hotelier|hotel manager|inn|bed and breakfast|b&b|boutique hotel|hotel group|resort|"
          "general manager of hotel",
          "lodging|accommodation|accommodations|hotel rooms|room block|place to stay", "hospitality travel"),
    Entry("travel_agent", "travel agent", "hospitality vendor",
          "travel agent|travel planner|travel advisor|travel agency|tour operator|tour guide",
          "travel booking|book travel|trip planning|group travel|corporate travel", "travel hospitality"),
    Entry("florist", "florist", "vendor", "florist|flower shop|floral designer|floral studio",
          "flowers|floral arrangements|centerpieces|bouquet|bouquets|event flowers|wedding flowers", "events"),
    Entry("beauty_professional", "hair and makeup artist", "vendor",
          "hairstylist|hair stylist|barber|makeup artist|esthetician|nail technician|salon owner|salon|"
          "hair salon|spa owner|day spa|beauty salon",
          "haircut|hair and makeup|makeup|manicure|facial|blowout|bridal hair", "beauty"),
    Entry("stylist", "stylist", "designer vendor",
          "stylist|personal stylist|wardrobe stylist|image consultant|tailor shop|seamstress|fashion designer|"
          "costume designer",
          "styling|alterations|tailoring|wardrobe|custom suit|personal shopping", "fashion"),
    # --- education
    Entry("teacher", "teacher", "educator",
          "teacher|schoolteacher|educator|high school teacher|elementary school teacher|middle school teacher|"
          "classroom teacher|math teacher|science teacher|english teacher|art teacher|music teacher|"
          "special education teacher|kindergarten teacher|instructor|language teacher|esl teacher|"
          "teaching assistant|substitute teacher",
          "teaching|lesson plan|lesson plans|classroom visit|class visit|music lessons|language lessons|"
          "piano lessons", "education"),
    Entry("professor", "professor", "educator academic",
          "professor|prof|associate professor|assistant professor|adjunct professor|lecturer|faculty member|"
          "faculty|academic|department chair|provost|visiting professor|professor emeritus|"
          "senior lecturer|university professor",
          "guest lecture|guest lecturer|academic advice|academic collaboration|university partnership|"
          "research collaboration|student project|capstone project", "education"),
    Entry("researcher", "researcher", "academic",
          "researcher|research scientist|postdoc|postdoctoral fellow|postdoctoral researcher|research fellow|"
          "phd candidate|phd student|principal investigator|research associate|scientist|lab director|"
          "research director|economist|epidemiologist|chemist|biologist|physicist|neuroscientist",
          "scientific advice|research study|study participants|literature review|peer review|"
          "scientific advisor", "science"),
    Entry("tutor", "tutor", "educator",
          "tutor|tutoring service|test prep tutor|math tutor|sat tutor|private tutor|tutoring company|"
          "reading tutor|writing tutor|chemistry tutor|language tutor",
          "tutoring|test prep|sat prep|act prep|gre prep|gmat prep|lsat prep|mcat prep|homework help|"
          "college essay help|college essay", "education"),
    Entry("school_administrator", "school administrator", "educator executive",
          "school principal|head of school|headmaster|headmistress|superintendent|vice principal|"
          "assistant principal|school administrator|school director|director of admissions|dean of students|"
          "school board member",
          "school partnership|school visit|school enrollment", "education"),
    Entry("admissions_consultant", "college admissions consultant", "educator consultant",
          "admissions counselor|college counselor|college admissions consultant|college consultant|"
          "educational consultant|admissions consultant|guidance counselor|school counselor",
          "college admissions|college applications|college application|mba admissions|boarding school admissions|"
          "school search", "education"),
    Entry("corporate_trainer", "corporate trainer", "educator consultant",
          "corporate trainer|facilitator|workshop facilitator|instructional designer|learning and development|"
          "l&d manager|training manager|learning designer|head of learning",
          "workshop facilitation|team training|team workshop|training program|e-learning|"
          "online course|course design|curriculum design|facilitation", "education"),
    Entry("librarian", "librarian", "educator", "librarian|library director|archivist|school librarian",
          "library|archives|archival research", "education"),
    # --- roles and leadership
    Entry("founder", "founder", "founder",
          "founder|co-founder|founding partner|startup founder|entrepreneur|serial entrepreneur|solo founder|"
          "solopreneur|founding ceo|startup ceo|founding member",
          "startup|startups|early-stage startup|early-stage founder", "startups"),
    Entry("owner", "owner", "owner founder",
          "owner|business owner|small business owner|proprietor|co-owner|shop owner|store owner|franchise owner|"
          "franchisee|owner-operator|managing owner|principal owner|boutique owner",
          "small business|local business|family business|franchise", "small_business"),
    Entry("ceo", "CEO", "executive",
          "ceo|chief executive officer|chief executive|president|managing director|"
          "general manager|country manager", "", ""),
    Entry("executive", "executive", "executive",
          "vice president|vp|svp|evp|senior vice president|executive vice president|director|"
          "senior director|c-suite executive|c-level executive|division president|chief of operations",
          "", ""),
    Entry("executive_director", "executive director", "executive nonprofit",
          "executive director|nonprofit director|nonprofit leader|nonprofit ceo|nonprofit executive|"
          "program director|programs director|director of programs|nonprofit founder",
          "nonprofit|nonprofit partnership|charity", "nonprofit"),
    Entry("program_manager_nonprofit", "program manager", "nonprofit",
          "program officer|program coordinator|volunteer coordinator|outreach coordinator|community outreach",
          "volunteer opportunity", "nonprofit"),
    Entry("board_member", "board member", "board_member",
          "board member|board director|trustee|board chair|chair of board|chairman|chairwoman|chairperson|"
          "board of directors|non-executive director|independent director|advisory board member|"
          "board of trustees|board treasurer|board secretary",
          "board seat|join board|board service|independent board member|advisory board", ""),
    Entry("government_official", "government official", "government",
          "elected official|city council member|councilmember|council member|city councilor|mayor|"
          "state senator|senator|legislator|state representative|congressman|congresswoman|"
          "member of congress|government official|policy advisor|city manager|county commissioner|"
          "chief of staff to|legislative aide|public official",
          "government relations|public policy|permit help|city permit|zoning variance|lobbying|"
          "government contract|government contracts|procurement rfp|rfp", "government"),
    Entry("economic_developer", "economic development officer", "government consultant",
          "economic development director|economic developer|economic development officer|chamber of commerce|"
          "small business development center|sbdc|sbdc advisor|business advisor|main street manager|"
          "economic development corporation",
          "economic development|business incentives|small business resources|tax incentives", "government"),
    Entry("lobbyist", "lobbyist", "government consultant",
          "lobbyist|government affairs manager|government affairs director|public affairs consultant|"
          "government relations consultant|head of policy|policy director", "advocacy|policy advocacy",
          "government"),
    Entry("student", "student", "student",
          "student|mba student|graduate student|grad student|undergraduate|undergrad|college student|"
          "high school student|alumnus|alumna|recent graduate|new grad",
          "thesis|dissertation", "education"),
    Entry("intern", "intern", "student", "intern|summer intern|interns|apprentice",
          "internship|internships|summer internship|apprenticeship|fellowship", "education"),
)


# Phrases that contain a profession word but name none: matched only to shield their words.
NON_PROFESSIONS = (
    "video call|video chat|video conference|video meeting|text editor|code editor|device driver|printer driver|"
    "driver license|driver's license|fly coach|flying coach|coach class|coach seat|coach ticket|counsel against|"
    "executive summary|executive order|executive session|post office|cover letter|student loan|promo code|"
    "last resort|website builder|site builder|resume builder|team builder|producer price index|"
    "real estate market|insurance card|rental car|car rental|founder mode|owner's manual|vice versa|"
    "design system|design doc|design review|director's cut|head start|heads up|bank holiday|farm team|"
    "supplier portal|speaker notes|bluetooth speaker|speaker phone|speakerphone|board game|guest speaker list|"
    "realtor.com|series of|developer tools|developer docs|developer conference|developer portal"
)

# Department words in job titles ("VP Engineering", "Marketing Director") and the role each gives.
DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("engineering|software|software engineering|software development|web development|platform|infrastructure|"
     "technology|tech|r&d", "engineer"),
    ("sales|revenue|business development|partnerships|account management|customer success", "sales"),
    ("marketing|growth|brand|demand generation|content|digital", "marketer"),
    ("product|product development", "product"),
    ("design|ux|creative", "designer"),
    ("finance|accounting|tax|treasury|fp&a", "finance"),
    ("people|hr|human resources|people operations", "hr"),
    ("talent|recruiting|talent acquisition|recruitment", "recruiter"),
    ("communications|comms|pr|public relations|media relations|press", "pr"),
    ("events|event|programming", "event_organizer"),
    ("community|ecosystem", "community"),
    ("operations|ops|supply chain|logistics|procurement", "operations"),
    ("legal|litigation|intellectual property", "attorney"),
    ("data|analytics|data science", "data"),
    ("it|information technology|security|information security", "it"),
    ("investments|investment|portfolio|venture", "investor"),
    ("lending|loans|commercial lending|credit|business banking", "lender"),
    ("editorial|newsroom", "reporter"),
    ("development|fundraising|advancement|philanthropy", "nonprofit"),
)

# Title words that make someone senior; the phrases after them use the words otherwise.
LEADERS = ("chief|head|vp|svp|evp|vice president|president|director|managing director|managing partner|"
           "general manager|ceo|cto|cfo|coo|cmo|cpo|cio|ciso|cro")
NOT_LEADERS = ("head chef|art director|film director|director of photography|funeral director|casting director|"
               "music director|musical director|head coach|head teacher|lab director|head of school")

# Verbs that open service phrases ("do our books", "build an app") and do not inflect by rule.
IRREGULAR_VERBS = {"do": "does doing did done", "build": "builds building built", "write": "writes writing wrote",
                   "find": "finds finding found", "sell": "sells selling sold", "buy": "buys buying bought",
                   "run": "runs running ran", "make": "makes making made", "get": "gets getting got",
                   "keep": "keeps keeping kept", "pay": "pays paying paid", "help": "helps helping helped",
                   "set": "sets setting", "put": "puts putting", "cut": "cuts cutting"}

# Entries too generic or ambiguous to head a list: "a kitchenware producer looking for a consultant".
WEAK_ENTRIES = ("producer", "editor", "writer", "executive")

# Words that make a department count in a title: "Marketing Coordinator", not "Marketing" alone.
JOB_NOUNS = frozenset((
    "manager lead coordinator specialist associate analyst officer assistant administrator representative "
    "strategist intern team partner principal supervisor advisor consultant generalist").split())
# Titles that name no specialty, so a firm's kind still decides: "Managing Director, Ridgeline Ventures".
GENERIC_TITLES = ("ceo", "executive", "founder", "owner")
# Media jobs that are a reporter's at a publication; True: also when the title names a desk or show.
NEWSROOM_AMBIGUOUS = {"editor": True, "producer": True, "writer": True, "newsletter_editor": False,
                      "podcaster": False, "photographer": False}

# Title words that make "Editor", "Producer" or "Writer" a newsroom job: "Editor, Business Desk".
NEWSROOM_CUES = ("desk|edition|bureau|newsroom|news|beat|radio|broadcast|tv|television|segment|station|"
                 "investigations|opinion|metro|magazine|politics|features|morning show|evening news|"
                 "nightly news|newscast|wire|newspaper")
# Title words that make an editor or writer a marketing or publishing job instead.
MARKETING_CUES = ("content|marketing|blog|brand|copy|seo|social|web|video|technical|ux|grant|book|acquisitions|"
                  "communications|product|email|lifecycle|campaign|proposal|resume|sales|newsletter marketing")

# Generic titles that mean a role only at a firm of one kind: "Partner" at a law firm is an attorney.
# role -> (industry tags of the firm, titles)
FIRM_TITLES: dict[str, tuple[str, str]] = {
    "investor": ("venture_capital",
                 "partner|managing partner|senior partner|founding partner|principal|associate|senior associate|"
                 "analyst|senior analyst|managing director|vice president|vp|investment associate|"
                 "investment analyst|investment manager|investment director|investment partner|platform partner|"
                 "founder|director|scout|investor"),
    "attorney": ("legal",
                 "partner|managing partner|senior partner|founding partner|equity partner|associate|"
                 "senior associate|junior associate|principal|shareholder|member|of counsel"),
    "accountant": ("accounting",
                   "partner|managing partner|associate|senior associate|senior manager|principal|audit manager|"
                   "tax manager|tax associate|audit associate|audit senior|tax senior|staff accountant"),
    "consultant": ("consulting",
                   "partner|managing partner|associate|senior associate|principal|analyst|business analyst|"
                   "manager|engagement manager|director|managing director|senior consultant"),
    "banker": ("banking",
               "vice president|vp|associate|analyst|managing director|director|relationship manager|officer|"
               "assistant vice president|avp"),
    "pr": ("public_relations", "founder|principal|partner|associate|senior associate|account executive|"
                               "account manager|account director|managing director|director|vice president|vp|"
                               "consultant|owner"),
    "recruiter": ("staffing", "partner|associate|principal|consultant|managing director|director|account manager"),
}

# Industry and topic tags, each with the words that name it in any text.
INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("medtech", "medtech|med tech|medical device|medical technology|medical equipment|diagnostics|"
                "diagnostic device|surgical device|surgical robotics|implant|medical imaging|510(k)|"
                "fda cleared|fda-cleared|connected health device"),
    ("healthcare", "healthcare|health care|health|patients|hospital|clinic|clinical|physician practice|"
                   "health system|medical|medicine|digital health|telehealth|telemedicine|nursing|dental|"
                   "mental health|healthtech|health tech|home health|senior care|elder care|wellness|"
                   "medical practice|primary care|health insurance"),
    ("biotech", "biotech|biotechnology|life sciences|life science|genomics|biopharma|drug discovery|"
                "therapeutics|synthetic biology|bioscience"),
    ("pharma", "pharma|pharmaceutical|pharmacy|drug development|clinical trial"),
    ("fintech", "fintech|financial technology|payments|payment processing|neobank|insurtech|regtech|"
                "lending platform|embedded finance|wealthtech|banking software|personal finance app"),
    ("crypto", "crypto|cryptocurrency|blockchain|web3|bitcoin|ethereum|defi|nft|stablecoin"),
    ("finance", "finance|financial services|investment banking|wealth management|asset management|"
                "hedge fund|private equity|capital markets|financial"),
    ("banking", "banking|bank|community bank|credit union|commercial banking"),
    ("accounting", "accounting|bookkeeping|tax|taxes|audit|cpa|tax preparation"),
    ("insurance", "insurance|insurer|underwriting|reinsurance"),
    ("venture_capital", "venture capital|vc|startup funding|seed funding|angel investing|venture funding|"
                        "seed stage|series a|fundraising|seed round"),
    ("saas", "saas|b2b saas|software as a service|subscription software|cloud software|enterprise software"),
    ("software", "software|developer tools|devtools|open source|mobile apps|web apps|api|apis|no-code|"
                 "low-code|b2b software"),
    ("ai", "ai|artificial intelligence|machine learning|ml|llm|generative ai|genai|deep learning|"
           "computer vision|nlp|data science|ai startup|ai startups"),
    ("cybersecurity", "cybersecurity|cyber security|infosec|information security|data security|"
                      "network security|security software|privacy tech"),
    ("ecommerce", "ecommerce|e-commerce|online store|shopify store|dtc|d2c|direct to consumer|"
                  "direct-to-consumer|marketplace|amazon seller|online retail"),
    ("retail", "retail|retailer|retail store|brick and mortar|consumer goods|cpg|consumer packaged goods|boutique|"
               "grocery|grocery store|storefront"),
    ("b2b", "b2b|b2b saas|enterprise|b2b software|business to business"),
    ("consumer", "b2c|consumer|consumer products|consumer apps|consumer brand"),
    ("real_estate", "real estate|property|realty|housing|commercial real estate|cre|proptech|residential|"
                    "apartment|apartments|rental property|landlord|mortgage|multifamily|property management"),
    ("construction", "construction|building trades|renovation|remodeling|architecture|home improvement|"
                     "built environment"),
    ("food", "food|restaurant|bakery|cafe|café|coffee shop|coffee roaster|catering|beverage|food and beverage|f&b|"
             "grocery|specialty food|brewery|winery|distillery|wine|beer|food truck|foodservice|culinary|"
             "chef|kitchen|farm to table|food business|food service|cpg food|packaged food|"
             "plant-based|foodtech|food tech"),
    ("hospitality", "hospitality|hotel|tourism|travel industry|lodging|hospitality industry|restaurants and bars"),
    ("travel", "travel|tourism|airline|airlines|travel tech|vacation rental"),
    ("events", "events industry|event industry|event planning|weddings|wedding|conferences|conference|"
               "meetups|trade show|festival|festivals|live events|event production"),
    ("legal", "legal|law|law firm|legal services|legaltech|legal tech|litigation|intellectual property|"
              "patent|trademark|corporate law|legal industry"),
    ("education", "education|edtech|learning and development|ed tech|school|k-12|higher education|higher ed|"
                  "university|college|teaching|students|tutoring|curriculum|classroom|teachers|early childhood|"
                  "education technology|online learning|bootcamp"),
    ("nonprofit", "nonprofit|non-profit|not-for-profit|ngo|charity|philanthropy|social impact|"
                  "social enterprise|mission-driven|community organization|foundation grant"),
    ("government", "government|public sector|govtech|civic tech|municipal|city government|public policy|"
                   "state government|federal government|public service"),
    ("manufacturing", "manufacturing|manufacturer|factory|industrial|contract manufacturing|fabrication|"
                      "cnc|3d printing|injection molding|packaging|made in usa|production line"),
    ("hardware", "hardware|electronics|iot|robotics|robot|consumer electronics|semiconductor|"
                 "semiconductors|hardware startup|wearable|wearables"),
    ("logistics", "logistics|shipping|freight|fulfillment|trucking|warehousing|last mile|"
                  "supply chain|3pl"),
    ("energy", "energy|solar|renewable energy|renewables|oil and gas|utilities|battery|"
               "batteries|power generation|ev charging"),
    ("climate", "climate|cleantech|clean tech|clean energy|climate tech|sustainability|carbon|decarbonization|"
                "renewable energy|renewables|solar|electric vehicles|ev|circular economy|green building"),
    ("agriculture", "agriculture|agtech|ag tech|farming|farm|farms|agricultural|food systems|ranching"),
    ("media", "media|journalism|newsroom|publishing|magazine|newspaper|broadcast|broadcasting|radio|"
              "television|tv|podcast|podcasting|news industry|local news|digital media|news media|"
              "media company|creator economy|newsletter business"),
    ("marketing", "marketing|advertising|adtech|ad tech|branding|seo|digital marketing|public relations|"
                  "martech|influencer marketing|content marketing|marketing agency"),
    ("entertainment", "entertainment|film|movies|movie|music|music industry|gaming|video games|games|"
                      "streaming|hollywood|theater|theatre|comedy|live music"),
    ("arts", "arts|fine art|art gallery|artist|artists|gallery|museum|museums|creative industries|"
             "photography|fine art|performing arts"),
    ("sports", "sports|sport|athletics|esports|sports tech|professional sports"),
    ("fitness", "fitness|gym|gyms|yoga|pilates|wellness studio|personal training|fitness studio"),
    ("beauty", "beauty|cosmetics|skincare|skin care|salon|salons|spa|haircare|beauty brand"),
    ("fashion", "fashion|apparel|clothing|jewelry|footwear|textiles|fashion brand"),
    ("automotive", "automotive|auto industry|cars|car dealership|mobility|autonomous vehicles|car wash|auto repair"),
    ("aerospace", "aerospace|aviation|spacetech|space tech|satellite|satellites|drones|drone|defense tech"),
    ("telecom", "telecom|telecommunications|wireless|5g|broadband"),
    ("hr", "hr tech|hrtech|hr|human resources|recruiting|staffing|talent|workforce|future of work|"
           "talent acquisition|people operations"),
    ("small_business", "small business|small businesses|smb|smbs|main street|local business|local businesses|"
                       "mom and pop|family business|small business owners"),
    ("startups", "startup|startups|early stage|early-stage|founder|founders|entrepreneurs|entrepreneurship|"
                 "start-up|start-ups|tech startups|venture-backed"),
    ("pets", "pet|pets|veterinary|dog|dogs|pet care|pet food"),
    ("science", "science|scientific research|physics|chemistry|biology|research lab|laboratory|"
                "materials science|neuroscience"),
    ("politics", "politics|political|election|elections|political campaign|campaign finance|voting|"
                 "democracy|civic engagement"),
    ("parenting", "parenting|parents|childcare|child care|kids|families|motherhood|fatherhood"),
)

# Words that tag an organization name (a short text) but mean little in a sentence: "Ridgeline Ventures".
ORG_INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("venture_capital", "capital|ventures|venture partners|vc|fund|funds|angels|investments|investors|"
                        "capital partners|seed fund|growth equity|accelerator|incubator"),
    ("legal", "law|legal|llp|law group|law office|law offices|law firm|attorneys|attorneys at law|esq|"
              "lawyers|law partners|legal group|ip law|patent law"),
    ("accounting", "cpa|cpas|accountants|accounting|deloitte|pwc|pricewaterhousecoopers|kpmg|ernst & young|"
                   "ey|grant thornton|bdo|rsm|moss adams|tax services|bookkeeping"),
    ("consulting", "consulting|consultants|advisors|advisory|strategy partners|mckinsey|bain|bcg|"
                   "boston consulting group|accenture|booz allen"),
    ("public_relations", "public relations|pr|pr agency|pr firm|communications|strategic communications|"
                         "media relations|comms|communications agency|communications group|publicity"),
    ("banking", "bank|bancorp|bankshares|credit union|savings bank|federal credit union|trust company|"
                "chase|wells fargo|citi|citibank|jpmorgan|goldman sachs|morgan stanley|bank of america"),
    ("media", "times|journal|post|herald|tribune|gazette|chronicle|observer|inquirer|examiner|dispatch|"
              "sentinel|courier|magazine|newsletter|news|press|radio|media|reuters|bloomberg|axios|"
              "politico|techcrunch|npr|bbc|cnn|nyt|wsj|forbes|fortune|wired|vox|economist|atlantic|guardian|"
              "insider|business insider|substack|public radio|public media|broadcasting|tv|network news|"
              "associated press|ap news|new yorker|usa today|propublica|semafor|quartz|"
              "huffpost|buzzfeed|cnbc|msnbc|fox news|abc news|nbc news|cbs news|pbs|al jazeera|newsweek|"
              "telegraph"),
    ("real_estate", "realty|properties|homes|real estate|realtors|property group|land company|"
                    "development group|keller williams|coldwell banker|re/max|remax|cbre|jll|cushman & wakefield"),
    ("education", "university|college|school|academy|institute|school district|community college|"
                  "high school|elementary school|polytechnic"),
    ("healthcare", "hospital|health|clinic|medical center|medical group|health system|healthcare|"
                   "physicians|dental|pediatrics|orthopedics"),
    ("staffing", "staffing|recruiting|talent|search partners|recruitment|executive search|talent partners"),
    ("nonprofit", "foundation|alliance|coalition|association|society|fund for|trust for"),
    ("food", "kitchen|bakery|cafe|café|bistro|grill|tavern|brewing|brewery|catering|restaurant|pizzeria|"
             "eatery|provisions|creamery|roasters|coffee"),
)

# Pieces of a mail domain's name that tag it: "smithpatentlaw.com" -> legal; (tag, ends-with, contains).
DOMAIN_CUES: tuple[tuple[str, str, str], ...] = (
    ("legal", "law|legal|llp|lawyers|attorneys|lawfirm|lawgroup", "lawfirm|lawgroup|lawoffice|legal|attorneys"),
    ("media", "news|times|journal|media|radio|tribune|herald|gazette|chronicle|courier|magazine|post|daily|"
              "tv|npr|wire", "newsroom|newspaper|magazine|publicradio|publicmedia|broadcasting"),
    ("venture_capital", "vc|ventures|capital|vcfund", "ventures|venturecapital|seedfund"),
    ("accounting", "cpa|cpas|accounting|accountants", "cpa|accounting|bookkeeping"),
    ("banking", "bank|bancorp|creditunion", "bank|creditunion"),
    ("healthcare", "health|clinic|hospital|medical|dental", "health|clinic|hospital|medical|dental"),
    ("real_estate", "realty|homes|properties|realestate", "realty|realestate|properties"),
    ("education", "school|academy|university|college|edu", "school|university|college"),
    ("food", "foods|bakery|kitchen|cafe|coffee|catering|brewing|pizza", "bakery|catering|kitchen|brewing"),
    ("staffing", "staffing|recruiting|talent", "staffing|recruiting|recruitment"),
    ("public_relations", "pr|comms|communications|publicity", "publicrelations|prfirm|pragency"),
    ("consulting", "consulting|advisors|advisory", "consulting"),
    ("nonprofit", "foundation", "foundation"),
)

# Top-level domains that tag a domain on their own.
TLD_TAGS: dict[str, str] = {
    "edu": "education", "gov": "government", "mil": "government", "org": "nonprofit", "law": "legal",
    "attorney": "legal", "lawyer": "legal", "news": "media", "media": "media", "press": "media",
    "vc": "venture_capital", "capital": "venture_capital", "fund": "venture_capital",
    "ventures": "venture_capital", "health": "healthcare", "clinic": "healthcare", "hospital": "healthcare",
    "dental": "healthcare", "bank": "banking", "realty": "real_estate", "realestate": "real_estate",
    "homes": "real_estate", "restaurant": "food", "cafe": "food", "kitchen": "food", "bakery": "food",
    "pizza": "food", "coffee": "food", "school": "education", "academy": "education",
    "university": "education", "college": "education", "ai": "", "io": "",
}

# Publications written "the <Name>" in a sentence: "I cover small business for the Journal".
MASTHEADS = ("Courier|Times|Journal|Post|Herald|Tribune|Gazette|Chronicle|Observer|Inquirer|Examiner|Dispatch|"
             "Sentinel|Ledger|Globe|Economist|Atlantic|Guardian|Telegraph|Independent|New Yorker|Daily|Bulletin|"
             "Register|Star-Ledger|Star Tribune|Free Press|Information|Verge|Markup|Intercept|Hill")
# Outlets named without "the".
MEDIA_BRANDS = ("Reuters|Bloomberg|Axios|Politico|TechCrunch|NPR|BBC|CNN|CNBC|MSNBC|Forbes|Fortune|Wired|Vox|"
                "Semafor|ProPublica|Business Insider|Fast Company|Inc. Magazine|Associated Press|USA Today|"
                "Newsweek|HuffPost|BuzzFeed News|Al Jazeera|PBS|Marketplace|Morning Edition|"
                "All Things Considered|Crain's|Bizjournals|Business Journal|Substack")

# Nouns for "I run/own/started a small <business>" (founder, owner) and "we organize the monthly <event>".
BUSINESS_NOUNS = ("business|businesses|company|startup|agency|firm|shop|store|bakery|restaurant|restaurants|cafe|café|"
                  "coffee shop|bar|brewery|winery|distillery|studio|salon|practice|clinic|boutique|gym|consultancy|"
                  "farm|food truck|bookstore|hotel|inn|nonprofit|non-profit|charity|daycare|franchise|label|brand|"
                  "online store|etsy shop|venture|bistro|pizzeria|food business|e-commerce business")
EVENT_NOUNS = ("meetup|meetups|breakfast|breakfasts|dinner|dinners|dinner series|lunch series|happy hour|"
               "happy hours|mixer|mixers|conference|conferences|summit|event|events|series|salon|salons|workshop|"
               "workshops|hackathon|hackathons|demo day|demo night|pitch night|pitch competition|festival|retreat|"
               "gathering|gatherings|networking group|roundtable|roundtables|webinar|webinars|forum|book club|"
               "supper club|club|expo|trade show|unconference|bootcamp|speaker series|fireside chat|"
               "founders breakfast|founder dinners|community|meet-up|meet-ups|coffee|coffees|potluck|brunch")

# Words a sentence about journalism uses: "I cover retail" is a reporter's only with one of these.
MEDIA_WORDS = frozenset((
    "story stories beat newsroom readers article articles piece column publication outlet magazine newspaper "
    "paper station show segment editor editors reporting").split())
# What may stand before the profession in "I'm a <...> patent attorney".
IDENTITY_MODIFIERS = frozenset((
    "freelance independent senior junior small startup full time part local certified licensed serial first "
    "second solo self employed proud longtime long professional two three multi repeat active new young busy "
    "one boutique early stage seed angel also now currently lead staff contributing").split())
# "I"/"we" with the helpers that may follow ("I'm", "we also"): stands for {I} below.
SUBJECT = (r"\b(?:i|we)(?:'m|'re|'ve|\s+am|\s+are|\s+have|\s+also|\s+now|\s+currently|\s+just|\s+still|"
           r"\s+actually|\s+really|\s+mostly|\s+mainly|\s+primarily|\s+regularly|\s+often|\s+usually|"
           r"\s+recently|\s+always){0,3}\s+")
# "I'm a ...", "as an ...": followed by a profession in the next few words.
IDENTITY = (r"\b(?:i'm|i\s+am|im|i've\s+been|i\s+have\s+been|i\s+work\s+as|i'm\s+working\s+as|we're|we\s+are)\s+"
            r"(?:(?:also|now|currently|actually|still|really)\s+)?|\bas\s+(?:an?|the|one\s+of\s+the)\s+")

# How people describe their own work. "{I}" stands for "I"/"we" with helpers ("I'm", "we also");
# {BUSINESS} and {EVENT} for the nouns above. Roles ending in "?" need a publication or newsroom
# word in the same sentence: "I cover X" is a reporter only "for the Journal".
SELF_DESCRIPTIONS: tuple[tuple[str, str], ...] = (
    ("media", r"{I}(?:host|co-?host|run|produce|record|launch)(?:s|es|ed|ing|ned|ning)?\s+(?:[\w'&-]+\s+){0,3}?"
              r"(?:podcast|radio show|youtube channel)\b"),
    ("media writer", r"{I}(?:write|publish|send out|run)(?:s|es|ed|ing|ning)?\s+(?:[\w'&-]+\s+){0,3}?newsletter\b"),
    ("reporter?", r"{I}(?:cover(?:s|ed|ing)?|report(?:s|ed|ing)?\s+on)\s+(?!(?:(?:the|your|my|our|a|an|any|some|"
                  r"all|both)\s+)?(?:cost|costs|bill|bills|tab|lunch|dinner|drinks|breakfast|fee|fees|expense|"
                  r"expenses|shift|shifts|difference|rest|check|it|that|this|them|you|me|us|for|everything|ground|"
                  r"basics|lot|part|half|myself)\b)"),
    ("reporter?", r"{I}(?:write|wrote|writing|contribute|contributing)\s+(?:about|on|for|to)\b"),
    ("reporter", r"{I}(?:writing|working\s+on|reporting|doing|putting\s+together|producing)\s+(?:a|an)\s+"
                 r"(?:[\w'-]+\s+){0,2}?(?:story|piece|article|segment|investigation|series)\s+(?:about|on|for)\b"),
    ("reporter", r"\bfor\s+(?:a|an|the)\s+(?:story|piece|article|segment)\s+(?:i'm|i\s+am|we're|we\s+are)\s+"
                 r"(?:writing|working\s+on|reporting|doing|producing)\b"),
    ("reporter", r"\b(?:my|our)\s+(?:beat|newsroom|desk\s+editor|editors\s+at)\b"),
    ("investor", r"{I}(?:invest(?:s|ed|ing)?\s+in\s+(?:[\w'&-]+\s+){0,3}?(?:startups?|companies|founders?|businesses|"
                 r"teams|rounds?|deals|\d+)\b|angel[- ]invest(?:s|ed|ing)?\b|write\s+(?:angel\s+|small\s+|first\s+)?"
                 r"checks\b|(?:lead|led)\s+(?:the\s+|their\s+)?(?:pre-seed\s+|seed\s+|series\s+\w\s+)?rounds?\b|"
                 r"back(?:ed)?\s+(?:[\w'-]+\s+){0,2}?(?:founders|startups|companies)\b)"),
    ("investor", r"\b(?:my|our)\s+(?:seed\s+|venture\s+|vc\s+|angel\s+|first\s+|new\s+)?(?:fund|portfolio\s+"
                 r"compan(?:y|ies)|portfolio\s+founders|lps|limited\s+partners|investment\s+thesis|angel\s+"
                 r"investments)\b"),
    ("lender", r"{I}(?:lend(?:s|ing)?\s+to|make\s+(?:[\w'-]+\s+){0,2}?loans|(?:provide|offer|originate)(?:s|d)?\s+"
               r"(?:[\w'-]+\s+){0,2}?(?:loans|lines\s+of\s+credit|financing)|underwrite\s+loans)\b"),
    ("lender", r"\b(?:my|our)\s+(?:loan|lending|microloan)\s+(?:program|products|team|fund|portfolio)\b"),
    ("recruiter", r"{I}(?:recruit(?:s|ed|ing)?\s+(?:for\s+(?:[\w'-]+\s+){0,3}?clients?|"
                  r"(?:candidates|engineers|executives|talent)\s+for)|place(?:s|d)?\s+(?:candidates|engineers|"
                  r"executives|people)|help\s+(?:companies|startups|clients)\s+(?:hire|find\s+talent))\b"),
    ("recruiter", r"\b(?:my|one\s+of\s+my)\s+clients?\s+(?:is|are)\s+(?:hiring|looking\s+for\s+(?:a|an)\s+\w+)"),
    ("attorney", r"{I}(?:practice|practise)(?:s|d)?\s+(?:[\w'-]+\s+){0,2}?law\b"),
    ("attorney", r"{I}represent(?:s|ed)?\s+(?:[\w'-]+\s+){0,2}?(?:clients|companies|startups|founders|employees|"
                 r"businesses|plaintiffs|defendants)\b"),
    ("attorney", r"\b(?:my|our)\s+law\s+(?:firm|practice|office)\b"),
    ("accountant", r"{I}(?:do|prepare|file|handle)\s+(?:[\w'-]+\s+){0,2}?(?:taxes|tax\s+returns|books|bookkeeping|"
                   r"audits|accounting)\s+for\s+(?:[\w'-]+\s+){0,2}?(?:clients|businesses|companies|startups|"
                   r"people|restaurants|nonprofits|families|founders)\b"),
    ("founder owner", r"{I}(?:run|own|started|founded|co-?founded|launched|opened|operate|built|building)(?:s|ning)?\s+"
                      r"(?:[\w'&-]+\s+){0,3}?(?:{BUSINESS})\b(?!')"),
    ("founder", r"{I}(?:co-?)?founded\b"),
    ("founder", r"{I}(?:raise|raising|raised)\s+(?:a\s+|our\s+|my\s+)?(?:pre-seed\s+|seed\s+|series\s+\w\s+|"
                r"first\s+|new\s+)?(?:round|money|capital|funding)\b|raised\s+\$"),
    ("founder", r"\b(?:my|our)\s+co-?founders?\b(?!')"),
    ("founder owner", r"\bwe(?:'re|\s+are)\s+(?:a|an)\s+(?:[\w'&-]+\s+){0,3}?(?:{BUSINESS})(?=\s*(?:[.,;:!?)]|$)|"
                      r"\s+(?:in|based|that|with|for|and|from|on|here|out|of|called|named|since|run)\b)"),
    ("founder owner", r"\bmy\s+(?:own\s+)?(?:small\s+business|business|bakery|restaurant|cafe|"
                      r"café|shop|store|salon|boutique|food\s+truck|brewery|agency)\b(?!')"),
    ("event_organizer", r"{I}(?:organi[sz](?:e|es|ed|ing)|co-?organi[sz](?:e|es|ed|ing)|host(?:s|ed|ing)?|"
                        r"co-?host(?:s|ed|ing)?|run(?:s|ning)?|ran|put(?:s|ting)?\s+on|throw(?:s|ing)?|threw|"
                        r"curate(?:s|d)?|curating|convene(?:s|d)?|convening|chair(?:s|ed|ing)?)\s+"
                        r"(?:[\w'&-]+\s+){0,3}?(?:{EVENT})\b(?!')"),
    ("mentor", r"{I}mentor(?:s|ed|ing)?\s+(?!me\b)\w"),
    ("coach", r"{I}coach(?:es|ed|ing)?\s+(?:[\w'-]+\s+){0,2}?(?:founders|ceos|executives|leaders|teams|people|"
              r"clients|startups|managers|entrepreneurs|women|athletes|kids)\b"),
    ("advisor", r"{I}advise(?:s|d)?\s+(?:[\w'-]+\s+){0,2}?(?:startups|founders|companies|ceos|boards|investors|"
                r"clients|businesses|nonprofits)\b"),
    ("educator", r"{I}(?:teach(?:es|ing)?|tutor(?:s|ed|ing)?)\s+(?!(?:you|me|him|her|them|us|myself)\b)\w"),
    ("consultant", r"{I}(?:consult(?:s|ed|ing)?\s+for|freelance\s+as)\b"),
    ("board_member", r"{I}(?:sit|sits|serve|serves|served|serving)\s+on\s+(?:[\w'-]+\s+){0,2}?"
                     r"(?:boards?|board\s+of)\b"),
    ("speaker", r"{I}(?:speak|spoke|speaking|keynot(?:e|ed|ing))\s+at\b"),
)
