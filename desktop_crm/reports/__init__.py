"""Report data, charts, PDF and Excel output: no widgets here (see DESIGN.md)."""
