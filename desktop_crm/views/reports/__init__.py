"""The Reports dialog: printable reports, print preview, PDF and Excel."""
