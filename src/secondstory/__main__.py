from secondstory.cli import main

raise SystemExit(main())
