"""Vocabulary for netgen.py: names, organizations, and the sentences people write to the owner.

Sentences are templates filled per message ({prof}, {place}, {org}, {name}, {day}, {n}, ...), so
the texts vary the way real mail does; the asks, offers, news and introductions are phrased as
in the sample mailbox (assistant/sample/Maildir), casual and formal, some hard to classify.
"""

from __future__ import annotations

FIRST = ("Ada Alan Grace Linus Barbara Ken Margaret Dennis Frances Radia John Hedy Tim Sophie Karen Donald "
         "Leslie Shafi Adele Jean Ivan Fran Mary Carol Peter Nadia Omar Priya Wei Mateo Lucia Kwame Aisha Hiro "
         "Elena Tomas Ingrid Meera Rachel Tom Hannah Kenji Daniel Jordan Rosa Yusuf Theo Kofi Grace Olivia Ben "
         "Sam Lena Raj Maya Jonas Amara Luis Tamsin Carmen Ahmed Jenna Brad Tiffany Mike Wendy Oscar Paula "
         "Quentin Ruth Simon Ursula Victor Xavier Yara Zane Abel Bianca Cyrus Delia Emil Farah Gideon Hazel Ira "
         "Juno Kira Leon Mira Nico Opal Pablo Rhea Silas Talia Uri Vera Wade Yvette Zara Arjun Bea Chidi Dara "
         "Eitan Fiona Gus Hugo Isla Jasper Keiko Lars Malik Noor Otto Pia Rafael Saoirse Tariq Uma Vikram Willa "
         "Ximena Yosef Zeynep Anders Björn Chloé Dagný François Jörg Łukasz Søren Begoña Ümit Miloš Zoë").split()
LAST = ("Lovelace Turing Hopper Torvalds Liskov Thompson Hamilton Ritchie Allen Dijkstra Perlman McCarthy Lamarr "
        "Wilson Jones Knuth Lamport Wirth Goldwasser Diffie Goldberg Sammet Sutherland Shaw Kerr Novak Haddad "
        "Iyer Chen Rossi Vega Mensah Khan Tanaka Petrova Horak Berg Stein Henley Zhang Watanabe Okafor Ellis "
        "Delgado Demir Marchetti Liu Brennan Krüger Nwosu Carrillo Reyes Ortiz Siddiqui Marsh Kessler Cho "
        "Raghunathan Hakimi Morales Nguyen Patel Schmidt Kowalski Andersen Dubois Fischer Garcia Hernandez "
        "Ivanova Jensen Kim Larsen Moreau Nakamura Olsen Popescu Quinn Ramirez Sato Torres Ueda Varga Weber "
        "Yamamoto Zielinski Abbott Baxter Castillo Dunn Eriksen Foster Gallagher Holt Ingram Joshi Kaplan Lowe "
        "Mahoney Nair Osei Pryor Quintero Rao Sandoval Tran Usman Vance Whitaker Yoon Zapata Adeyemi Bauer Cohen "
        "Dhillon Estrada Fontaine Greer Hoffman Ibarra Jovanovic Kaur Lindqvist Mbeki Navarro Oyelaran Park "
        "Müller Østergaard Nuñez Kowalczyk Grün Šimek Åberg Çelik").split()
ORG_HEAD = ("Tidewater Ridgeline Lumen Brightline Stackyard Fernway Cedar Cascade Bramble Northwind Juniper "
            "Harbor Summit Willow Alder Basalt Copper Driftwood Evergreen Foxglove Granite Hawthorne Ironwood "
            "Kestrel Larch Madrona Nettle Orchard Pinecone Quarry Rainier Sitka Tamarack Umpqua Vine Wildrose "
            "Yarrow Zephyr Aurora Beacon Compass Delta Ember Fathom Glacier Heron Indigo Jetty Keel Lantern "
            "Meridian Nimbus Osprey Pioneer Quill Raven Sparrow Tern Upland Vista Wren").split()
ORG_TAIL = ("Tea Co", "Software", "Orthotics", "IP LLP", "Goods", "& Sons", "Health", "Analytics", "Ledger",
            "Partners", "Bookkeeping LLC", "Capital", "Dental", "Realty", "Studio", "Labs", "Foods", "Freight",
            "Robotics", "Legal", "Ventures", "Design", "Bakery", "Clinic", "Consulting", "Media", "Brewing",
            "Logistics", "School", "Foundation", "Architects", "Builders", "Kitchen", "Outfitters", "Insurance")
TITLES = ("Founder", "Co-founder & CEO", "CEO", "CTO", "COO", "Partner", "Managing Partner", "Principal",
          "Head of Product", "VP Engineering", "VP Sales", "Head of Marketing", "Operations Manager",
          "Executive Director", "Program Manager", "Fractional CFO", "Controller", "Senior Associate",
          "Patent Agent", "Small Business Reporter", "Editor", "Owner", "Chef/Owner", "Principal Broker",
          "Office Manager", "Staff Engineer", "Designer", "Recruiter", "Investor", "Attorney", "DMD", "CPA")
FREEMAIL = ("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com",
            "fastmail.com", "proton.me")
PLACES = ("Portland", "Beaverton", "the Pearl", "NE Alberta", "SE Division", "Seattle", "Vancouver", "Bend",
          "Eugene", "Salem", "Hillsboro", "Lake Oswego", "Tacoma", "Boise", "Sellwood", "St. Johns", "Hood River",
          "NW Industrial", "Mississippi Ave", "Corvallis")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "next week", "tomorrow")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# what people ask for and offer, as they write it
PROFS = ("bookkeeper", "patent attorney", "employment lawyer", "immigration lawyer", "fractional CFO",
         "React developer", "Python developer", "UX designer", "graphic designer", "grant writer",
         "executive coach", "commercial real estate broker", "electrician", "plumber", "photographer",
         "caterer", "pediatrician", "dentist", "physical therapist", "data engineer", "product manager",
         "copywriter", "SEO specialist", "recruiter", "head of sales", "co-packer", "tax preparer", "architect",
         "general contractor", "videographer", "event planner", "PR consultant", "web developer",
         "interior designer", "financial advisor", "insurance agent", "translator", "mobile developer",
         "therapist", "landscaper", "real estate agent", "payroll provider", "mentor", "seed investor")
SERVICES = ("bookkeeping", "payroll", "taxes", "IT support", "legal stuff", "web design", "HR", "insurance",
            "our books", "benefits")
WORK = ("React / TypeScript", "brand and packaging design", "fractional CFO", "grant writing", "UX research",
        "copywriting", "data engineering", "interim operations", "photography", "bookkeeping")
AMOUNTS = ("$1.2M", "$2.5M", "$750k", "$4M", "$900K", "$3M", "$12M", "$300k")
ROUNDS = ("seed round", "pre-seed round", "Series A", "bridge round")
NEWSLETTERS = ("Portland Business Ledger", "Cascadia Stack", "SaaS Growth Weekly", "Oregon SBDC Network",
               "Founders Digest", "The Morning Brief", "Product Weekly", "City Events", "Climate Tech Notes",
               "Design Matters", "Investor Letter", "Startup Jobs", "Health Insights", "Marketing Memo",
               "AI Dispatch", "Local Council News", "Alumni Update", "Security Digest", "Retail Roundup",
               "Food Biz Weekly")
NEWS_LOCALS = ("newsletters", "news", "hello", "issues", "editor", "digest", "updates", "team", "marketing", "info")
NOTIFIERS = (("ProLink", "notifications"), ("VideoMeet", "receipts"), ("Calendar", "calendar-notification"),
             ("GitHub", "notifications"), ("Bank of Nowhere", "alerts"), ("ParcelGo", "noreply"),
             ("CloudHost", "no-reply"), ("Docs", "comments-noreply"), ("AirLine", "no-reply"))
RECEIPTS = (("Bookhaven", "orders"), ("Registrar Billing", "billing"), ("ShopMart", "orders"),
            ("Bookhaven Shipping", "shipping"), ("Payroll Co", "invoices"), ("Ride", "receipts"))
NEWSLETTER_SIGNALS = (("precedence:bulk", "list-id", "list-unsubscribe", "esp", "role-sender"),
                      ("list-id", "list-unsubscribe", "feedback-id", "esp"),
                      ("precedence:bulk", "list-id", "list-unsubscribe", "feedback-id", "esp", "bulk-mailer"),
                      ("precedence:bulk", "list-unsubscribe", "bulk-mailer", "role-sender"),
                      ("list-unsubscribe",), ("esp",))
NOTIFIER_SIGNALS = (("list-unsubscribe", "feedback-id", "noreply-sender"),
                    ("auto-submitted:auto-generated", "feedback-id", "esp", "noreply-sender"),
                    ("auto-submitted:auto-generated", "noreply-sender"))
RECEIPT_SIGNALS = (("auto-submitted:auto-generated", "role-sender"),
                   ("auto-submitted:auto-generated", "esp", "role-sender"))
LIST_SIGNALS = ("precedence:list", "list-id", "list-unsubscribe", "mailing-list")
AUTO_REPLY_SIGNALS = (("auto-submitted:auto-replied", "auto-subject"), ("auto-submitted:auto-replied",),
                      ("autoreply-header", "auto-subject"))
SUBJECTS = ("Wholesale price sheet v{n}", "Coffee {day}?", "Quick question", "Proposal for {org}",
            "Intro: {name} / Alex", "Pricing workshop on the {n}th", "Board deck feedback", "Q{q} numbers",
            "Hiring {a_prof}", "Following up from breakfast", "Panel in {month}", "Catching up",
            "Customer interviews", "Contract redlines", "Trip to {place}", "Referral", "Thank you!",
            "Launch plan", "Re-intro", "Office move", "Lunch?", "Photos from {place}", "Numbers!", "Ideas for {org}")
GREETINGS = ("Hi Alex,", "Hi Alex!", "Alex,", "Hey Alex", "hi alex,", "Dear Alex,", "Alex -", "Morning Alex,", "", "")
SIGNOFFS = ("Thanks,\n{first}", "Best,\n{first}", "{first}", "Cheers,\n{first}", "{initial}.", "Thank you!\n{first}",
            "Best regards\n{first}", "", "talk soon\n{first_lower}")
OWNER_SIGNOFFS = ("Alex", "A.", "Best,\nAlex", "Thanks!\nAlex", "")

CHAT = (
    "Thanks for the notes on the deck, they helped a lot.",
    "Are you free for coffee on {day}?",
    "Running about ten minutes late, sorry!",
    "Attached is the revised proposal with the changes we talked about.",
    "The kids have been sick all week so I'm behind on everything.",
    "Can we push our call to {day} at {hour}?",
    "I read the article you sent, really interesting take on pricing.",
    "How was the trip to {place}?",
    "Signed and sent back through the e-sign thing.",
    "Quick recap of where we are, since it was loud in there.",
    "Pipeline as of tonight: {n} open opps, {m} in late stage.",
    "I moved the tier break to {n} units a month like you suggested.",
    "The thing I'm still unsure about is the onboarding piece.",
    "Be brutal, I can take it.",
    "We had {n} people at the meetup, which is a record for us.",
    "Booked under my name for {hour}.",
    "Photos of the whiteboard from yesterday are in the shared folder.",
    "Let me know if {day} works better for you.",
    "Lena says hi and wants to know when you're coming for dinner.",
    "I keep meaning to write and then a board meeting eats my week.",
    "The landlord's broker was so confused that I knew my numbers.",
    "Heads up that the July close isn't done yet.",
    "My co-founder now quotes you in every meeting.",
    "Sorry for the slow reply, it's been a month.",
    "We tried the call-first approach and {n} of {m} people replied.",
    "Forecast says rain on {day} so maybe we move the hike.",
    "Can you send me the invoice for {month} when you get a chance?",
    "I'll have the numbers by {day} morning.",
    "That's a great point about the annual plans, I hadn't thought of it that way.",
    "The margin by product line will be rough until the 15th.",
    "Do you still have the slides from the workshop in {place}?",
    "Happy birthday! Hope {place} treats you well this year.",
    "ha. no promises on the roadmap.",
    "Ok so this is a bit out of the blue.",
    "Looping back on this since it got buried.",
    "I'm on a plane most of {day} but will read it tonight.",
    "Honestly half of what the reporter asked came from our call.",
    "Keep it, lend it out, I have the ebook.",
    "The {org} folks want a second meeting, which seems good?",
    "We're still debating net 30 versus card-first for new accounts.",
    # everyday sentences with the words the ask/offer/news/help cues look for, and no ask in them
    "Let me know what you think.",
    "Looking forward to it!",
    "Do you know if the room at {org} has a projector?",
    "I need to check with my co-founder first, she's back on {day}.",
    "Happy to help with the deck if you want another pair of eyes.",
    "We're opening the doors at 6 so people can grab a drink first.",
    "I used the template you sent and it worked really well.",
    "Thanks again for connecting me with the folks at {org}, the call went well.",
    "Can you send me the link to the shared folder? I can't find it.",
    "We hit a snag with the permits but nothing serious.",
    "I told the team about your framework and they loved it.",
    "Our board meeting got moved to {day}, so the numbers will be a few days late.",
    "The new hire starts on {day} and I'm trying to get the onboarding doc done.",
    "Could you take a look at the second slide? Something about it bugs me.",
    "We closed the books for {month} yesterday, finally.",
    "The launch went fine, a couple of bugs but nobody noticed.",
    "I'll bring the printed copies, you bring the coffee.",
    "My daughter wants to know if your dog is coming to the picnic.",
    "We've been doing the weekly pricing review you suggested and it really helps.",
    "I'm in {place} for a conference until {day}, back online after that.",
    "Support tickets are down by a third since we changed the onboarding emails.",
    "Meet at the usual place at {hour}?",
    "Honestly I don't know if we need the enterprise tier at all.",
    "The landlord finally fixed the heating, so the office is usable again.",
    "We're looking at the numbers again on {day} with the whole team.",
    "I read your post about annual plans twice, it changed how we think about renewals.",
    "Sorry, I missed your call, I was in back-to-back meetings all afternoon.",
    "It was great to sit next to you at the breakfast in {place} last week.",
    "We moved the team offsite to {place} this year, it's cheaper and the food is better.",
    "Here's the thing I mentioned: our biggest customer wants a discount for a two-year contract.",
)
OWNER_CHAT = (
    "Sounds good, see you {day}.",
    "Thanks, this is really helpful.",
    "I'd start with the positioning piece alone and decide on outbound later.",
    "Two thoughts on the pricing page: cut the third tier, and put the annual price first.",
    "Happy to look at it before {day}.",
    "Congrats, that's huge!",
    "Can we do {hour} instead? I have a client call before.",
    "Sending the invoice now.",
    "I'd charge for the tasting kit but credit it against the first order.",
    "Let me think about who might fit and get back to you this week.",
    "Yes to drinks. Thursday at 6 at the usual?",
    "Attached is the draft agenda for the workshop on the {n}th.",
    "Good question. Short answer: yes, but only after the second order.",
    "I'll be in {place} on {day} if you want to grab lunch.",
    "No rush on this, whenever you get to it.",
)
ASKS = (
    "We're looking for {a_prof} in {place}, ideally someone who has worked with small teams.",
    "Do you know a good {prof}? Ours just retired.",
    "Can anyone recommend {a_prof} who doesn't charge an arm and a leg?",
    "Any recommendations for {a_prof} near {place}?",
    "I need to find {a_prof} before the end of the quarter.",
    "We're hiring {a_prof} and I'd rather find someone through people we trust.",
    "Could you introduce me to someone at {org}?",
    "Is there {a_prof} you'd recommend?",
    "We're raising a {round} this spring and I'd love a few intros to angels who understand B2B.",
    "Who do you use for {service}?",
    "Would love an introduction to {a_prof} who knows the food business.",
    "Still looking for {a_prof}, if anyone comes to mind.",
    "Looking for {a_prof}, ideally part-time - know anyone?",
    "Totally random: do you know {a_prof} who could start in {month}?",
    "My sister is moving to {place} and needs {a_prof} for the kids.",
)
OFFERS = (
    "We're now taking on new clients for the spring.",
    "I have room for two more clients this quarter.",
    "I'm between contracts and available for {work} work from {month} 1.",
    "I mentor first-time founders through the {org} program.",
    "We invest in pre-seed B2B software companies in the Pacific Northwest.",
    "If anyone needs a good {prof}, send them my way.",
    "Happy to help anyone who is setting up payroll for the first time.",
    "We also started doing flat-fee provisional filings.",
    "I'm now offering {work} for small businesses.",
    "If you hear of anyone who needs {work} help, I'm available from {month} 1.",
    "Our practice is now accepting new patients in {place}.",
)
NEWS = (
    "We just raised a {amount} {round} led by {org}.",
    "Big news: we opened our second location in {place}!",
    "I've been promoted to {title} at {org}.",
    "We signed with {org} last week, our biggest customer so far.",
    "We crossed {big} users this month.",
    "Celebrating {years} years in business this week.",
    "I joined {org} as {title} in {month}.",
    "Keep this between us until it's public, but we closed our {round}.",
    "We won the {place} Small Business Award in the hospitality category.",
    "Alex we signed the lease on {place}!!! Second shop is REAL.",
    "Thrilled to share that our clinic got FDA clearance for the new device.",
    "{org} was named one of the Best Places to Work in {place}.",
)
HELPED = (
    "I'd like to introduce you to {full}, who runs {org}.",
    "Alex, meet {full}. {first2} is one of my mentees and a very good one.",
    "I passed your name to {full} at {org}, so expect an email.",
    "{full} will be reaching out about the pricing workshop.",
    "Would you be willing to speak on our panel in {month}?",
    "Looping in {full}, who does the books for {org}.",
)
OWNER_INTROS = (
    "{a}, meet {b_full}. {b} runs {org}, and I think you two should talk about {topic}.",
    "I'd like to introduce you to {b_full}, {a}. {b} is the best {prof} I know.",
    "Connecting you two as promised: {a}, this is {b_full} at {org}.",
)
INTRO_TOPICS = ("pricing", "hiring", "your raise", "the wholesale launch", "outbound", "the lease", "grants")
STRANGER_PITCHES = (
    "I'm the booking producer for a top-2% podcast and our host loved your recent post.",
    "We help companies like yours book 30 more meetings a month with AI-driven outbound.",
    "Quick question: who handles vendor decisions at your firm?",
    "I noticed your company is growing and wanted to share a case study.",
    "Our team builds custom dashboards for consultants. Worth a 15 minute call?",
)
LONG_PARAGRAPH = (
    "Here's the longer version, since you asked. {chat} We spent most of {month} on it and the "
    "numbers are finally in: {n} accounts, {m} of them new, and churn is down for the third month in a row. "
    "The part I can't figure out is the mid-size customers: small ones sign in two weeks, big ones at least "
    "have a process, and the 50-200 employee ones just go dark after the demo. I have theories (pricing page, "
    "no case study in their industry, our sales deck is too long) but no data. {chat2}"
)
