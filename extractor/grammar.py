"""Regex fragments shared by the rule grammars (dates, names): how words are delimited and what may
separate the words of one mention."""

# whitespace between words of one mention: spaces, or one line break (scraped text)
GAP = r"[ \t]*\n?[ \t]*(?<=\s)"
# a whole word: no letter or digit right before or after
WORD_START = r"(?<![\p{L}\p{N}])"
WORD_END = r"(?![\p{L}\p{N}])"
