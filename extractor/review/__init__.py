"""Looking at results: the review page of one article (``kazextract show``), the archive report
(``kazextract report``) and scoring against gold files (``kazextract evaluate``)."""


class ReviewError(Exception):
    """Bad input for a review command: the message is the one line the user sees."""
