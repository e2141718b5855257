"""The WSGI application that production servers run."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corridor.settings")
application = get_wsgi_application()
