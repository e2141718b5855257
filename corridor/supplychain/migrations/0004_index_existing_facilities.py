"""Formerly indexed the facilities already in the registry; 0005 does it now (with the
index's present layout), so that a new installation runs it once."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("supplychain", "0003_supplier_search")]
    operations = []
