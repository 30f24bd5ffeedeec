"""Realistic demo data (``desktop-crm demo``): a Hebei fuel retailer with its customers."""

from desktop_crm.services.demo.generator import (
    ADMIN_LOGIN,
    DEMO_PASSWORD,
    DemoLogin,
    DemoSummary,
    generate,
)

__all__ = ["ADMIN_LOGIN", "DEMO_PASSWORD", "DemoLogin", "DemoSummary", "generate"]
