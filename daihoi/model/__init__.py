"""The content model: reading and checking content files, congresses, plans, posts, timeline and the plan/1 contract."""
