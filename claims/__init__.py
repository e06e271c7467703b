"""The domain core: values, rules and decisions of "job på få lønnede timer". No I/O here."""
