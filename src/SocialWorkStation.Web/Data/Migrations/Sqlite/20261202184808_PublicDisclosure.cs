using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "FeaturedCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "FeaturedCases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContractorDisclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BasicInfo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Qualifications = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnnualFinancialReport = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProjectExperience = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractorDisclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractorDisclosures_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StationDisclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlatformId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceDirectory = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ServiceGuide = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ServiceListFiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationDisclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StationDisclosures_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractorDisclosures_OrganisationId",
                table: "ContractorDisclosures",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StationDisclosures_PlatformId",
                table: "StationDisclosures",
                column: "PlatformId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractorDisclosures");

            migrationBuilder.DropTable(
                name: "StationDisclosures");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "FeaturedCases");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "FeaturedCases");
        }
    }
}
