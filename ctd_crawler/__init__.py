"""ctd_crawler: an archive of Vietnamese Red Cross news."""

__version__ = "0.1.0"
