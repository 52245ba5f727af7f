"""„Was ich will“: a Nutzer:in says what they want, one question per page."""
