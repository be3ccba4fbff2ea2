"""lawgov-check: a rules-based compliance checker for Chinese rule-of-law-government documents."""

__version__ = "0.1.0"
