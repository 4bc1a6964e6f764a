"""Finding detectors: each compares two prepared statements and returns typed findings."""
