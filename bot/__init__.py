"""sectorbot's front ends: the `sectorbot` command and the Slack app."""
