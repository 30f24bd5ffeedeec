"""Entry point frozen by PyInstaller: the GUI without arguments, the admin CLI with them."""

from desktop_crm.cli import main

raise SystemExit(main())
