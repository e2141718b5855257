"""The REST API over every capability, under the same access policy as the pages."""
