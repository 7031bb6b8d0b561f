using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <summary>The audit trail is append-only in the database itself: UPDATE and DELETE are refused (等保 2.0).</summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");
        }
    }
}
