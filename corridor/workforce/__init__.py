"""Occupations, labour supply, demand and training programs."""
