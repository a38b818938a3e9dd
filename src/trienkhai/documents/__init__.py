"""Reading documents (.txt, .docx, .pdf, .doc) into a flat list of blocks."""
