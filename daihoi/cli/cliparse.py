"""argparse that speaks Vietnamese: every command of build.py uses this parser."""
from __future__ import annotations

import argparse
import re

# argparse's own messages, in Vietnamese.
_MESSAGES = [
    (r"^unrecognized arguments: (.*)$", r"không hiểu tham số: \1"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$", r"\1: không có lựa chọn \2 (chọn một trong: \3)"),
    (r"^the following arguments are required: (.*)$", r"thiếu tham số: \1"),
    (r"^argument (\S+): expected one argument$", r"\1 cần một giá trị"),
    (r"^argument (\S+): invalid (\w+) value: (.*)$", r"\1: giá trị \3 không hợp lệ"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"không dùng \1 cùng với \2"),
]


class Parser(argparse.ArgumentParser):
    """Usage errors in Vietnamese, exit code 2."""

    def error(self, message):
        for pattern, repl in _MESSAGES:
            message = re.sub(pattern, repl, message)
        self.exit(2, f"Lỗi: {message}.\nXem hướng dẫn: python {self.prog} --help\n")

    def format_usage(self):
        return super().format_usage().replace("usage:", "Cách dùng:", 1)

    def format_help(self):
        text = super().format_help().replace("usage:", "Cách dùng:", 1)
        text = text.replace("\npositional arguments:\n", "\nTham số:\n")
        return text.replace("\noptions:\n", "\nTùy chọn:\n").replace("show this help message and exit",
                                                                    "hiện hướng dẫn này rồi thoát")
