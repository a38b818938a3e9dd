"""The cascade of plans: which documents a plan carries out, and how much of its parent it covers."""
