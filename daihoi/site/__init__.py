"""What the published site is made of: page views, generated files (downloads, widget, cards, search), safety."""
