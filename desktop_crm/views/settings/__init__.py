"""基础设置: the settings window and its pages."""
