import sys

from trienkhai.cli import main

sys.exit(main())
