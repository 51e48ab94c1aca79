"""The instructor's kit: build the students' notebooks, the solutions, the slides and the reading copy, and serve the
live presentation view. Build tooling only: nothing in `helpers` imports it."""
