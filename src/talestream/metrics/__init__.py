"""Reading metrics computed from a finished story (offline, no downloads)."""

from talestream.metrics.reading import ReadingMetrics, compute_metrics, reading_seconds

__all__ = ["ReadingMetrics", "compute_metrics", "reading_seconds"]
