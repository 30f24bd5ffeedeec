"""desktop_crm: an offline-first customer-service desktop for branch offices."""

__version__ = "0.1.0"
