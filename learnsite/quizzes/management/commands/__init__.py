"""``manage.py import_articles``: a batch import from the shell."""
