#!/usr/bin/env bash
# Adds a migration to both migration sets (SQLite and PostgreSQL) of one module.
# Usage: tools/add-migration.sh <Kernel|Organization|Identity|Students|Teachers|...> <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1; name=$2
case $module in
  Kernel) project=src/EduCloud.Kernel; ctx=AuditDbContext ;;
  *) project=src/Modules/$module; ctx=${module}DbContext ;;
esac
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project $project --startup-project $project --context Sqlite$ctx --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project $project --startup-project $project --context Postgres$ctx --output-dir Data/Migrations/Postgres
