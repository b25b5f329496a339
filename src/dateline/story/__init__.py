"""Story-level views across articles: grouping claims and finding where sources disagree."""
