# Runs first on a board: keep it tiny; Wi-Fi and the app are brought up by main.py (startup.run).
import gc

gc.collect()
