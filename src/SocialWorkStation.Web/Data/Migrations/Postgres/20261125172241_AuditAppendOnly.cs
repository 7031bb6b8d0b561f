using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
{
    /// <summary>The audit trail is append-only in the database itself: UPDATE and DELETE are refused (等保 2.0).</summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit trail is append-only'; END; $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_no_truncate ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_no_change ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_append_only();");
        }
    }
}
