import sys

from ips_reflect.cli import main

sys.exit(main())
