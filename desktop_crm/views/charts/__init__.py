"""The charts tab (图表): indicators as matplotlib charts, drill-down, grading."""
