"""The head-office sync in the app: enrolment dialog and the background sync."""
