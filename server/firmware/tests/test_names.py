# lib/uconform/names.txt (interned by main.py at boot) lists exactly the firmware's names (CPython only).
import os
import sys
from tests.support import unittest

FIRMWARE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class NamesTest(unittest.TestCase):
    def test_the_boot_list_matches_the_sources(self):
        sys.path.insert(0, os.path.join(FIRMWARE, "bench"))
        try:
            import names
        finally:
            sys.path.pop(0)
        with open(os.path.join(FIRMWARE, "lib", "uconform", "names.txt")) as f:
            listed = f.read()
        self.assertEqual(listed, names.render(FIRMWARE),
                         "lib/uconform/names.txt is stale: run python3 server/firmware/bench/names.py")

    def test_main_interns_them_before_the_firmware_loads(self):
        with open(os.path.join(FIRMWARE, "main.py")) as f:
            main = f.read()
        self.assertLess(main.index("names.txt"), main.index("from uconform import startup"))
