"""`corridor bench web`: Corridor served by gunicorn under a locust load.

``data`` fills a separate benchmark database (facilities, calls, answers,
flags, follow-ups, users of each role); ``locustfile`` is what each simulated
user does; ``run`` starts the server and the load, kills a worker halfway, and
reports latency per page and API read, errors and the consistency of the
writes made during the run.
"""
