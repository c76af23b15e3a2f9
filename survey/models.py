"""Survey pages arrive with the survey issue; the app exists so the tree has its final shape."""
