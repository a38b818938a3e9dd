"""The domain's word lists as data, each defined once: column headers of task registers, agency heads and
generic phrases, abbreviations, timeframe words, target directions, document kinds.

Readers, plans, reports and tracking build their matchers from these lists (`phrases` turns a list
into a regex alternation); a word added here is recognised everywhere it applies.
"""
