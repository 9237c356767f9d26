# A minimal unittest stand-in for the MicroPython VM (no unittest there): TestCase + a runner.


class SkipTest(Exception):
    pass


class _Raises:
    def __init__(self, kind):
        self.kind = kind
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            raise AssertionError("expected " + self.kind.__name__)
        if not issubclass(exc_type, self.kind):
            return False
        self.exception = exc
        return True


class TestCase:
    def setUp(self):
        pass

    def tearDown(self):
        pass

    def assertEqual(self, a, b, msg=None):
        if a != b:
            raise AssertionError(msg or "%r != %r" % (a, b))

    def assertNotEqual(self, a, b, msg=None):
        if a == b:
            raise AssertionError(msg or "%r == %r" % (a, b))

    def assertTrue(self, x, msg=None):
        if not x:
            raise AssertionError(msg or "%r is not true" % (x,))

    def assertFalse(self, x, msg=None):
        if x:
            raise AssertionError(msg or "%r is not false" % (x,))

    def assertIn(self, a, b, msg=None):
        if a not in b:
            raise AssertionError(msg or "%r not in %r" % (a, b))

    def assertNotIn(self, a, b, msg=None):
        if a in b:
            raise AssertionError(msg or "%r in %r" % (a, b))

    def assertIsNone(self, x, msg=None):
        if x is not None:
            raise AssertionError(msg or "%r is not None" % (x,))

    def assertIsNotNone(self, x, msg=None):
        if x is None:
            raise AssertionError(msg or "unexpected None")

    def assertRaises(self, kind, fn=None, *args):
        ctx = _Raises(kind)
        if fn is None:
            return ctx
        with ctx:
            fn(*args)
        return ctx

    def skipTest(self, reason):
        raise SkipTest(reason)


def run_module(module, base=None, skip=None):
    """Runs every test_* method of every base subclass in module; returns (passed, failed, skipped).

    base/skip default to this module's TestCase/SkipTest; pass the interpreter's own unittest
    classes when it has one (the PyScript build of MicroPython ships unittest).
    """
    base = base or TestCase
    skip = skip or SkipTest
    passed = failed = skipped = 0
    for name in dir(module):
        cls = getattr(module, name)
        if not (isinstance(cls, type) and issubclass(cls, base) and cls is not base):
            continue
        for meth in sorted(dir(cls)):
            if not meth.startswith("test"):
                continue
            case = cls()
            try:
                case.setUp()
                try:
                    getattr(case, meth)()
                finally:
                    case.tearDown()
                passed += 1
            except skip as e:
                skipped += 1
                print("SKIP", name + "." + meth, str(e))
            except Exception as e:
                failed += 1
                print("FAIL", name + "." + meth, type(e).__name__, str(e))
    return passed, failed, skipped


def main():
    pass
