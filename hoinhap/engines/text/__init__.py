"""Vietnamese text: normalisation, folding, encodings, agency names, dates and deadlines."""

from hoinhap.engines.text.normalize import fold, nfc, normalize, normalize_tone

__all__ = ["fold", "nfc", "normalize", "normalize_tone"]
