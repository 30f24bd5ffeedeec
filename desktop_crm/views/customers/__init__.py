"""The customer file tab (客户档案): list, search, detail, edit, import."""
