"""Public meetings of a consultation: the page residents read, sign-up without an account, the
calendar file, and the listing on the consultation page. Comments taken at a meeting go
through staff intake (consultation/intake) with the meeting as their provenance."""
