"""Extractors: stages that find structured facts (times, ...) in article text."""
