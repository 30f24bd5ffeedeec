"""Business rules, free of Qt: shared by the GUI, the command line and the tests."""
