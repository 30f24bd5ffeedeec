"""Head-office sync: the wire protocol, the desktop's client and the server (server/)."""
