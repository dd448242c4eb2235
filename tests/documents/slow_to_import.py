"""A module that takes a second to import, as the forkserver's libraries take half a second
(test_documents_workers: submitting does not wait for them)."""
import time

time.sleep(1.0)
