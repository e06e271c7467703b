"""Data files of the rules core (rates per year). Read through `claims.policy`, never at import."""
