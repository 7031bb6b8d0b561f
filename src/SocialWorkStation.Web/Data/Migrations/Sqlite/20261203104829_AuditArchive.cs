using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SealId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpToId = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Mac = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");
            migrationBuilder.Sql("CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries WHEN NOT EXISTS (SELECT 1 FROM AuditArchives a WHERE OLD.Id BETWEEN a.FromId AND a.UpToId) BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_archive_no_update BEFORE UPDATE ON AuditArchives BEGIN SELECT RAISE(ABORT, 'audit archives are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_archive_no_delete BEFORE DELETE ON AuditArchives BEGIN SELECT RAISE(ABORT, 'audit archives are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_archive_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_archive_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");
            migrationBuilder.Sql("CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
            migrationBuilder.DropTable(
                name: "AuditArchives");
        }
    }
}
