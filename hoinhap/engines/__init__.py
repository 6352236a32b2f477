"""Plain Python engines (no Django): Vietnamese text, legal documents, screening, conclusions."""
