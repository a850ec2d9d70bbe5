"""Coaching: the next load, the next session and the weekly dose.

Progression rules, planning, the article's weekly dose, and fitting loads to equipment.
"""
