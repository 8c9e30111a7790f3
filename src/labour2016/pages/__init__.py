"""The explorer's pages, rendered at build time from the package's tables and views (issue 21).

html builds escaped markup, fmt says how a value reads (names for ids, formatted numbers and
dates), facts finds the fact rows a view row rests on, render lays out each page. site.py
writes them; the browser needs no database to read any of them.
"""
