"""Qt widgets only: the main window, one sub-package per tab, dialogs, table models."""
