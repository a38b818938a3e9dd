"""trienkhai: read plan documents, link them into their cascade, track and review their implementation.

This package is the framework-free core: plain functions over dataclasses. It never imports Django
(a test enforces it), so it can be used as a library and from the command line on its own.
"""

__version__ = "0.1.0"
