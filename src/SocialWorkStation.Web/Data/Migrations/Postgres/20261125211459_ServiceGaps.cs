using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Remarks",
                table: "VolunteerProofs",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RecipientId",
                table: "Resources",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VillageCode",
                table: "Resources",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VolunteerAwards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grantor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerAwards_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Organiser = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerTrainings_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Resources_RecipientId",
                table: "Resources",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAwards_VolunteerId_Date",
                table: "VolunteerAwards",
                columns: new[] { "VolunteerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerTrainings_VolunteerId_Date",
                table: "VolunteerTrainings",
                columns: new[] { "VolunteerId", "Date" });

            migrationBuilder.AddForeignKey(
                name: "FK_Resources_Recipients_RecipientId",
                table: "Resources",
                column: "RecipientId",
                principalTable: "Recipients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Resources_Recipients_RecipientId",
                table: "Resources");

            migrationBuilder.DropTable(
                name: "VolunteerAwards");

            migrationBuilder.DropTable(
                name: "VolunteerTrainings");

            migrationBuilder.DropIndex(
                name: "IX_Resources_RecipientId",
                table: "Resources");

            migrationBuilder.DropColumn(
                name: "Remarks",
                table: "VolunteerProofs");

            migrationBuilder.DropColumn(
                name: "RecipientId",
                table: "Resources");

            migrationBuilder.DropColumn(
                name: "VillageCode",
                table: "Resources");
        }
    }
}
