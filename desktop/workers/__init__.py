"""QtCore only: runs core work on a thread pool and brings results back to the GUI thread."""
