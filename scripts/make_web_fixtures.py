#!/usr/bin/env python3
"""Writes the saved-page fixtures of tests/web.rs into tests/data/web/.

Every page is built from an article written for lede's tests (fictional
people, places and outlets) wrapped in the furniture real news pages carry:
navigation, site header and footer, a cookie banner, a share bar, a
newsletter box, advertisements, a related list and several inline scripts.
The furniture is generated here so that each page is over 20 KB; the
`absent` list of each expectation file names furniture text that must not
reach the body.

Run from the repository root: python3 scripts/make_web_fixtures.py
"""

import json
import os
import quopri
import base64

OUT = os.path.join("tests", "data", "web")

SECTIONS = {
    "News": ["Local", "Region", "Coast", "Courts", "Weather", "Transport"],
    "Business": ["Markets", "Harbour trade", "Farming", "Jobs", "Property"],
    "Sport": ["Rowing", "Football", "Sailing", "Athletics", "Cycling"],
    "Culture": ["Music", "Theatre", "Books", "Film", "Food and drink"],
    "Opinion": ["Editorials", "Letters", "Columnists", "Cartoons"],
    "Life": ["Health", "Families", "Gardens", "Travel", "Obituaries"],
}

COMMON_ABSENT = [
    "Accept all cookies",
    "We use cookies",
    "Share on Facebook",
    "Copy link",
    "Advertisement",
    "Sign up for the morning briefing",
    "All rights reserved",
    "Skip to content",
    "Manage preferences",
    "Most read this week",
]


def nav_menu(site):
    parts = ['<a class="skip-link" href="#main">Skip to content</a>']
    parts.append('<header class="site-header" role="banner">')
    parts.append(f'<div class="logo"><a href="/">{site}</a></div>')
    parts.append('<nav class="main-nav" aria-label="Sections"><ul class="menu">')
    for section, subs in SECTIONS.items():
        parts.append(f'<li class="menu-item has-children"><a href="/{section.lower()}">{section}</a><ul class="sub-menu">')
        for sub in subs:
            slug = sub.lower().replace(" ", "-")
            parts.append(f'<li class="menu-item"><a href="/{section.lower()}/{slug}" data-track="nav-{slug}">{sub}</a></li>')
        parts.append("</ul></li>")
    parts.append("</ul></nav>")
    parts.append('<div class="header-tools"><a href="/search">Search</a> <a href="/login">Log in</a> <a class="btn-subscribe" href="/subscribe">Subscribe</a></div>')
    parts.append("</header>")
    parts.append('<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/news/local">Local</a></div>')
    return "\n".join(parts)


def cookie_banner():
    return (
        '<div id="cookie-consent" class="cookie-banner" role="dialog">'
        "<p>We use cookies to remember your settings, to measure how the site is used and to show "
        "advertising that pays for our journalism. You can change your mind at any time.</p>"
        '<button class="accept">Accept all cookies</button> <button class="manage">Manage preferences</button>'
        "</div>"
    )


def share_bar():
    return (
        '<div class="share-bar social-share"><span>Share</span>'
        '<a href="#fb">Share on Facebook</a> <a href="#x">Share on X</a> '
        '<a href="#wa">Share on WhatsApp</a> <a href="#mail">Email this story</a> '
        '<button class="copy">Copy link</button></div>'
    )


def ad(n):
    return f'<div class="ad-slot ad-slot--inline" id="ad-{n}" data-slot="inline-{n}"><span class="ad-label">Advertisement</span></div>'


def newsletter_box():
    return (
        '<div class="newsletter-signup"><h3>Sign up for the morning briefing</h3>'
        "<p>The day's local news in your inbox before seven, every weekday.</p>"
        '<form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>'
    )


def related_box(headlines, label="Related"):
    items = "".join(f'<li><a href="/story/{i}">{h}</a></li>' for i, h in enumerate(headlines))
    return f'<aside class="related-stories"><h2>{label}</h2><ul>{items}</ul></aside>'


def sidebar():
    items = "".join(
        f'<li><a href="/popular/{i}">Most read story number {i} about the council budget</a></li>'
        for i in range(1, 9)
    )
    return f'<aside class="sidebar"><section class="most-read"><h2>Most read this week</h2><ol>{items}</ol></section>{ad(99)}</aside>'


def footer(site):
    cols = []
    for section, subs in SECTIONS.items():
        links = "".join(f'<li><a href="/{section.lower()}/{s.lower().replace(" ", "-")}">{s}</a></li>' for s in subs)
        cols.append(f'<div class="footer-col"><h4>{section}</h4><ul>{links}</ul></div>')
    about = "".join(
        f'<li><a href="/about/{x}">{x.replace("-", " ").title()}</a></li>'
        for x in ["about-us", "contact", "careers", "advertise", "corrections", "privacy-policy", "terms", "accessibility", "cookie-settings", "rss-feeds"]
    )
    return (
        '<footer class="site-footer" role="contentinfo">'
        + "".join(cols)
        + f'<div class="footer-col"><h4>{site}</h4><ul>{about}</ul></div>'
        + f"<p class=\"legal\">© 2026 {site}. All rights reserved.</p></footer>"
    )


def scripts(extra_seed):
    """Three or more inline scripts, with enough configuration to weigh a few KB."""
    slots = [
        {"id": f"ad-{i}", "sizes": [[300, 250], [728, 90], [970, 250]], "targeting": {"pos": i, "section": "news", "kw": ["local", "coast", "seed" + str(extra_seed)]}}
        for i in range(40)
    ]
    consent_vendors = [{"id": i, "name": f"Vendor {i}", "purposes": [1, 2, 3, 4, 7, 9, 10], "legint": [2, 7]} for i in range(60)]
    return "\n".join(
        [
            "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST000');</script>",
            f"<script>window.__adConfig = {json.dumps({'slots': slots, 'lazy': True, 'refresh': 30})};</script>",
            f"<script>var consentVendors = {json.dumps(consent_vendors)}; if (document.cookie.indexOf('consent=') < 0) {{ document.documentElement.classList.add('show-consent'); }}</script>",
            "<script>(function(){var s=document.createElement('script');s.async=true;s.src='/static/app.js';document.head.appendChild(s);})();</script>",
        ]
    )


STYLE = "<style>" + " ".join(
    f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 4567 % 0xFFFFFF:06x}}}" for i in range(120)
) + "</style>"


def paragraphs(paras):
    return "\n".join(f"<p>{p}</p>" for p in paras)


def write(name, html, expect, encoding="utf-8"):
    data = html.encode(encoding)
    assert len(data) >= 20_000, (name, len(data))
    with open(os.path.join(OUT, name + ".html"), "wb") as f:
        f.write(data)
    expect = dict(expect)
    expect["absent"] = COMMON_ABSENT + expect.get("absent", [])
    with open(os.path.join(OUT, name + ".expect.json"), "w", encoding="utf-8") as f:
        json.dump(expect, f, ensure_ascii=False, indent=2)
        f.write("\n")


def shell(site, head_extra, article_html, charset="utf-8", title_tag=None, seed=0):
    title_tag = title_tag or site
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title_tag}</title>
{head_extra}
{STYLE}
{scripts(seed)}
</head>
<body class="article-page">
{cookie_banner()}
{nav_menu(site)}
<div class="layout">
<main id="main">
{article_html}
</main>
{sidebar()}
</div>
{footer(site)}
<script>document.querySelectorAll('.share-bar a').forEach(function(a){{a.addEventListener('click', function(){{dataLayer.push({{event: 'share'}});}});}});</script>
</body>
</html>
"""


# ---------------------------------------------------------------- articles

FERRY = [
    "The ferry link between Port Ellery and the island of Skarn will keep its winter timetable until the end of April, the operator said on Tuesday, after a second vessel failed its annual inspection.",
    "Tessaline Marine told passengers that the Corran Star, which normally joins the route in March, needs new steering gear before it can sail. The part is being made in Rotterdam and is not expected before the middle of next month.",
    "“We know how much the island depends on the extra sailings, and we are sorry,” said Harriet Penwell, the company’s operations director. “Safety comes first, and the Corran Star will not carry a single passenger until the inspectors are satisfied.”",
    "Islanders say the reduced service already costs them. Duncan Aird, who runs the only hardware shop on Skarn, said deliveries that used to arrive in a day now take three.",
    "“Every week of this is a week of empty shelves,” he said. “People are patient, but there is a limit.”",
    "The regional transport board will meet on Thursday to discuss whether a chartered vessel could cover the gap. Councillor Mairi Vance, who chairs the board, said all options were on the table.",
    "A spokesperson for the maritime inspectorate confirmed that the vessel had been detained but declined to give details of the fault.",
]

LIBRARY = [
    "Larkspur’s central library will open on Sundays for the first time in its ninety-year history, after a local foundation agreed to pay for the extra staff.",
    "The Whitcombe Trust will give the library £180,000 over three years, enough to open the building from noon to five every Sunday and to run a homework club for secondary pupils.",
    "“Sunday is when families actually have time together,” said Odile Ferraby, who chairs the trust. “It seemed absurd that the one public building built for them was locked.”",
    "The head librarian, Samuel Achterberg, said the library had asked for Sunday opening in every budget round since 2019. Staff will be paid at the weekend rate and no one will be required to work Sundays.",
    "Local councillors welcomed the gift but warned that it could not become a substitute for public money. “Philanthropy is wonderful, but it is not a plan,” said Councillor Imogen Tarrant.",
    "The first Sunday opening is set for the seventh of June, with a reading by the children’s author Bertil Okonkwo-Lamb.",
]

ORCHARD = [
    "Cider makers in the Vale of Brennock say this year’s apple harvest is the worst in living memory, after a late frost in May killed most of the blossom.",
    "At Hollin Farm, which has pressed cider since 1911, Agnes Moorcroft walked along rows of trees carrying only a handful of fruit each. “My grandfather kept records of every harvest,” she said. “There is nothing in them like this.”",
    "The Brennock Growers’ Association estimates that yields are down by about two thirds across the valley. Smaller producers may not press at all this autumn.",
    "Some farms are buying apples from outside the county to keep their presses running, a move that purists dislike. “It will still be good cider, but it won’t be Brennock cider,” said Ned Callister, who sells at the Saturday market.",
    "The association has asked the regional authority for emergency grants and for a delay to loan repayments. A decision is expected next month.",
    "Meteorologists at the Brennock weather station said the frost on the night of the twelfth of May was the hardest recorded so late in the season since the station opened.",
]

BRIDGE_LIVE = [
    ("08:02", "Bridge closed in both directions", "Police have closed the Saltmarsh Bridge in both directions after inspectors found a crack in one of the main supports. Drivers are being sent round by the ring road."),
    ("08:40", "Buses diverted", "The Castleford bus company says routes 4, 7 and 12 will not cross the river this morning. Expect delays of up to forty minutes."),
    ("09:15", "Engineers on site", "A team from the county highways department has arrived. “We will not reopen the bridge until we understand exactly what we are looking at,” said the county engineer, Priya Lindqvist."),
    ("10:05", "Schools stay open", "The education office says all schools on both banks are open as normal. Pupils who arrive late because of the closure will not be marked absent."),
    ("11:30", "Cause still unknown", "Ms Lindqvist told reporters that the crack was about a metre long and had not been there at the last inspection in March. She would not guess at the cause."),
    ("12:45", "Bridge to stay shut overnight", "The county has confirmed the bridge will remain closed at least until tomorrow morning. A pedestrian route may open this evening if engineers judge it safe."),
]

THEATRE = [
    "The Gantry Theatre in Moss Hythe will close for eighteen months from January while its leaking roof and crumbling stage are rebuilt, its board announced last night.",
    "The work will cost £4.2m, most of it from a regional arts fund. The theatre has raised the rest from ticket levies and a public appeal that drew more than two thousand donors.",
    "“People gave us five pounds, ten pounds, whatever they could,” said the artistic director, Cormac Delahunt. “This building belongs to them, and we are going to give it back better.”",
    "During the closure the company will tour village halls and schools across the county with a reduced programme, starting with a new adaptation of a local folk tale.",
    "Subscribers will get first choice of seats when the theatre reopens, the board said.",
]

MARKET = [
    "Traders at the old covered market in Dunmore have voted to run the market themselves after the town council said it could no longer afford to manage it.",
    "The vote, held in the market hall on Monday evening, was carried by forty-one stallholders to six. A cooperative will take over the lease from the first of September.",
    "“We have kept this place alive for decades, so we might as well be in charge of it,” said Rosalind Oyelaran, who has sold cheese in the hall for twenty-two years.",
    "The council’s deputy leader, Hamish Grewcock, said the authority would hand over the lease for a nominal rent and help with the first year’s insurance.",
    "Not everyone is convinced. Peter Sallow, one of the six who voted against, said the traders were taking on repairs nobody had costed. “The roof alone could sink us,” he said.",
    "The cooperative plans to open on Sundays and to let young traders rent half-stalls at a discount.",
]

SWIM = [
    "Open-water swimmers in Keldby Bay have been told to stay out of the sea for at least a week after tests found high levels of bacteria near the main beach.",
    "The environment agency said the readings followed three days of heavy rain, which can overwhelm the storm drains that empty into the bay.",
    "Lotte Brancaster, who leads a morning swimming group of about sixty people, said members were frustrated. “We swim all winter, in every kind of weather, and then the water makes us ill,” she said.",
    "The water company said it was investigating and that the overflow had operated within its permit. Campaigners disputed that.",
    "Signs have been put up along the promenade, and the agency will test the water again on Friday.",
]

RAILWAY = [
    "A volunteer group has bought the disused railway station at Fenwick Halt and plans to turn it into a café and cycle workshop on the new coast path.",
    "The Fenwick Halt Trust paid £95,000 for the building, which has stood empty since the branch line closed in 1966. The money came from a share offer taken up by more than four hundred people.",
    "“Everyone here has a story about this station,” said the trust’s chair, Eamon Rusk. “My mother caught the last train from that platform.”",
    "The trust hopes to open the café next summer. The old ticket office will become a small museum about the line.",
    "The county council, which owns the path, said it welcomed the plan and would add a bicycle stand and a water fountain beside the station.",
]


def jsonld_graph():
    site = "The Port Ellery Packet"
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://packet.example/#website", "name": site, "url": "https://packet.example/"},
            {"@type": "Organization", "@id": "https://packet.example/#org", "name": "Port Ellery Packet Ltd"},
            {"@type": "Person", "@id": "https://packet.example/#/person/rhona", "name": "Rhona Kettering"},
            {"@type": "WebPage", "@id": "https://packet.example/news/ferry-winter-timetable", "name": "Ferry page"},
            {
                "@type": "NewsArticle",
                "@id": "https://packet.example/news/ferry-winter-timetable#article",
                "headline": "Skarn ferry stays on winter timetable as second ship fails inspection",
                "author": [{"@id": "https://packet.example/#/person/rhona"}],
                "datePublished": "2026-03-10T07:15:00+00:00",
                "dateModified": "2026-03-10T09:00:00+00:00",
                "publisher": {"@id": "https://packet.example/#website"},
                "mainEntityOfPage": {"@id": "https://packet.example/news/ferry-winter-timetable"},
            },
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'
        '<meta property="og:title" content="Ferry timetable: what you need to know">\n'
        '<meta property="og:type" content="article">'
    )
    article = f"""<article class="story">
<header class="story-header"><h1>Skarn ferry stays on winter timetable as second ship fails inspection</h1>
<p class="byline">By <a rel="author" href="/staff/rhona">Rhona Kettering</a>, Transport reporter</p>
<time datetime="2026-03-10T07:15:00+00:00">10 March 2026</time></header>
{share_bar()}
<figure><img src="/img/corran-star.jpg" alt=""><figcaption>The Corran Star in dry dock at Port Ellery. Photo: Lewis Grant</figcaption></figure>
<div class="story-body">
{paragraphs(FERRY[:3])}
{ad(1)}
{paragraphs(FERRY[3:5])}
{newsletter_box()}
{paragraphs(FERRY[5:])}
</div>
{related_box(["Island shop owners call for emergency freight sailings", "How the Skarn ferry contract was won", "Harbour dredging to start in May"])}
</article>"""
    html = shell(site, head, article, title_tag=f"Ferry stays on winter timetable | {site}", seed=1)
    write("jsonld_graph", html, {
        "title": "Skarn ferry stays on winter timetable as second ship fails inspection",
        "byline": "Rhona Kettering",
        "date": "2026-03-10T07:15:00+00:00",
        "source": site,
        "url": "https://packet.example/news/ferry-winter-timetable",
        "first_paragraph": FERRY[0],
        "last_paragraph": FERRY[-1],
        "captions": ["The Corran Star in dry dock at Port Ellery. Photo: Lewis Grant"],
        "related": ["Island shop owners call for emergency freight sailings"],
        "absent": ["Island shop owners call for emergency freight sailings", "Transport reporter"],
    })


def opengraph_only():
    site = "Moss Hythe Evening Star"
    head = "\n".join([
        '<meta property="og:title" content="Gantry Theatre to close for 18 months for rebuild | Moss Hythe Evening Star">',
        f'<meta property="og:site_name" content="{site}">',
        '<meta property="og:url" content="https://eveningstar.example/culture/gantry-rebuild">',
        '<meta property="og:type" content="article">',
        '<meta property="article:published_time" content="2026-09-18T21:30:00Z">',
        '<meta property="article:author" content="https://eveningstar.example/staff/nell-arbery">',
        '<meta name="author" content="Nell Arbery">',
        '<meta name="description" content="The theatre will tour village halls while the work goes on.">',
    ])
    article = f"""<div class="content-wrapper"><article>
<h1 class="headline">Gantry Theatre to close for 18 months for rebuild</h1>
<div class="meta"><span class="author">Nell Arbery</span> · <span class="date">18 September 2026</span></div>
{share_bar()}
<div class="article-text">
{paragraphs(THEATRE[:2])}
{ad(2)}
<blockquote><p>People gave us five pounds, ten pounds, whatever they could.</p></blockquote>
{paragraphs(THEATRE[2:])}
</div>
<p class="tags">Tags: theatre, Moss Hythe, arts funding</p>
{newsletter_box()}
{related_box(["Arts fund names this year's grant winners", "Review: The Salt Wife at the Gantry"], label="More from the Evening Star")}
</article></div>"""
    html = shell(site, head, article, title_tag=f"Gantry rebuild - {site}", seed=2)
    write("opengraph_only", html, {
        "title": "Gantry Theatre to close for 18 months for rebuild",
        "byline": "Nell Arbery",
        "date": "2026-09-18T21:30:00Z",
        "source": site,
        "url": "https://eveningstar.example/culture/gantry-rebuild",
        "first_paragraph": THEATRE[0],
        "last_paragraph": THEATRE[-1],
        "contains": ["“People gave us five pounds, ten pounds, whatever they could.”"],
        "related": ["Review: The Salt Wife at the Gantry"],
        "absent": ["Tags: theatre", "Arts fund names this year"],
    })


def windows_1252():
    site = "Brennock Valley Chronicle"
    head = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">\n'
        '<meta name="author" content="Tomás Ferrière">\n'
        '<meta name="dcterms.created" content="2026-10-02">'
    )
    article = f"""<article class="post">
<h1>Brennock’s cider makers count the cost of a “once in a century” frost</h1>
<p class="byline">By Tomás Ferrière</p>
{share_bar()}
<figure><img src="/img/hollin.jpg"><figcaption>Agnes Moorcroft in the orchard at Hollin Farm – Photo: Inès Caldwell</figcaption></figure>
{paragraphs(ORCHARD[:3])}
{ad(3)}
{paragraphs(ORCHARD[3:])}
<p>Advertisement</p>
<p>Read more: Frost warnings return to the valley as October turns cold</p>
{related_box(["Valley growers ask for emergency grants", "Where to buy Brennock cider this winter"])}
</article>"""
    html = shell(site, head, article, charset="windows-1252", title_tag=f"Cider harvest – {site}", seed=3)
    html = html.replace('<meta charset="windows-1252">\n', "")
    write("windows_1252", html, {
        "title": "Brennock’s cider makers count the cost of a “once in a century” frost",
        "byline": "Tomás Ferrière",
        "date": "2026-10-02",
        "first_paragraph": ORCHARD[0],
        "last_paragraph": ORCHARD[-1],
        "captions": ["Agnes Moorcroft in the orchard at Hollin Farm – Photo: Inès Caldwell"],
        "related": ["Frost warnings return to the valley as October turns cold"],
        "contains": ["“My grandfather kept records of every harvest,” she said."],
        "absent": ["Frost warnings return", "\ufffd"],
    }, encoding="cp1252")


def live_blog():
    site = "Castleford Daily"
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Saltmarsh Bridge closed after crack found – live updates",
        "author": {"@type": "Person", "name": "Jonah Pellew"},
        "datePublished": "2026-05-21T07:55:00+01:00",
        "coverageStartTime": "2026-05-21T07:55:00+01:00",
        "publisher": {"@type": "Organization", "name": site},
        "url": "https://castlefordaily.example/live/saltmarsh-bridge",
    }
    entries = "\n".join(
        f'<div class="live-entry" id="entry-{i}"><time class="entry-time" datetime="2026-05-21T{t}:00+01:00">{t}</time>'
        f"<h2>{h}</h2><p>{p}</p>{share_bar() if i % 2 == 0 else ''}</div>"
        for i, (t, h, p) in enumerate(reversed(BRIDGE_LIVE))
    )
    article = f"""<article class="live-blog">
<h1>Saltmarsh Bridge closed after crack found – live updates</h1>
<div class="live-summary"><h2>Key points</h2><ul>
<li>The Saltmarsh Bridge is closed in both directions after a crack was found in a main support.</li>
<li>Buses are diverted by the ring road; schools on both banks are open.</li></ul></div>
<div class="live-entries">
{entries}
</div>
{related_box(["Map: the diversions round the ring road", "When was the bridge last inspected?"])}
</article>"""
    html = shell(site, f'<script type="application/ld+json">{json.dumps(ld)}</script>', article, title_tag=f"Live: Saltmarsh Bridge | {site}", seed=4)
    first = "The Saltmarsh Bridge is closed in both directions after a crack was found in a main support."
    last = BRIDGE_LIVE[0][2]
    write("live_blog", html, {
        "title": "Saltmarsh Bridge closed after crack found – live updates",
        "byline": "Jonah Pellew",
        "date": "2026-05-21T07:55:00+01:00",
        "source": site,
        "url": "https://castlefordaily.example/live/saltmarsh-bridge",
        "first_paragraph": first,
        "last_paragraph": last,
        "headings": ["Key points", "12:45", "Bridge to stay shut overnight", "Bridge closed in both directions"],
        "contains": [BRIDGE_LIVE[-1][2]],
        "related": ["Map: the diversions round the ring road"],
        "absent": ["Map: the diversions"],
    })


def paywall():
    site = "Dunmore Courier"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Market traders vote to take over Dunmore covered market",
        "author": [{"@type": "Person", "name": "Fenella Birtwistle"}, {"@type": "Person", "name": "Obi Ransome"}],
        "datePublished": "2026-07-07",
        "isAccessibleForFree": False,
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".premium"},
    }
    article = f"""<article class="article">
<h1>Market traders vote to take over Dunmore covered market</h1>
<div class="article-byline">By Fenella Birtwistle and Obi Ransome</div>
{share_bar()}
<div class="article-body">
{paragraphs(MARKET[:3])}
</div>
<div class="paywall-prompt premium-gate">
<h3>Subscribe to continue reading</h3>
<p>You have read all of your free articles this month. Subscribe from £1 a week to keep reading the Courier, cancel any time.</p>
<a class="button" href="/subscribe">See subscription offers</a> <a href="/login">Already a subscriber? Log in</a>
</div>
</article>
{related_box(["Dunmore market roof repairs delayed again", "Young traders get a foot in the door"], label="Read more")}"""
    html = shell(site, f'<script type="application/ld+json">{json.dumps(ld)}</script>', article, title_tag=f"Market vote | {site}", seed=5)
    write("paywall_teaser", html, {
        "title": "Market traders vote to take over Dunmore covered market",
        "byline": "Fenella Birtwistle, Obi Ransome",
        "date": "2026-07-07",
        "source": None,
        "first_paragraph": MARKET[0],
        "last_paragraph": MARKET[2],
        "related": ["Dunmore market roof repairs delayed again"],
        "absent": ["Subscribe to continue reading", "free articles this month", "Already a subscriber", MARKET[3]],
    })


def nested_tables():
    site = "Keldby Bay Herald"
    head = '<meta name="author" content="Wilf Haverstock">\n<meta name="date" content="2026-08-14">'
    body_rows = "\n".join(f"<tr><td><font face=\"Verdana\" size=\"2\">{p}</font><br><br></td></tr>" for p in SWIM)
    article = f"""<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr>
<td width="160" valign="top" class="leftnav"><table><tr><td><a href="/news">News</a></td></tr><tr><td><a href="/sport">Sport</a></td></tr><tr><td><a href="/weather">Weather</a></td></tr></table></td>
<td valign="top"><table width="100%" cellpadding="4"><tr><td>
<table class="story" width="100%"><tr><td><h1>Swimmers told to stay out of Keldby Bay after pollution tests</h1></td></tr>
<tr><td class="byline"><font size="1">By Wilf Haverstock, 14 August 2026</font></td></tr>
<tr><td>{share_bar()}</td></tr>
<tr><td><table width="100%">{body_rows}</table></td></tr>
<tr><td>{ad(4)}</td></tr>
</table></td></tr></table></td>
<td width="200" valign="top">{related_box(["Keldby sea wall to be raised by a metre", "Storm drains: who is responsible?"])}</td>
</tr></table>"""
    html = shell(site, head, article, title_tag=f"{site} - Swimmers told to stay out of Keldby Bay after pollution tests", seed=6)
    write("nested_tables", html, {
        "title": "Swimmers told to stay out of Keldby Bay after pollution tests",
        "byline": "Wilf Haverstock",
        "date": "2026-08-14",
        "first_paragraph": SWIM[0],
        "last_paragraph": SWIM[-1],
        "related": ["Keldby sea wall to be raised by a metre"],
        "absent": ["Keldby sea wall to be raised", "By Wilf Haverstock"],
    })


def no_p_tags():
    site = "Fenwick Coast Gazette"
    ld = {
        "@context": "https://schema.org",
        "@type": "Article",
        "name": "Volunteers buy Fenwick Halt station for coast path café",
        "author": "Carys Mabbott",
        "datePublished": "2026-04-30T12:00:00Z",
    }
    text = "<br><br>\n".join(RAILWAY)
    article = f"""<div class="story-container"><div class="story-head"><div class="title-text">Volunteers buy Fenwick Halt station for coast path café</div>
<div class="story-meta">Carys Mabbott</div></div>
{share_bar()}
<div class="story-text">{text}</div>
<div class="story-foot">{newsletter_box()}</div>
{related_box(["Coast path opens its final section", "Branch line memories wanted for archive"])}
</div>"""
    html = shell(site, f'<script type="application/ld+json">{json.dumps(ld)}</script>', article, title_tag=site, seed=7)
    write("no_p_tags", html, {
        "title": "Volunteers buy Fenwick Halt station for coast path café",
        "byline": "Carys Mabbott",
        "date": "2026-04-30T12:00:00Z",
        "first_paragraph": RAILWAY[0],
        "last_paragraph": RAILWAY[-1],
        "related": ["Coast path opens its final section"],
        "absent": ["Coast path opens its final section"],
    })


def h1_only():
    site = "The Larkspur Courier"
    article = f"""<article>
<h1>Larkspur library to open on Sundays after trust steps in</h1>
<div class="article-info"><span class="byline">By Quentin Marlowe-Hesketh</span> <time datetime="2026-02-12">12 February 2026</time></div>
{share_bar()}
<figure><img src="/img/library.jpg"><figcaption>The reading room of Larkspur central library.</figcaption></figure>
{paragraphs(LIBRARY[:2])}
{ad(5)}
{paragraphs(LIBRARY[2:])}
<h3>Related</h3>
<ul><li><a href="/a">Library visits rose by a fifth last year</a></li><li><a href="/b">Homework clubs: do they work?</a></li></ul>
</article>"""
    html = shell(site, "", article, title_tag=site, seed=8)
    write("h1_only", html, {
        "title": "Larkspur library to open on Sundays after trust steps in",
        "byline": "Quentin Marlowe-Hesketh",
        "date": "2026-02-12",
        "first_paragraph": LIBRARY[0],
        "last_paragraph": LIBRARY[-1],
        "captions": ["The reading room of Larkspur central library."],
        "related": ["Library visits rose by a fifth last year", "Homework clubs: do they work?"],
        "absent": ["Library visits rose by a fifth", "The reading room of Larkspur"],
    })


# ---------------------------------------------------------------- MIME files

NEWSLETTER = [
    "Good morning. The big story this week is the Skarn ferry, which will stay on its winter timetable until the end of April.",
    "“We know how much the island depends on the extra sailings,” said Harriet Penwell of Tessaline Marine.",
    "Elsewhere, the Gantry Theatre announced an eighteen-month closure, and Dunmore’s market traders voted to run their own hall.",
    "That’s all for this week. Reply to this email to tell us what we missed.",
]


def newsletter_eml():
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>The Coastal Week</title>
<style>body{{font-family:Georgia}} .footer{{font-size:11px}}</style></head><body>
<table role="presentation" width="100%"><tr><td>
<div class="preheader" style="display:none">Ferries, theatre and a market revolution</div>
<table class="header" width="600"><tr><td><a href="https://coastal.example/?utm_source=newsletter">View in browser</a></td></tr></table>
<table class="content" width="600"><tr><td>
<h1>The Coastal Week</h1>
{paragraphs(NEWSLETTER)}
</td></tr></table>
<table class="footer" width="600"><tr><td><p>You are receiving this because you signed up at coastal.example. <a href="https://coastal.example/unsubscribe">Unsubscribe</a> · <a href="https://coastal.example/prefs">Update your preferences</a></p>
<p>© 2026 Coastal Week Media, 4 Quay Street, Port Ellery</p></td></tr></table>
</td></tr></table></body></html>"""
    qp = quopri.encodestring(html.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    plain = "\r\n\r\n".join(NEWSLETTER)
    eml = (
        "Return-Path: <letters@coastal.example>\r\n"
        "From: \"Isla Brodrick\" <letters@coastal.example>\r\n"
        "To: reader@example.test\r\n"
        "Subject: =?utf-8?q?The_Coastal_Week=3A_ferries=2C_theatre_and_a_market_?= =?utf-8?q?revolution?=\r\n"
        "Date: Fri, 13 Mar 2026 06:45:00 +0000\r\n"
        "Message-ID: <week11@coastal.example>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/alternative; boundary=\"==coastal==\"\r\n\r\n"
        "--==coastal==\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + plain + "\r\n"
        "--==coastal==\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp + "\r\n--==coastal==--\r\n"
    )
    with open(os.path.join(OUT, "newsletter.eml"), "wb") as f:
        f.write(eml.encode("utf-8"))
    with open(os.path.join(OUT, "newsletter.expect.json"), "w", encoding="utf-8") as f:
        json.dump({
            "source_format": "email",
            "title": "The Coastal Week: ferries, theatre and a market revolution",
            "byline": "Isla Brodrick",
            "date": "2026-03-13T06:45:00Z",
            "first_paragraph": NEWSLETTER[0],
            "last_paragraph": NEWSLETTER[-1],
            "absent": ["Unsubscribe", "View in browser", "You are receiving this", "© 2026", "=E2=80"],
        }, f, ensure_ascii=False, indent=2)
        f.write("\n")


def archive_mhtml():
    with open(os.path.join(OUT, "h1_only.html"), "rb") as f:
        page = f.read()
    qp = quopri.encodestring(page).decode("ascii").replace("\n", "\r\n")
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(64))).decode("ascii")
    mhtml = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://larkspur.example/news/library-sundays\r\n"
        "Subject: The Larkspur Courier\r\n"
        "Date: Thu, 12 Feb 2026 18:20:11 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--lark----\"\r\n\r\n"
        "------MultipartBoundary--lark----\r\n"
        "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://larkspur.example/news/library-sundays\r\n\r\n"
        + qp + "\r\n"
        "------MultipartBoundary--lark----\r\n"
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://larkspur.example/img/library.jpg\r\n\r\n"
        + png + "\r\n"
        "------MultipartBoundary--lark------\r\n"
    )
    with open(os.path.join(OUT, "library.mhtml"), "wb") as f:
        f.write(mhtml.encode("ascii"))
    with open(os.path.join(OUT, "library.expect.json"), "w", encoding="utf-8") as f:
        json.dump({
            "source_format": "html",
            "title": "Larkspur library to open on Sundays after trust steps in",
            "byline": "Quentin Marlowe-Hesketh",
            "date": "2026-02-12",
            "url": "https://larkspur.example/news/library-sundays",
            "first_paragraph": LIBRARY[0],
            "last_paragraph": LIBRARY[-1],
            "absent": COMMON_ABSENT + ["Library visits rose by a fifth", "=E2=80"],
        }, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    jsonld_graph()
    opengraph_only()
    windows_1252()
    live_blog()
    paywall()
    nested_tables()
    no_p_tags()
    h1_only()
    newsletter_eml()
    archive_mhtml()


if __name__ == "__main__":
    main()
