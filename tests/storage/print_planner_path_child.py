"""Child process of test_children_run_the_code_under_test: prints where it imported ``planner`` from."""

import planner

print(planner.__file__)
