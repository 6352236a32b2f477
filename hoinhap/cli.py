"""`hoinhap`: the project's command line.

The engine commands run without loading Django:
  hoinhap parse FILE [--json]          legal document -> metadata, structure, references
  hoinhap screen FILE [--json]         provisions (JSONL) or a document -> screening
  hoinhap extract-tasks FILE [--json]  conclusion notice -> proposed tasks ("6 rõ")
  hoinhap embedded                     migrate, load data, start worker and web server (make run)
Every other command is Django's manage.py (migrate, runserver, createsuperuser, …).
"""

from __future__ import annotations

import importlib
import os
import sys

ENGINE_COMMANDS = {
    "parse": "hoinhap.engines.legal.cli",
    "screen": "hoinhap.engines.screening.cli",
    "extract-tasks": "hoinhap.engines.conclusions.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ENGINE_COMMANDS:
        module = importlib.import_module(ENGINE_COMMANDS[argv[0]])
        return int(module.main(argv[1:]) or 0)
    if argv and argv[0] == "embedded":
        from hoinhap.config.embedded import main as embedded_main

        return int(embedded_main(argv[1:]) or 0)
    return manage(argv)


def manage(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinhap.config.settings")
    from hoinhap.config.env import SettingsError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["hoinhap", *argv])
    except SettingsError as exc:
        print(f"Lỗi cấu hình: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
