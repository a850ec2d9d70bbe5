"""History: the stored sets, import, export, charts and deleting everything about a person.

Strong and Hevy imports, CSV and JSON export, progress charts, and their commands.
"""
