"""Vietnamese text: dates, normalisation and folding, Roman numerals. Standard library only."""
