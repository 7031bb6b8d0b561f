#!/usr/bin/env bash
# Adds a migration for both database providers (each keeps its own migration set, ADR 0002).
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <Name>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/SocialWorkStation.Web
dotnet ef migrations add "$name" --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --context PgAppDbContext --output-dir Data/Migrations/Postgres
