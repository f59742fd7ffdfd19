"""Widgets: results list and facets (search); article view and side panel (reader)."""
