"""The complaints tab (投诉处理): the list, the detail with its actions, the dialogs."""
