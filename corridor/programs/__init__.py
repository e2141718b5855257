"""Funding programs, funded projects and referrals."""
