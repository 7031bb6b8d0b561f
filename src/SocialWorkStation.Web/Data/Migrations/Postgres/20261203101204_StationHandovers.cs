using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OutgoingOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutgoingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IncomingOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncomingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OutgoingAgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandoverDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ListJson = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
