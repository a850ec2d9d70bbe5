"""Answers: short, sourced replies to training questions from the knowledge base.

The knowledge base, its lexical index, personal numbers, and the substance guard.
"""
