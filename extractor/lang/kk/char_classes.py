"""Character classes for Kazakh text.

spaCy's shared classes miss ғ қ ұ (and their capitals), so the tokenizer rules would treat
``Қазақстан`` as two pieces of punctuation-split text. These classes add the Kazakh letters to
spaCy's own and are what every pattern in this package uses.
"""
from spacy.lang.char_classes import ALPHA as _ALPHA
from spacy.lang.char_classes import ALPHA_LOWER as _ALPHA_LOWER
from spacy.lang.char_classes import ALPHA_UPPER as _ALPHA_UPPER

KAZAKH_LOWER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
KAZAKH_UPPER = KAZAKH_LOWER.upper()
KAZAKH_LETTERS = KAZAKH_LOWER + KAZAKH_UPPER

ALPHA_LOWER = _ALPHA_LOWER + KAZAKH_LOWER
ALPHA_UPPER = _ALPHA_UPPER + KAZAKH_UPPER
ALPHA = _ALPHA + KAZAKH_LETTERS
# the letters that tell Kazakh from Russian Cyrillic
KAZAKH_ONLY = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
