"""The commands behind build.py: setting up (bootstrap, standard library only), atomic writes, new, package."""
