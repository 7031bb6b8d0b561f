using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationHandovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StationHandover",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OutgoingOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutgoingName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IncomingOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncomingName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OutgoingAgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandoverDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ListJson = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationHandover", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StationHandover_Agreement_OutgoingAgreementId",
                        column: x => x.OutgoingAgreementId,
                        principalTable: "Agreement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StationHandover_Organisations_IncomingOrganisationId",
                        column: x => x.IncomingOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StationHandover_Organisations_OutgoingOrganisationId",
                        column: x => x.OutgoingOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StationHandover_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_IncomingOrganisationId",
                table: "StationHandover",
                column: "IncomingOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_OutgoingAgreementId",
                table: "StationHandover",
                column: "OutgoingAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_OutgoingOrganisationId",
                table: "StationHandover",
                column: "OutgoingOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_RegionCode",
                table: "StationHandover",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_StationId",
                table: "StationHandover",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StationHandover");
        }
    }
}
