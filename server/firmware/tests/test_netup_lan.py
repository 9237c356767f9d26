# The network step with "net.mode" = "lan" (wired Ethernet, the emulated NUCLEO-F767ZI) and the
# default Wi-Fi path untouched; a fake network module stands in for the port's (CPython only).
from tests.support import unittest
from uconform import netup, boards


class FakeLan:
    def __init__(self, link=True, fail=None):
        self.link = link
        self.fail = fail
        self.config = ("0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0")
        self.up = False

    def active(self, a=None):
        if self.fail:
            raise self.fail
        self.up = a

    def ifconfig(self, c=None):
        if c is None:
            return self.config
        if c == "dhcp":
            self.config = ("10.0.0.9", "255.255.255.0", "10.0.0.1", "10.0.0.1")
        else:
            self.config = c

    def isconnected(self):
        return self.up and self.link


class FakeNetwork:
    STA_IF = 0
    AP_IF = 1

    def __init__(self, lan):
        self.lan = lan

    def LAN(self):
        return self.lan


def bring_up(cfg, network):
    import sys
    said = []
    sys.modules["network"] = network
    try:
        ip, problem = netup.bring_up(cfg, said.append, timeout_ms=300)
    finally:
        del sys.modules["network"]
    return ip, problem, said


def cfg(net):
    return {"net": net, "sta": {"ssid": ""}, "ap": {}}


class LanTest(unittest.TestCase):
    def test_a_static_address_from_config_is_set_and_announced(self):
        lan = FakeLan()
        ip, problem, said = bring_up(cfg({"mode": "lan", "ip": "192.0.2.2", "netmask": "255.255.255.0",
                                          "gateway": "192.0.2.1", "dns": "192.0.2.1"}), FakeNetwork(lan))
        self.assertEqual((ip, problem), ("192.0.2.2", None))
        self.assertEqual(lan.config, ("192.0.2.2", "255.255.255.0", "192.0.2.1", "192.0.2.1"))
        self.assertEqual(said, ["UCONFORM NET mode=lan ip=192.0.2.2"])

    def test_no_ip_means_dhcp(self):
        ip, problem, _ = bring_up(cfg({"mode": "lan"}), FakeNetwork(FakeLan()))
        self.assertEqual((ip, problem), ("10.0.0.9", None))

    def test_no_link_is_a_problem_naming_the_wait(self):
        ip, problem, said = bring_up(cfg({"mode": "lan", "ip": "192.0.2.2"}), FakeNetwork(FakeLan(link=False)))
        self.assertEqual(ip, "192.0.2.2")
        self.assertEqual(problem, "lan: no Ethernet link within 0 s")
        self.assertIn("link=down", said[0])

    def test_an_interface_that_does_not_start_or_a_firmware_without_lan_is_a_problem(self):
        _, problem, _ = bring_up(cfg({"mode": "lan", "ip": "192.0.2.2"}), FakeNetwork(FakeLan(fail=OSError(19))))
        self.assertEqual(problem, "lan: the interface did not start (OSError)")

        class NoLan:
            pass
        ip, problem, _ = bring_up(cfg({"mode": "lan", "ip": "192.0.2.2"}), NoLan())
        self.assertEqual((ip, problem), ("192.0.2.2", "lan: this firmware has no network.LAN"))

    def test_the_nucleo_board_layout_has_its_leds_button_and_adc_pins(self):
        layout = boards.layout("nucleo-f767zi")
        self.assertEqual((layout.name, layout.led, layout.button), ("nucleo-f767zi", 16, 45))
        self.assertIn(30, layout.pins)
        self.assertEqual(layout.input_only, [])


if __name__ == "__main__":
    unittest.main()
