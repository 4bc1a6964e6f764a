"""QtCore only: runs core work on a thread pool and brings results back to the GUI thread."""

from desktop.workers.qtguard import make_singletons_immortal

# Before any Qt call from this process's views: see qtguard for the PySide6 6.12 bug it covers.
make_singletons_immortal()
