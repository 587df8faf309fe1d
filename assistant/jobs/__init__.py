"""Jobs: the glue that runs the pure plans against the IO edges - the sync pipeline and its
worker processes, the work behind each command, the digest job and the long-running service.

May import anything.
"""
