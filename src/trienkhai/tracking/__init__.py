"""Tracking: the reporting calendar and pure computations over reported progress."""
