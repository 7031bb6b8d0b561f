using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditArchives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SealId = table.Column<long>(type: "bigint", nullable: false),
                    FromId = table.Column<long>(type: "bigint", nullable: false),
                    UpToId = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    File = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditArchives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditArchives_FromId_UpToId",
                table: "AuditArchives",
                columns: new[] { "FromId", "UpToId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditArchives_SealId",
                table: "AuditArchives",
                column: "SealId",
                unique: true);

            // Archived runs may leave the database, nothing else: an entry is deleted only inside a run an archive
            // record covers (inserted in the same transaction); archive records are append-only like seals.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM "AuditArchives" a WHERE OLD."Id" BETWEEN a."FromId" AND a."UpToId") THEN
                    RETURN OLD;
                  END IF;
                  RAISE EXCEPTION 'audit trail is append-only';
                END; $$;
                """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_no_change ON "AuditEntries";""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entry_guard();""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_archive_no_change BEFORE UPDATE OR DELETE ON "AuditArchives" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON "AuditArchives" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_archive_no_truncate ON "AuditArchives";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_archive_no_change ON "AuditArchives";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_no_change ON "AuditEntries";""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entry_guard();");
            migrationBuilder.DropTable(
                name: "AuditArchives");
        }
    }
}
