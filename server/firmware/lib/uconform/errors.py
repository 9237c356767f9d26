# An error the server answers with {"error": message}; close=True ends the connection after it.


class HttpError(Exception):
    def __init__(self, status, message, close=False, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.close = close
        self.headers = headers or []
