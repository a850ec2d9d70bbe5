"""Recorded activities from a watch or a chest strap: FIT, TCX and GPX files read into a
heart-rate stream (`readers`), and the minutes it spent in a heart-rate band (`zones`).
"""
