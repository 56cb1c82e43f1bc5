"""Digest's build pipeline: raw captures in, Markdown with metadata out (see pipeline.py)."""
