"""mtfix: find and fix the artifacts machine translation leaves in English copy."""

__version__ = "0.1.0"
