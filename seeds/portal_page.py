"""A saved news-portal page around an article: the clutter an HTML loader has to see past."""

from __future__ import annotations

import html
import json

from sample_texts import NOTE, Sample

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | NewsPortal24</title>
<meta name="description" content="{standfirst}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{outlet}">
<meta property="og:url" content="https://www.newsportal24.example/world/russia-iran-drones">
<meta property="article:published_time" content="{published}T09:14:00+00:00">
<meta property="article:section" content="World">
<meta name="author" content="{author}">
<!-- {note} -->
<link rel="stylesheet" href="./russia-iran-drones_files/portal.min.css">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'NP-0000');
</script>
<script type="application/ld+json">{ld_json}</script>
</head>
<body class="article-page">
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>We use cookies to personalise content and ads and to analyse our traffic.
  By clicking Accept you agree to our use of cookies for advertising partners.</p>
  <button class="cookie-accept">Accept all cookies</button>
  <button class="cookie-settings">Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="https://www.newsportal24.example/">NewsPortal24</a>
  <nav class="main-menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/world">World</a></li>
      <li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/tech">Technology</a></li>
      <li><a href="/sport">Sport</a></li>
      <li><a href="/weather">Weather</a></li>
    </ul>
  </nav>
  <form class="search" action="/search"><input type="search" name="q"
    placeholder="Search NewsPortal24"></form>
</header>
<div class="ad ad-leaderboard"><span class="ad-label">Advertisement</span>
  <a href="https://ads.example/click?id=1">Lowest mortgage rates this week, compare now</a>
</div>
<main id="content">
<article class="story">
  <header class="story-header">
    <p class="kicker"><a href="/world">World</a></p>
    <h1 class="headline">{title}</h1>
    <p class="byline">By <span class="author">{author}</span> |
      <time datetime="{published}T09:14:00+00:00">19 November 2022, 09:14 GMT</time></p>
  </header>
  <div class="story-body">
{body}
  </div>
  <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
    <a href="#">Email this story</a></div>
</article>
<aside class="related-links">
  <h2>Related stories</h2>
  <ul>
    <li><a href="/world/kyiv-power-cuts">Kyiv braces for winter of rolling blackouts</a></li>
    <li><a href="/world/un-vote">UN General Assembly votes on reparations resolution</a></li>
    <li><a href="/business/oil">Oil prices slip as China demand worries persist</a></li>
  </ul>
</aside>
<div class="ad ad-sidebar"><span class="ad-label">Sponsored</span>
  <p>You won't believe these ten gadgets every traveller needs this winter.</p>
</div>
</main>
<footer class="site-footer">
  <ul class="footer-links">
    <li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
    <li><a href="/terms">Terms of use</a></li><li><a href="/contact">Contact the newsroom</a></li>
  </ul>
  <p class="copyright">Copyright 2022 NewsPortal24 Media Ltd. All rights reserved.</p>
  <p class="sample-note">{note}</p>
</footer>
<script src="./russia-iran-drones_files/vendor.bundle.js"></script>
<script>document.querySelector('.cookie-accept').addEventListener('click', function () {{
  document.getElementById('cookie-banner').remove(); }});</script>
</body>
</html>
"""


def render_page(sample: Sample) -> str:
    """The whole saved page for ``sample``, article paragraphs escaped."""
    esc = html.escape
    body = "\n".join(f"    <p>{esc(p)}</p>" for p in sample.paragraphs)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": sample.headline,
        "datePublished": f"{sample.published}T09:14:00+00:00",
        "publisher": {"@type": "Organization", "name": sample.outlet},
    }
    return PAGE.format(
        title=esc(sample.headline),
        standfirst=esc(sample.paragraphs[0][:150]),
        outlet=esc(sample.outlet),
        published=sample.published,
        author=esc(sample.author),
        note=esc(NOTE),
        ld_json=json.dumps(ld),
        body=body,
    )
