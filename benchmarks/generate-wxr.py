#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) with N items: posts in 20 categories (some nested),
tags, pages with parents, drafts with zero dates, attachments; bodies of a few paragraphs.
Usage: generate-wxr.py N OUT.xml"""
import random
import sys

n = int(sys.argv[1])
out = open(sys.argv[2], "w", encoding="utf-8")
rnd = random.Random(6)
words = ("secretariat cooperation dialogue region security economy culture forum summit council "
         "members delegation agreement meeting statement report programme youth energy transport").split()


def text(k):
    return " ".join(rnd.choice(words) for _ in range(k))


out.write("""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Benchmark</title><link>http://bench.example/</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://bench.example/</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[Site Admin]]></wp:author_display_name></wp:author>
""")
cats = []
for c in range(20):
    parent = f"cat-{c // 5 * 5}" if c % 5 else ""
    cats.append(f"cat-{c}")
    out.write(f"<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename>cat-{c}</wp:category_nicename>"
              f"<wp:category_parent>{parent}</wp:category_parent><wp:cat_name><![CDATA[Category {c}]]></wp:cat_name></wp:category>\n")
for i in range(1, n + 1):
    r = i % 100
    if r < 85:
        kind, status = "post", "publish"
    elif r < 93:
        kind, status = "page", "publish"
    elif r < 97:
        kind, status = "post", "draft"
    else:
        kind, status = "attachment", "inherit"
    day = 1 + i % 28
    date = f"2020-{1 + i % 12:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}:00"
    gmt = "0000-00-00 00:00:00" if status == "draft" else date
    title = f"{text(5).capitalize()} {i}"
    body = "\n\n".join(text(60) for _ in range(3))
    parent = str(i - 1) if kind == "page" and r > 85 else "0"
    link = f"http://bench.example/?p={i}" if kind == "post" else f"http://bench.example/?page_id={i}"
    out.write(f"""<item><title>{title}</title><link>{link}</link><dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{i}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{gmt}</wp:post_date_gmt>
<wp:post_name>post-{i}</wp:post_name><wp:status>{status}</wp:status><wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>0</wp:menu_order><wp:post_type>{kind}</wp:post_type><wp:is_sticky>0</wp:is_sticky>
""")
    if kind == "attachment":
        out.write(f"<wp:attachment_url>http://bench.example/wp-content/uploads/2020/{i}.jpg</wp:attachment_url>\n")
    if kind == "post":
        out.write(f'<category domain="category" nicename="{cats[i % 20]}"><![CDATA[Category {i % 20}]]></category>\n')
        out.write(f'<category domain="post_tag" nicename="t{i % 50}"><![CDATA[Tag {i % 50}]]></category>\n')
    out.write("</item>\n")
out.write("</channel>\n</rss>\n")
out.close()
