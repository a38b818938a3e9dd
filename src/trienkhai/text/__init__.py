"""Vietnamese text handling: Unicode normalisation, matching forms, legacy encodings."""
