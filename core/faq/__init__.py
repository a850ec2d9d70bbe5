"""Answers: short, sourced replies to training questions from the knowledge base.

The knowledge base, its lexical index, personal numbers (the person's own next load too),
follow-up questions, and the substance guard.
"""
