"""Many threads reading and writing objects at once, every result checked; on a
free-threaded build this runs with the GIL really off."""

import json
import random
import sys
import sysconfig
import threading
import unittest

import trackbalances as tb

from . import schema as S

THREADS = 8
ROUNDS = 150


class ThreadTest(unittest.TestCase):
    def test_reading_and_writing_from_many_threads(self):
        if sysconfig.get_config_var("Py_GIL_DISABLED"):
            # Importing the package (and these tests) must not have turned the GIL back on.
            self.assertFalse(sys._is_gil_enabled())  # type: ignore[attr-defined]
        rng = random.Random(11)
        subs = S.subschemas()
        payloads = [("TrackBalances", S.load("full_balance.json"))]
        payloads += [("TrackResponse", S.generate(subs["TrackResponse"], rng)) for _ in range(20)]
        payloads += [("TrackBalances", S.generate(subs["TrackBalances"], rng)) for _ in range(20)]
        texts = [json.dumps(payload) for _, payload in payloads]
        shared = [getattr(tb, name).from_dict(payload) for name, payload in payloads]
        expected_json = [obj.to_json() for obj in shared]
        expected_hash = [hash(obj) for obj in shared]
        start = threading.Barrier(THREADS)
        failures = []

        def work(seed):
            local = random.Random(seed)
            start.wait()
            try:
                for _ in range(ROUNDS):
                    index = local.randrange(len(payloads))
                    name, payload = payloads[index]
                    cls = getattr(tb, name)
                    mine = cls.from_json(texts[index]) if local.random() < 0.5 else None
                    mine = mine or cls.from_dict(payload)
                    theirs = shared[index]  # one object, read by every thread
                    assert mine == theirs and hash(mine) == expected_hash[index]
                    assert theirs.to_dict() == payload
                    assert list(S.key_orders(theirs.to_dict())) == list(S.key_orders(payload))
                    assert mine.to_json() == expected_json[index] == theirs.to_json()
                    assert mine.unrecognized() == theirs.unrecognized()
                    try:
                        cls.from_dict(dict(payload, customer_id=1, feature_id=2))
                    except tb.ValidationError as error:
                        assert error.errors[0].message == "expected a string, got int %d" % (
                            1 if name == "TrackResponse" else 2
                        )
                    else:
                        raise AssertionError("a bad payload was accepted")
            except BaseException as error:  # reported by the main thread
                failures.append(error)

        threads = [threading.Thread(target=work, args=(seed,)) for seed in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])


if __name__ == "__main__":
    unittest.main()
