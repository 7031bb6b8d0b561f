using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Progress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressStationMonths",
                columns: table => new
                {
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    HomeVisits = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    RecipientFiles = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    CasesServed = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    Groups = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    Activities = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    PublicityActivities = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    AdvocacyActivities = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    NewVolunteers = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    FeaturedCases = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    ContractorChecks = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressStationMonths", x => new { x.StationId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ProgressWorkerMonths",
                columns: table => new
                {
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    HomeVisits = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    TrainingTenths = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressWorkerMonths", x => new { x.WorkerId, x.StationId, x.Month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressStationMonths_Month",
                table: "ProgressStationMonths",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressWorkerMonths_StationId_Month",
                table: "ProgressWorkerMonths",
                columns: new[] { "StationId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressStationMonths");

            migrationBuilder.DropTable(
                name: "ProgressWorkerMonths");
        }
    }
}
