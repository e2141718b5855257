"""Signals other capabilities listen to, so that calls need not know about them."""

from django.dispatch import Signal

# Sent after the answers of a completed call are stored: sender=Call, call, answers, user.
# The supply chain turns the supply-chain answer into needs.
call_recorded = Signal()
