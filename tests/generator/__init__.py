"""Random claim emails with known truth, for testing that the parser generalises (issue 9).

`case.generate(seed)` draws a claim (truth.py), renders its payslip in a random layout
(payslip.py) and its email in a random phrasing (body.py), and returns the raw bytes with the
fields that the mail really states. `score.py` compares a parse with the truth; `report.py` runs
many seeds and tells which general facts fail. See README.md.
"""
