"""Plans: the structure of a plan document (header, outline, targets, assignments, tasks, references)."""
