"""Batch processing of whole archives: ``kazextract run`` (:mod:`.runner`), its worker processes
(:mod:`.worker`, :mod:`.executors`), progress and summary, and the Dask integration (:mod:`.dask_run`)."""
