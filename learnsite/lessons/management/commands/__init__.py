"""``manage.py load_demo``: the demo article of ``make run``."""
