"""What every stage shares: the typed records (models), settings, errors, text normalisation, ids and
the display forms of citations. Imports nothing else from sectorbot."""
