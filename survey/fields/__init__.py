"""Question types, their stable option keys and the form fields that render them."""
