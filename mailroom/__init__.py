"""Mail in and out: the claims mailbox (`sources`: Maildir, IMAP), the outbox (`senders`: SMTP,
a folder of .eml files) and the Danish replies (`replies`, with `templates/`).

Imports `claims` only (ARCHITECTURE.md); imap_tools only in `sources`. Entry points:
`sources.open_source(url)`, `senders.open_sender(url)`, `replies.render_reply(...)`,
`replies.is_automatic(headers)`; every error is a `errors.MailroomError`.
"""
