"""talestream: personalised, safe, real-time children's stories."""

__version__ = "0.1.0"
