"""Benchmarks: speed and memory figures, printed as medians with ratios against a baseline measured
in the same run (machines here are small and noisy). Run all with `make bench` or `python -m benchmarks`."""
