"""Runs Debian's wapiti 3.0.4 with one fix: its -x (exclude) patterns end in a global regex flag,
which Python 3.11 refuses ("global flags not at the start"), so excluding /logout crashed it."""
import re
import sys

from wapitiCore.net import crawler


def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate

from wapitiCore.main.wapiti import wapiti_main  # noqa: E402 (after the fix)

sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
