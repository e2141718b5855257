"""Companies, facilities (plants) and the source records they were built from."""
