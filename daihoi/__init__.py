"""Domain logic of the "Hướng tới Đại hội" site generator.

Nothing in this package imports mkdocs: the content model, validation, timeline,
importer, documents and Vietnamese text helpers are plain Python over plain data,
so that moving to another engine means rewriting the adapters in hooks/ and
build.py, not this package.
"""
