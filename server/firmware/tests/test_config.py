# config.json handling: defaults, validation, masking (BOOT-01, BOOT-02).
import json
from tests.support import unittest
from uconform import config


class ConfigTest(unittest.TestCase):
    def test_masked_hides_every_secret(self):
        cfg = config.defaults()
        cfg["sta"]["password"] = "wifi-secret"
        cfg["auth"]["password"] = "auth-secret"
        text = json.dumps(config.masked(cfg))
        self.assertNotIn("wifi-secret", text)
        self.assertNotIn("auth-secret", text)
        self.assertEqual(config.masked(cfg)["sta"]["password"], "****")

    def test_merge_keeps_secret_sent_back_masked(self):
        cfg = config.defaults()
        cfg["sta"]["password"] = "s3cret"
        config.merge(cfg, {"sta": {"ssid": "lab", "password": "****"}, "device": {"name": "n2"}})
        self.assertEqual((cfg["sta"]["ssid"], cfg["sta"]["password"]), ("lab", "s3cret"))
        self.assertEqual(cfg["device"]["name"], "n2")
        self.assertEqual(cfg["device"]["board"], "esp32-devkitc")

    def test_validation_names_the_problem(self):
        cfg = config.defaults()
        cfg["sta"] = {"ssid": "lab"}
        with self.assertRaises(config.ConfigError) as ctx:
            config.validate(cfg)
        self.assertIn("sta.password", str(ctx.exception))
        cfg = config.defaults()
        cfg["server"]["port"] = 70000
        self.assertRaises(config.ConfigError, config.validate, cfg)

    def test_load_rejects_missing_and_invalid_files(self):
        self.assertRaises(config.ConfigError, config.load, "/nonexistent/config.json")


if __name__ == "__main__":
    unittest.main()
