using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgressSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ProgressWorkerMonths",
                table: "ProgressWorkerMonths");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ProgressStationMonths",
                table: "ProgressStationMonths");

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "ProgressWorkerMonths",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "ProgressStationMonths",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProgressWorkerMonths",
                table: "ProgressWorkerMonths",
                columns: new[] { "WorkerId", "StationId", "Month", "Slot" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProgressStationMonths",
                table: "ProgressStationMonths",
                columns: new[] { "StationId", "Month", "Slot" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ProgressWorkerMonths",
                table: "ProgressWorkerMonths");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ProgressStationMonths",
                table: "ProgressStationMonths");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "ProgressWorkerMonths");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "ProgressStationMonths");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProgressWorkerMonths",
                table: "ProgressWorkerMonths",
                columns: new[] { "WorkerId", "StationId", "Month" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProgressStationMonths",
                table: "ProgressStationMonths",
                columns: new[] { "StationId", "Month" });
        }
    }
}
