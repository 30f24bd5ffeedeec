"""The callback queue tab (回访) and its dialogs."""
