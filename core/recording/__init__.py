"""Recording a workout: reading what people type into sets and cardio, and the reply.

The parser, set notation, cardio, the exercise catalogue, entries, and the one path a log takes.
"""
