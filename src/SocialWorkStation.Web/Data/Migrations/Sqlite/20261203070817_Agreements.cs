using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LegalForm",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegisteringAuthority",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgrammeCycle",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ProfileKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    BuyerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContractorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Years = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCycle", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeCycle_Organisations_ContractorId",
                        column: x => x.ContractorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Agreement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    YearNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Clauses = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkersPlacedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreement_ProgrammeCycle_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ProgrammeCycle",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCycleStation",
                columns: table => new
                {
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCycleStation", x => new { x.CycleId, x.StationId });
                    table.ForeignKey(
                        name: "FK_ProgrammeCycleStation_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeCycleStation_ProgrammeCycle_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ProgrammeCycle",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreement_CycleId_YearNumber",
                table: "Agreement",
                columns: new[] { "CycleId", "YearNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCycle_ContractorId",
                table: "ProgrammeCycle",
                column: "ContractorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCycle_CountyCode",
                table: "ProgrammeCycle",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCycleStation_StationId",
                table: "ProgrammeCycleStation",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agreement");

            migrationBuilder.DropTable(
                name: "ProgrammeCycleStation");

            migrationBuilder.DropTable(
                name: "ProgrammeCycle");

            migrationBuilder.DropColumn(
                name: "LegalForm",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RegisteringAuthority",
                table: "Organisations");
        }
    }
}
